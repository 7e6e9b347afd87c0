/**
 * Level of detail: when node text would be too small to read on screen, nodes draw as compact
 * cards (kind mark and a short label) in a font scaled up with 1/zoom. This component only
 * sets a class and the `--lod-scale` custom property on the canvas wrapper, from the zoom
 * rounded to a few steps; CSS switches what every node shows. No node re-renders on zoom, so a
 * wheel zoom over 5,000 nodes costs one style change per step, not 5,000 renders.
 */
import { useEffect, type RefObject } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';

/** The node text's font size in canvas pixels (see .arg-node in styles.css). */
export const TEXT_PX = 14;
/** Below this on-screen size text is unreadable: nodes switch to cards. */
export const MIN_SCREEN_PX = 8;
/** The main conclusions' text is at least this large on screen. */
export const MAIN_SCREEN_PX = 11;
/** Zoom steps per doubling: the scale moves in steps of ~19 %. */
const STEPS = 4;

/**
 * The font scale for cards at `zoom`: at least 1/zoom (so a font of N px shows as at least N px
 * on screen), rounded up to a step, never below 1.
 */
export function lodScale(zoom: number): number {
  if (!(zoom > 0) || zoom >= 1) return 1;
  return 2 ** (Math.ceil(Math.log2(1 / zoom) * STEPS - 1e-9) / STEPS);
}

/** Which classes the wrapper takes at `zoom`. */
export function lodClasses(zoom: number): { cards: boolean; main: boolean } {
  return { cards: zoom * TEXT_PX < MIN_SCREEN_PX, main: zoom * TEXT_PX < MAIN_SCREEN_PX };
}

/** One string per distinct look, so the store selector changes only between steps. */
const selectLevel = (s: ReactFlowState) => {
  const zoom = s.transform[2];
  const { cards, main } = lodClasses(zoom);
  return `${cards ? 1 : 0}${main ? 1 : 0}:${lodScale(zoom)}`;
};

export function LevelOfDetail({ wrapper }: { wrapper: RefObject<HTMLDivElement | null> }) {
  const level = useStore(selectLevel);
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const [flags, scale] = level.split(':') as [string, string];
    el.classList.toggle('lod-cards', flags[0] === '1');
    el.classList.toggle('lod-main', flags[1] === '1');
    el.style.setProperty('--lod-scale', scale);
  }, [level, wrapper]);
  return null;
}
