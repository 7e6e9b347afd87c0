/** What a node's compact card says (see LevelOfDetail.tsx). */
import type { ArgMap, ArgNode } from '../../model/schema';

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
/** Characters of CJK text, or words of other text, that a card shows at most. */
const CJK_CHARS = 12;
const WORDS = 5;

/**
 * The node's short title (`label`, a version-2 field, read defensively since older maps lack
 * it), else the first words of the text shown.
 */
export function cardLabel(node: ArgNode, shown: string): string {
  const label: unknown = (node as { label?: unknown }).label;
  if (typeof label === 'string' && label.trim()) return label.trim();
  return firstWords(shown);
}

export function firstWords(text: string): string {
  const trimmed = text.trim();
  if (CJK.test(trimmed.slice(0, 24))) {
    const chars = [...trimmed];
    return chars.length > CJK_CHARS ? `${chars.slice(0, CJK_CHARS).join('')}…` : trimmed;
  }
  const words = trimmed.split(/\s+/);
  return words.length > WORDS ? `${words.slice(0, WORDS).join(' ')}…` : trimmed;
}

/**
 * The map's thesis, titled at the overview: the first stop of the first tour when it is a
 * conclusion, else the first conclusion that supports or attacks nothing further. One only: two
 * titles side by side at the overview would cover each other.
 */
export function mainConclusions(
  map: Pick<ArgMap, 'nodes' | 'edges'> & { tours?: ArgMap['tours'] },
): Set<string> {
  const from = new Set(map.edges.map((e) => e.from));
  const kinds = new Map(map.nodes.map((n) => [n.id, n.kind]));
  const first = map.tours?.[0]?.steps[0];
  if (first && kinds.get(first) === 'conclusion') return new Set([first]);
  const thesis = map.nodes.find((n) => n.kind === 'conclusion' && !from.has(n.id));
  return new Set(thesis ? [thesis.id] : []);
}

/** The thesis's title: its `label` when it has one and the text shown is its own, else that text. */
export function thesisTitle(node: ArgNode, shown: string): string {
  return (shown === node.text && node.label?.trim()) || shown;
}
