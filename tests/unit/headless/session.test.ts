// @vitest-environment jsdom
/**
 * The store, autosave, repository, change feed and journal together, without a browser: an edit
 * is journalled at once and stored after the autosave delay; another tab's write is merged in;
 * an overwritten edit is noticed and restored; a journal left by a crashed tab is replayed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHeadlessSession, type HeadlessSession } from './headlessSession';
import { sampleMap } from '../model/sampleMap';
import { updateNode } from '../../../src/model/operations';
import { useMapStore } from '../../../src/store/mapStore';
import { JOURNAL_PREFIX, recoverUnsavedEdits } from '../../../src/app/journal';
import { restoreConflict, useConflicts } from '../../../src/app/conflicts';
import { SAVE_DELAY_MS } from '../../../src/app/autosave';
import { MapRepository } from '../../../src/persist/mapRepository';
import { openDatabase } from '../../../src/persist/database';

let session: HeadlessSession;
beforeEach(async () => {
  localStorage.clear();
  session = await startHeadlessSession(sampleMap());
});
afterEach(() => session.close());

const nodeIn = (map: { nodes: readonly { id: string }[] }, id: string) =>
  map.nodes.find((n) => n.id === id) as ReturnType<typeof sampleMap>['nodes'][number];

describe('a headless session', () => {
  it('journals an edit at once and stores it within the autosave delay', async () => {
    expect(session.edit((m) => updateNode(m, 'n1', { text: 'Plant trees now' }))).toBe(true);
    const journal = Object.keys(localStorage).filter((k) => k.startsWith(JOURNAL_PREFIX));
    expect(journal).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, SAVE_DELAY_MS + 50));
    await session.autosave.flushNow();
    expect(nodeIn(await session.stored(), 'n1').text).toBe('Plant trees now');
    expect(Object.keys(localStorage).filter((k) => k.startsWith(JOURNAL_PREFIX))).toEqual([]);
  });

  it("merges another tab's write to another node and keeps this tab's pending edit", async () => {
    const base = sampleMap();
    session.edit((m) => updateNode(m, 'n1', { text: 'Mine' }));
    await session.otherTabWrites(base, updateNode(base, 'n2', { text: 'Theirs' }));
    await session.settled();
    const open = useMapStore.getState().map!;
    expect(nodeIn(open, 'n1').text).toBe('Mine');
    expect(nodeIn(open, 'n2').text).toBe('Theirs');
    const stored = await session.stored();
    expect([nodeIn(stored, 'n1').text, nodeIn(stored, 'n2').text]).toEqual(['Mine', 'Theirs']);
    expect(useConflicts.getState().conflicts).toEqual([]);
  });

  it('notices when another tab overwrites a node this tab wrote, and restores this version', async () => {
    const base = sampleMap();
    session.edit((m) => updateNode(m, 'n1', { text: 'My text' }));
    await session.autosave.flushNow();
    // The other tab had not seen that write: it writes its note over the node.
    await session.otherTabWrites(base, updateNode(base, 'n1', { note: 'Their note' }));
    await session.settled();
    expect(nodeIn(useMapStore.getState().map!, 'n1')).toMatchObject({ note: 'Their note' });
    const [conflict] = useConflicts.getState().conflicts;
    expect(conflict).toMatchObject({ mapId: 'trees', nodeId: 'n1', mine: { text: 'My text' } });
    restoreConflict(conflict!);
    expect(useConflicts.getState().conflicts).toEqual([]);
    await session.autosave.flushNow();
    expect(nodeIn(await session.stored(), 'n1').text).toBe('My text');
  });

  it('tells the other tab when this tab overwrites its write', async () => {
    const base = sampleMap();
    session.edit((m) => updateNode(m, 'n1', { text: 'My text' })); // not yet written
    const theirs = updateNode(base, 'n1', { note: 'Their note' });
    await session.otherTabWrites(base, theirs);
    await session.settled(); // this tab writes its pending edit first, over theirs
    await session.settled();
    const told = session.heardByOther.find((n) => n.overwrote);
    expect(told?.overwrote).toEqual({ nodes: { n1: nodeIn(theirs, 'n1') } });
  });

  it('replays the journal of a tab that crashed before its write', async () => {
    session.edit((m) => updateNode(m, 'n3', { text: 'Written just before the crash' }));
    const name = session.repo.db.name;
    session.close(); // the tab is gone: nothing more is written or heard
    const next = new MapRepository(openDatabase(name), 'next-tab');
    expect(await recoverUnsavedEdits(next)).toEqual(['trees']);
    const loaded = await next.loadMap('trees');
    expect(loaded?.ok && nodeIn(loaded.map, 'n3').text).toBe('Written just before the crash');
    next.close();
  });
});
