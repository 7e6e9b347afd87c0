/** Whether the open map's edits are stored: shown in the toolbar. */
import { create } from 'zustand';

export type SaveState = 'saved' | 'pending' | 'failed';

export const useSaveStatus = create<{
  state: SaveState;
  message: string | null;
  set(state: SaveState, message?: string): void;
}>()((set) => ({
  state: 'saved',
  message: null,
  set: (state, message) => set({ state, message: message ?? null }),
}));
