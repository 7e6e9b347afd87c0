/**
 * Drafting in the editor (issue 15): a draft of a source of the open map, shown as proposals
 * drawn apart on the canvas and listed for review, accepted or rejected one by one or all at
 * once. Any producer of a draft (the offline drafter here, a model-made draft) hands it to
 * {@link showDraft}. Loaded on demand (with the drafter) the first time a draft is made.
 *
 * Accepting is an edit of the map like any other: one undo step per acceptance (and one for
 * "accept all"); undoing it brings the proposal back. Rejecting is not an edit of the map.
 */
import type { MapDraft } from '../draft/types';
import type { ArgMap, Position } from '../model/schema';
import { draftText } from '../draft/rules';
import { unitRefs } from '../draft/toMap';
import { useMapStore } from '../store/mapStore';
import { useUiStore } from '../store/uiStore';
import { nodeSize, shownLabel, type Size } from '../layout/nodeSize';
import { computeLayout } from './runLayout';
import { focusNextProposal, useDraftStore } from '../ui/draft/draftStore';
import {
  acceptUnits,
  openProposals,
  proposalSize,
  uncitedRanges,
  type DraftReview,
} from '../ui/draft/proposals';

/** Room between the map and a draft placed beside it, in canvas pixels. */
const GAP = 160;

const mapStore = () => useMapStore.getState();
const drafts = () => useDraftStore.getState();

/** How long the last offline draft took to compute, in milliseconds (shown with the review). */
export let lastDraftMs = 0;

/**
 * Where the draft's units and junctions go: the project's layout run on the draft alone, placed
 * to the right of what the map already has (or where the layout put it, on an empty map), so
 * each proposal is drawn where its node will be once accepted.
 */
async function placeDraft(map: ArgMap, draft: MapDraft): Promise<Record<string, Position>> {
  const nodes = [
    ...draft.units.map((u) => ({ id: u.id, kind: u.kind, text: u.text.trim() })),
    ...draft.junctions.map((j) => ({ id: j.id, kind: 'inference' as const, text: '' })),
  ];
  const sizes: Record<string, Size> = {};
  for (const n of nodes) sizes[n.id] = proposalSize(n.kind, n.text);
  const laid = await computeLayout(
    { nodes, edges: draft.links.map((l) => ({ id: l.id, from: l.from, to: l.to })) },
    sizes,
  );
  let [left, top] = [Infinity, Infinity];
  for (const p of Object.values(laid)) [left, top] = [Math.min(left, p.x), Math.min(top, p.y)];
  const language = useUiStore.getState().labelLanguage;
  let [right, mapTop] = [-Infinity, Infinity];
  for (const n of map.nodes) {
    if (!n.position) continue;
    right = Math.max(right, n.position.x + nodeSize(n, shownLabel(n, language)).width);
    mapTop = Math.min(mapTop, n.position.y);
  }
  const [dx, dy] = Number.isFinite(right) ? [right + GAP - left, mapTop - top] : [0, 0];
  const positions: Record<string, Position> = {};
  for (const [id, p] of Object.entries(laid))
    positions[id] = { x: Math.round(p.x + dx), y: Math.round(p.y + dy) };
  return positions;
}

/**
 * Shows `draft` (of a source of the open map) for review: its proposals drawn apart on the
 * canvas and listed, none part of the map until accepted. Replaces a draft already shown for this
 * map. Any producer calls this: the offline drafter, a model-made draft. Resolves to false when
 * no map is open, the draft's source is not one of its sources, or the user left the map while
 * it was being placed.
 */
export async function showDraft(draft: MapDraft): Promise<boolean> {
  const map = mapStore().map;
  if (!map || !map.sources.some((s) => s.id === draft.sourceId)) return false;
  drafts().set({ drafting: map.id });
  try {
    const positions = await placeDraft(map, draft);
    if (mapStore().map?.id !== map.id) return false;
    const review: DraftReview = { mapId: map.id, draft, positions, accepted: {}, rejected: [] };
    const first = draft.units[0]?.id ?? null;
    drafts().set({
      reviews: { ...drafts().reviews, [map.id]: review },
      current: first,
      focusRequest: first ? { id: first, at: Date.now() } : null,
    });
    return true;
  } catch (error) {
    useMapStore.setState({ error: (error as Error).message });
    return false;
  } finally {
    drafts().set({ drafting: null });
  }
}

