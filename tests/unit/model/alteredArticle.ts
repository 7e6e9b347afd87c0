/**
 * The acceptance case of #13: the article's map, and a copy with five points removed, two
 * relations flipped (supports → attacks) and three spans shifted, each chosen by a fixed rule
 * and made with model operations, so the same copy is made every time.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addRef, removeNode, removeRef, setRelation } from '../../../src/model/operations';
import { parseMapText } from '../../../src/io/mapFile';
import type { ArgEdge, ArgMap } from '../../../src/model/schema';

export interface AlteredArticle {
  reference: ArgMap;
  student: ArgMap;
  /** Ids of the removed points, in map order. */
  removed: string[];
  /** The edges flipped to attacks, as they are in the reference. */
  flipped: ArgEdge[];
  /** Ids of the points whose span was shifted, in map order. */
  shifted: string[];
  junctions: Set<string>;
}

export function alteredArticle(): AlteredArticle {
  const text = readFileSync(resolve('maps/us-japan-nuclear-sharing.argmap.json'), 'utf8');
  const parsed = parseMapText(text);
  if (!parsed.ok) throw new Error('the shipped map does not load');
  const reference = parsed.map;
  const junctions = new Set(reference.nodes.filter((n) => n.kind === 'inference').map((n) => n.id));
  const touchesJunction = (id: string) =>
    reference.edges.some(
      (e) => (e.from === id && junctions.has(e.to)) || (e.to === id && junctions.has(e.from)),
    );
  // Five leaves (nothing points into them), off the junctions: every 10th such node.
  const leaves = reference.nodes.filter(
    (n) =>
      n.kind !== 'inference' &&
      !reference.edges.some((e) => e.to === n.id) &&
      !touchesJunction(n.id),
  );
  const removed = [0, 10, 20, 30, 40].map((i) => leaves[i]!.id);
  const gone = new Set(removed);
  // Two supports between statements, away from the removed nodes: the 20th and 60th such edge.
  const plain = reference.edges.filter(
    (e) =>
      e.relation === 'supports' && ![e.from, e.to].some((id) => gone.has(id) || junctions.has(id)),
  );
  const flipped = [plain[20]!, plain[60]!];
  // Three points citing one whole sentence, on none of the above: every 25th such node.
  const used = new Set([...gone, ...flipped.flatMap((e) => [e.from, e.to])]);
  const wholeSentence = reference.nodes.filter(
    (n) =>
      n.kind !== 'inference' &&
      !used.has(n.id) &&
      n.refs.length === 1 &&
      n.refs[0]!.start === undefined,
  );
  const shifted = [0, 25, 50].map((i) => wholeSentence[i]!.id);

  let student: ArgMap = reference;
  for (const id of removed) student = removeNode(student, id);
  for (const e of flipped) student = setRelation(student, e.id, 'attacks');
  const source = reference.sources[0]!;
  for (const id of shifted) {
    // The student cites the sentence without its first three characters.
    const ref = student.nodes.find((n) => n.id === id)!.refs[0]!;
    const s = source.sentences.find((x) => x.id === ref.sentence)!;
    const span = { sentence: s.id, start: s.start + 3, end: s.end };
    student = addRef(student, id, { ...span, quote: source.text.slice(span.start, span.end) });
    student = removeRef(student, id, 0);
  }
  return { reference, student, removed, flipped, shifted, junctions };
}
