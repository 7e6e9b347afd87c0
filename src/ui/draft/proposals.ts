/**
 * A draft under review (issue 15), as pure functions of the map and the review: which proposals
 * are still open, and what accepting some of them does to the map. A proposal is never part of
 * the map until accepted; accepting a unit adds a node citing its span, at the place the
 * proposal was drawn. A link is accepted with whichever of its two ends comes into the map last
 * (so accepting a unit also accepts its links to units already accepted); a junction comes in
 * with the first of its premises.
 *
 * Whether a proposal is accepted is read from the map itself (its node is there), so undo and
 * redo of an acceptance bring the proposal back and take it away again with no bookkeeping.
 */
import type { ArgMap, Position, Ref, Source } from '../../model/schema';
import { addNode, connect } from '../../model/operations';
import type { DraftLink, DraftUnit, MapDraft } from '../../draft/types';
import { nodeSize, type Size } from '../../layout/nodeSize';

/** A draft shown over one map, with what has been done with its proposals. */
export interface DraftReview {
  readonly mapId: string;
  readonly draft: MapDraft;
  /** Where each unit and junction is drawn (and put once accepted), in canvas coordinates. */
  readonly positions: Readonly<Record<string, Position>>;
  /** Unit or junction id → the id of the node it became. */
  readonly accepted: Readonly<Record<string, string>>;
  /** Units the user rejected (they are no longer shown). */
  readonly rejected: readonly string[];
}

/** The open proposals of a review, against the map as it is now. */
export interface OpenProposals {
  /** Units neither accepted (in the map) nor rejected, in text order. */
  readonly units: readonly DraftUnit[];
  /** Junctions not yet in the map with at least one premise still open. */
  readonly junctions: readonly string[];
  /** Links with both ends open or accepted, and not both accepted. */
  readonly links: readonly DraftLink[];
  /** Unit or junction id → node id, for those accepted and in the map now. */
  readonly inMap: ReadonlyMap<string, string>;
}

const openCache = new WeakMap<DraftReview, { map: ArgMap; open: OpenProposals }>();

/** What of `review` is still to be accepted or rejected, with `map` as it is now. */
export function openProposals(map: ArgMap, review: DraftReview): OpenProposals {
  const cached = openCache.get(review);
  if (cached?.map === map) return cached.open;
  const present = new Set(map.nodes.map((n) => n.id));
  const inMap = new Map<string, string>();
  for (const [draftId, nodeId] of Object.entries(review.accepted))
    if (present.has(nodeId)) inMap.set(draftId, nodeId);
  const rejected = new Set(review.rejected);
  const units = review.draft.units.filter((u) => !inMap.has(u.id) && !rejected.has(u.id));
  const open = new Set(units.map((u) => u.id));
  // A junction stays while one of its premises is open or accepted.
  const junctionIds = new Set(review.draft.junctions.map((j) => j.id));
  const live = new Set<string>();
  for (const link of review.draft.links)
    if (junctionIds.has(link.to) && (open.has(link.from) || inMap.has(link.from)))
      live.add(link.to);
  const junctions = [...live].filter((id) => !inMap.has(id));
  const shown = (id: string) => open.has(id) || inMap.has(id) || live.has(id);
  const links = review.draft.links.filter(
    (l) => shown(l.from) && shown(l.to) && !(inMap.has(l.from) && inMap.has(l.to)),
  );
  const result = { units, junctions, links, inMap };
  openCache.set(review, { map, open: result });
  return result;
}

/** The size a proposal is drawn at: the size its node will have once accepted. */
export function proposalSize(kind: DraftUnit['kind'] | 'inference', text: string): Size {
  return nodeSize({ kind }, text.trim());
}

/** The first cue of a unit that is a word of the text, else its first cue's family. */
export function unitCue(unit: DraftUnit): DraftUnit['cues'][number] | undefined {
  return unit.cues.find((c) => c.at !== undefined) ?? unit.cues[0];
}

/**
 * Accepts the units `unitIds` (those still open), as one edit of `map`: a node for each, citing
 * the refs `refsOf` gives, at its drawn place; the junctions their links lead into; and every
 * link of the draft whose two ends are then in the map. Returns the new map and the draft ids →
 * node ids accepted so far (the review's own and the new ones).
 */
export function acceptUnits(
  map: ArgMap,
  review: DraftReview,
  unitIds: readonly string[],
  refsOf: (unit: DraftUnit) => Ref[],
): { map: ArgMap; accepted: Record<string, string> } {
  const open = openProposals(map, review);
  const accepted: Record<string, string> = Object.fromEntries(open.inMap);
  const wanted = new Set(unitIds);
  let next = map;
  for (const unit of open.units) {
    if (!wanted.has(unit.id)) continue;
    const refs = refsOf(unit);
    const added = addNode(next, {
      kind: unit.kind,
      text: unit.text.trim(),
      refs,
      ...(refs.length ? {} : { implicit: true }),
      ...(review.positions[unit.id] ? { position: review.positions[unit.id] } : {}),
    });
    next = added.map;
    accepted[unit.id] = added.id;
  }
  const junctions = new Set(review.draft.junctions.map((j) => j.id));
  for (const link of review.draft.links) {
    if (!junctions.has(link.to) || accepted[link.to] || !accepted[link.from]) continue;
    if (!wanted.has(link.from)) continue;
    const added = addNode(next, {
      kind: 'inference',
      text: '',
      refs: [],
      ...(review.positions[link.to] ? { position: review.positions[link.to] } : {}),
    });
    next = added.map;
    accepted[link.to] = added.id;
  }
  for (const link of review.draft.links) {
    const from = accepted[link.from];
    const to = accepted[link.to];
    if (!from || !to || from === to) continue;
    if (next.edges.some((e) => e.from === from && e.to === to)) continue;
    next = connect(next, from, to, link.relation).map;
  }
  return { map: next, accepted };
}

/**
 * The parts of a source no node cites, as [start, end) ranges in text order (whitespace-only
 * gaps left out): what "draft the uncited parts" hands the drafter.
 */
export function uncitedRanges(map: ArgMap, source: Source): [number, number][] {
  const sentences = new Map(source.sentences.map((s) => [s.id, s]));
  const cited: [number, number][] = [];
  for (const node of map.nodes)
    for (const ref of node.refs) {
      const sentence = sentences.get(ref.sentence);
      if (!sentence) continue;
      cited.push(
        ref.start !== undefined && ref.end !== undefined
          ? [ref.start, ref.end]
          : [sentence.start, sentence.end],
      );
    }
  cited.sort((a, b) => a[0] - b[0]);
  const ranges: [number, number][] = [];
  let at = 0;
  const keep = (start: number, end: number) => {
    if (end > start && source.text.slice(start, end).trim()) ranges.push([start, end]);
  };
  for (const [start, end] of cited) {
    keep(at, start);
    at = Math.max(at, end);
  }
  keep(at, source.text.length);
  return ranges;
}
