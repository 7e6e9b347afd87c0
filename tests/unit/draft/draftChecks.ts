/** What every draft must be, whatever its text: verbatim units, one tree, a valid map. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { draftAsMap } from '../../../src/draft/toMap';
import type { MapDraft } from '../../../src/draft/types';
import { newMap, sourceFromText } from '../../../src/io/importText';
import type { ArgMap } from '../../../src/model/schema';
import { validateMap } from '../../../src/model/validate';

/** The microtext corpus, read in place beside the checkout (never copied into the repo). */
export const corpusDir = resolve(process.cwd(), '../shared/corpora/microtexts-part2');
export const hasCorpus = existsSync(corpusDir);

/** The corpus's texts by name (micro_c001 …), with their gold EDUs, in order. */
export function corpusTexts(): { name: string; text: string; edus: string[] }[] {
  if (!hasCorpus) return [];
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => {
      const xml = readFileSync(resolve(corpusDir, f), 'utf8');
      const edus = [...xml.matchAll(/<edu\b[^>]*><!\[CDATA\[([\s\S]*?)\]\]><\/edu>/g)].map(
        (m) => m[1]!,
      );
      const text = readFileSync(resolve(corpusDir, f.replace(/\.xml$/, '.txt')), 'utf8');
      return { name: f.replace(/\.xml$/, ''), text, edus };
    });
}

/** Checks that the draft's units are trimmed verbatim spans in text order and form one tree. */
export function expectDraftShape(draft: MapDraft, text: string): void {
  let previousEnd = 0;
  for (const unit of draft.units) {
    expect(unit.text).toBe(text.slice(unit.start, unit.end));
    expect(unit.text.length).toBeGreaterThan(0);
    expect(unit.text).toBe(unit.text.trim());
    expect(unit.start).toBeGreaterThanOrEqual(previousEnd);
    expect(unit.cues.length).toBeGreaterThan(0);
    previousEnd = unit.end;
  }
  if (!draft.units.length) {
    expect(draft.links).toEqual([]);
    return;
  }
  const ids = new Set([...draft.units.map((u) => u.id), ...draft.junctions.map((j) => j.id)]);
  const out = new Map<string, string>();
  for (const link of draft.links) {
    expect(ids.has(link.from), link.from).toBe(true);
    expect(ids.has(link.to), link.to).toBe(true);
    expect(out.has(link.from), `${link.from} has two outgoing links`).toBe(false);
    expect(link.from.startsWith('u') || link.from.startsWith('j')).toBe(true);
    out.set(link.from, link.to);
  }
  const central = draft.units.find((u) => u.id === draft.central);
  expect(central?.kind).toBe('conclusion');
  expect(out.has(draft.central)).toBe(false);
  expect(draft.units.filter((u) => u.kind === 'conclusion')).toHaveLength(1);
  for (const id of ids) {
    if (id === draft.central) continue;
    expect(out.has(id), `${id} has no outgoing link`).toBe(true);
    // Following the links from any unit or junction reaches the central claim, without a cycle.
    let at = id;
    for (let steps = 0; at !== draft.central; steps++) {
      expect(steps).toBeLessThan(ids.size);
      at = out.get(at)!;
    }
  }
  for (const j of draft.junctions) {
    expect(draft.links.some((l) => l.to === j.id)).toBe(true);
  }
}

/** A map of the text alone (as a plain-text import makes it), then the draft added to it. */
export function draftedMap(text: string, language: string, draft: MapDraft): ArgMap {
  const source = sourceFromText(text, language, {});
  const map = draftAsMap(newMap('m', 't', source, 'x'), draft);
  const checked = validateMap(map);
  expect(checked.ok, JSON.stringify(!checked.ok && checked.problems.slice(0, 3))).toBe(true);
  expect(map.nodes).toHaveLength(draft.units.length + draft.junctions.length);
  expect(map.edges).toHaveLength(draft.links.length);
  return map;
}
