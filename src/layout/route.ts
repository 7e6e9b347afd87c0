/**
 * The edge router: an orthogonal route for every edge, from its `from` box to its `to` box, that
 * never passes through any other box. Edges leave a premise from the side facing what it supports
 * (the top, in a layout with conclusions on top) and end on the facing side of the target, where
 * the arrowhead goes.
 *
 * Most edges of a laid-out map take the plain three-segment route (out, across the gap between
 * the rows, in), and all edges into one node share its crossing line, so a node's reasons hang
 * from one bus as in a hand-drawn argument map. An edge whose plain route is blocked is searched
 * for on the orthogonal visibility grid of the boxes near it (A*, length plus a cost per bend),
 * which finds the corridors a layered layout leaves between boxes.
 *
 * Pure and deterministic: the canvas, the exports and the tests draw the same routes.
 */
import { type Point, type Rect, SpatialIndex, inflate } from './geometry';

export type { Point, Rect } from './geometry';

/** Clearance kept between a route and every box it passes. */
export const ROUTE_MARGIN = 8;
/** Length of the straight piece where a route leaves or enters a box. */
const STUB = ROUTE_MARGIN + 4;
/** The largest corridor grid searched (lines × lines): ~30 ms at most. */
const MAX_GRID = 250_000;
/** What one bend costs, in pixels of length. */
const BEND = 40;

export interface RoutedEdge {
  id: string;
  from: string;
  to: string;
}

export interface RouteOptions {
  /** Routes from an earlier call: kept for every edge not affected by `changed`. */
  previous?: Readonly<Record<string, Point[]>>;
  /** Boxes that moved or changed size since `previous`. */
  changed?: ReadonlySet<string>;
}

type Side = 'top' | 'bottom' | 'left' | 'right';

interface Ports {
  start: Point;
  end: Point;
  /** The side of `from` the route leaves by, and the side of `to` it enters by. */
  out: Side;
  in: Side;
}

const OUTWARD: Record<Side, Point> = {
  top: { x: 0, y: -1 },
  bottom: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
};

function ports(f: Rect, t: Rect): Ports {
  const fc = { x: f.x + f.width / 2, y: f.y + f.height / 2 };
  const tc = { x: t.x + t.width / 2, y: t.y + t.height / 2 };
  if (t.y + t.height <= f.y)
    return {
      start: { x: fc.x, y: f.y },
      end: { x: tc.x, y: t.y + t.height },
      out: 'top',
      in: 'bottom',
    };
  if (t.y >= f.y + f.height)
    return {
      start: { x: fc.x, y: f.y + f.height },
      end: { x: tc.x, y: t.y },
      out: 'bottom',
      in: 'top',
    };
  if (t.x >= f.x + f.width)
    return {
      start: { x: f.x + f.width, y: fc.y },
      end: { x: t.x, y: tc.y },
      out: 'right',
      in: 'left',
    };
  if (t.x + t.width <= f.x)
    return {
      start: { x: f.x, y: fc.y },
      end: { x: t.x + t.width, y: tc.y },
      out: 'left',
      in: 'right',
    };
  // Overlapping boxes: any route crosses one of them; join the nearest sides.
  return fc.y >= tc.y
    ? { start: { x: fc.x, y: f.y }, end: { x: tc.x, y: t.y + t.height }, out: 'top', in: 'bottom' }
    : { start: { x: fc.x, y: f.y + f.height }, end: { x: tc.x, y: t.y }, out: 'bottom', in: 'top' };
}

const step = (p: Point, side: Side, by: number): Point => ({
  x: p.x + OUTWARD[side].x * by,
  y: p.y + OUTWARD[side].y * by,
});

/** Drops repeated points and points in the middle of a straight run. */
export function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/**
 * A router over one set of boxes: the boxes are indexed once, then any number of edges can be
 * routed among them (the canvas routes a big map's edges a few at a time).
 */
export function edgeRouter(
  boxes: ReadonlyMap<string, Rect>,
): (edges: readonly RoutedEdge[], options?: RouteOptions) => Record<string, Point[]> {
  const index = new SpatialIndex<string>();
  for (const [id, box] of boxes) index.add(id, inflate(box, ROUTE_MARGIN));
  return (edges, options = {}) => routeAmong(index, boxes, edges, options);
}

/** Routes every edge whose two ends have boxes; edges with a missing end get none. */
export function routeEdges(
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly RoutedEdge[],
  options: RouteOptions = {},
): Record<string, Point[]> {
  return edgeRouter(boxes)(edges, options);
}

