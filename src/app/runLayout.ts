/**
 * Runs ELK's layout in a Web Worker, so laying out a large map never blocks a frame. ELK and its
 * worker are loaded on first use only.
 */
import type { ELK } from 'elkjs/lib/elk-api';
import type { Position } from '../model/schema';
import type { LayoutInput, Size } from '../layout/layout';

let elk: Promise<ELK> | null = null;

function getElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk-api.js').then(
    (api) =>
      new api.default({
        workerUrl: '',
        // Vite bundles the worker from this pattern; ELK's worker script is a classic script.
        workerFactory: () => new Worker(new URL('elkjs/lib/elk-worker.min.js', import.meta.url)),
      }),
  );
  return elk;
}

/** Positions for every node of `map`, laid out for the boxes of the labels shown (`sizes`). */
export async function computeLayout(
  map: LayoutInput,
  sizes?: Readonly<Record<string, Size>>,
): Promise<Record<string, Position>> {
  const [{ layoutMap }, instance] = await Promise.all([import('../layout/layout'), getElk()]);
  return layoutMap(instance, map, { sizes });
}
