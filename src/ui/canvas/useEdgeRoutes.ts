/**
 * Routes for the canvas's edges, computed by the layout's router (routeEdges) lazily and kept:
 *
 * - only edges with an end in view (plus a margin) are routed, a slice at a time between frames,
 *   so opening or panning a big map never blocks; the others are straight lines until they come
 *   into view;
 * - a route is kept until one of its ends moves or a box that moved lands on it;
 * - while nodes are dragged, only the edges touching them are routed again, every frame, among
 *   the boxes near them (not the whole map's).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { routeEdges, type Point, type Rect } from '../../layout/route';
import type { ArgEdge } from '../../model/schema';
import type { Node } from '@xyflow/react';
import { boxOf } from './initialViewport';

interface Kept {
  points: Point[];
  /** The route's bounding box, to tell whether a moved box lands on it. */
  span: Rect;
}

/** Edges routed per slice; a slice also stops after SLICE_MS. */
const CHUNK = 20;
const SLICE_MS = 12;
/** More edges than this in view (a big map zoomed out): straight lines, no routing. */
export const MAX_ROUTED = 800;
/** Above this many moved boxes (a layout), every route is recomputed. */
const MANY_MOVED = 200;
/** How far around a dragged node other boxes are avoided while it moves. */
const DRAG_REACH = 400;

const overlaps = (a: Rect, b: Rect) =>
  a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
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

function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
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
  const lastBoxes = useRef(new Map<string, Rect>());
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const routes = kept.current;
    // What moved since the routes were made.
    const before = lastBoxes.current;
    const moved: Rect[] = [];
    const movedIds = new Set<string>();
    for (const [id, box] of boxes) {
      const old = before.get(id);
      if (!old || !sameBox(old, box)) {
        movedIds.add(id);
        if (old) moved.push(old);
        moved.push(box);
      }
    }
    for (const [id, old] of before)
      if (!boxes.has(id)) {
        movedIds.add(id);
        moved.push(old);
      }
    lastBoxes.current = boxes;
    const live = new Set(edges.map((e) => e.id));
    let dropped = false;
    for (const [id] of routes)
      if (!live.has(id)) {
        routes.delete(id);
        dropped = true;
      }
    if (movedIds.size > MANY_MOVED) {
      dropped ||= routes.size > 0;
      routes.clear();
    } else if (movedIds.size) {
      for (const e of edges) {
        const route = routes.get(e.id);
        if (!route) continue;
        if (
          movedIds.has(e.from) ||
          movedIds.has(e.to) ||
          moved.some((box) => overlaps(box, route.span))
        ) {
          routes.delete(e.id);
          dropped = true;
        }
      }
    }

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
          reach.push(grow(spanOf([f, t, { x: t.x + t.width, y: t.y + t.height }]), DRAG_REACH));
      }
      const near = new Map<string, Rect>();
      for (const [id, box] of boxes) if (reach.some((r) => overlaps(r, box))) near.set(id, box);
      const routed = routeEdges(near, touching);
      for (const [id, points] of Object.entries(routed))
        routes.set(id, { points, span: spanOf(points) });
      setVersion((v) => v + 1);
      return;
    }
    if (dropped) setVersion((v) => v + 1);

    // The edges in view not routed yet, a slice at a time.
    if (!view) return;
    const area = grow(view, Math.max(view.width, view.height) * 0.25);
    const inView = (id: string) => {
      const box = boxes.get(id);
      return !!box && overlaps(box, area);
    };
    const shown = edges.filter((e) => inView(e.from) || inView(e.to));
    if (shown.length > MAX_ROUTED) return;
    const todo = shown.filter((e) => !routes.has(e.id) && boxes.has(e.from) && boxes.has(e.to));
    if (!todo.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const start = performance.now();
      while (todo.length && performance.now() - start < SLICE_MS) {
        const routed = routeEdges(boxes, todo.splice(0, CHUNK));
        for (const [id, points] of Object.entries(routed))
          routes.set(id, { points, span: spanOf(points) });
      }
      setVersion((v) => v + 1);
      if (todo.length) timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [boxes, edges, view, nodes]);

  return useMemo(() => {
    const out = new Map<string, Point[]>();
    for (const [id, route] of kept.current) out.set(id, route.points);
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version: the routes changed
  }, [version]);
}
