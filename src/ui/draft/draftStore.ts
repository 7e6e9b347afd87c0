/**
 * The drafts under review, one per map. Switching views or maps keeps them, and so does reloading
 * the tab (they are kept in the tab's sessionStorage, not in the map: a draft is a proposal, not
 * part of the map); closing the tab drops them. Small on purpose: the toolbar and the canvas read
 * it in the first bundle, while the review's code and the drafter load when a draft is made.
 */
import { create } from 'zustand';
import { createJSONStorage, persist, type PersistStorage } from 'zustand/middleware';
import type { ArgMap } from '../../model/schema';
import { openProposals, type DraftReview } from './proposals';

export interface DraftState {
  /** By map id. */
  reviews: Readonly<Record<string, DraftReview>>;
  /** The proposal (unit or junction id) the review list and the canvas mark as current. */
  current: string | null;
  /** Asks the list to take the focus on `current` and the canvas to show it (`at` makes it new). */
  focusRequest: { id: string; at: number } | null;
  /** The map being drafted now (the drafter or the layout running), if any. */
  drafting: string | null;
  set(patch: Partial<Omit<DraftState, 'set'>>): void;
}

/**
 * The tab's sessionStorage, written only when the reviews change: moving through the list (the
 * current proposal, a focus request) must not serialise a draft of hundreds of proposals again.
 */
function reviewStorage(): PersistStorage<Pick<DraftState, 'reviews'>> | undefined {
  const json = createJSONStorage<Pick<DraftState, 'reviews'>>(() => sessionStorage);
  if (!json) return undefined;
  let written: DraftState['reviews'] | undefined;
  return {
    ...json,
    setItem: (name, value) => {
      if (value.state.reviews === written) return;
      written = value.state.reviews;
      return json.setItem(name, value);
    },
  };
}

export const useDraftStore = create<DraftState>()(
  persist(
    (set) => ({
      reviews: {},
      current: null,
      focusRequest: null,
      drafting: null,
      set: (patch) => set(patch),
    }),
    {
      name: 'argmap-editor-drafts',
      version: 1,
      storage: reviewStorage(),
      partialize: (s) => ({ reviews: s.reviews }),
    },
  ),
);

/** The review of the map `mapId`, if a draft of it is shown. */
export const reviewOf = (mapId: string | undefined): DraftReview | undefined =>
  mapId ? useDraftStore.getState().reviews[mapId] : undefined;

/**
 * Makes current the open unit of `map`'s draft after `after` (in text order; the first after the
 * last), and asks the list and the canvas to show it. None when nothing is open.
 */
export function focusNextProposal(map: ArgMap, after: string | null): void {
  const { reviews, set } = useDraftStore.getState();
  const review = reviews[map.id];
  if (!review) return;
  const units = openProposals(map, review).units;
  const order = review.draft.units.map((u) => u.id);
  const from = after ? order.indexOf(after) : -1;
  const next = units.find((u) => order.indexOf(u.id) > from) ?? units[0];
  set({
    current: next?.id ?? null,
    focusRequest: next ? { id: next.id, at: Date.now() } : null,
  });
}

/** Whether `map` has a draft with proposals still open. */
export function hasOpenProposals(map: ArgMap | null): boolean {
  const review = map ? useDraftStore.getState().reviews[map.id] : undefined;
  return !!map && !!review && openProposals(map, review).units.length > 0;
}

/**
 * The source the source pane shows (none when the pane shows none, and the drafter then takes the
 * first). Read from the page: the pane keeps its tab in its own state.
 */
export function shownSourceId(): string | undefined {
  return (
    document.querySelector<HTMLElement>('[data-testid="source-pane"] article')?.dataset.sourceId ??
    undefined
  );
}
