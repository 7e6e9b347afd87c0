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

/** Routes every edge whose two ends have boxes; edges with a missing end get none. */
export function routeEdges(
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly RoutedEdge[],
  options: RouteOptions = {},
): Record<string, Point[]> {
  const index = new SpatialIndex<string>();
  for (const [id, box] of boxes) index.add(id, inflate(box, ROUTE_MARGIN));
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
  const p = ports(f, t);
  const s = step(p.start, p.out, STUB);
  const e = step(p.end, p.in, STUB);
  const ends = new Set([from, to]);
  const clear = (a: Point, b: Point) => index.blocker(a, b, ends) === undefined;

  // The plain route: out, across the middle of the gap, in.
  const vertical = p.out === 'top' || p.out === 'bottom';
  const plain = vertical
    ? [
        p.start,
        { x: p.start.x, y: (p.start.y + p.end.y) / 2 },
        { x: p.end.x, y: (p.start.y + p.end.y) / 2 },
        p.end,
      ]
    : [
        p.start,
        { x: (p.start.x + p.end.x) / 2, y: p.start.y },
        { x: (p.start.x + p.end.x) / 2, y: p.end.y },
        p.end,
      ];
  if (plain.every((q, i) => i === 0 || clear(plain[i - 1]!, q))) return simplify(plain);

  // Blocked: search the corridors around the boxes, in a window that grows until a way is found.
  const stubsClear = clear(p.start, s) && clear(e, p.end);
  if (stubsClear) {
    for (const pad of [240, 720, 2400, Infinity]) {
      const path = search(index, s, e, p.out, p.in, pad);
      if (path) return simplify([p.start, ...path, p.end]);
    }
  }
  // No way round (a box sits on top of an end): the plain route, the best there is.
  return simplify(plain);
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
  const obstacles = Number.isFinite(pad) ? index.query(area) : index.query(everything);
  const xs = new Set<number>([s.x, e.x]);
  const ys = new Set<number>([s.y, e.y]);
  let [minX, minY, maxX, maxY] = [
    Math.min(s.x, e.x),
    Math.min(s.y, e.y),
    Math.max(s.x, e.x),
    Math.max(s.y, e.y),
  ];
  for (const { rect } of obstacles) {
    xs.add(rect.x).add(rect.x + rect.width);
    ys.add(rect.y).add(rect.y + rect.height);
    minX = Math.min(minX, rect.x);
    minY = Math.min(minY, rect.y);
    maxX = Math.max(maxX, rect.x + rect.width);
    maxY = Math.max(maxY, rect.y + rect.height);
  }
  // A lane outside everything in the window, so a way round always exists when the ends are free.
  xs.add(minX - STUB).add(maxX + STUB);
  ys.add(minY - STUB).add(maxY + STUB);
  const gx = [...xs].sort((a, b) => a - b);
  const gy = [...ys].sort((a, b) => a - b);
  // Channel middles between neighbouring lines read better than hugging a box's margin.
  const mid = (v: number[]) => {
    const out: number[] = [];
    v.forEach((x, i) => {
      out.push(x);
      const next = v[i + 1];
      if (next !== undefined && next - x > 2 * STUB) out.push((x + next) / 2);
    });
    return out;
  };
  const X = mid(gx);
  const Y = mid(gy);
  const W = X.length;
  const H = Y.length;
  const at = (i: number, j: number) => ({ x: X[i]!, y: Y[j]! });
  // Grid points strictly inside a box, and grid steps through a box's interior. Every box border
  // is a grid line, so a step between neighbouring lines is inside a box exactly when its middle is.
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
    const i0 = firstAtLeast(X, rect.x);
    const i1 = firstAtLeast(X, rect.x + rect.width); // X[i1] is the right border
    const j0 = firstAtLeast(Y, rect.y);
    const j1 = firstAtLeast(Y, rect.y + rect.height);
    for (let i = i0; i <= i1 && i < W; i++)
      for (let j = j0; j <= j1 && j < H; j++) {
        const inX = i > i0 && i < i1;
        const inY = j > j0 && j < j1;
        if (inX && inY) blocked[i * H + j] = 1;
        if (inY && i < i1) blockedH[i * H + j] = 1;
        if (inX && j < j1) blockedV[i * H + j] = 1;
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
  const h = (i: number, j: number) => Math.abs(X[i]! - e.x) + Math.abs(Y[j]! - e.y);
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

const everything = { x: -1e9, y: -1e9, width: 2e9, height: 2e9 };

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
