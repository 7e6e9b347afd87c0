/**
 * The one load path for argument-map documents: text → JSON → migrate → validate. Files the user
 * opens, records read back from IndexedDB and the maps shipped in `maps/` all go through
 * {@link parseMapText} or {@link loadMapDocument}, so a bad document is caught in one place.
 */
import { validateMap } from '../model/validate';
import { FORMAT, type ArgMap } from '../model/schema';
import type { Problem } from '../model/problem';
import { migrate } from './migrations';

export type LoadResult =
  { ok: true; map: ArgMap; migratedFrom?: number } | { ok: false; problems: Problem[] };

/** Files larger than this are refused before parsing, so the tab never freezes on one. */
export const MAX_FILE_CHARS = 20_000_000;

const fail = (message: string, path = ''): LoadResult => ({
  ok: false,
  problems: [{ path, message }],
});

/** Parses the text of a `.argmap.json` file. */
export function parseMapText(text: string): LoadResult {
  if (text.length > MAX_FILE_CHARS) {
    return fail(
      `The file is too large (${Math.round(text.length / 1e6)} million characters; the limit is ${MAX_FILE_CHARS / 1e6} million).`,
    );
  }
  if (!text.trim()) return fail('The file is empty.');
  if (text.includes('\u0000'))
    return fail('This is a binary file, not an argument map (JSON text).');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return fail(`The file is not valid JSON: ${(error as Error).message}`);
  }
  return loadMapDocument(doc);
}

/** Migrates and validates an already-parsed document. */
export function loadMapDocument(doc: unknown): LoadResult {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return fail('This JSON is not an argument map: expected an object with "format": "argmap".');
  }
  const record = doc as Record<string, unknown>;
  if (record.format !== FORMAT) {
    return record.format === undefined
      ? fail(`is missing (expected "${FORMAT}"): this JSON is not an argument map`, 'format')
      : fail(
          `is ${JSON.stringify(record.format).slice(0, 40)}, not "${FORMAT}": this file is not an argument map`,
          'format',
        );
  }
  const migrated = migrate(record);
  if (!migrated.ok) return fail(migrated.message);
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
