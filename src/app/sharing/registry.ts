/**
 * The shared maps this browser has opened, so the library lists them and they reopen (offline
 * too): each with its server, the token of the link it came by, and what the library shows. Kept
 * in localStorage; the maps' contents are in IndexedDB (y-indexeddb, see sharedMap.ts).
 */
import type { Role } from '../../collab/protocol';

export interface SharedEntry {
  mapId: string;
  /** The sync server, ws:// or wss://. */
  server: string;
  token: string;
  /** The role the token claims (the server judges; see claims.ts). */
  role: Role;
  title: string;
  nodeCount: number;
  openedAt?: string;
  updatedAt?: string;
}

export const REGISTRY_KEY = 'argmap-shared-maps';

export function readRegistry(): SharedEntry[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(REGISTRY_KEY) ?? '[]');
    return Array.isArray(stored)
      ? stored.filter(
          (e): e is SharedEntry =>
            typeof e === 'object' &&
            e !== null &&
            typeof (e as SharedEntry).mapId === 'string' &&
            typeof (e as SharedEntry).server === 'string' &&
            typeof (e as SharedEntry).token === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

function writeRegistry(entries: readonly SharedEntry[]): void {
  localStorage.setItem(REGISTRY_KEY, JSON.stringify(entries));
}

export function findShared(mapId: string): SharedEntry | undefined {
  return readRegistry().find((e) => e.mapId === mapId);
}

/** Adds or updates the entry of `mapId` (fields given replace those kept). */
export function putShared(entry: Partial<SharedEntry> & { mapId: string }): SharedEntry {
  const entries = readRegistry();
  const at = entries.findIndex((e) => e.mapId === entry.mapId);
  const base: SharedEntry =
    at >= 0
      ? entries[at]!
      : {
          mapId: entry.mapId,
          server: '',
          token: '',
          role: 'viewer',
          title: entry.mapId,
          nodeCount: 0,
        };
  const next = { ...base, ...entry };
  if (at >= 0) entries[at] = next;
  else entries.push(next);
  writeRegistry(entries);
  return next;
}

export function forgetShared(mapId: string): void {
  writeRegistry(readRegistry().filter((e) => e.mapId !== mapId));
}
