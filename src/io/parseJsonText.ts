/**
 * JSON text → a value, for every JSON importer (native maps, backups, AIF). Refuses, with the
 * place of the problem, what should never reach them: syntax errors and truncated files (line and
 * column), nesting deep enough to exhaust a recursive walk anywhere later (checked before
 * parsing, without recursion), and strings too long to show (JSON path).
 */
import { formatPath, problem, type Problem } from '../model/problem';
import { fieldNameTooLong, stringTooLong } from '../model/limits';
import { say, type Message, type MessageArg, type MessageKey } from '../model/messages';
import { checkText } from './decodeText';
import { INPUT_LIMITS, type FileLimits } from './inputLimits';

export type JsonResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

const fail = (path: string, key: MessageKey, ...args: (MessageArg | number)[]): JsonResult => ({
  ok: false,
  problems: [problem(path, key, ...args)],
});

export interface ParseJsonOptions {
  /** The size limits of the file (a backup's are larger). */
  limits?: FileLimits;
  /**
   * Refuse strings over their limits here (default). A backup turns this off: its maps are
   * checked one by one, so one map over a limit does not refuse the others.
   */
  stringLimits?: boolean;
}

export function parseJsonText(text: string, options: ParseJsonOptions = {}): JsonResult {
  const checked = checkText(text, options.limits);
  if (!checked.ok) return checked;
  if (!text.trim()) return fail('', 'fileEmpty');
  const scan = scanJson(text, INPUT_LIMITS.jsonDepth);
  if (scan.tooDeepAt !== undefined) {
    return fail(lineColumn(text, scan.tooDeepAt), 'jsonTooDeep', INPUT_LIMITS.jsonDepth);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return syntaxProblem(text, error);
  }
  if (options.stringLimits !== false && scan.longestString > INPUT_LIMITS.stringChars) {
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

/** JSON.parse failed: where and why, in the same words in every browser and in Node. */
function syntaxProblem(text: string, error: unknown): JsonResult {
  const found = firstJsonError(text);
  if (!found) {
    // Our reading found no error where the engine did: give the engine's words.
    const raw = error instanceof Error ? error.message : String(error);
    return fail('', 'jsonInvalid', raw);
  }
  if (found.offset >= text.length || !found.expected) {
    return fail(lineColumn(text, text.length), 'jsonTruncated');
  }
  const char = text.codePointAt(found.offset)!;
  const shown =
    char < 0x20
      ? say('jsonControlChar', char.toString(16).toUpperCase().padStart(4, '0'))
      : `"${String.fromCodePoint(char)}"`;
  return fail(lineColumn(text, found.offset), 'jsonExpectedFound', found.expected, shown);
}

const VALUE = say('jsonValue');
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

/**
 * The first place where `text` stops being JSON, and what was expected there (`offset` is
 * `text.length` when the text ends too early); undefined if it is valid. Iterative, so any
 * nesting is fine. Only called once JSON.parse has failed, to say where.
 */
export function firstJsonError(
  text: string,
): { offset: number; expected: Message | undefined } | undefined {
  const open: string[] = []; // '{' or '[' of each enclosing container
  type Want = 'value' | 'value or ]' | 'key' | 'key or }' | ':' | 'next';
  let want: Want = 'value';
  let i = 0;
  const n = text.length;
  /** The offset just past the string starting at `i`, or an error. */
  const string = (start: number): number | { offset: number; expected: Message | undefined } => {
    for (let j = start + 1; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x22) return j + 1;
      if (c < 0x20) return { offset: j, expected: say('jsonCloseString') };
      if (c === 0x5c) {
        const e = text[j + 1];
        if (e === undefined) return { offset: n, expected: undefined };
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6)))
            return { offset: Math.min(j + 2, n), expected: say('jsonHexDigits') };
          j += 5;
        } else if ('"\\/bfnrt'.includes(e)) j++;
        else
          return {
            offset: j + 1,
            expected: say('jsonEscape'),
          };
      }
    }
    return { offset: n, expected: undefined }; // unterminated
  };
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t'))
      i++;
    if (i >= n)
      return want === 'next' && open.length === 0 ? undefined : { offset: n, expected: undefined };
    const c = text[i]!;
    if (want === 'value' || want === 'value or ]') {
      if (want === 'value or ]' && c === ']') {
        open.pop();
        i++;
        want = 'next';
      } else if (c === '{' || c === '[') {
        open.push(c);
        i++;
        want = c === '{' ? 'key or }' : 'value or ]';
      } else if (c === '"') {
        const end = string(i);
        if (typeof end !== 'number') return end;
        i = end;
        want = 'next';
      } else {
        NUMBER.lastIndex = i;
        const literal = LITERALS.find((l) => text.startsWith(l, i));
        if (literal) i += literal.length;
        else if (NUMBER.test(text)) i = NUMBER.lastIndex;
        else return { offset: i, expected: VALUE };
        want = 'next';
      }
    } else if (want === 'key' || want === 'key or }') {
      if (want === 'key or }' && c === '}') {
        open.pop();
        i++;
        want = 'next';
        continue;
      }
      if (c !== '"') return { offset: i, expected: say('jsonFieldName') };
      const end = string(i);
      if (typeof end !== 'number') return end;
      i = end;
      want = ':';
    } else if (want === ':') {
      if (c !== ':') return { offset: i, expected: say('jsonColon') };
      i++;
      want = 'value';
    } else {
      const top = open[open.length - 1];
      if (top === undefined) return { offset: i, expected: say('jsonNothingAfter') };
      const close = top === '{' ? '}' : ']';
      if (c === ',') {
        i++;
        want = top === '{' ? 'key' : 'value';
      } else if (c === close) {
        open.pop();
        i++;
      } else return { offset: i, expected: say('jsonCommaOr', close) };
    }
  }
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
        problems.push(stringTooLong(formatPath(path), value.length, source));
      }
    } else if (typeof value === 'object' && value !== null) {
      const entries: [string | number, unknown][] = Array.isArray(value)
        ? value.map((v, i) => [i, v])
        : Object.entries(value);
      for (const [key] of entries) {
        if (typeof key === 'string' && key.length > INPUT_LIMITS.stringChars) {
          problems.push(fieldNameTooLong(formatPath(pathOf(frame)), key.length));
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