function routeAmong(
  index: SpatialIndex<string>,
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly RoutedEdge[],
  options: RouteOptions,
): Record<string, Point[]> {
  const { previous, changed } = options;
  const moved = changed && previous ? [...changed].flatMap((id) => boxes.get(id) ?? []) : [];
  const routes: Record<string, Point[]> = {};
  for (const edge of edges) {
    const f = boxes.get(edge.from);
    const t = boxes.get(edge.to);
    if (!f || !t || edge.from === edge.to) continue;
    const kept = previous?.[edge.id];
    if (
      kept &&
      changed &&
      !changed.has(edge.from) &&
      !changed.has(edge.to) &&
      !moved.some((box) => crossesAny(kept, [inflate(box, ROUTE_MARGIN - 1)]))
    ) {
      routes[edge.id] = kept;
      continue;
    }
    routes[edge.id] = routeOne(index, edge.from, edge.to, f, t);
  }
  return routes;
}

function crossesAny(route: readonly Point[], rects: readonly Rect[]): boolean {
  const probe = new SpatialIndex<number>();
  rects.forEach((r, i) => probe.add(i, r));
  for (let i = 1; i < route.length; i++)
    if (probe.blocker(route[i - 1]!, route[i]!) !== undefined) return true;
  return false;
}

function routeOne(index: SpatialIndex<string>, from: string, to: string, f: Rect, t: Rect) {
  const ends = new Set([from, to]);
  const clear = (a: Point, b: Point) => index.blocker(a, b, ends) === undefined;
  const primary = ports(f, t);
  // When a box sits too close to the facing sides for a route to leave or enter there, the other
  // pair of sides (top/bottom instead of left/right, or the reverse) often has room.
  const options = [primary, otherPorts(f, t, primary)];
  for (const p of options) {
    const route = plainRoute(p, clear);
    if (route) return route;
  }
  for (const p of options) {
    const route = searchedRoute(index, p, clear);
    if (route) return route;
  }
  // No way round (a box sits on top of an end): the plain route, the best there is.
  return simplify(plainCandidates(primary)[1]!);
}

/** The other pair of sides: vertical ports for a side-by-side pair, side ports otherwise. */
function otherPorts(f: Rect, t: Rect, p: Ports): Ports {
  const fc = { x: f.x + f.width / 2, y: f.y + f.height / 2 };
  const tc = { x: t.x + t.width / 2, y: t.y + t.height / 2 };
  if (p.out === 'top' || p.out === 'bottom')
    return tc.x >= fc.x
      ? { start: { x: f.x + f.width, y: fc.y }, end: { x: t.x, y: tc.y }, out: 'right', in: 'left' }
      : {
          start: { x: f.x, y: fc.y },
          end: { x: t.x + t.width, y: tc.y },
          out: 'left',
          in: 'right',
        };
  return tc.y <= fc.y
    ? { start: { x: fc.x, y: f.y }, end: { x: tc.x, y: t.y + t.height }, out: 'top', in: 'bottom' }
    : { start: { x: fc.x, y: f.y + f.height }, end: { x: tc.x, y: t.y }, out: 'bottom', in: 'top' };
}

/**
 * The plain routes for a pair of ports: out, across, in — crossing where the target's bus runs
 * (just off the target, so all its premises share it), mid-gap, or just off the source.
 */
function plainCandidates(p: Ports): Point[][] {
  const vertical = p.out === 'top' || p.out === 'bottom';
  const a = vertical ? p.start.y : p.start.x;
  const b = vertical ? p.end.y : p.end.x;
  const sign = Math.sign(a - b);
  return [b + sign * (STUB + 8), (a + b) / 2, a - sign * (STUB + 8)].map((c) =>
    vertical
      ? [p.start, { x: p.start.x, y: c }, { x: p.end.x, y: c }, p.end]
      : [p.start, { x: c, y: p.start.y }, { x: c, y: p.end.y }, p.end],
  );
}

function plainRoute(p: Ports, clear: (a: Point, b: Point) => boolean): Point[] | null {
  const vertical = p.out === 'top' || p.out === 'bottom';
  for (const route of plainCandidates(p)) {
    // Only crossings strictly between the two ends keep the route's pieces outward.
    const c = vertical ? route[1]!.y : route[1]!.x;
    const between = vertical
      ? (c - p.start.y) * (c - p.end.y) < 0
      : (c - p.start.x) * (c - p.end.x) < 0;
    // Ports facing away from each other (the other pair of sides) have no crossing between.
    const outward = OUTWARD[p.out];
    const leaves =
      (c - (vertical ? p.start.y : p.start.x)) * (vertical ? outward.y : outward.x) > 0;
    if (!between || !leaves) continue;
    if (route.every((q, i) => i === 0 || clear(route[i - 1]!, q))) return simplify(route);
  }
  return null;
}

