/**
 * One entry point for every importable file, shared by the browser and the command line: tells
 * the format from the content (and the file name), then runs that importer. Native files pass the
 * one load path (parse → migrate → validate); AIF, Argdown and plain text become new maps.
 */
import { parseMapText } from './mapFile';
import { importAif, isAif } from './importAif';
import { importArgdown } from './importArgdown';
import { importText, type ImportOptions, type ImportResult } from './importText';

export type ImportFormat = 'argmap' | 'aif' | 'argdown' | 'text';

export interface ImportFileOptions extends ImportOptions {
  /** For AIF from AIFdb: the analysed text, from the `.txt` file beside the JSON. */
  sidecarText?: string;
}

/** The import's outcome, with the format it was read as. */
export type FileImportResult = ImportResult & { format?: ImportFormat };

function parseJson(text: string): unknown {
  if (!/^\s*[{[]/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function importFile(
  name: string,
  text: string,
  options: ImportFileOptions = {},
): FileImportResult {
  const { sidecarText, ...common } = options;
  if (text.includes('\u0000')) {
    return {
      ok: false,
      problems: [{ path: '', message: `${name} is a binary file, not a map or a text.` }],
    };
  }
  const json = parseJson(text);
  const isJsonName = /\.json$/i.test(name);
  if (
    (json !== undefined && (json as { format?: unknown }).format === 'argmap') ||
    /\.argmap\.json$/i.test(name)
  ) {
    const loaded = parseMapText(text);
    if (!loaded.ok) return loaded;
    const report =
      loaded.migratedFrom !== undefined ? [`Migrated from version ${loaded.migratedFrom}.`] : [];
    return { ok: true, map: loaded.map, report, format: 'argmap' };
  }
  if (json !== undefined && isAif(json)) {
    const result = importAif(json, {
      ...common,
      ...(sidecarText !== undefined ? { text: sidecarText } : {}),
    });
    return { ...result, format: 'aif' };
  }
  if (isJsonName) {
    const message =
      json === undefined
        ? `${name} is not valid JSON.`
        : `${name} is JSON but neither an argument map ("format": "argmap") nor AIF (nodes and edges).`;
    return { ok: false, problems: [{ path: '', message }] };
  }
  if (/\.(argdown|ad)$/i.test(name) || /^\s*(===|\[[^\]\n]+\]:|<[^>\n]+>:)/m.test(text)) {
    return { ...importArgdown(text, common), format: 'argdown' };
  }
  return { ...importText(text, common), format: 'text' };
}
