/** Persistence on fake-indexeddb (unit level; the browser tests use real IndexedDB). */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ArgmapDatabase } from '../../../src/persist/database';
import { MapRepository } from '../../../src/persist/mapRepository';
import { diffMaps, orderOf } from '../../../src/persist/diffMaps';
import { fingerprintOf, seedShippedMaps } from '../../../src/persist/seedMaps';
import { addNode, connect, removeNode, updateNode } from '../../../src/model/operations';
import { sampleMap } from '../model/sampleMap';

let db: ArgmapDatabase;
let repo: MapRepository;
let dbCount = 0;

beforeEach(async () => {
  db = openDatabase(`test-${++dbCount}`);
  await db.open();
  repo = new MapRepository(db, 'tab-a');
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Counts the records each table receives while `action` runs. */
async function countWrites(action: () => Promise<void>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const hooks: [string, (...args: unknown[]) => void][] = [];
  for (const table of db.tables) {
    const count = () => {
      counts[table.name] = (counts[table.name] ?? 0) + 1;
    };
    table.hook('creating', count);
    table.hook('updating', count);
    table.hook('deleting', count);
    hooks.push([table.name, count]);
  }
  try {
    await action();
  } finally {
    for (const [name, count] of hooks) {
      const table = db.table(name);
      table.hook('creating').unsubscribe(count);
      table.hook('updating').unsubscribe(count);
      table.hook('deleting').unsubscribe(count);
    }
  }
  return counts;
}

describe('MapRepository', () => {
  it('stores a map and reads back exactly the same document', async () => {
    const map = sampleMap();
    await repo.putMap(map);
    expect(await repo.loadMap(map.id)).toEqual({ ok: true, map });
    expect(await repo.listMaps()).toEqual([
      {
        id: 'trees',
        title: 'Urban trees',
        nodeCount: 4,
        updatedAt: undefined,
        openedAt: undefined,
      },
    ]);
  });

  it('writes one node record (and the map record) for an edit of one node', async () => {
    const before = sampleMap();
    await repo.putMap(before);
    const order = orderOf(before);
    const after = updateNode(before, 'n3', { text: 'Shade saves a lot of energy' });
    const writes = await countWrites(() => repo.applyChanges(diffMaps(before, after, order)));
    expect(writes).toEqual({ nodes: 1, maps: 1 });
    const loaded = await repo.loadMap(before.id);
    expect(loaded).toEqual({ ok: true, map: after });
  });

  it('keeps the order of nodes and edges through additions and removals without renumbering', async () => {
    let map = sampleMap();
    await repo.putMap(map);
    const order = orderOf(map);
    let saved = map;
    const save = async () => {
      await repo.applyChanges(diffMaps(saved, map, order));
      saved = map;
    };
    map = removeNode(map, 'n2');
    expect(await countWrites(save)).toEqual({ nodes: 1, edges: 1, maps: 1 });
    map = addNode(map, { kind: 'evidence', text: 'New study', refs: [{ sentence: 's2' }] }).map;
    map = connect(map, 'n5', 'n3', 'supports').map;
    expect(await countWrites(save)).toEqual({ nodes: 1, edges: 1, maps: 1 });
    const loaded = await repo.loadMap(map.id);
    expect(loaded).toEqual({ ok: true, map });
  });

  it('marks a map edited after the first change and bumps its revision with the writer', async () => {
    const map = sampleMap();
    await repo.putMap(map, { edited: false });
    const after = updateNode(map, 'n1', { text: 'Plant trees' });
    await repo.applyChanges(diffMaps(map, after, orderOf(map)));
    expect(await repo.getRecord(map.id)).toMatchObject({
      edited: true,
      revision: 2,
      writer: 'tab-a',
    });
  });

  it('reports a stored record that no longer validates instead of loading it', async () => {
    await repo.putMap(sampleMap());
    await db.nodes.update(['trees', 'n2'], { refs: [{ sentence: 'gone' }] });
    const loaded = await repo.loadMap('trees');
    expect(loaded?.ok).toBe(false);
    if (loaded && !loaded.ok)
      expect(loaded.problems[0]).toEqual({
        path: 'nodes[1].refs[0].sentence',
        message: '"gone" is not a sentence of this map',
      });
  });

  it('deletes a map with all its records', async () => {
    await repo.putMap(sampleMap());
    await repo.deleteMap('trees');
    expect(await repo.loadMap('trees')).toBeUndefined();
    expect(await db.nodes.count()).toBe(0);
    expect(await db.edges.count()).toBe(0);
  });
});

describe('seedShippedMaps', () => {
  const shipped = (title = 'Urban trees') => {
    const map = { ...sampleMap(), title };
    return [{ map, fingerprint: fingerprintOf(JSON.stringify(map)) }];
  };

  it('stores shipped maps on first launch, once', async () => {
    expect(await seedShippedMaps(repo, shipped())).toEqual(['trees']);
    expect(await seedShippedMaps(repo, shipped())).toEqual([]);
  });

  it('refreshes an unedited shipped map from a newer shipped version', async () => {
    await seedShippedMaps(repo, shipped());
    expect(await seedShippedMaps(repo, shipped('Urban trees, revised'))).toEqual(['trees']);
    expect((await repo.getRecord('trees'))?.title).toBe('Urban trees, revised');
  });

  it('never overwrites a shipped map the user has edited, nor brings back one they deleted', async () => {
    await seedShippedMaps(repo, shipped());
    const map = sampleMap();
    await repo.applyChanges(diffMaps(map, updateNode(map, 'n1', { text: 'Mine' }), orderOf(map)));
    expect(await seedShippedMaps(repo, shipped('Urban trees, revised'))).toEqual([]);
    const loaded = await repo.loadMap('trees');
    expect(loaded?.ok && loaded.map.nodes[0]!.text).toBe('Mine');

    await repo.deleteMap('trees');
    expect(await seedShippedMaps(repo, shipped('Urban trees, revised'))).toEqual([]);
    expect(await repo.getRecord('trees')).toBeUndefined();
  });
});
