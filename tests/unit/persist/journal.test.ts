// @vitest-environment jsdom
/**
 * The page-exit journal (localStorage): replaying it writes only the records the closed page had
 * changed, so another tab's later edits to other records survive; a damaged journal is refused
 * and nothing stored changes.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOURNAL_PREFIX, recoverUnsavedEdits } from '../../../src/app/journal';
import { openDatabase } from '../../../src/persist/database';
import { MapRepository } from '../../../src/persist/mapRepository';
import { diffMaps, orderOf } from '../../../src/persist/diffMaps';
import { updateNode } from '../../../src/model/operations';
import { sampleMap } from '../model/sampleMap';

let repo: MapRepository;
let n = 0;
beforeEach(async () => {
  repo = new MapRepository(openDatabase(`journal-${++n}`), 'tab');
  await repo.putMap(sampleMap(), { edited: true });
  localStorage.clear();
});
afterEach(() => {
  repo.close();
  vi.restoreAllMocks();
});

const textOf = async (id: string) => {
  const loaded = await repo.loadMap('trees');
  return loaded?.ok ? loaded.map.nodes.find((node) => node.id === id)?.text : undefined;
};

describe('replaying the page-exit journal', () => {
  it("writes the closed page's records and keeps another tab's later edits to other nodes", async () => {
    const map = sampleMap();
    const closedPage = updateNode(map, 'n1', { text: 'From the closed page' });
    localStorage.setItem(
      `${JOURNAL_PREFIX}closed-tab`,
      JSON.stringify([{ changes: diffMaps(map, closedPage, orderOf(map)) }]),
    );
    // Meanwhile another tab edited n3.
    const otherTab = updateNode(map, 'n3', { text: 'From another tab' });
    await repo.applyChanges(diffMaps(map, otherTab, orderOf(map)));

    expect(await recoverUnsavedEdits(repo)).toEqual(['trees']);
    expect(await textOf('n1')).toBe('From the closed page');
    expect(await textOf('n3')).toBe('From another tab');
    expect(localStorage.getItem(`${JOURNAL_PREFIX}closed-tab`)).toBeNull();
  });

  it('refuses a journal holding an invalid record and changes nothing stored', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const before = await repo.loadMap('trees');
    localStorage.setItem(
      `${JOURNAL_PREFIX}closed-tab`,
      JSON.stringify([
        {
          changes: {
            mapId: 'trees',
            putNodes: [{ node: { id: 'n1', kind: 'no-such-kind', text: 1 }, order: 0 }],
            deleteNodes: [],
            putEdges: [],
            deleteEdges: [],
          },
        },
      ]),
    );
    expect(await recoverUnsavedEdits(repo)).toEqual([]);
    expect(await repo.loadMap('trees')).toEqual(before);
    expect(error).toHaveBeenCalledOnce();
    expect(localStorage.getItem(`${JOURNAL_PREFIX}closed-tab`)).toBeNull();
  });
});
