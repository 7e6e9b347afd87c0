/**
 * Text from a file, made safe to print in a terminal: every control character (C0 and C1, DEL,
 * and the bidirectional overrides that reorder what follows) is shown escaped, so a map cannot
 * clear the screen, set the window title, or print a line of its own (a line break inside a
 * value is shown as `\n`, so a title cannot fake a "valid" line).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/** Lines of a message, each escaped, each ending with a line break. */
export function safeLines(...lines: string[]): string {
  return lines.map((line) => `${escapeControls(line)}\n`).join('');
}
