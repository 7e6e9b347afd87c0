/** The comment list's state: shown or not, and which threads it lists. Not part of any map. */
import { create } from 'zustand';

export type CommentFilter = 'open' | 'resolved' | 'all';

export const useCommentsUi = create<{
  panelOpen: boolean;
  filter: CommentFilter;
  set(patch: Partial<{ panelOpen: boolean; filter: CommentFilter }>): void;
}>()((set) => ({
  panelOpen: false,
  filter: 'open',
  set: (patch) => set(patch),
}));
