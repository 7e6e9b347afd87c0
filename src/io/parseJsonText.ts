/**
 * JSON text → a value, for every JSON importer (native maps, backups, AIF). Refuses, with the
 * place of the problem, what should never reach them: syntax errors and truncated files (line and
 * column), nesting deep enough to exhaust a recursive walk anywhere later (checked before
 * parsing, without recursion), and strings too long to show (JSON path).
 */
import type { Problem } from '../model/problem';
import { formatPath } from '../model/problem';
import { checkText } from './decodeText';
import { INPUT_LIMITS, formatCount } from './inputLimits';

export type JsonResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

const fail = (message: string, path = ''): JsonResult => ({
  ok: false,
  problems: [{ path, message }],
});

export function parseJsonText(text: string): JsonResult {
  const checked = checkText(text);
  if (!checked.ok) return checked;
  if (!text.trim()) return fail('The file is empty.');
  const scan = scanJson(text, INPUT_LIMITS.jsonDepth);
  if (scan.tooDeepAt !== undefined) {
    return fail(
      `the JSON is nested more than ${INPUT_LIMITS.jsonDepth} levels deep here; no argument map or AIF file nests that deep, so it was not read.`,
      lineColumn(text, scan.tooDeepAt),
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return syntaxProblem(text, error);
  }
  if (scan.longestString > INPUT_LIMITS.stringChars) {
    const problems = longStrings(value);
    if (problems.length) return { ok: false, problems };
  }
  return { ok: true, value };
}

/**
 * One pass over the text without parsing it: the offset where nesting first exceeds `maxDepth`,
 * and the longest string literal (raw length, escapes included, so never shorter than the string).
 */
function scanJson(text: string, maxDepth: number): { tooDeepAt?: number; longestString: number } {
  let depth = 0;
  let longestString = 0;
  let stringStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (stringStart >= 0) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) {
        longestString = Math.max(longestString, i - stringStart - 1);
        stringStart = -1;
      }
    } else if (c === 0x22) stringStart = i;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return { tooDeepAt: i, longestString };
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  if (stringStart >= 0) longestString = Math.max(longestString, text.length - stringStart - 1);
  return { longestString };
}

/** `line 3, column 14` of a UTF-16 offset (both 1-based). */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** JSON.parse's complaint, with its place as line and column, in the same words in every browser. */
function syntaxProblem(text: string, error: unknown): JsonResult {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const lineCol = /line (\d+) column (\d+)/.exec(raw);
  const atEnd = /end of (JSON input|data)/i.test(raw);
  const offset = position ? Number(position[1]) : atEnd ? text.length : undefined;
  const place =
    offset !== undefined
      ? lineColumn(text, offset)
      : lineCol
        ? `line ${lineCol[1]}, column ${lineCol[2]}`
        : '';
  const truncated =
    atEnd ||
    /unterminated/i.test(raw) ||
    (offset !== undefined && text.slice(offset).trim() === '');
  if (truncated) {
    return fail(
      'not valid JSON: the text ends before the JSON is complete, so the file looks truncated (cut off while saving or downloading).',
      place,
    );
  }
  const detail = raw
    .replace(/^JSON\.parse: /, '')
    .replace(/ (in JSON )?at position \d+.*$/s, '')
    .replace(/ at line \d+ column \d+ of the JSON data$/, '');
  return fail(`not valid JSON: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}.`, place);
}

interface Frame {
  value: unknown;
  parent?: Frame;
  key?: string | number;
}

function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) path.unshift(f.key);
  return path;
}

/** A map's (or a backup's) `sources[i].text`, or the analysed `text` of an OVA/AIF file. */
function isSourceText(path: readonly (string | number)[]): boolean {
  const n = path.length;
  return (
    path[n - 1] === 'text' &&
    (n === 1 || (typeof path[n - 2] === 'number' && path[n - 3] === 'sources'))
  );
}

/** Every string (and key) longer than its limit, with its JSON path; iterative, in document order. */
function longStrings(root: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: Frame[] = [{ value: root }];
  while (stack.length) {
    const frame = stack.pop()!;
    const { value } = frame;
    if (typeof value === 'string') {
      const path = pathOf(frame);
      const source = isSourceText(path);
      const limit = source ? INPUT_LIMITS.sourceChars : INPUT_LIMITS.stringChars;
      if (value.length > limit) {
        problems.push({
          path: formatPath(path),
          message: `is ${formatCount(value.length)} characters long; the limit ${source ? 'for a source text' : 'for this field'} is ${formatCount(limit)}${source ? '' : ` (source texts may have ${formatCount(INPUT_LIMITS.sourceChars)})`}.`,
        });
      }
    } else if (typeof value === 'object' && value !== null) {
      const entries: [string | number, unknown][] = Array.isArray(value)
        ? value.map((v, i) => [i, v])
        : Object.entries(value);
      for (const [key] of entries) {
        if (typeof key === 'string' && key.length > INPUT_LIMITS.stringChars) {
          problems.push({
            path: formatPath(pathOf(frame)),
            message: `has a field name ${formatCount(key.length)} characters long; the limit is ${formatCount(INPUT_LIMITS.stringChars)}.`,
          });
        }
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        if (typeof key === 'string' && key.length > INPUT_LIMITS.stringChars) continue;
        stack.push({ value: child, parent: frame, key });
      }
    }
  }
  return problems;
}
