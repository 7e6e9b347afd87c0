/**
 * Reads and checks stored maps in a worker (persist/storedMapWorker.ts), so that opening even the
 * largest map the limits allow never blocks a frame of the editor: the page only takes the map
 * in, a source at a time. Where there are no workers (the unit tests), or the worker fails, the
 * repository does it here.
 */
import type { Source } from '../model/schema';
import { rememberMapChars } from '../model/limits';
import type { LoadedMap, MapRepository } from '../persist/mapRepository';
import type { StoredMapReply } from '../persist/storedMapWorker';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  { resolve(loaded: LoadedMap | undefined): void; reject(e: Error): void; sources: Source[] }
>();

function startWorker(): Worker {
  const started = new Worker(new URL('../persist/storedMapWorker.ts', import.meta.url), {
    type: 'module',
  });
  started.onmessage = ({ data }: MessageEvent<StoredMapReply>) => {
    const waiting = pending.get(data.id);
    if (!waiting) return;
    if ('source' in data) return void waiting.sources.push(data.source);
    pending.delete(data.id);
    if (!data.ok) return waiting.reject(new Error(data.error));
    const { loaded, chars } = data;
    if (!loaded?.ok) return waiting.resolve(loaded);
    const map = { ...loaded.map, sources: waiting.sources };
    // Measured in the worker: the first edit need not walk the whole map here.
    if (chars !== undefined) rememberMapChars(map, chars);
    waiting.resolve({ ...loaded, map });
  };
  started.onerror = (event) => {
    event.preventDefault?.();
    const error = new Error(event.message || 'The stored-map worker stopped.');
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    started.terminate();
    if (worker === started) worker = null;
  };
  return started;
}

/** The stored map `mapId` of `repo`'s database, validated (see MapRepository.loadMap). */
export async function loadStored(
  repo: MapRepository,
  mapId: string,
): Promise<LoadedMap | undefined> {
  if (typeof Worker === 'undefined') return repo.loadMap(mapId);
  try {
    worker ??= startWorker();
    const id = nextId++;
    const running = worker;
    return await new Promise<LoadedMap | undefined>((resolve, reject) => {
      pending.set(id, { resolve, reject, sources: [] });
      running.postMessage({ id, database: repo.db.name, mapId });
    });
  } catch {
    return repo.loadMap(mapId);
  }
}