/** Blocked: search the corridors around the boxes, in a window that grows until a way is found. */
function searchedRoute(
  index: SpatialIndex<string>,
  p: Ports,
  clear: (a: Point, b: Point) => boolean,
): Point[] | null {
  const s = step(p.start, p.out, STUB);
  const e = step(p.end, p.in, STUB);
  if (!clear(p.start, s) || !clear(e, p.end)) return null;
  for (const pad of [200, 600, 1800]) {
    const path = search(index, s, e, p.out, p.in, pad);
    // The search saw only the boxes near the ends; a way round them may meet one further off.
    if (path && path.every((q, i) => i === 0 || clear(path[i - 1]!, q)))
      return simplify([p.start, ...path, p.end]);
  }
  return null;
}

/** A* over the orthogonal visibility grid of the inflated boxes around s and e. */
function search(
  index: SpatialIndex<string>,
  s: Point,
  e: Point,
  out: Side,
  into: Side,
  pad: number,
): Point[] | null {
  const area = {
    x: Math.min(s.x, e.x) - pad,
    y: Math.min(s.y, e.y) - pad,
    width: Math.abs(s.x - e.x) + 2 * pad,
    height: Math.abs(s.y - e.y) + 2 * pad,
  };
  const obstacles = index.query(area);
  // Lines of the grid: the window's edges, both ends, and every box border inside the window. The
  // path never leaves the window, so every box it could meet is among `obstacles`.
  const left = area.x;
  const right = area.x + area.width;
  const top = area.y;
  const bottom = area.y + area.height;
  const xs = new Set<number>([s.x, e.x, left, right]);
  const ys = new Set<number>([s.y, e.y, top, bottom]);
  for (const { rect } of obstacles) {
    for (const x of [rect.x, rect.x + rect.width]) if (x > left && x < right) xs.add(x);
    for (const y of [rect.y, rect.y + rect.height]) if (y > top && y < bottom) ys.add(y);
  }
  // Channel middles between neighbouring lines read better than hugging a box's margin.
  const withMiddles = (values: Set<number>) => {
    const v = [...values].sort((a, c) => a - c);
    const out: number[] = [];
    v.forEach((x, i) => {
      out.push(x);
      const next = v[i + 1];
      if (next !== undefined && next - x > 2 * STUB) out.push((x + next) / 2);
    });
    return out;
  };
  const X = withMiddles(xs);
  const Y = withMiddles(ys);
  const W = X.length;
  const H = Y.length;
  // A window this crowded (a long edge across a dense hand-made map) costs more than a route is
  // worth on a frame: the caller falls back to the plain route.
  if (W * H > MAX_GRID) return null;
  const at = (i: number, j: number) => ({ x: X[i]!, y: Y[j]! });
  // Grid points strictly inside a box, and grid steps through a box's interior. No box border
  // falls between two neighbouring lines, so a step is inside a box exactly when both its ends
  // lie within the box's span on that axis and the other coordinate is strictly inside.
  const blocked = new Uint8Array(W * H);
  const blockedH = new Uint8Array(W * H); // step from (i, j) to (i + 1, j)
  const blockedV = new Uint8Array(W * H); // step from (i, j) to (i, j + 1)
  const firstAtLeast = (v: number[], x: number) => {
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (v[m]! < x) lo = m + 1;
      else hi = m;
    }
    return lo;
  };
  for (const { rect } of obstacles) {
    const r = rect.x + rect.width;
    const b = rect.y + rect.height;
    // Lines from the last one at or before the box's near side to the first at or past its far side.
    const i0 = Math.max(0, firstAtLeast(X, rect.x + 1e-9) - 1);
    const i1 = Math.min(W - 1, firstAtLeast(X, r));
    const j0 = Math.max(0, firstAtLeast(Y, rect.y + 1e-9) - 1);
    const j1 = Math.min(H - 1, firstAtLeast(Y, b));
    for (let i = i0; i <= i1; i++) {
      const x = X[i]!;
      const inX = x > rect.x && x < r;
      const stepInX = i < W - 1 && x >= rect.x && X[i + 1]! <= r;
      for (let j = j0; j <= j1; j++) {
        const y = Y[j]!;
        const inY = y > rect.y && y < b;
        if (inX && inY) blocked[i * H + j] = 1;
        if (inY && stepInX) blockedH[i * H + j] = 1;
        if (inX && j < H - 1 && y >= rect.y && Y[j + 1]! <= b) blockedV[i * H + j] = 1;
      }
    }
  }
  const si = X.indexOf(s.x);
  const sj = Y.indexOf(s.y);
  const ei = X.indexOf(e.x);
  const ej = Y.indexOf(e.y);
  if (blocked[si * H + sj] || blocked[ei * H + ej]) return null;
  const startDir = out === 'top' || out === 'bottom' ? 1 : 0;
  const endDir = into === 'top' || into === 'bottom' ? 1 : 0;
  // State: cell × direction of travel (0 horizontal, 1 vertical).
  const key = (i: number, j: number, d: number) => (i * H + j) * 2 + d;
  const cost = new Float64Array(W * H * 2).fill(Infinity);
  const parent = new Int32Array(W * H * 2).fill(-1);
  const heap = new MinHeap();
  // Weighted A*: the distance left counts double, so the search heads for the end and settles
  // for a route at most twice the shortest (in practice the same or a bend more) — ~5× fewer steps.
  const h = (i: number, j: number) => 2 * (Math.abs(X[i]! - e.x) + Math.abs(Y[j]! - e.y));
  cost[key(si, sj, startDir)] = 0;
  heap.push(h(si, sj), key(si, sj, startDir));
  const canStep = (i: number, j: number, ni: number, nj: number) =>
    nj === j ? !blockedH[Math.min(i, ni) * H + j] : !blockedV[i * H + Math.min(j, nj)];
  let found = -1;
  while (heap.size) {
    const [f, k] = heap.pop();
    const d = k % 2;
    const cell = (k - d) / 2;
    const i = Math.floor(cell / H);
    const j = cell % H;
    if (f - h(i, j) > cost[k]! + 1e-9) continue;
    if (i === ei && j === ej) {
      found = k;
      if (d === endDir) break;
      // Arriving across the entry direction costs one more bend; keep looking for a better one.
      const turned = key(i, j, endDir);
      if (cost[k]! + BEND < cost[turned]!) {
        cost[turned] = cost[k]! + BEND;
        parent[turned] = k;
        heap.push(cost[turned]!, turned);
      }
      continue;
    }
    const moves: [number, number, number][] = [
      [i - 1, j, 0],
      [i + 1, j, 0],
      [i, j - 1, 1],
      [i, j + 1, 1],
    ];
    for (const [ni, nj, nd] of moves) {
      if (ni < 0 || nj < 0 || ni >= W || nj >= H || blocked[ni * H + nj]) continue;
      if (!canStep(i, j, ni, nj)) continue;
      const nk = key(ni, nj, nd);
      const c =
        cost[k]! + Math.abs(X[ni]! - X[i]!) + Math.abs(Y[nj]! - Y[j]!) + (nd === d ? 0 : BEND);
      if (c < cost[nk]!) {
        cost[nk] = c;
        parent[nk] = k;
        heap.push(c + h(ni, nj), nk);
      }
    }
  }
  if (found < 0) return null;
  const target = cost[key(ei, ej, endDir)]! < Infinity ? key(ei, ej, endDir) : found;
  const path: Point[] = [];
  for (let k = target; k >= 0; k = parent[k]!) {
    const cell = (k - (k % 2)) / 2;
    path.push(at(Math.floor(cell / H), cell % H));
  }
  return path.reverse();
}

/** A binary min-heap of (priority, value) pairs. */
class MinHeap {
  private readonly p: number[] = [];
  private readonly v: number[] = [];
  get size() {
    return this.p.length;
  }
  push(priority: number, value: number) {
    const { p, v } = this;
    let i = p.length;
    p.push(priority);
    v.push(value);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (p[up]! <= priority) break;
      p[i] = p[up]!;
      v[i] = v[up]!;
      i = up;
    }
    p[i] = priority;
    v[i] = value;
  }
  pop(): [number, number] {
    const { p, v } = this;
    const top: [number, number] = [p[0]!, v[0]!];
    const lastP = p.pop()!;
    const lastV = v.pop()!;
    if (p.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= p.length) break;
        const r = l + 1;
        const c = r < p.length && p[r]! < p[l]! ? r : l;
        if (p[c]! >= lastP) break;
        p[i] = p[c]!;
        v[i] = v[c]!;
        i = c;
      }
      p[i] = lastP;
      v[i] = lastV;
    }
    return top;
  }
}
