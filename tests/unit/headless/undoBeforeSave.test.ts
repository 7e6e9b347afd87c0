// @vitest-environment jsdom
/**
 * An edit taken back by undo before the autosave wrote it: the map is as stored again, so the
 * toolbar says saved (it stayed on "Saving…" for good), and the journal holds nothing that would
 * bring the undone edit back after a crash.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHeadlessSession, type HeadlessSession } from './headlessSession';
import { sampleMap } from '../model/sampleMap';
import { updateNode } from '../../../src/model/operations';
import { undo, useMapStore } from '../../../src/store/mapStore';
import { recoverUnsavedEdits } from '../../../src/app/journal';
import { SAVE_DELAY_MS } from '../../../src/app/autosave';
import { useSaveStatus } from '../../../src/app/saveStatus';
import { MapRepository } from '../../../src/persist/mapRepository';
import { openDatabase } from '../../../src/persist/database';

let session: HeadlessSession;
beforeEach(async () => {
  localStorage.clear();
  session = await startHeadlessSession(sampleMap());
});
afterEach(() => session.close());

const textOf = (map: { nodes: readonly { id: string; text: string }[] }, id: string) =>
  map.nodes.find((n) => n.id === id)?.text;

describe('an edit undone before it is written', () => {
  it('leaves the map saved, and nothing in the journal to replay', async () => {
    const before = textOf(sampleMap(), 'n1');
    session.edit((m) => updateNode(m, 'n1', { text: 'Typed, then undone' }));
    expect(useSaveStatus.getState().state).toBe('pending');
    undo();
    expect(textOf(useMapStore.getState().map!, 'n1')).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, SAVE_DELAY_MS + 50));
    await session.autosave.flushNow();
    expect(useSaveStatus.getState().state).toBe('saved');

    const name = session.repo.db.name;
    session.close(); // the tab is gone
    const next = new MapRepository(openDatabase(name), 'next-tab');
    expect(await recoverUnsavedEdits(next)).toEqual([]);
    const loaded = await next.loadMap('trees');
    expect(loaded?.ok && textOf(loaded.map, 'n1')).toBe(before);
    next.close();
  });
});
