/** The benchmark's generated maps are valid, of the requested size, and shaped like arguments. */
import { describe, expect, it } from 'vitest';
import { validateMap } from '../../../src/model/validate';
import { generateMap } from '../../bench/generateMap';

describe('generateMap', () => {
  it.each([1, 2, 100, 1000, 5000])('makes a valid map of %i nodes', (n) => {
    const map = generateMap(n);
    const result = validateMap(map);
    expect(result.ok ? [] : result.problems.slice(0, 5)).toEqual([]);
    expect(map.nodes).toHaveLength(n);
    expect(map.nodes.every((node) => node.position && node.refs.length > 0)).toBe(true);
  });

  it('has an argument’s shape: one conclusion, claims, evidence, objections, cross-links', () => {
    const map = generateMap(1000);
    const count = (kind: string) => map.nodes.filter((node) => node.kind === kind).length;
    expect(count('conclusion')).toBe(1);
    for (const kind of ['claim', 'evidence', 'objection', 'rebuttal']) {
      expect(count(kind)).toBeGreaterThan(10);
    }
    // A tree (n − 1 edges) plus cross-links.
    expect(map.edges.length).toBeGreaterThan(map.nodes.length + 50);
    const relations = new Set(map.edges.map((e) => e.relation));
    expect([...relations].sort()).toEqual(['attacks', 'elaborates', 'supports']);
    // Every node but the conclusion bears on another node.
    const from = new Set(map.edges.map((e) => e.from));
    expect(map.nodes.filter((node) => !from.has(node.id)).map((node) => node.id)).toEqual(['n0']);
  });

  it('writes Chinese labels of realistic length with English renderings, and cites spans', () => {
    const map = generateMap(100);
    for (const node of map.nodes) {
      expect(node.text).toMatch(/[\u4e00-\u9fff]/);
      expect(node.text.length).toBeGreaterThan(20);
      expect(node.translations?.en?.length).toBeGreaterThan(40);
    }
    expect(map.nodes.some((node) => node.refs[0]?.quote)).toBe(true);
    expect(map.sources[0]!.sentences).toHaveLength(50);
  });

  it('is deterministic', () => {
    expect(generateMap(300)).toEqual(generateMap(300));
  });
});
