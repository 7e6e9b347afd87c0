/**
 * Plane geometry for layout and routing: axis-aligned rectangles, orthogonal segments, and a
 * spatial hash that answers "which boxes does this segment touch" without looking at all of them.
 * Coordinates are canvas pixels, y down.
 */

/** An axis-aligned box: top-left corner and size. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** `rect` grown by `by` on every side. */
export function inflate(rect: Rect, by: number): Rect {
  return {
    x: rect.x - by,
    y: rect.y - by,
    width: rect.width + 2 * by,
    height: rect.height + 2 * by,
  };
}

/** Whether the interiors of two boxes overlap (touching edges do not count). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether two boxes meet: overlap or touch (closed boxes; compare {@link rectsOverlap}). */
export function rectsMeet(a: Rect, b: Rect): boolean {
  return (
    a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height
  );
}

/** Whether `p` lies strictly inside `r`. */
export function pointInside(p: Point, r: Rect): boolean {
  return p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height;
}

/**
 * Whether the segment a–b passes through the interior of `r` (running along its border does not
 * count). Works for any segment, not only orthogonal ones (Liang–Barsky clipping).
 */
export function segmentCrossesRect(a: Point, b: Point, r: Rect): boolean {
  const eps = 1e-6;
  const x0 = r.x + eps;
  const x1 = r.x + r.width - eps;
  const y0 = r.y + eps;
  const y1 = r.y + r.height - eps;
  if (x1 <= x0 || y1 <= y0) return false;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number) => {
    if (p === 0) return q > 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  if (
    clip(-dx, a.x - x0) &&
    clip(dx, x1 - a.x) &&
    clip(-dy, a.y - y0) &&
    clip(dy, y1 - a.y) &&
    t1 - t0 > eps
  )
    return true;
  return false;
}

/** The smallest box holding all of `rects`; null for none. */
export function boundsOf(rects: Iterable<Rect>): Rect | null {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Boxes bucketed into square cells, for queries about a small area of a big map. */
export class SpatialIndex<K> {
  private readonly cells = new Map<string, { key: K; rect: Rect }[]>();
  private readonly rects = new Map<K, Rect>();

  constructor(private readonly cell = 256) {}

  private *cellsOf(r: Rect): Generator<string> {
    const c = this.cell;
    for (let i = Math.floor(r.x / c); i <= Math.floor((r.x + r.width) / c); i++)
      for (let j = Math.floor(r.y / c); j <= Math.floor((r.y + r.height) / c); j++)
        yield `${i},${j}`;
  }

  add(key: K, rect: Rect): void {
    this.rects.set(key, rect);
    for (const id of this.cellsOf(rect)) {
      const list = this.cells.get(id);
      if (list) list.push({ key, rect });
      else this.cells.set(id, [{ key, rect }]);
    }
  }

  /** Every entry whose box meets `area` (each once). */
  query(area: Rect): { key: K; rect: Rect }[] {
    const seen = new Set<K>();
    const out: { key: K; rect: Rect }[] = [];
    for (const id of this.cellsOf(area)) {
      for (const entry of this.cells.get(id) ?? []) {
        if (seen.has(entry.key)) continue;
        seen.add(entry.key);
        if (
          entry.rect.x <= area.x + area.width &&
          area.x <= entry.rect.x + entry.rect.width &&
          entry.rect.y <= area.y + area.height &&
          area.y <= entry.rect.y + entry.rect.height
        )
          out.push(entry);
      }
    }
    return out;
  }

  /** The first entry (other than those in `skip`) whose interior the segment a–b crosses. */
  blocker(a: Point, b: Point, skip?: ReadonlySet<K>): K | undefined {
    const area = {
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      width: Math.abs(a.x - b.x),
      height: Math.abs(a.y - b.y),
    };
    for (const { key, rect } of this.query(area))
      if (!skip?.has(key) && segmentCrossesRect(a, b, rect)) return key;
    return undefined;
  }
}
