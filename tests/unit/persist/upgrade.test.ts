/**
 * Upgrades keep data: a database written by schema version 1 (tests/fixtures/database/v1.json,
 * dumped from a database the version-1 code wrote) opens with the current schema, and every map
 * loads intact. The browser test does the same in real Chromium.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/persist/database';
import { MapRepository } from '../../../src/persist/mapRepository';

interface Dump {
  schemaVersion: number;
  stores: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}
const dump = JSON.parse(
  readFileSync(new URL('../../fixtures/database/v1.json', import.meta.url), 'utf8'),
) as Dump;

/** Writes the dump into a database declared exactly as schema version 1 declared it. */
async function createVersion1(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(dump.schemaVersion).stores(dump.stores);
  await old.open();
  for (const [table, rows] of Object.entries(dump.tables)) await old.table(table).bulkAdd(rows);
  old.close();
}

describe('a database of schema version 1', () => {
  it('opens with the current schema with every map, node, edge and flag intact', async () => {
    await createVersion1('upgrade-v1');
    const db = openDatabase('upgrade-v1');
    await db.open();
    expect(db.verno).toBe(3);
    const repo = new MapRepository(db, 'tab');
    const library = await repo.listMaps();
    expect(library.map((m) => [m.id, m.title, m.nodeCount])).toEqual([
      ['trees-copy', 'A copy with 中文 text', 4],
      ['trees', 'Urban trees', 4],
    ]);
    for (const record of dump.tables.maps!) {
      const loaded = await repo.loadMap(record.id as string);
      expect(loaded?.ok).toBe(true);
      if (!loaded?.ok) continue;
      expect(loaded.skipped).toEqual([]);
      const nodes = dump.tables.nodes!.filter((n) => n.mapId === record.id);
      expect(loaded.map.nodes.map((n) => n.text)).toEqual(nodes.map((n) => n.text));
      expect(loaded.map.edges).toHaveLength(
        dump.tables.edges!.filter((e) => e.mapId === record.id).length,
      );
      // Schema version 3 turned the version-1 `tour` into the first of the named tours.
      expect(loaded.map.tours).toEqual([{ id: 't1', title: 'Walk-through', steps: record.tour }]);
    }
    // The edit made under version 1 is there, and the upgrade dropped what version 2 no longer keeps.
    const trees = await repo.getRecord('trees');
    expect(trees).toMatchObject({ edited: true, openedAt: '2026-11-20T10:00:00.000Z' });
    expect(trees).not.toHaveProperty('revision');
    expect(trees).not.toHaveProperty('writer');
    expect(trees).not.toHaveProperty('tour');
    expect(trees?.version).toBe(2);
    const loaded = await repo.loadMap('trees');
    expect(loaded?.ok && loaded.map.nodes[0]?.text).toBe('Plant trees in every city (edited)');
    expect(await db.meta.get('seeded:trees')).toEqual({ key: 'seeded:trees', value: 'abc123' });
    repo.close();
    await Dexie.delete('upgrade-v1');
  });
});
