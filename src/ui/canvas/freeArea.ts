/**
 * Where the canvas is not covered: the legend, the minimap, the zoom controls and any other panel
 * lie over the corners of the canvas, so "fit the map" means fit it into the largest rectangle
 * none of them covers, not into the whole canvas.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The rectangle around some boxes, or null when there are none. */
export function boundsOf(
  boxes: Iterable<{ x: number; y: number; width: number; height: number }>,
): Box | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  return Number.isFinite(minX)
    ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
    : null;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The rectangle inside `area` that overlaps none of `covers` and in which content of the given
 * proportions (`aspect` = width / height) shows largest. Its sides lie on the area's sides or on
 * the covers' sides; with a handful of covers that is a few hundred candidates.
 */
export function freeRect(area: Box, covers: readonly Box[], aspect = 1): Box {
  const inside = covers.filter((c) => c.width > 0 && c.height > 0 && overlaps(c, area));
  if (!inside.length) return area;
  const right = area.x + area.width;
  const bottom = area.y + area.height;
  const lefts = [area.x, ...inside.map((c) => c.x + c.width)].filter(
    (v) => v >= area.x && v < right,
  );
  const rights = [right, ...inside.map((c) => c.x)].filter((v) => v > area.x && v <= right);
  const tops = [area.y, ...inside.map((c) => c.y + c.height)].filter(
    (v) => v >= area.y && v < bottom,
  );
  const bottoms = [bottom, ...inside.map((c) => c.y)].filter((v) => v > area.y && v <= bottom);
  let best = area;
  let bestScale = -1;
  for (const x of lefts)
    for (const r of rights) {
      if (r <= x) continue;
      for (const y of tops)
        for (const b of bottoms) {
          if (b <= y) continue;
          const box = { x, y, width: r - x, height: b - y };
          // How large content of this aspect can be drawn in the box.
          const scale = Math.min(box.width / aspect, box.height);
          if (scale <= bestScale || inside.some((c) => overlaps(c, box))) continue;
          best = box;
          bestScale = scale;
        }
    }
  return bestScale < 0 ? area : best;
}

/**
 * The viewport showing `bounds` (flow coordinates) as large as fits in `free` (pixels in the
 * canvas), centred there, with `padding` (a fraction of the free box) around it.
 */
export function viewportInto(
  bounds: Box,
  free: Box,
  { minZoom = 0.005, maxZoom = 2, padding = 0.06 } = {},
): { x: number; y: number; zoom: number } {
  const width = Math.max(bounds.width, 1);
  const height = Math.max(bounds.height, 1);
  const zoom = Math.min(
    maxZoom,
    Math.max(
      minZoom,
      Math.min(
        (free.width * (1 - 2 * padding)) / width,
        (free.height * (1 - 2 * padding)) / height,
      ),
    ),
  );
  return {
    x: free.x + (free.width - width * zoom) / 2 - bounds.x * zoom,
    y: free.y + (free.height - height * zoom) / 2 - bounds.y * zoom,
    zoom,
  };
}

/**
 * The least shift (in screen pixels) that brings `target` inside `free` with `margin` to spare:
 * zero on an axis where it already is inside, so nothing moves that need not. A target larger
 * than the free area is aligned with its top-left corner.
 */
export function shiftIntoView(target: Box, free: Box, margin = 24): { dx: number; dy: number } {
  const axis = (start: number, size: number, freeStart: number, freeSize: number) => {
    const low = freeStart + margin;
    const high = freeStart + freeSize - margin;
    if (start < low || size > high - low) return low - start;
    if (start + size > high) return high - (start + size);
    return 0;
  };
  return {
    dx: axis(target.x, target.width, free.x, free.width),
    dy: axis(target.y, target.height, free.y, free.height),
  };
}
