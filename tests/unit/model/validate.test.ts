import { describe, expect, it } from 'vitest';
import { validateMap } from '../../../src/model/validate';
import { describeProblem } from '../../../src/model/problem';
import type { ArgMap } from '../../../src/model/schema';
import { SOURCE_TEXT, sampleMap } from './sampleMap';
import { CONTRACT_VIOLATIONS } from './contractViolations';

/** The problems of a document after `change`, as "path: message" lines. */
function problemsAfter(change: (map: ArgMap) => void): string[] {
  const map = structuredClone(sampleMap());
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
      'tour[3]: "n4" is not a node of this map',
    ]);
  });
});
