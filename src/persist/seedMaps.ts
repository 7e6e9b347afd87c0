/**
 * First-run seeding: the maps shipped in `maps/` are stored when the database does not have them
 * yet. A shipped map is refreshed from a newer shipped version only while the user has not edited
 * it, and one the user deleted is not brought back.
 */
import type { ArgMap } from '../model/schema';
import type { MapRepository } from './mapRepository';

export interface ShippedMap {
  map: ArgMap;
  /** A fingerprint of the shipped file's content, to notice a newer shipped version. */
  fingerprint: string;
}

/** Seeds the shipped maps; returns the ids of the maps it stored. */
export async function seedShippedMaps(
  repo: MapRepository,
  shipped: readonly ShippedMap[],
): Promise<string[]> {
  const stored: string[] = [];
  for (const { map, fingerprint } of shipped) {
    const key = `seeded:${map.id}`;
    const seeded = await repo.db.meta.get(key);
    const record = await repo.getRecord(map.id);
    const deletedByUser = seeded && !record;
    const editedByUser = record?.edited === true;
    const upToDate = seeded?.value === fingerprint && record;
    if (deletedByUser || editedByUser || upToDate) continue;
    if (record && !seeded) continue; // a map of the user's own that happens to share the id
    await repo.putMap(map, {
      edited: false,
      ...(record?.openedAt ? { openedAt: record.openedAt } : {}),
    });
    await repo.db.meta.put({ key, value: fingerprint });
    stored.push(map.id);
  }
  return stored;
}

/** A short, stable fingerprint of a shipped file's text. */
export { hashId as fingerprintOf } from '../model/hash';
