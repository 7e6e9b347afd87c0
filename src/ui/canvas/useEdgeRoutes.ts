/**
 * Routes for the canvas's edges, computed by the layout's router (routeEdges) lazily and kept:
 *
 * - only edges with an end in view (plus a margin) are routed, a slice at a time between frames,
 *   so opening or panning a big map never blocks; the others are straight lines until they come
 *   into view;
 * - a route is kept until one of its ends moves or a box that moved (or appeared) lands on it;
 *   a box that went away changes no route;
 * - while nodes are dragged, only the edges touching them are routed again, every frame, among
 *   the boxes near them (not the whole map's).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { edgeRouter, routeEdges, type Point, type Rect } from '../../layout/route';
// Boxes that only touch count as meeting here (a node on the view's border is near it).
import { SpatialIndex, inflate, rectsMeet } from '../../layout/geometry';
import type { ArgEdge } from '../../model/schema';
import type { Node } from '@xyflow/react';
import { boxOf } from './initialViewport';

interface Kept {
  points: Point[];
  /** The boxes it was routed among, when it was routed while the canvas rendered (fresh edges). */
  among?: ReadonlyMap<string, Rect>;
  /** The route's bounding box, to tell whether a moved box lands on it. */
  span: Rect;
  /** The edge's ends (a route is made again when one of them moves). */
  from: string;
  to: string;
}

type Router = ReturnType<typeof edgeRouter>;

/** Fresh edges routed at once while the canvas renders (more: routed a slice at a time). */
const CHUNK = 20;
/**
 * A slice routes edges one by one until this much time has passed (one edge's search may take
 * milliseconds: twenty at a time once made a task of 150 ms).
 */
const SLICE_MS = 12;
/** More edges than this in view (a big map zoomed out): straight lines, no routing. */
export const MAX_ROUTED = 800;
/** Routed edges are handed to the canvas at most this often while routing goes on. */
const PUBLISH_MS = 150;
/** How far around a dragged node other boxes are avoided while it moves. */
const DRAG_REACH = 400;

const sameBox = (a: Rect, b: Rect) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

