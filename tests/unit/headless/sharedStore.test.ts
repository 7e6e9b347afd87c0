/**
 * What the map store does for a shared map: a commenter's store refuses every edit but one to
 * the comments; the map as others changed it comes in without an undo step; undo and redo defer
 * to the shared map's own undo (which takes back only this person's edits).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sampleMap } from '../model/sampleMap';
import { updateNode } from '../../../src/model/operations';
import type { ArgMap } from '../../../src/model/schema';
import { redo, setUndoHandler, undo, useMapStore } from '../../../src/store/mapStore';

const comment = {
  id: 'c1',
  target: 'n1',
  author: 'Ana',
  text: 'Which cities?',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const history = () => useMapStore.temporal.getState();

afterEach(() => setUndoHandler(null));

describe('the store of a shared map', () => {
  it('lets a commenter change the comments and nothing else', () => {
    useMapStore.getState().open(sampleMap(), { commentOnly: true });
    const store = () => useMapStore.getState();
    expect(store().edit((m) => updateNode(m, 'n1', { text: 'Changed' }))).toBe(false);
    expect(store().error).toBe('commentOnlyRefused');
    expect(store().edit((m) => ({ ...m, title: 'Other' }))).toBe(false);
    expect(store().edit((m) => ({ ...m, comments: [comment] }))).toBe(true);
    expect(store().map!.comments).toEqual([comment]);
    // A comment together with a content change is refused whole.
    expect(
      store().edit((m) => ({ ...updateNode(m, 'n1', { text: 'Sneaked' }), comments: [] })),
    ).toBe(false);
    expect(store().map!.comments).toEqual([comment]);
    store().setAccess({ readOnly: false, commentOnly: false });
    expect(store().edit((m) => updateNode(m, 'n1', { text: 'Changed' }))).toBe(true);
  });

  it('takes what others changed without an undo step', () => {
    const map = sampleMap();
    useMapStore.getState().open(map);
    const theirs: ArgMap = updateNode(map, 'n2', { text: 'Theirs' });
    useMapStore.getState().takeRemote(theirs);
    expect(useMapStore.getState().map).toBe(theirs);
    expect(history().pastStates).toHaveLength(0);
  });

  it('defers undo and redo to the handler and mirrors its depth', () => {
    useMapStore.getState().open(sampleMap());
    let past = 0;
    let future = 0;
    const calls: string[] = [];
    setUndoHandler({
      undo: () => {
        calls.push('undo');
        past--;
        future++;
      },
      redo: () => {
        calls.push('redo');
        past++;
        future--;
      },
      depth: () => ({ past, future }),
    });
    past = 1; // the handler's own record of the edit below
    useMapStore.getState().edit((m) => updateNode(m, 'n1', { text: 'Mine' }));
    expect(history().pastStates).toHaveLength(1);
    const edited = useMapStore.getState().map;
    undo();
    expect(calls).toEqual(['undo']);
    // The store's own history did not act: the handler brings the map back.
    expect(useMapStore.getState().map).toBe(edited);
    expect([history().pastStates.length, history().futureStates.length]).toEqual([0, 1]);
    redo();
    expect(calls).toEqual(['undo', 'redo']);
    expect([history().pastStates.length, history().futureStates.length]).toEqual([1, 0]);
  });

  it('undoes with its own history when no handler is set', () => {
    const map = sampleMap();
    useMapStore.getState().open(map);
    useMapStore.getState().edit((m) => updateNode(m, 'n1', { text: 'Mine' }));
    undo();
    expect(useMapStore.getState().map).toBe(map);
  });
});
