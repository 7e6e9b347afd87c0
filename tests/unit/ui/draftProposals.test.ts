/**
 * A draft under review, without the browser: which proposals are open, what accepting one does
 * (a node citing its span where it was drawn, its links once both ends are in), that undoing the
 * edit brings the proposal back, and the uncited parts of a source.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { importText } from '../../../src/io/importText';
import type { ArgMap, Ref, Source } from '../../../src/model/schema';
import { validateMap } from '../../../src/model/validate';
import { removeNode } from '../../../src/model/operations';
import type { DraftUnit, MapDraft } from '../../../src/draft/types';
import {
  acceptUnits,
  openProposals,
  uncitedRanges,
  unitCue,
  type DraftReview,
} from '../../../src/ui/draft/proposals';
import { SCHOOL_START_TEXT } from '../../fixtures/maps/schoolStart';
import { loadLanguage } from '../../../src/ui/i18n';

// The Chinese interface loads on demand, as in the app.
beforeAll(() => loadLanguage('zh'));

function schoolMap(): ArgMap {
  const imported = importText(SCHOOL_START_TEXT, { title: 'School', language: 'en' });
  if (!imported.ok) throw new Error('no map');
  return imported.map;
}

/** Units cut by hand from the text, the way the drafter cuts them. */
function handDraft(source: Source): MapDraft {
  const unit = (id: string, words: string, kind: DraftUnit['kind'], marker?: string) => {
    const start = source.text.indexOf(words);
    if (start < 0) throw new Error(words);
    const at = marker ? source.text.indexOf(marker) : undefined;
    return {
      id,
      start,
      end: start + words.length,
      text: words,
      kind,
      cues: [
        marker
          ? { family: 'contrast' as const, marker, at }
          : { family: 'position' as const, marker: 'first' },
      ],
    };
  };
  return {
    sourceId: source.id,
    language: 'en',
    by: 'rules',
    central: 'u1',
    units: [
      unit('u1', 'Schools should start later in the morning.', 'conclusion'),
      unit('u2', 'Teenagers need more sleep than adults', 'claim'),
      unit('u3', 'their body clocks shift later during puberty.', 'claim'),
      unit(
        'u4',
        'However, later starts make it harder for parents who work early.',
        'objection',
        'However',
      ),
    ],
    junctions: [{ id: 'j1' }],
    links: [
      {
        id: 'l1',
        from: 'u2',
        to: 'j1',
        relation: 'supports',
        cue: { family: 'addition', marker: 'and' },
      },
      {
        id: 'l2',
        from: 'u3',
        to: 'j1',
        relation: 'supports',
        cue: { family: 'addition', marker: 'and' },
      },
      {
        id: 'l3',
        from: 'j1',
        to: 'u1',
        relation: 'supports',
        cue: { family: 'default', marker: '' },
      },
      {
        id: 'l4',
        from: 'u4',
        to: 'u1',
        relation: 'attacks',
        cue: { family: 'contrast', marker: 'However' },
      },
    ],
  };
}

/** A ref to the sentence holding the unit, with the unit's span and quote. */
function refsOf(source: Source) {
  return (unit: DraftUnit): Ref[] => {
    const s = source.sentences.find((x) => x.start <= unit.start && unit.end <= x.end)!;
    return [{ sentence: s.id, start: unit.start, end: unit.end, quote: unit.text }];
  };
}

function review(map: ArgMap): DraftReview {
  const draft = handDraft(map.sources[0]!);
  const positions = Object.fromEntries(
    [...draft.units.map((u) => u.id), 'j1'].map((id, i) => [id, { x: 1000 + i * 300, y: i * 10 }]),
  );
  return { mapId: map.id, draft, positions, accepted: {}, rejected: [] };
}

