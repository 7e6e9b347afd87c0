/**
 * The one load path for argument-map documents: text → JSON → migrate → validate. Files the user
 * opens, records read back from IndexedDB and the maps shipped in `maps/` all go through
 * {@link parseMapText} or {@link loadMapDocument}, so a bad document is caught in one place.
 */
import { validateMap } from '../model/validate';
import { FORMAT, type ArgMap } from '../model/schema';
import { briefValue, problem, type Problem } from '../model/problem';
import type { MessageKey } from '../model/messages';
import { migrate } from './migrations';
import { INPUT_LIMITS } from './inputLimits';
import { parseJsonText } from './parseJsonText';

export type LoadResult =
  { ok: true; map: ArgMap; migratedFrom?: number } | { ok: false; problems: Problem[] };

/** Files longer than this (in characters) are refused before parsing. */
export const MAX_FILE_CHARS = INPUT_LIMITS.chars;

const fail = (path: string, key: MessageKey, ...args: string[]): LoadResult => ({
  ok: false,
  problems: [problem(path, key, ...args)],
});

/** Parses the text of a `.argmap.json` file. */
export function parseMapText(text: string): LoadResult {
  const parsed = parseJsonText(text);
  return parsed.ok ? loadMapDocument(parsed.value) : parsed;
}

/** Migrates and validates an already-parsed document. */
export function loadMapDocument(doc: unknown): LoadResult {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return fail('', 'mapNotMap');
  }
  const record = doc as Record<string, unknown>;
  if (record.format !== FORMAT) {
    return record.format === undefined
      ? fail('format', 'mapNoFormat', FORMAT)
      : fail('format', 'mapOtherFormat', briefValue(record.format), FORMAT);
  }
  const migrated = migrate(record);
  if (!migrated.ok) {
    const { ok, ...problem } = migrated;
    return { ok, problems: [problem] };
  }
  const validated = validateMap(migrated.doc);
  if (!validated.ok) return validated;
  return migrated.from === validated.map.version
    ? { ok: true, map: validated.map }
    : { ok: true, map: validated.map, migratedFrom: migrated.from };
}

/** The text of a `.argmap.json` file for a map (2-space indented, trailing newline). */
export function serializeMap(map: ArgMap): string {
  return `${JSON.stringify(map, null, 2)}\n`;
}
