/**
 * One entry point for every importable file, shared by the browser and the command line: tells
 * the format from the content (and the file name), then runs that importer. Native files pass the
 * one load path (parse → migrate → validate); AIF, Argdown and plain text become new maps. Bad
 * input of any kind comes back as problems (with a JSON path or a line and column), never as an
 * exception.
 */
import { loadMapDocument } from './mapFile';
import { importAif, isAif } from './importAif';
import { importArgdown } from './importArgdown';
import { importText, type ImportOptions, type ImportResult } from './importText';
import { checkText } from './decodeText';
import { parseJsonText } from './parseJsonText';
import { INPUT_LIMITS, formatCount } from './inputLimits';
import { FORMAT, type OriginKind } from '../model/schema';
import { mapLimitProblems } from '../model/limits';
import { problem } from '../model/problem';
import { english, say, type Message, type MessageArg, type MessageKey } from '../model/messages';

export type ImportFormat = 'argmap' | 'aif' | 'argdown' | 'text';

export interface ImportFileOptions extends ImportOptions {
  /** For AIF from AIFdb: the analysed text, from the `.txt` file beside the JSON. */
  sidecarText?: string;
}

/** The import's outcome, with the format it was read as. */
export type FileImportResult = ImportResult & { format?: ImportFormat };

const fail = (key: MessageKey, ...args: (MessageArg | number)[]): FileImportResult => ({
  ok: false,
  problems: [problem('', key, ...args)],
});

/**
 * A parsed JSON document meant as a native map: it says `"format": "argmap"`, or has a map's
 * `sources` and `nodes` (AIF has no sources), or names another format and is not AIF.
 */
function isNativeLike(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const doc = json as Record<string, unknown>;
  if (doc.format === FORMAT || ('sources' in doc && 'nodes' in doc)) return true;
  return typeof doc.format === 'string' && !isAif(json);
}

/** A text that is too long to split into sentences without freezing the page. */
function tooLongForText(text: string, what: MessageKey): FileImportResult | undefined {
  if (text.length <= INPUT_LIMITS.sourceChars) return undefined;
  return fail(
    'textTooLong',
    say(what),
    formatCount(text.length),
    formatCount(INPUT_LIMITS.sourceChars),
  );
}

export function importFile(
  name: string,
  text: string,
  options: ImportFileOptions = {},
): FileImportResult {
  const { sidecarText, ...common } = options;
  const checked = checkText(text);
  if (!checked.ok) return checked;
  if (!text.trim()) return fail('fileEmpty');
  const isJsonName = /\.json$/i.test(name);
  if (isJsonName || /^\s*[{["]/.test(text)) {
    const parsed = parseJsonText(text);
    // Not JSON after all, without a .json name: an Argdown file may start with "[".
    if (!parsed.ok && !isJsonName) return importAsText(name, text, common);
    if (!parsed.ok) return parsed;
    const json = parsed.value;
    if (isNativeLike(json) || /\.argmap\.json$/i.test(name)) {
      const loaded = loadMapDocument(json);
      if (!loaded.ok) return loaded;
      const over = mapLimitProblems(loaded.map);
      if (over.length) return { ok: false, problems: over };
      const notes = loaded.migratedFrom !== undefined ? [say('migrated', loaded.migratedFrom)] : [];
      return { ok: true, map: loaded.map, report: notes.map(english), notes, format: 'argmap' };
    }
    if (isAif(json)) {
      if (sidecarText !== undefined) {
        const sidecar = checkText(sidecarText);
        if (!sidecar.ok) return sidecar;
        const long = tooLongForText(sidecarText, 'textWhatSidecar');
        if (long) return long;
      }
      const result = importAif(json, {
        ...common,
        ...(sidecarText !== undefined ? { text: sidecarText } : {}),
      });
      return { ...withOrigin(result, 'aif', name), format: 'aif' };
    }
    if (isJsonName) {
      return fail('fileOtherJson', describeJson(json));
    }
  }
  return importAsText(name, text, common);
}

/** Argdown (by extension or content), else plain text. */
function importAsText(name: string, text: string, options: ImportOptions): FileImportResult {
  const argdown = /\.(argdown|ad)$/i.test(name) || /^\s*(===|\[[^\]\n]+\]:|<[^>\n]+>:)/m.test(text);
  const long = tooLongForText(text, argdown ? 'textWhatArgdown' : 'textWhatText');
  if (long) return long;
  if (argdown)
    return { ...withOrigin(importArgdown(text, options), 'argdown', name), format: 'argdown' };
  const kind = /\.(md|markdown)$/i.test(name) ? 'markdown' : 'text';
  return { ...withOrigin(importText(text, options), kind, name), format: 'text' };
}

/** The imported map with its source's origin: the kind of file and its name. */
function withOrigin(result: ImportResult, kind: OriginKind, fileName: string): ImportResult {
  if (!result.ok) return result;
  const [first, ...rest] = result.map.sources;
  if (!first) return result;
  const origin = { kind, ...(fileName ? { fileName } : {}) };
  return { ...result, map: { ...result.map, sources: [{ ...first, origin }, ...rest] } };
}

/** What a JSON value is, in a few words: `an object with "name", "version", …`. */
function describeJson(json: unknown): Message {
  if (Array.isArray(json)) return say('jsonList', json.length);
  if (typeof json !== 'object' || json === null)
    return say('jsonSingle', json === null ? 'null' : typeof json);
  const keys = Object.keys(json);
  if (!keys.length) return say('jsonEmptyObject');
  const shown = keys.slice(0, 4).map((k) => `"${k.length > 30 ? `${k.slice(0, 29)}…` : k}"`);
  return say('jsonObjectWith', `${shown.join(', ')}${keys.length > 4 ? ', …' : ''}`);
}
