/**
 * Runs the automatic layout in a Web Worker (layoutWorker.ts), so laying out a large map never
 * blocks a frame. The worker is started on first use, or earlier, at idle, by warmLayout().
 */
import type { Position } from '../model/schema';
import type { LayoutInput, Size } from '../layout/layout';
import type { LayoutReply, LayoutRequest } from './layoutWorker';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(r: LayoutReply): void }>();

function send(request: Omit<LayoutRequest, 'id'>): Promise<LayoutReply> {
  if (!worker) {
    // Vite bundles the worker and what it imports from this pattern.
    worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<LayoutReply>) => {
      pending.get(data.id)?.resolve(data);
      pending.delete(data.id);
    };
  }
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    worker!.postMessage({ ...request, id });
  });
}

/** Loads the layout worker and ELK while the editor is idle, so the first layout is quick. */
export function warmLayout(): void {
  if (!worker && typeof Worker !== 'undefined') void send({ warm: true });
}

/** Positions for every node of `map`, laid out for the boxes of the labels shown (`sizes`). */
export async function computeLayout(
  map: LayoutInput,
  sizes?: Readonly<Record<string, Size>>,
): Promise<Record<string, Position>> {
  // Only what the layout reads crosses to the worker (not the sources' texts).
  const input: LayoutInput = {
    nodes: map.nodes.map(({ id, kind, text, group }) => ({ id, kind, text, group })),
    edges: map.edges.map(({ id, from, to }) => ({ id, from, to })),
    groups: map.groups?.map(({ id, parent }) => ({ id, parent })),
  };
  const reply = await send({ map: input, sizes: sizes ? { ...sizes } : undefined });
  if ('error' in reply) throw new Error(`The layout failed: ${reply.error}`);
  return reply.positions;
}
