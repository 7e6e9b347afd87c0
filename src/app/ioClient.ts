/**
 * Runs imports and exports in the I/O worker (io/ioWorker.ts), so that parsing, checking and
 * converting even the largest allowed file never blocks a frame of the editor. The worker is
 * started on first use. Where the browser has no workers (and in the unit tests), the same tasks
 * run in this thread.
 */
import type { IoReply, IoResult, IoTask } from '../io/ioTasks';
import type { IoWarm } from '../io/ioWorker';
import type { ArgMap } from '../model/schema';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  { resolve(r: unknown): void; reject(e: Error): void; sources: ArgMap['sources'][number][] }
>();

function startWorker(): Worker {
  // Vite bundles the worker and what it imports from this pattern.
  const started = new Worker(new URL('../io/ioWorker.ts', import.meta.url), { type: 'module' });
  started.onmessage = ({ data }: MessageEvent<IoReply>) => {
    const waiting = pending.get(data.id);
    if (!waiting) return;
    if ('source' in data) {
      waiting.sources.push(data.source);
      return;
    }
    pending.delete(data.id);
    if (!data.ok) return waiting.reject(new Error(data.error));
    const { result } = data;
    // An imported map's sources came ahead, one message each.
    if (typeof result === 'object' && result.kind === 'map')
      waiting.resolve({ ...result, map: { ...result.map, sources: waiting.sources } });
    else waiting.resolve(result);
  };
  // A worker that fails to load or dies (out of memory): every task waiting on it fails, and
  // the next one starts a new worker.
  started.onerror = (event) => {
    event.preventDefault?.();
    const error = new Error(event.message || 'The import and export worker stopped.');
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    started.terminate();
    if (worker === started) worker = null;
    warmed = false;
  };
  return started;
}

let warmed = false;

/**
 * Starts the worker and has it load the document importers and pdf.js (which starts its own
 * worker) ahead of a document, once: called when a document is about to be picked or dropped
 * (the pointer on File › New map from a file…, a file dragged over the editor, the new-map dialog
 * open), so that the first PDF does not wait for them after it is chosen. Without workers, nothing.
 */
export function warmDocumentReaders(): void {
  if (warmed || typeof Worker === 'undefined') return;
  warmed = true;
  worker ??= startWorker();
  const warm: IoWarm = { warm: 'documents' };
  worker.postMessage(warm);
}

/** Runs `task` in the worker (or here, without workers); the buffers in `transfer` move there. */
export async function runInWorker<T extends IoTask>(
  task: T,
  transfer: Transferable[] = [],
): Promise<IoResult<T>> {
  if (typeof Worker === 'undefined') {
    const { runIo } = await import('../io/ioTasks');
    return runIo(task);
  }
  worker ??= startWorker();
  const id = nextId++;
  return new Promise<IoResult<T>>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (r: unknown) => void, reject, sources: [] });
    worker!.postMessage({ id, task }, transfer);
  });
}
