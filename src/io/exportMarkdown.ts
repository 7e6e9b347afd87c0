/**
 * The argument as a Markdown outline — a handout or essay scaffold. Each conclusion (a node with
 * no outgoing edge) heads a nested list of what bears on it: **Pro** for support, **Con** for
 * attack, **Detail** for elaboration, and the premises of an inference junction listed under a
 * **Jointly** item. Every item carries its quoted sentence(s) with a footnote citing the source,
 * the page (where the source has pages) and the sentence's number in the source.
 * Text from the map is escaped, so it can neither inject HTML nor change the outline.
 */
import type { ArgEdge, ArgMap, ArgNode, Source } from '../model/schema';
import { kindStyles } from './kindStyles';
import { pushTo } from './pushTo';
import { translationIn } from '../model/translation';
import { pageAt } from '../model/pages';

export interface MarkdownExportOptions {
  /** Write node text in this language where a translation exists (the quotes stay original). */
  language?: string;
}

/** Escapes text so Markdown shows it literally: no HTML, emphasis, links or line structure. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]{}|~^!#]/g, '\\$&');
}

const MARKERS: Record<ArgEdge['relation'], string> = {
  supports: 'Pro',
  attacks: 'Con',
  elaborates: 'Detail',
};

/** Deepest indentation of the outline's nested lists. */
const MAX_INDENT = 30;

/** Renders the outline. Pure and deterministic. */
export function exportMarkdown(map: ArgMap, options: MarkdownExportOptions = {}): string {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const incoming = new Map<string, ArgEdge[]>();
  const hasOutgoing = new Set<string>();
  for (const e of map.edges) {
    if (!byId.has(e.from) || !byId.has(e.to)) continue;
    pushTo(incoming, e.to, e);
    hasOutgoing.add(e.from);
  }
  // Footnotes: one per source, numbered in order of first citation.
  const sentenceSource = new Map<
    string,
    { source: Source; start: number; end: number; index: number }
  >();
  for (const source of map.sources) {
    source.sentences.forEach((s, index) =>
      sentenceSource.set(s.id, { source, start: s.start, end: s.end, index }),
    );
  }
  // One footnote per cited place (source, sentence, page), numbered in order of first citation.
  const footnotes: { source: Source; sentence: number; page: string | undefined }[] = [];
  const footnoteOf = new Map<string, number>();
  const cite = (source: Source, sentence: number, offset: number) => {
    const page = pageAt(source, offset);
    const key = `${source.id}\u0000${sentence}\u0000${page ?? ''}`;
    let i = footnoteOf.get(key);
    if (i === undefined) {
      i = footnotes.push({ source, sentence, page }) - 1;
      footnoteOf.set(key, i);
    }
    return `[^${i + 1}]`;
  };

  const lines: string[] = [`# ${escapeMarkdown(map.title)}`, ''];
  const shown = new Set<string>();

  const quotes = (node: ArgNode, indent: string) => {
    for (const ref of node.refs) {
      const at = sentenceSource.get(ref.sentence);
      if (!at) continue;
      const start = ref.start ?? at.start;
      const quote = ref.quote ?? at.source.text.slice(start, ref.end ?? at.end);
      lines.push(`${indent}> “${escapeMarkdown(quote)}”${cite(at.source, at.index + 1, start)}`);
    }
  };

  /** `path`: the nodes above this one, shared and restored on the way back (no copy per level). */
  const item = (node: ArgNode, depth: number, marker: string, path: Set<string>) => {
    // Past MAX_INDENT levels the list stays at that indentation, so a long chain of reasons does
    // not make the outline grow with the square of its length.
    const indent = '  '.repeat(Math.min(depth, MAX_INDENT));
    const body = `${indent}  `;
    if (node.kind === 'inference') {
      lines.push(`${indent}- **${marker}, jointly:**`);
    } else {
      const kind = kindStyles[node.kind].label.toLowerCase();
      const about = [kind === marker.toLowerCase() ? '' : kind, node.implicit ? 'implicit' : '']
        .filter(Boolean)
        .join(', ');
      const text = translationIn(node.translations, options.language) || node.text;
      const head = about ? `**${marker}** (${about}):` : `**${marker}:**`;
      lines.push(`${indent}- ${head} ${escapeMarkdown(text)}`);
    }
    if (path.has(node.id) || shown.has(node.id)) {
      lines[lines.length - 1] += ' *(see above)*';
      return;
    }
    shown.add(node.id);
    quotes(node, body);
    if (node.note) lines.push(`${body}*Note:* ${escapeMarkdown(node.note)}`);
    path.add(node.id);
    for (const e of incoming.get(node.id) ?? []) {
      const child = byId.get(e.from)!;
      const childMarker =
        node.kind === 'inference' && e.relation === 'supports' ? 'Premise' : MARKERS[e.relation];
      item(child, depth + 1, childMarker, path);
    }
    path.delete(node.id);
  };

  const roots = map.nodes.filter((n) => !hasOutgoing.has(n.id));
  roots.sort((a, b) => Number(b.kind === 'conclusion') - Number(a.kind === 'conclusion'));
  for (const root of roots) {
    const label = kindStyles[root.kind].label;
    item(root, 0, label, new Set());
    lines.push('');
  }
  const rest = map.nodes.filter((n) => !shown.has(n.id));
  if (rest.length) {
    lines.push('## Other statements', '');
    for (const node of rest) {
      if (shown.has(node.id)) continue;
      item(node, 0, kindStyles[node.kind].label, new Set());
      lines.push('');
    }
  }
  if (footnotes.length) {
    footnotes.forEach(({ source, sentence, page }, i) => {
      const parts = [
        source.author && escapeMarkdown(source.author),
        source.title && `*${escapeMarkdown(source.title)}*`,
        source.publication && escapeMarkdown(source.publication),
      ].filter((p): p is string => Boolean(p));
      const where = [page !== undefined ? `p. ${escapeMarkdown(page)}` : '', `sentence ${sentence}`]
        .filter(Boolean)
        .join(', ');
      lines.push(`[^${i + 1}]: ${parts.join(', ') || escapeMarkdown(source.id)}, ${where}.`);
    });
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * The order the outline visits statements in: each root (a node with no outgoing edge,
 * conclusions first), then what bears on it, depth-first, then anything not reached. Inference
 * junctions are passed through, not listed. A presentation without a stored tour can step through
 * the argument in this order, the same order as the handout.
 */
export function outlineOrder(map: ArgMap): string[] {
  const ids = new Set(map.nodes.map((n) => n.id));
  const incoming = new Map<string, string[]>();
  const hasOutgoing = new Set<string>();
  for (const e of map.edges) {
    if (!ids.has(e.from) || !ids.has(e.to)) continue;
    pushTo(incoming, e.to, e.from);
    hasOutgoing.add(e.from);
  }
  const junction = new Set(map.nodes.filter((n) => n.kind === 'inference').map((n) => n.id));
  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    if (!junction.has(id)) order.push(id);
    for (const from of incoming.get(id) ?? []) visit(from);
  };
  const roots = map.nodes.filter((n) => !hasOutgoing.has(n.id));
  roots.sort((a, b) => Number(b.kind === 'conclusion') - Number(a.kind === 'conclusion'));
  for (const root of roots) visit(root.id);
  for (const node of map.nodes) visit(node.id);
  return order;
}
