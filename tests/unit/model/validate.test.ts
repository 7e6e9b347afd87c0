import { describe, expect, it } from 'vitest';
import { validateMap } from '../../../src/model/validate';
import { describeProblem } from '../../../src/model/problem';
import type { ArgMap, Draft } from '../../../src/model/schema';
import { SOURCE_TEXT, sampleMap } from './sampleMap';
import { CONTRACT_VIOLATIONS } from './contractViolations';

/** The problems of a document after `change`, as "path: message" lines. */
function problemsAfter(change: (map: Draft<ArgMap>) => void): string[] {
  const map = sampleMap();
  change(map);
  const result = validateMap(map);
  return result.ok ? [] : result.problems.map(describeProblem);
}

describe('validateMap', () => {
  it('accepts a valid map', () => {
    expect(SOURCE_TEXT.slice(32, 70)).toBe('Trees cool streets by several degrees.');
    const result = validateMap(sampleMap());
    expect(result.ok).toBe(true);
  });

  it('names a dangling sentence reference with its JSON path', () => {
    expect(problemsAfter((m) => (m.nodes[3]!.refs[0]!.sentence = 's999'))).toEqual([
      'nodes[3].refs[0].sentence: "s999" is not a sentence of this map',
    ]);
  });

  it.each(CONTRACT_VIOLATIONS)('refuses %s', (_name, change, expected) => {
    expect(problemsAfter(change)).toEqual([expected]);
  });

  it('lets inference junctions and implicit premises go without refs', () => {
    expect(
      problemsAfter((m) => {
        m.nodes.push({ id: 'n5', kind: 'inference', text: '', refs: [] });
        m.nodes.push({
          id: 'n6',
          kind: 'claim',
          text: 'Budgets allow it',
          refs: [],
          implicit: true,
        });
      }),
    ).toEqual([]);
  });

  it('reports every problem, not just the first', () => {
    const problems = problemsAfter((m) => {
      m.nodes[0]!.refs[0]!.sentence = 'nope';
      m.edges[1]!.from = 'ghost';
      m.nodes[3]!.id = 'n1';
    });
    expect(problems).toEqual([
      'nodes[3].id: "n1" is used by another node',
      'nodes[0].refs[0].sentence: "nope" is not a sentence of this map',
      'edges[1].from: "ghost" is not a node of this map',
      'edges[2].from: "n4" is not a node of this map',
      'tours[0].steps[3]: "n4" is not a node of this map',
    ]);
  });
});

describe('validateMap: format version 2', () => {
  it('accepts every field of version 2', () => {
    expect(
      problemsAfter((m) => {
        m.groups = [
          { id: 'g1', title: '理由', translations: { en: 'Reasons' }, collapsed: false },
          { id: 'g2', title: 'Evidence', parent: 'g1', collapsed: true },
        ];
        m.nodes[1]!.group = 'g2';
        m.nodes[0]!.label = 'Trees';
        m.nodes[2]!.scheme = 'Argument from Consequences';
        m.edges[2]!.scheme = 'Default Conflict';
        m.sources[0]!.origin = {
          kind: 'pdf',
          fileName: 'trees.pdf',
          url: 'https://x.invalid/t.pdf',
          sha256: 'ab',
        };
        m.sources[0]!.pages = [
          { label: '1', start: 0 },
          { label: '2', start: 72 },
        ];
        m.tours.push({ id: 't2', title: 'Short', steps: ['n1'] });
        m.comments = [
          {
            id: 'c1',
            target: 'n1',
            author: 'Ann',
            text: 'Why?',
            createdAt: '2026-11-28T10:00:00Z',
          },
          {
            id: 'c2',
            target: 'e1',
            author: 'Bo',
            text: 'See s2',
            createdAt: '2026-11-28T10:01:00Z',
            replyTo: 'c1',
            resolved: true,
          },
        ];
      }),
    ).toEqual([]);
  });

  it('refuses offsets that split a character outside the Basic Multilingual Plane', () => {
    // "🌳" is two UTF-16 code units: offset 7 falls between them.
    const text = 'Trees 🌳 cool. Shade 🌳 helps.';
    const map: Draft<ArgMap> = { ...sampleMap(), nodes: [], edges: [], tours: [] };
    map.sources = [
      {
        id: 'src1',
        language: 'en',
        text,
        sentences: [
          { id: 's1', start: 0, end: 7 },
          { id: 's2', start: 15, end: text.length },
        ],
        pages: [{ label: '1', start: 22 }],
      },
    ];
    map.nodes = [
      { id: 'n1', kind: 'claim', text: 'x', refs: [{ sentence: 's2', start: 15, end: 22 }] },
    ];
    const result = validateMap(map);
    const split = 'falls inside a UTF-16 surrogate pair (between the two halves of one character)';
    expect(result.ok ? [] : result.problems.map(describeProblem)).toEqual([
      `sources[0].sentences[0].end: ${split}`,
      `sources[0].pages[0].start: ${split}`,
      `nodes[0].refs[0].end: ${split}`,
    ]);
    expect(text.slice(6, 8)).toBe('🌳');
    expect(text.slice(21, 23)).toBe('🌳');
  });

  it('reports each group of a cycle once', () => {
    expect(
      problemsAfter(
        (m) =>
          (m.groups = [
            { id: 'g1', title: 'A', parent: 'g2' },
            { id: 'g2', title: 'B', parent: 'g1' },
            { id: 'g3', title: 'C', parent: 'g1' },
            { id: 'g4', title: 'D', parent: 'g4' },
          ]),
      ),
    ).toEqual([
      'groups[0].parent: makes the groups a cycle (g1 → g2 → g1)',
      'groups[3].parent: makes the groups a cycle (g4 → g4)',
    ]);
  });
});
