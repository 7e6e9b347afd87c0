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

export function htmlToText(html: string): TextWithSpans {
  let text = '';
  const spans = new Map<string, { start: number; end: number }>();
  const open: { tag: string; id?: string; start: number }[] = [];
  const token =
    /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)([^>]*)>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|[^<&]+|[<&]/g;
  let skipUntil: string | undefined;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const [whole, closing, rawTag, attributes] = m;
    const tag = rawTag?.toLowerCase();
    if (skipUntil) {
      if (closing && tag === skipUntil) skipUntil = undefined;
      continue;
    }
    if (whole.startsWith('<!--')) continue;
    if (tag === undefined) {
      text += whole.startsWith('&') && whole.length > 1 ? decodeEntity(whole) : whole;
      continue;
    }
    if (!closing && (tag === 'script' || tag === 'style')) {
      if (!/\/\s*$/.test(attributes ?? '')) skipUntil = tag;
      continue;
    }
    if (tag === 'br') {
      text += '\n';
    } else if (closing) {
      for (let i = open.length - 1; i >= 0; i--) {
        if (open[i]!.tag !== tag) continue;
        const [element] = open.splice(i, 1);
        if (element?.id !== undefined)
          spans.set(element.id, { start: element.start, end: text.length });
        break;
      }
      if (['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)) text += '\n';
    } else if (!/\/\s*$/.test(attributes ?? '')) {
      const id = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes ?? '');
      const value = id ? (id[1] ?? id[2] ?? id[3]) : undefined;
      open.push({ tag, start: text.length, ...(value !== undefined ? { id: value } : {}) });
    }
  }
  return { text, spans };
}
