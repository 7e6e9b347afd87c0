/**
 * A file's bytes → its text, or why it is not text: empty, too large, binary (an image, an
 * archive, anything with zero bytes) or not UTF-8. The browser's import and the command line both
 * read files through here before any importer sees them.
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

/** Decodes a file's bytes as UTF-8 (or UTF-16 with a byte-order mark), refusing what is not text. */
export function decodeText(bytes: Uint8Array, limits: FileLimits = INPUT_LIMITS): TextResult {
  if (bytes.length > limits.bytes) return tooLarge(bytes.length, limits);
  if (bytes.length === 0) return fail('fileEmpty');
  const kind = SIGNATURES.find(([, sig]) => sig.every((b, i) => bytes[i] === b))?.[0];
  if (kind) return fail('fileIsKind', say(kind));
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
