/**
 * HTML (as OVA stores the analysed text) → plain text, without ever interpreting it: tags are
 * dropped (line breaks and block ends become newlines, `<script>`/`<style>` lose their content),
 * a few entities are decoded, and the ranges of elements with an `id` are recorded so spans
 * can be tied back to nodes. No DOM, no evaluation.
 */

export interface TextWithSpans {
  text: string;
  /** Element id → its range in `text` (UTF-16 offsets, end exclusive). */
  spans: Map<string, { start: number; end: number }>;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntity(entity: string): string {
  const body = entity.slice(1, -1);
  if (body in NAMED) return NAMED[body]!;
  const code = /^#x([0-9a-f]+)$/i.exec(body)?.[1];
  const n =
    code !== undefined ? parseInt(code, 16) : /^#(\d+)$/.exec(body) ? Number(body.slice(1)) : NaN;
  if (Number.isInteger(n) && n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff))
    return String.fromCodePoint(n);
  return entity;
}

const BLOCK_ENDS = new Set(['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** A tag; its attributes stop at the next `<`, so a `<` never closed costs one short scan. */
const TAG = /<(\/?)([a-zA-Z][\w-]*)([^<>]*)>/y;
const ENTITY = /&(?:#\d{1,8}|#x[0-9a-fA-F]{1,8}|[a-zA-Z]{1,32});/y;
const RUN = /[^<&]+/y;

/**
 * Linear in the length of `html`, whatever its shape: unclosed tags, closing tags never opened,
 * comments never ended, a `<` without `>` (each open element is found by its tag name, not by a
 * search of all open elements; every pattern scans at most to the next `<`).
 */
export function htmlToText(html: string): TextWithSpans {
  let text = '';
  const spans = new Map<string, { start: number; end: number }>();
  /** The open elements of each tag name, innermost last. */
  const open = new Map<string, { id?: string; start: number }[]>();
  let skipUntil: string | undefined;
  let commentsEnded = false;
  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c === '<' && !commentsEnded && html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end !== -1) {
        i = end + 3;
        continue;
      }
      // No comment ends after here, so none will: the rest is read as text (once searched).
      commentsEnded = true;
    }
    if (c === '<') {
      TAG.lastIndex = i;
      const m = TAG.exec(html);
      if (!m) {
        if (!skipUntil) text += '<';
        i++;
        continue;
      }
      i = TAG.lastIndex;
      const [, closing, rawTag, attributes = ''] = m;
      const tag = rawTag!.toLowerCase();
      if (skipUntil) {
        if (closing && tag === skipUntil) skipUntil = undefined;
        continue;
      }
      const selfClosing = /\/\s*$/.test(attributes);
      if (!closing && (tag === 'script' || tag === 'style')) {
        if (!selfClosing) skipUntil = tag;
      } else if (tag === 'br') {
        text += '\n';
      } else if (closing) {
        const element = open.get(tag)?.pop();
        if (element?.id !== undefined)
          spans.set(element.id, { start: element.start, end: text.length });
        if (BLOCK_ENDS.has(tag)) text += '\n';
      } else if (!selfClosing) {
        const id = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
        const value = id ? (id[1] ?? id[2] ?? id[3]) : undefined;
        const list = open.get(tag) ?? [];
        list.push({ start: text.length, ...(value !== undefined ? { id: value } : {}) });
        open.set(tag, list);
      }
      continue;
    }
    if (c === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(html);
      const whole = m ? m[0] : '&';
      if (!skipUntil) text += m ? decodeEntity(whole) : whole;
      i += whole.length;
      continue;
    }
    RUN.lastIndex = i;
    const run = RUN.exec(html)![0];
    if (!skipUntil) text += run;
    i += run.length;
  }
  return { text, spans };
}