describe('a draft under review', () => {
  it('shows every unit, junction and link as open before anything is done', () => {
    const map = schoolMap();
    const open = openProposals(map, review(map));
    expect(open.units.map((u) => u.id)).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(open.junctions).toEqual(['j1']);
    expect(open.links.map((l) => l.id)).toEqual(['l1', 'l2', 'l3', 'l4']);
  });

  it('accepting a unit adds a node of its kind citing its span, where it was drawn', () => {
    const map = schoolMap();
    const r = review(map);
    const result = acceptUnits(map, r, ['u4'], refsOf(map.sources[0]!));
    expect(result.map.nodes).toHaveLength(1);
    const node = result.map.nodes[0]!;
    expect(node).toMatchObject({ kind: 'objection', position: r.positions.u4 });
    expect(node.text).toBe('However, later starts make it harder for parents who work early.');
    expect(node.refs[0]!.quote).toBe(node.text);
    expect(result.accepted).toEqual({ u4: node.id });
    // Its only link goes to a unit not yet accepted: no edge yet.
    expect(result.map.edges).toEqual([]);
    expect(validateMap(result.map).ok).toBe(true);
    const after = openProposals(result.map, { ...r, accepted: result.accepted });
    expect(after.units.map((u) => u.id)).toEqual(['u1', 'u2', 'u3']);
    // The link stays proposed until its other end comes in.
    expect(after.links.map((l) => l.id)).toContain('l4');
  });

  it('a link is accepted with whichever of its ends comes in last', () => {
    const map = schoolMap();
    let r = review(map);
    const refs = refsOf(map.sources[0]!);
    const first = acceptUnits(map, r, ['u4'], refs);
    r = { ...r, accepted: first.accepted };
    const second = acceptUnits(first.map, r, ['u1'], refs);
    const [objection, conclusion] = [second.accepted.u4!, second.accepted.u1!];
    expect(second.map.edges.map((e) => [e.from, e.relation, e.to])).toEqual([
      [objection, 'attacks', conclusion],
    ]);
    expect(
      openProposals(second.map, { ...r, accepted: second.accepted }).links.map((l) => l.id),
    ).toEqual(['l1', 'l2', 'l3']);
  });

  it('a junction comes in with its first premise, and accepting all makes one valid tree', () => {
    const map = schoolMap();
    const r = review(map);
    const one = acceptUnits(map, r, ['u2'], refsOf(map.sources[0]!));
    expect(one.map.nodes.map((n) => n.kind)).toEqual(['claim', 'inference']);
    expect(one.map.edges).toHaveLength(1);
    const all = acceptUnits(map, r, ['u1', 'u2', 'u3', 'u4'], refsOf(map.sources[0]!));
    expect(validateMap(all.map).ok).toBe(true);
    expect(all.map.nodes).toHaveLength(5);
    expect(all.map.edges).toHaveLength(4);
    // Every node but the conclusion has one outgoing edge: one tree.
    const conclusion = all.accepted.u1!;
    for (const n of all.map.nodes)
      expect(all.map.edges.filter((e) => e.from === n.id)).toHaveLength(
        n.id === conclusion ? 0 : 1,
      );
    expect(openProposals(all.map, { ...r, accepted: all.accepted }).units).toEqual([]);
  });

  it('undoing an acceptance (the node gone) brings the proposal back', () => {
    const map = schoolMap();
    const r = review(map);
    const result = acceptUnits(map, r, ['u1'], refsOf(map.sources[0]!));
    const accepted = { ...r, accepted: result.accepted };
    expect(openProposals(result.map, accepted).units.map((u) => u.id)).not.toContain('u1');
    const undone = removeNode(result.map, result.accepted.u1!);
    expect(openProposals(undone, accepted).units.map((u) => u.id)).toContain('u1');
  });

  it('a rejected unit is no longer shown, nor its links, nor a junction left without premises', () => {
    const map = schoolMap();
    const r = { ...review(map), rejected: ['u2', 'u3', 'u4'] };
    const open = openProposals(map, r);
    expect(open.units.map((u) => u.id)).toEqual(['u1']);
    expect(open.links).toEqual([]);
    expect(open.junctions).toEqual([]);
  });

  it('names the cue that is a word of the text first', () => {
    const map = schoolMap();
    const units = review(map).draft.units;
    expect(unitCue(units[3]!)?.marker).toBe('However');
    expect(unitCue(units[0]!)?.family).toBe('position');
  });
});

describe('the uncited parts of a source', () => {
  it('is the whole text when nothing is cited, and what is left between cited spans', () => {
    const map = schoolMap();
    const source = map.sources[0]!;
    expect(uncitedRanges(map, source)).toEqual([[0, source.text.length]]);
    const [s1, s2] = source.sentences;
    const span = { start: s2!.start, end: s2!.start + 10 };
    const cited: ArgMap = {
      ...map,
      nodes: [
        { id: 'n1', kind: 'conclusion', text: 'x', refs: [{ sentence: s1!.id }] },
        {
          id: 'n2',
          kind: 'claim',
          text: 'y',
          refs: [{ sentence: s2!.id, ...span, quote: source.text.slice(span.start, span.end) }],
        },
      ],
    };
    const ranges = uncitedRanges(cited, source);
    expect(ranges[0]![0]).toBe(span.end);
    expect(ranges.at(-1)![1]).toBe(source.text.length);
    for (const [start, end] of ranges) {
      expect(start).toBeGreaterThanOrEqual(span.end);
      expect(source.text.slice(start, end).trim()).not.toBe('');
    }
  });
});

describe('a cue as the review shows it', () => {
  it('in the words of the text when it is a span of it, else its family in the interface language', async () => {
    const { cueLabel } = await import('../../../src/ui/draft/DraftReview');
    const { translator } = await import('../../../src/ui/i18n');
    const [en, zh] = [translator('en'), translator('zh')];
    expect(cueLabel(zh, { family: 'conclusion', marker: '因此', at: 12 })).toBe('因此');
    expect(cueLabel(en, { family: 'contrast', marker: 'However', at: 0 })).toBe('However');
    expect(cueLabel(en, { family: 'position', marker: 'first sentence' })).toBe('position');
    expect(cueLabel(zh, { family: 'default', marker: '' })).toBe('按位置');
    // A family this interface does not know keeps the producer's own words.
    const unknown = { family: 'analogy', marker: 'like' } as unknown as Parameters<
      typeof cueLabel
    >[1];
    expect(cueLabel(en, unknown)).toBe('like');
    expect(cueLabel(en, undefined)).toBe('');
  });
});
