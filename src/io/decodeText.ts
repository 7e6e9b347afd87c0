/**
 * A file's bytes → its text, or why it is not text: empty, too large, binary (an image, an
 * archive, anything with zero bytes) or not UTF-8. The browser's import and the command line both
 * read files through here before any importer sees them. A web page may be in another character
 * set, which it declares ({@link decodeHtml}).
 */
import { problem, type Problem } from '../model/problem';
import { say, type MessageArg, type MessageKey } from '../model/messages';
import { INPUT_LIMITS, formatCount, formatMegabytes, type FileLimits } from './inputLimits';

export type TextResult = { ok: true; text: string } | { ok: false; problems: Problem[] };

const fail = (key: MessageKey, ...args: (MessageArg | number)[]): TextResult => ({
  ok: false,
  problems: [problem('', key, ...args)],
});

/** Leading bytes of common binary formats, to say what a refused file is. */
const SIGNATURES: readonly (readonly [MessageKey, readonly number[]])[] = [
  ['fileKindPng', [0x89, 0x50, 0x4e, 0x47]],
  ['fileKindJpeg', [0xff, 0xd8, 0xff]],
  ['fileKindGif', [0x47, 0x49, 0x46, 0x38]],
  ['fileKindPdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['fileKindZip', [0x50, 0x4b, 0x03, 0x04]],
  ['fileKindGzip', [0x1f, 0x8b]],
];

/** Why bytes cannot be text at all (too large, empty, a known binary format), if they cannot. */
function notText(bytes: Uint8Array, limits: FileLimits): TextResult | undefined {
  if (bytes.length > limits.bytes) return tooLarge(bytes.length, limits);
  if (bytes.length === 0) return fail('fileEmpty');
  const kind = SIGNATURES.find(([, sig]) => sig.every((b, i) => bytes[i] === b))?.[0];
  if (kind) return fail('fileIsKind', say(kind));
  return undefined;
}

/** Decodes a file's bytes as UTF-8 (or UTF-16 with a byte-order mark), refusing what is not text. */
export function decodeText(bytes: Uint8Array, limits: FileLimits = INPUT_LIMITS): TextResult {
  const refused = notText(bytes, limits);
  if (refused) return refused;
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  let text: string;
  if (utf16) {
    text = new TextDecoder(utf16).decode(bytes);
  } else {
    const zero = bytes.indexOf(0);
    if (zero !== -1) {
      const halfZero = bytes.length > 3 && (bytes[1] === 0 || bytes[0] === 0);
      return halfZero && isUtf16WithoutMark(bytes)
        ? fail('fileUtf16NoMark')
        : fail('fileZeroByte', formatCount(zero));
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      const { line, column } = lineColumnOfByte(bytes, at);
      const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
      return fail('fileNotUtf8', byte, line, column);
    }
  }
  if (text.length > limits.chars) return tooManyChars(text.length, limits);
  return { ok: true, text };
}

/** The character set a byte-order mark says: UTF-8, UTF-16LE or UTF-16BE. */
function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** A `<meta …>` tag (its attributes' values may be quoted and hold `>`). */
const META_TAG = /<meta(?=[\s/])((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const CHARSET_IN_CONTENT = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i;

/**
 * The character set a web page declares in its first 1024 bytes, as the HTML standard's prescan
 * reads it: the first `<meta charset="…">`, or `<meta http-equiv="Content-Type"
 * content="text/html; charset=…">`, outside comments. The label as written (trimmed).
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024)).replace(
    /<!--[\s\S]*?(?:-->|$)/g,
    '',
  );
  META_TAG.lastIndex = 0;
  for (let tag = META_TAG.exec(head); tag; tag = META_TAG.exec(head)) {
    const attributes = new Map<string, string>();
    ATTRIBUTE.lastIndex = 0;
    for (let a = ATTRIBUTE.exec(tag[1]!); a; a = ATTRIBUTE.exec(tag[1]!)) {
      const name = a[1]!.toLowerCase();
      if (!attributes.has(name)) attributes.set(name, a[2] ?? a[3] ?? a[4] ?? '');
    }
    const charset = attributes.get('charset')?.trim();
    if (charset) return charset;
    if (attributes.get('http-equiv')?.trim().toLowerCase() === 'content-type') {
      const inContent = CHARSET_IN_CONTENT.exec(attributes.get('content') ?? '');
      const label = (inContent?.[1] ?? inContent?.[2] ?? inContent?.[3])?.trim();
      if (label) return label;
    }
  }
  return undefined;
}

/**
 * Decodes a web page's bytes in the character set it declares (see {@link declaredCharset}; a
 * byte-order mark first): GBK, Big5, Shift_JIS, windows-1252… as the platform's `TextDecoder`
 * knows them. A page that declares none, or UTF-8 (or UTF-16, which the standard reads as UTF-8
 * in a declaration), is read as any text file ({@link decodeText}). A character set the platform
 * cannot decode, or bytes not valid in it, are refused naming the character set.
 */
export function decodeHtml(bytes: Uint8Array, limits: FileLimits = INPUT_LIMITS): TextResult {
  const refused = notText(bytes, limits);
  if (refused) return refused;
  if (bomCharset(bytes)) return decodeText(bytes, limits);
  const label = declaredCharset(bytes);
  if (!label) return decodeText(bytes, limits);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return fail('fileCharsetUnknown', label);
  }
  // The standard's own rules: UTF-16 declared in the page is UTF-8; x-user-defined is windows-1252.
  const { encoding } = decoder;
  if (encoding === 'utf-8' || encoding.startsWith('utf-16')) return decodeText(bytes, limits);
  if (encoding === 'x-user-defined') decoder = new TextDecoder('windows-1252', { fatal: true });
  const zero = bytes.indexOf(0);
  if (zero !== -1) return fail('fileZeroByte', formatCount(zero));
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return fail('fileCharsetInvalid', label);
  }
  if (decoder.encoding === 'windows-1252') text = mendWindows1252(text);
  if (text.length > limits.chars) return tooManyChars(text.length, limits);
  return { ok: true, text };
}

/** What windows-1252 has at 0x80…0x9F (the web's table; five of them are C1 controls as in Latin-1). */
const WINDOWS_1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Node's `TextDecoder('windows-1252')` (up to Node 22 at least) decodes as Latin-1, giving
 * 0x80…0x9F as C1 controls where the web's windows-1252 has curly quotes, dashes, € and so on;
 * browsers decode them right, and then this changes nothing.
 */
function mendWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_C1.charAt(c.charCodeAt(0) - 0x80));
}

