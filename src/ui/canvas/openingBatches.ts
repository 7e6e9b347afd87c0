/**
 * Opening a map without a long task: React Flow creates, draws and measures every node it is given
 * that lies in view, all in the task that hands it the nodes, and a few hundred nodes took the page
 * 0.5–1 s in one task (the overview of the largest map the limits allow, or of the article). So
 * while a map opens, the canvas hands React Flow the nodes of the opening view a batch at a time,
 * one batch per task with a frame between them (in which the browser draws and React Flow measures
 * the batch): {@link OPEN_BATCH} nodes in view, in the canvas's order (the outline's, so the
 * conclusions come first). Nodes out of the opening view cost React Flow nothing to draw (it renders
 * only what is visible) and are handed over at once, so panning away while the map opens finds
 * them there, and a big map opened on its first tour stop (a few nodes in view) is handed over
 * whole in the first batch.
 */
import type { Node } from '@xyflow/react';
import { rectsMeet } from '../../layout/geometry';
import { boxOf } from './initialViewport';
import type { Box } from './freeArea';

/** Nodes in view handed to React Flow per task while a map opens. */
export const OPEN_BATCH = 25;

export interface Handed<N> {
  /** The nodes React Flow is given now: `nodes` itself once nothing is held back. */
  nodes: N[];
  /** How many nodes in view are held back for later batches. */
  waiting: number;
}

/**
 * What React Flow is given while the first `shown` nodes in the opening `view` (flow coordinates)
 * have been handed over: every node out of that view, and the first `shown` in it, in their order
 * (so a node once handed stays handed as `shown` grows).
 */
export function handedNodes<N extends Node>(nodes: N[], view: Box, shown: number): Handed<N> {
  const handed: N[] = [];
  let inView = 0;
  for (const node of nodes) {
    if (!rectsMeet(boxOf(node), view)) handed.push(node);
    else if (inView++ < shown) handed.push(node);
  }
  const waiting = Math.max(0, inView - shown);
  return { nodes: waiting ? handed : nodes, waiting };
}

/** The part of the map a viewport shows on a canvas of the given size, in flow coordinates. */
export function viewBox(
  viewport: { x: number; y: number; zoom: number },
  width: number,
  height: number,
): Box {
  const { x, y, zoom } = viewport;
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

/** How long to wait for a frame before going on without one (a tab in the background has none). */
const NO_FRAME = 1000;

/**
 * Runs `then` in a task of its own after the next frame (in which the browser draws and measures
 * what the last task added), or after {@link NO_FRAME} ms when no frame comes; returns a cancel.
 */
export function afterNextFrame(then: () => void): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    then();
  };
  const frame = requestAnimationFrame(() => {
    clearTimeout(timer);
    timer = setTimeout(run, 0);
  });
  timer = setTimeout(run, NO_FRAME);
  const cancel = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
  return () => {
    done = true;
    cancel();
  };
}
