/** A backup of every stored map in one file, and reading one back (each map validated). */
import type { ArgMap } from '../model/schema';
import type { Problem } from '../model/problem';
import { loadMapDocument } from './mapFile';

export const BACKUP_FORMAT = 'argmap-backup';

export function serializeBackup(maps: readonly ArgMap[], now = new Date().toISOString()): string {
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: 1, createdAt: now, maps }, null, 2)}\n`;
}

export function isBackup(doc: unknown): boolean {
  return (
    typeof doc === 'object' &&
    doc !== null &&
    (doc as { format?: unknown }).format === BACKUP_FORMAT
  );
}

/** The valid maps of a backup, and the problems of each invalid one (paths prefixed `maps[i]`). */
export function readBackup(doc: unknown): { maps: ArgMap[]; problems: Problem[] } {
  const list = (doc as { maps?: unknown }).maps;
  if (!Array.isArray(list))
    return {
      maps: [],
      problems: [{ path: 'maps', message: 'is missing: this backup holds no maps' }],
    };
  const maps: ArgMap[] = [];
  const problems: Problem[] = [];
  list.forEach((entry, i) => {
    const loaded = loadMapDocument(entry);
    if (loaded.ok) maps.push(loaded.map);
    else
      for (const p of loaded.problems)
        problems.push({ path: p.path ? `maps[${i}].${p.path}` : `maps[${i}]`, message: p.message });
  });
  return { maps, problems };
}