/** Refuses a string that is too long or binary (for text that did not come through {@link decodeText}). */
export function checkText(text: string, limits: FileLimits = INPUT_LIMITS): TextResult {
  if (text.length > limits.chars) return tooManyChars(text.length, limits);
  const zero = text.indexOf('\u0000');
  if (zero !== -1) return fail('fileZeroChar', formatCount(zero));
  return { ok: true, text };
}

/**
 * Reads a file the user chose or dropped. Its size is checked first, so a file that is too
 * large is never read.
 */
export async function readTextFile(
  file: Blob,
  limits: FileLimits = INPUT_LIMITS,
): Promise<TextResult> {
  if (file.size > limits.bytes) return tooLarge(file.size, limits);
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (error) {
    return fail('fileUnreadable', error instanceof Error ? error.message : String(error));
  }
  return decodeText(new Uint8Array(buffer), limits);
}

function tooLarge(bytes: number, limits: FileLimits): TextResult {
  return { ok: false, problems: [fileTooLarge(bytes, limits)] };
}

/** The problem of a file of `bytes` bytes, over {@link INPUT_LIMITS}.bytes. */
export function fileTooLarge(bytes: number, limits: FileLimits = INPUT_LIMITS): Problem {
  return problem(
    '',
    'fileTooLarge',
    formatMegabytes(bytes),
    formatCount(bytes),
    formatMegabytes(limits.bytes),
  );
}

function tooManyChars(chars: number, limits: FileLimits): TextResult {
  return fail('fileTooManyChars', formatCount(chars), formatCount(limits.chars));
}

/** Every odd (or every even) byte of the first kilobyte is zero: UTF-16 of mostly Latin text. */
function isUtf16WithoutMark(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length & ~1, 1024);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) >= (n / 2) * 0.9;
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** 1-based line and column (in bytes) of a byte offset. */
function lineColumnOfByte(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}