function spanOf(points: readonly Point[]): Rect {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Above this many edges the canvas is handed only those near the view (see edgesNear). */
export const MANY_EDGES = 1000;

/**
 * The edges with an end near the part of the map in view (within a view's size around it), for a
 * big map: React Flow does work for every edge it is given on each change (its connection
 * lookup, arrowhead markers, a visibility test per edge), though it draws only those in view.
 * Those farther away are handed over when the view stops moving there.
 */
export function edgesNear<E extends ArgEdge>(
  edges: readonly E[],
  nodes: readonly Node[],
  view: Rect | null,
): readonly E[] {
  if (edges.length <= MANY_EDGES || !view) return edges;
  const area = inflate(view, Math.max(view.width, view.height));
  const near = new Set<string>();
  for (const n of nodes) if (rectsMeet(boxOf(n), area)) near.add(n.id);
  return edges.filter((e) => near.has(e.from) || near.has(e.to));
}

/** The routes known now, by edge id (absent: not routed yet). */
export function useEdgeRoutes(
  /** The boxes edges attach to and go round: nodes and collapsed groups. */
  nodes: readonly Node[],
  edges: readonly ArgEdge[],
  /** The part of the map in view, in flow coordinates; null: unknown yet. */
  view: Rect | null,
): ReadonlyMap<string, Point[]> {
  const boxes = useMemo(() => {
    const map = new Map<string, Rect>();
    for (const n of nodes) map.set(n.id, boxOf(n));
    return map;
  }, [nodes]);
  const kept = useRef(new Map<string, Kept>());
  const router = useRef<{ boxes: ReadonlyMap<string, Rect>; route: Router } | null>(null);
  const lastBoxes = useRef(new Map<string, Rect>());
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const routes = kept.current;
    // What appeared or moved since the routes were made. A box that went away (folded into its
    // section, deleted) leaves the routes beside it as they are: none of them crosses it now.
    const before = lastBoxes.current;
    const moved = new SpatialIndex<string>();
    const movedIds = new Set<string>();
    for (const [id, box] of boxes) {
      const old = before.get(id);
      if (!old || !sameBox(old, box)) {
        movedIds.add(id);
        moved.add(id, box);
      }
    }
    lastBoxes.current = boxes;
    const live = new Set(edges.map((e) => e.id));
    let dropped = false;
    for (const [id, route] of routes)
      if (
        !live.has(id) ||
        (movedIds.size &&
          route.among !== boxes &&
          (movedIds.has(route.from) ||
            movedIds.has(route.to) ||
            moved.query(route.span).length > 0))
      ) {
        routes.delete(id);
        dropped = true;
      }
    // The boxes indexed once for all the routing below (rebuilt only when they change).
    const route = (some: readonly ArgEdge[]) => {
      if (router.current?.boxes !== boxes) router.current = { boxes, route: edgeRouter(boxes) };
      return router.current.route(some);
    };
    const keep = (routed: Record<string, Point[]>, of: readonly ArgEdge[]) => {
      for (const e of of) {
        const points = routed[e.id];
        if (points) routes.set(e.id, { points, span: spanOf(points), from: e.from, to: e.to });
      }
    };

    // Dragging: the dragged nodes' edges now, among the boxes near them.
    const dragged = nodes.filter((n) => n.dragging).map((n) => n.id);
    if (dragged.length) {
      const ids = new Set(dragged);
      const touching = edges.filter((e) => ids.has(e.from) || ids.has(e.to));
      const reach: Rect[] = [];
      for (const e of touching) {
        const f = boxes.get(e.from);
        const t = boxes.get(e.to);
        if (f && t)
          reach.push(inflate(spanOf([f, t, { x: t.x + t.width, y: t.y + t.height }]), DRAG_REACH));
      }
      const near = new Map<string, Rect>();
      for (const [id, box] of boxes) if (reach.some((r) => rectsMeet(r, box))) near.set(id, box);
      keep(routeEdges(near, touching), touching);
      setVersion((v) => v + 1);
      return;
    }
    if (dropped) setVersion((v) => v + 1);

    // The edges in view not routed yet, a slice at a time; what is routed is shown at most every
    // PUBLISH_MS (each showing hands React Flow all the edges again).
    if (!view) return;
    const area = inflate(view, Math.max(view.width, view.height) * 0.25);
    const inView = (id: string) => {
      const box = boxes.get(id);
      return !!box && rectsMeet(box, area);
    };
    const shown = edges.filter((e) => inView(e.from) || inView(e.to));
    if (shown.length > MAX_ROUTED) return;
    const todo = shown.filter((e) => !routes.has(e.id) && boxes.has(e.from) && boxes.has(e.to));
    if (!todo.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let published = performance.now();
    const slice = () => {
      const start = performance.now();
      while (todo.length && performance.now() - start < SLICE_MS) {
        const some = todo.splice(0, 1);
        keep(route(some), some);
      }
      if (!todo.length || performance.now() - published > PUBLISH_MS) {
        published = performance.now();
        setVersion((v) => v + 1);
      }
      if (todo.length) timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [boxes, edges, view, nodes]);

  // A fresh edge (just connected or quick-built) is routed at once, while the canvas renders, so
  // it is never drawn as the straight line between its handles, which may cross its own ends'
  // boxes (from a premise's top to the bottom of a node beside or below it). Looked for only when
  // the edges or the set of boxes change, not on every keystroke.
  const routable = useRef<{ edges: readonly ArgEdge[]; size: number; ids: Set<string> } | null>(
    null,
  );
  const freshRouted = useRef(0);
  const fresh = useMemo(() => {
    const last = routable.current;
    if (last && last.edges === edges && last.size === boxes.size) return freshRouted.current;
    const ids = new Set<string>();
    const todo: ArgEdge[] = [];
    for (const e of edges) {
      if (!boxes.has(e.from) || !boxes.has(e.to)) continue;
      ids.add(e.id);
      if (last && !last.ids.has(e.id) && !kept.current.has(e.id)) todo.push(e);
    }
    routable.current = { edges, size: boxes.size, ids };
    if (!todo.length || todo.length > CHUNK) return freshRouted.current;
    if (router.current?.boxes !== boxes) router.current = { boxes, route: edgeRouter(boxes) };
    const routed = router.current.route(todo);
    for (const e of todo) {
      const points = routed[e.id];
      if (points)
        kept.current.set(e.id, {
          points,
          span: spanOf(points),
          from: e.from,
          to: e.to,
          among: boxes,
        });
    }
    return ++freshRouted.current;
  }, [edges, boxes]);

  return useMemo(() => {
    const out = new Map<string, Point[]>();
    for (const [id, route] of kept.current) out.set(id, route.points);
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version, fresh: the routes changed
  }, [version, fresh]);
}
