/**
 * The overview's viewport: every shown node fitted into the free part of the canvas, with room
 * for the main conclusions' titles, which hang from their boxes' top edges in a fixed on-screen
 * size when zoomed out (see canvas.css) and so take more of the map the further out the view is.
 */
import { lodClasses, lodScale } from './LevelOfDetail';
import { boundsOf, viewportInto, type Box } from './freeArea';

/** A main conclusion: its box in flow coordinates and its title's length in characters. */
export interface Titled {
  box: Box;
  chars: number;
}

/** The title's width in CSS pixels at scale 1 (canvas.css: 230px, plus its border). */
const TITLE_WIDTH = 234;
const TITLE_FONT = 11.5;
const TITLE_LINE = 1.25;

/** The title's box in flow coordinates at `zoom`, from its length (CJK-wide glyphs: a safe guess). */
export function titleBox({ box, chars }: Titled, zoom: number): Box {
  const scale = lodScale(zoom);
  const width = TITLE_WIDTH * scale;
  const perLine = Math.max(1, Math.floor((TITLE_WIDTH - 12) / TITLE_FONT));
  const lines = Math.ceil(chars / perLine);
  const height = (lines * TITLE_FONT * TITLE_LINE + 8) * scale;
  return {
    x: box.x + box.width / 2 - width / 2,
    y: box.y,
    width,
    height,
  };
}

export function overviewViewport(
  boxes: readonly Box[],
  titled: readonly Titled[],
  free: Box,
  options: { maxZoom?: number; padding?: number } = {},
): { x: number; y: number; zoom: number } | null {
  const bounds = boundsOf(boxes);
  if (!bounds) return null;
  let view = viewportInto(bounds, free, options);
  // A few rounds: the titles' flow size depends on the zoom, which depends on the bounds.
  for (let round = 0; round < 3 && titled.length; round++) {
    if (!lodClasses(view.zoom).main) break;
    const all = boundsOf([bounds, ...titled.map((t) => titleBox(t, view.zoom))])!;
    view = viewportInto(all, free, options);
  }
  return view;
}
