/** Persistence on fake-indexeddb (unit level; the browser tests use real IndexedDB). */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ArgmapDatabase } from '../../../src/persist/database';
import { MapRepository } from '../../../src/persist/mapRepository';
import { diffMaps, orderOf } from '../../../src/persist/diffMaps';
import { fingerprintOf, seedShippedMaps } from '../../../src/persist/seedMaps';
import { addNode, connect, removeNode, updateNode } from '../../../src/model/operations';
import { createGroup } from '../../../src/model/groups';
import type { ArgMap } from '../../../src/model/schema';
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
    expect(await repo.loadMap(map.id)).toEqual({ ok: true, map, skipped: [] });
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

  it('writes only the node record for an edit of one node, not the map record', async () => {
    const before = { ...sampleMap(), updatedAt: '2026-11-27T10:00:00.000Z' };
    await repo.putMap(before, { edited: true });
    const order = orderOf(before);
    const after = {
      ...updateNode(before, 'n3', { text: 'Shade saves a lot of energy' }),
      updatedAt: '2026-11-27T10:00:30.000Z',
    };
    const writes = await countWrites(() => repo.applyChanges(diffMaps(before, after, order)));
    expect(writes).toEqual({ nodes: 1 });
    const loaded = await repo.loadMap(before.id);
    // The stored modified time lags by less than a minute.
    expect(loaded).toEqual({
      ok: true,
      map: { ...after, updatedAt: before.updatedAt },
      skipped: [],
    });
  });

  it('brings the modified time up to date once it is a minute behind, and writes a new title', async () => {
    const before = { ...sampleMap(), updatedAt: '2026-11-27T10:00:00.000Z' };
    await repo.putMap(before, { edited: true });
    const order = orderOf(before);
    const later = {
      ...updateNode(before, 'n3', { text: 'Shade' }),
      updatedAt: '2026-11-27T10:01:00.000Z',
    };
    expect(await countWrites(() => repo.applyChanges(diffMaps(before, later, order)))).toEqual({
      nodes: 1,
      maps: 1,
    });
    const renamed = { ...later, title: 'Street trees', updatedAt: '2026-11-27T10:01:05.000Z' };
    expect(await countWrites(() => repo.applyChanges(diffMaps(later, renamed, order)))).toEqual({
      maps: 1,
    });
    expect(await repo.getRecord(before.id)).toMatchObject({
      title: 'Street trees',
      updatedAt: '2026-11-27T10:01:05.000Z',
    });
  });

  it('keeps the order of nodes and edges through additions and removals without renumbering', async () => {
    let map: ArgMap = sampleMap();
    await repo.putMap(map);
    const order = orderOf(map);
    let saved = map;
    const save = async () => {
      await repo.applyChanges(diffMaps(saved, map, order));
      saved = map;
    };
    map = removeNode(map, 'n2');
    // The map record too: n2 was a tour stop.
    expect(await countWrites(save)).toEqual({ nodes: 1, edges: 1, maps: 1 });
    map = addNode(map, { kind: 'evidence', text: 'New study', refs: [{ sentence: 's2' }] }).map;
    map = connect(map, 'n5', 'n3', 'supports').map;
    expect(await countWrites(save)).toEqual({ nodes: 1, edges: 1 });
    const loaded = await repo.loadMap(map.id);
    expect(loaded).toEqual({ ok: true, map, skipped: [] });
  });

  it('marks a map edited on its first change', async () => {
    const map = sampleMap();
    await repo.putMap(map, { edited: false });
    const after = updateNode(map, 'n1', { text: 'Plant trees' });
    await repo.applyChanges(diffMaps(map, after, orderOf(map)));
    expect(await repo.getRecord(map.id)).toMatchObject({ edited: true });
  });

  it('leaves out a stored node or edge that no longer validates, reports it, and loads the rest', async () => {
    await repo.putMap(sampleMap());
    await db.nodes.update(['trees', 'n2'], { refs: [{ sentence: 'gone' }] });
    const stored = await db.nodes.get(['trees', 'n2']);
    const loaded = await repo.loadMap('trees');
    expect(loaded?.ok).toBe(true);
    if (!loaded?.ok) return;
    expect(loaded.map.nodes.map((n) => n.id)).toEqual(['n1', 'n3', 'n4']);
    // n2's edge now has no end: it is left out in the next round, and said so.
    expect(loaded.map.edges.some((e) => e.from === 'n2' || e.to === 'n2')).toBe(false);
    // (In English, and by key for the editor to say in its language.)
    expect(loaded.skipped[0]).toEqual({
      path: 'node "n2"',
      message: '"gone" is not a sentence of this map',
      says: { key: 'valNotSentence', args: ['gone'] },
    });
    expect(loaded.skipped.some((p) => p.path.startsWith('edge '))).toBe(true);
    // Nothing stored is changed by reading.
    expect(await db.nodes.get(['trees', 'n2'])).toEqual(stored);
  });

  it('stores groups, tours and comments in the map record, written only when they change', async () => {
    let map: ArgMap = sampleMap();
    await repo.putMap(map, { edited: true });
    const order = orderOf(map);
    let saved = map;
    const save = async () => {
      await repo.applyChanges(diffMaps(saved, map, order));
      saved = map;
    };
    map = createGroup(map, ['n2', 'n3'], 'Reasons').map;
    expect(await countWrites(save)).toEqual({ nodes: 2, maps: 1 });
    map = {
      ...map,
      tours: [...map.tours, { id: 't2', title: 'Short', steps: ['n1'] }],
      comments: [{ id: 'c1', target: 'e1', author: 'Ann', text: 'Why?', createdAt: '2026-11-28' }],
    };
    expect(await countWrites(save)).toEqual({ maps: 1 });
    expect(await repo.getRecord(map.id)).toMatchObject({
      version: 2,
      groups: map.groups,
      tours: map.tours,
      comments: map.comments,
    });
    expect(await repo.loadMap(map.id)).toEqual({ ok: true, map, skipped: [] });
    const { comments: _removed, ...withoutComments } = map;
    map = withoutComments;
    await save();
    expect(await repo.getRecord(map.id)).not.toHaveProperty('comments');
  });

  it('replays a journal entry of an older build, whose fields carry the one `tour`, into tours', async () => {
    const map = sampleMap();
    await repo.putMap(map, { edited: true });
    const legacy = { ...diffMaps(map, map, orderOf(map)), fields: { tour: ['n3', 'n1'] } };
    await repo.applyChanges(legacy as never);
    const record = await repo.getRecord(map.id);
    expect(record).not.toHaveProperty('tour');
    expect(record?.tours).toEqual([{ id: 't1', title: 'Walk-through', steps: ['n3', 'n1'] }]);
    const loaded = await repo.loadMap(map.id);
    expect(loaded?.ok && loaded.map.tours[0]!.steps).toEqual(['n3', 'n1']);
  });

  it('leaves the tour steps at and comments on a node it leaves out out with it', async () => {
    const map = {
      ...sampleMap(),
      comments: [
        { id: 'c1', target: 'n2', author: 'Ann', text: 'Source?', createdAt: '2026-11-28' },
        {
          id: 'c2',
          target: 'n1',
          author: 'Bo',
          text: 'Here',
          createdAt: '2026-11-28',
          replyTo: 'c1',
        },
        { id: 'c3', target: 'n1', author: 'Cy', text: 'Fine', createdAt: '2026-11-28' },
      ],
    };
    await repo.putMap(map);
    await db.nodes.update(['trees', 'n2'], { refs: [{ sentence: 'gone' }] });
    const loaded = await repo.loadMap('trees');
    expect(loaded?.ok).toBe(true);
    if (!loaded?.ok) return;
    expect(loaded.map.tours[0]!.steps).toEqual(['n1', 'n3', 'n4']);
    expect(loaded.map.comments!.map((c) => c.id)).toEqual(['c3']);
  });

  it('validates each record on its own: a node missing from the store leaves only its tour step out', async () => {
    await repo.putMap(sampleMap());
    // Another tab deleted n4 and its edge; the map record (its tour) was not written yet.
    await db.nodes.delete(['trees', 'n4']);
    await db.edges.delete(['trees', 'e3']);
    const loaded = await repo.loadMap('trees');
    expect(loaded?.ok).toBe(true);
    if (!loaded?.ok) return;
    expect(loaded.map.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(loaded.map.tours[0]!.steps).toEqual(['n1', 'n2', 'n3']);
    expect(loaded.skipped).toEqual([
      {
        path: 'tour "t1"',
        message: 'its step "n4" names no node that loaded; left out',
        says: { key: 'repStepMissing', args: ['"n4"'] },
      },
    ]);
  });

  it('leaves out each damaged record with its own reasons, whatever they are', async () => {
    await repo.putMap(sampleMap());
    await db.nodes.update(['trees', 'n3'], { colour: 'red' } as never);
    await db.edges.update(['trees', 'e1'], { relation: 'likes' } as never);
    const storedNode = await db.nodes.get(['trees', 'n3']);
    const loaded = await repo.loadMap('trees');
    expect(loaded?.ok).toBe(true);
    if (!loaded?.ok) return;
    expect(loaded.map.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n4']);
    expect(loaded.map.edges.map((e) => e.id)).toEqual(['e3']); // e2 came from n3
    expect(loaded.skipped.map((p) => p.path)).toEqual([
      'node "n3"',
      'edge "e1"',
      'edge "e2"',
      'tour "t1"',
    ]);
    expect(loaded.skipped[0]!.message).toMatch(/not a field of this format/);
    expect(await db.nodes.get(['trees', 'n3'])).toEqual(storedNode);
  });

  it('does not open a map whose sources are damaged, and says why', async () => {
    await repo.putMap(sampleMap());
    await db.sources.update(['trees', 'src1'], { sentences: [{ id: 's1', start: 40, end: 10 }] });
    const loaded = await repo.loadMap('trees');
    expect(loaded?.ok).toBe(false);
    if (loaded && !loaded.ok) expect(loaded.problems[0]?.path).toMatch(/^sources\[0\]/);
  });

  it('tells other tabs which records a write changed, and never itself', async () => {
    const other = new MapRepository(openDatabase(db.name), 'tab-b');
    const heardByOther: unknown[] = [];
    const heardBySelf: unknown[] = [];
    other.onOutsideChange((notice) => heardByOther.push(notice));
    repo.onOutsideChange((notice) => heardBySelf.push(notice));
    const map = sampleMap();
    await repo.putMap(map, { edited: true });
    const after = removeNode(updateNode(map, 'n1', { text: 'Plant trees' }), 'n4');
    await repo.applyChanges(diffMaps(map, after, orderOf(map)));
    await expect.poll(() => heardByOther.length).toBe(2);
    expect(heardByOther).toEqual([
      { mapId: 'trees', writer: 'tab-a', whole: true, nodes: [], edges: [] },
      {
        mapId: 'trees',
        writer: 'tab-a',
        fields: true, // n4 left the tour
        sources: false,
        nodes: ['n1', 'n4'],
        edges: [expect.any(String)],
      },
    ]);
    const outside = await other.readOutside(heardByOther[1] as never);
    expect(outside.nodes.get('n1')).toEqual({ item: after.nodes[0], order: 0 });
    expect(outside.nodes.get('n4')).toBeNull();
    expect(heardBySelf).toEqual([]);
    other.close();
  });

  it('tells the tab whose node a concurrent write replaced which version it replaced', async () => {
    const other = new MapRepository(openDatabase(db.name), 'tab-b');
    const heardByA: { overwrote?: unknown }[] = [];
    repo.onOutsideChange((notice) => heardByA.push(notice));
    const map = sampleMap();
    await repo.putMap(map, { edited: true });
    const base = new Map(map.nodes.map((n) => [n.id, n]));
    // Both tabs edit n1 from the same stored version: A its text, B its note; A writes first.
    const byA = updateNode(map, 'n1', { text: 'Plant trees now' });
    const byB = updateNode(map, 'n1', { note: 'Cheap and cool' });
    await repo.applyChanges(diffMaps(map, byA, orderOf(map)), base);
    await other.applyChanges(diffMaps(map, byB, orderOf(map)), base);
    await expect.poll(() => heardByA.length).toBe(1);
    expect(heardByA[0]!.overwrote).toEqual({ nodes: { n1: byA.nodes[0] } });
    // A write from the version that is stored overwrites nothing.
    const next = updateNode(byB, 'n2', { text: 'Shade' });
    await other.applyChanges(
      diffMaps(byB, next, orderOf(byB)),
      new Map(byB.nodes.map((n) => [n.id, n])),
    );
    await expect.poll(() => heardByA.length).toBe(2);
    expect(heardByA[1]).not.toHaveProperty('overwrote');
    other.close();
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
