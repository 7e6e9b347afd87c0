/**
 * The kind the selection bar proposes for a node made from a passage of the text, from its
 * context: a passage after "but", "however", 但是, 然而… argues against (an objection, or a rebuttal
 * of a selected objection); with a node selected, the new node is its child (a reason; a rebuttal
 * under an objection); the first node of a map without a conclusion is its conclusion. Never a
 * second conclusion unless the user picks it.
 */
import type { ArgMap, NodeKind } from '../model/schema';

/** Words that turn a sentence against what came before. */
const CONTRAST =
  /(^|[^\p{L}])(but|however|yet|nevertheless|nonetheless|whereas|on the other hand|critics say)([^\p{L}]|$)|但是|然而|可是|不过|但/iu;

/** Whether the passage [start, end) of a source stands after a contrast word in its sentence. */
export function afterContrast(map: ArgMap, sourceId: string, start: number, end: number): boolean {
  const source = map.sources.find((s) => s.id === sourceId);
  const sentence = source?.sentences.find((s) => s.start <= start && end <= s.end);
  if (!source || !sentence) return false;
  // The sentence up to the passage, and the passage's own first words.
  const before = source.text.slice(sentence.start, start);
  const opening = source.text.slice(start, Math.min(end, start + 24));
  return CONTRAST.test(before) || CONTRAST.test(opening.split(/[,，]/)[0] ?? '');
}

/** The kind of a node attacking one of `kind`: a rebuttal answers an objection. */
export function attackerKind(kind: NodeKind | undefined): NodeKind {
  return kind === 'objection' ? 'rebuttal' : 'objection';
}

/** The kind to propose for a node made from `span`, with `selectedId` selected (see above). */
export function proposeKind(
  map: ArgMap,
  selectedId: string | undefined,
  span: { sourceId: string; start: number; end: number },
): NodeKind {
  const selected = selectedId ? map.nodes.find((n) => n.id === selectedId) : undefined;
  const contrast = afterContrast(map, span.sourceId, span.start, span.end);
  if (selected) {
    if (selected.kind === 'objection') return 'rebuttal';
    return contrast ? attackerKind(selected.kind) : 'claim';
  }
  if (contrast) return 'objection';
  return map.nodes.some((n) => n.kind === 'conclusion') ? 'claim' : 'conclusion';
}
