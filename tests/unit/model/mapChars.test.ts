/**
 * A stored map's size as the limits count it is measured in the worker that reads the map
 * (persist/storedMapWorker.ts) and handed to the page with the map, so that the map's first edit
 * (the layout a map without positions gets when it opens) measures only what it changed instead
 * of walking all of a map that may hold 10 million characters.
 */
import { describe, expect, it } from 'vitest';
import {
  MAP_LIMITS,
  editLimitMessage,
  mapChars,
  mapLimitProblems,
  rememberMapChars,
} from '../../../src/model/limits';
import { updateNode } from '../../../src/model/operations';
import type { ArgMap } from '../../../src/model/schema';
import { sampleMap } from './sampleMap';

describe('a map measured elsewhere', () => {
  it('counts the same in the worker as on the page', () => {
    const map: ArgMap = sampleMap();
    // The page puts the map together again from the worker's messages (a copy, its sources
    // sent one by one).
    const copy = structuredClone(map);
    const onPage: ArgMap = { ...copy, sources: copy.sources.map((s) => structuredClone(s)) };
    expect(mapChars(map)).toBeGreaterThan(0);
    expect(mapChars(onPage)).toBe(mapChars(map));
    // As mapLimitProblems measures it.
    const fresh = sampleMap();
    expect(mapLimitProblems(fresh)).toEqual([]);
    expect(mapChars(fresh)).toBe(mapChars(map));
  });

  it('is the count its first edit starts from', () => {
    const edit = (m: ArgMap) => updateNode(m, m.nodes[0]!.id, { text: `${m.nodes[0]!.text}!!` });
    // Measured afresh, a small map takes two more characters.
    const measuredHere = sampleMap();
    expect(editLimitMessage(measuredHere, edit(measuredHere))).toBeUndefined();
    // Told that it is one character short of the limit, the same edit is refused: the count
    // taken in is used, not measured again.
    const told = sampleMap();
    rememberMapChars(told, MAP_LIMITS.mapChars - 1);
    expect(editLimitMessage(told, edit(told))).toMatchObject({ key: 'limEditRefused' });
  });
});
