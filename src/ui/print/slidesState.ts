/** What File → Slides is doing: its options dialog is open, or a deck is asked for. */
import { create } from 'zustand';
import type { SlidesOptions } from '../../io/slides';

interface SlidesState {
  /** The options dialog is open. */
  choosing: boolean;
  /** The deck last asked for: its map and options. */
  job: { mapId: string; options: SlidesOptions } | null;
}

export const useSlides = create<SlidesState>()(() => ({ choosing: false, job: null }));

/** Opens the slides dialog (File → Slides…). */
export function openSlidesDialog() {
  useSlides.setState({ choosing: true });
}
