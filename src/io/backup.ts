/**
 * A backup of every stored map in one file, and reading one back map by map: each map is
 * migrated, validated and checked against the map limits on its own, so the healthy maps of a
 * backup come back and each refused one is listed with its reasons.
 */
import type { ArgMap } from '../model/schema';
import { problem, type Problem } from '../model/problem';
import { mapLimitProblems } from '../model/limits';
import { loadMapDocument } from './mapFile';
import { parseJsonText } from './parseJsonText';
import { BACKUP_FILE_LIMITS } from './inputLimits';

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

/**
 * Whether a file's first characters are those of a backup (as {@link serializeBackup} writes
 * it): enough to read it with the backup's size limits before reading the rest.
 */
export function looksLikeBackup(head: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"argmap-backup"/.test(head);
}

/** One map of a backup that was not restored: its place, its title when it has one, and why. */
export interface RefusedMap {
  index: number;
  title?: string;
  problems: Problem[];
}

export interface BackupContents {
  maps: ArgMap[];
  refused: RefusedMap[];
  /** Every problem, paths prefixed `maps[i]`. */
  problems: Problem[];
}

/** The valid maps of a parsed backup, and each refused one with its problems. */
export function readBackup(doc: unknown): BackupContents {
  const list = (doc as { maps?: unknown }).maps;
  if (!Array.isArray(list)) {
    return { maps: [], refused: [], problems: [problem('maps', 'backupNoMaps')] };
  }
  const maps: ArgMap[] = [];
  const refused: RefusedMap[] = [];
  const problems: Problem[] = [];
  list.forEach((entry: unknown, index) => {
    const loaded = loadMapDocument(entry);
    const own = loaded.ok ? mapLimitProblems(loaded.map) : loaded.problems;
    if (loaded.ok && own.length === 0) {
      maps.push(loaded.map);
      return;
    }
    const title = (entry as { title?: unknown } | null)?.title;
    refused.push({
      index,
      ...(typeof title === 'string' ? { title: title.slice(0, 80) } : {}),
      problems: own,
    });
    for (const p of own)
      problems.push({ ...p, path: p.path ? `maps[${index}].${p.path}` : `maps[${index}]` });
  });
  return { maps, refused, problems };
}

/**
 * A backup file's text → its maps, map by map. Only what concerns the whole file (its size, JSON
 * syntax, nesting) refuses it all; a map over a limit or broken is refused alone.
 */
export function restoreBackup(
  text: string,
): { ok: true; contents: BackupContents } | { ok: false; problems: Problem[] } {
  const parsed = parseJsonText(text, { limits: BACKUP_FILE_LIMITS, stringLimits: false });
  if (!parsed.ok) return parsed;
  if (!isBackup(parsed.value))
    return { ok: false, problems: [problem('format', 'backupNotBackup')] };
  return { ok: true, contents: readBackup(parsed.value) };
}
