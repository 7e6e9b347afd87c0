/** Whether a new version of the editor waits to take over, for the update prompt. */
import { create } from 'zustand';

export interface UpdateState {
  /** A new service worker is installed and waits (the new version is downloaded). */
  waiting: boolean;
  /** The person chose "Later": the prompt stays hidden in this tab. */
  dismissed: boolean;
  /** Lets the waiting version take over and reloads the page; set once the worker registers. */
  apply: (() => void) | null;
}

export const useUpdates = create<UpdateState>(() => ({
  waiting: false,
  dismissed: false,
  apply: null,
}));