/**
 * Drafts a source of the open map (the first one unless `sourceId` is given) with the offline
 * drafter, from the parts of its text that no node cites (all of it in a new map), and shows the
 * draft for review. Says why in the store's error when there is nothing to draft.
 */
export async function draftSource(sourceId?: string): Promise<MapDraft | null> {
  const map = mapStore().map;
  const source = sourceId ? map?.sources.find((s) => s.id === sourceId) : map?.sources[0];
  if (!map || !source) return null;
  if (mapStore().readOnly) {
    useMapStore.setState({ error: 'readOnlyRefused' });
    return null;
  }
  const ranges = uncitedRanges(map, source);
  if (!ranges.length) {
    useMapStore.setState({ error: 'draftNothingUncited' });
    return null;
  }
  const whole = ranges.length === 1 && ranges[0]![0] === 0 && ranges[0]![1] === source.text.length;
  const started = performance.now();
  const draft = draftText({
    sourceId: source.id,
    text: source.text,
    language: source.language,
    ...(whole ? {} : { ranges }),
  });
  lastDraftMs = performance.now() - started;
  if (!draft.units.length) {
    useMapStore.setState({ error: 'draftNothingFound' });
    return null;
  }
  return (await showDraft(draft)) ? draft : null;
}

/** The review of the open map and the map, when a draft of it is shown. */
function current(): { map: ArgMap; review: DraftReview } | null {
  const map = mapStore().map;
  const review = map ? drafts().reviews[map.id] : undefined;
  return map && review ? { map, review } : null;
}

function update(review: DraftReview, patch: Partial<DraftReview>): void {
  drafts().set({ reviews: { ...drafts().reviews, [review.mapId]: { ...review, ...patch } } });
}

/** Marks as current the open unit after `after` (in text order), or the first, or none. */
function moveOn(after: string | null): void {
  const map = mapStore().map;
  if (map) focusNextProposal(map, after);
}

/**
 * Accepts the units `unitIds` as one undoable edit: each becomes a node of its kind citing its
 * span, where it was drawn, with the links whose ends are then both in the map.
 */
export function acceptProposals(unitIds: readonly string[]): boolean {
  const now = current();
  if (!now || !unitIds.length) return false;
  const { review } = now;
  let accepted: Record<string, string> | null = null;
  const ok = mapStore().edit((map) => {
    const source = map.sources.find((s) => s.id === review.draft.sourceId);
    if (!source) return map;
    const result = acceptUnits(map, review, unitIds, (unit) => unitRefs(source, unit));
    accepted = result.accepted;
    return result.map;
  });
  if (!ok || !accepted) return false;
  update(review, { accepted: { ...review.accepted, ...(accepted as Record<string, string>) } });
  moveOn(unitIds[unitIds.length - 1]!);
  return true;
}

/** Accepts every open proposal: one undo step. */
export function acceptAllProposals(): boolean {
  const now = current();
  if (!now) return false;
  return acceptProposals(openProposals(now.map, now.review).units.map((u) => u.id));
}

/** Rejects units: they and their links are no longer shown (not an edit of the map). */
export function rejectProposals(unitIds: readonly string[]): void {
  const now = current();
  if (!now || !unitIds.length) return;
  update(now.review, { rejected: [...new Set([...now.review.rejected, ...unitIds])] });
  moveOn(unitIds[unitIds.length - 1]!);
}

/** Rejects every open proposal: the draft is done with. */
export function rejectAllProposals(): void {
  const now = current();
  if (!now) return;
  rejectProposals(openProposals(now.map, now.review).units.map((u) => u.id));
}
