/**
 * The showcase map (`maps/us-japan-nuclear-sharing.argmap.json`): valid, every link into the
 * source anchored, one connected argument under the thesis, complete translations, the structure
 * the issue asks for, and a saved layout without overlaps.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateMap } from '../../../src/model/validate';
import type { ArgMap, ArgNode } from '../../../src/model/schema';
import { estimateNodeSize } from '../../../src/layout/layout';
import { MAP_PATH } from '../../../src/cli/buildArticleSource';

const doc: unknown = JSON.parse(readFileSync(resolve(__dirname, '../../..', MAP_PATH), 'utf8'));
const map = doc as ArgMap;
const source = map.sources[0]!;
const text = source.text;
const sentenceById = new Map(source.sentences.map((s) => [s.id, s]));
const nodeById = new Map(map.nodes.map((n) => [n.id, n]));
const sentenceText = (id: string) => {
  const s = sentenceById.get(id)!;
  return text.slice(s.start, s.end);
};
const incoming = (id: string, relation?: string) =>
  map.edges.filter((e) => e.to === id && (!relation || e.relation === relation));
const outgoing = (id: string) => map.edges.filter((e) => e.from === id);
/** The thesis: the conclusion that cites the abstract's "这是基于…的政治宣示" sentence. */
const thesis = map.nodes.find(
  (n) =>
    n.kind === 'conclusion' &&
    n.refs.some((r) => sentenceText(r.sentence).startsWith('这是基于冷战时期北约核共享')),
)!;
/** Nodes citing a sentence that starts with `prefix`. */
const citing = (prefix: string) =>
  map.nodes.filter((n) => n.refs.some((r) => sentenceText(r.sentence).startsWith(prefix)));

describe('the showcase map document', () => {
  it('passes the validator', () => {
    const result = validateMap(doc);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('describes its source honestly', () => {
    expect(map.id).toBe('us-japan-nuclear-sharing');
    expect(source.language).toBe('zh-Hans');
    expect(source.title).toContain('题名未见于摘录');
    expect(source.author).toContain('金嬴');
    expect(source.author).toContain('中国社会科学院日本研究所');
  });

  it('anchors every ref: the sentence exists, and a span lies inside it and matches its quote', () => {
    const problems: string[] = [];
    for (const node of map.nodes) {
      for (const ref of node.refs) {
        const s = sentenceById.get(ref.sentence);
        if (!s) {
          problems.push(`${node.id}: no sentence ${ref.sentence}`);
          continue;
        }
        if (ref.start === undefined && ref.end === undefined && ref.quote === undefined) continue;
        if (ref.start === undefined || ref.end === undefined || ref.quote === undefined) {
          problems.push(`${node.id}: a span needs start, end and quote`);
          continue;
        }
        if (ref.start < s.start || ref.end > s.end)
          problems.push(`${node.id}: span outside ${ref.sentence}`);
        if (text.slice(ref.start, ref.end) !== ref.quote)
          problems.push(`${node.id}: quote does not match`);
        if (ref.quote === sentenceText(ref.sentence))
          problems.push(`${node.id}: a span covering the whole sentence`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('cites the source from every node except inference junctions', () => {
    const uncited = map.nodes.filter((n) => n.kind !== 'inference' && n.refs.length === 0);
    expect(uncited.map((n) => n.id)).toEqual([]);
  });

  it('has an English rendering on every node', () => {
    const missing = map.nodes.filter((n) => !n.translations?.en?.trim());
    expect(missing.map((n) => n.id)).toEqual([]);
  });

  it('has between 60 and 150 nodes, with tags naming their section', () => {
    expect(map.nodes.length).toBeGreaterThanOrEqual(60);
    expect(map.nodes.length).toBeLessThanOrEqual(150);
    const sections = ['abstract', 'intro', 'section-1', 'section-2', 'section-3'];
    const untagged = map.nodes.filter((n) => !n.tags?.some((t) => sections.includes(t)));
    expect(untagged.map((n) => n.id)).toEqual([]);
  });
});

describe('the argument', () => {
  it('has the thesis as a conclusion, at the top of the layout', () => {
    expect(thesis).toBeDefined();
    const top = Math.min(...map.nodes.map((n) => n.position!.y));
    expect(thesis.position!.y).toBe(top);
    expect(outgoing(thesis.id)).toEqual([]);
  });

  it('is one connected map: every node is reached from the thesis, following edges either way', () => {
    const seen = new Set([thesis.id]);
    const queue = [thesis.id];
    while (queue.length) {
      const id = queue.shift()!;
      for (const e of map.edges) {
        const next = e.from === id ? e.to : e.to === id ? e.from : undefined;
        if (next && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect(map.nodes.filter((n) => !seen.has(n.id)).map((n) => n.id)).toEqual([]);
  });

  it('leads upward: from every node that is not a conclusion, following edges from → to reaches a conclusion, unless the node is a position the text answers (attacked, with no edge of its own)', () => {
    const reachesConclusion = (start: string) => {
      const seen = new Set([start]);
      const stack = [start];
      while (stack.length) {
        const id = stack.pop()!;
        if (nodeById.get(id)!.kind === 'conclusion') return true;
        for (const e of outgoing(id)) {
          if (!seen.has(e.to)) {
            seen.add(e.to);
            stack.push(e.to);
          }
        }
      }
      return false;
    };
    const answeredOnly = (n: ArgNode) =>
      outgoing(n.id).length === 0 && incoming(n.id, 'attacks').length > 0;
    const stranded = map.nodes.filter((n) => !answeredOnly(n) && !reachesConclusion(n.id));
    expect(stranded.map((n) => n.id)).toEqual([]);
  });

  it('answers positions: at least three objections, each attacked, and at least three attack edges', () => {
    const objections = map.nodes.filter((n) => n.kind === 'objection');
    expect(objections.length).toBeGreaterThanOrEqual(3);
    expect(
      objections.filter((n) => incoming(n.id, 'attacks').length === 0).map((n) => n.id),
    ).toEqual([]);
    expect(map.edges.filter((e) => e.relation === 'attacks').length).toBeGreaterThanOrEqual(3);
  });

  it('uses inference junctions for linked premises: two or more premises in, one conclusion out', () => {
    const junctions = map.nodes.filter((n) => n.kind === 'inference');
    expect(junctions.length).toBeGreaterThanOrEqual(1);
    for (const j of junctions) {
      expect(incoming(j.id, 'supports').length, j.id).toBeGreaterThanOrEqual(2);
      expect(outgoing(j.id).length, j.id).toBe(1);
    }
  });

  it('gives the three reasons Japan likens itself to early-Cold-War West Germany a node each, each supporting that claim', () => {
    const [likens] = citing('对于日本来说，有三点因素使其将本国所处的状况比拟为冷战初期的联邦德国');
    expect(likens).toBeDefined();
    for (const prefix of [
      '一是在常规军力上认为中国处于优势',
      '二是认识到从发展趋势上',
      '三是在俄乌冲突爆发后',
    ]) {
      const reasons = citing(prefix);
      expect(reasons, prefix).toHaveLength(1);
      expect(
        map.edges.some(
          (e) => e.from === reasons[0]!.id && e.to === likens!.id && e.relation === 'supports',
        ),
      ).toBe(true);
    }
    const [draws] = citing('因此，为避免落入');
    expect(
      map.edges.some(
        (e) => e.from === likens!.id && e.to === draws!.id && e.relation === 'supports',
      ),
    ).toBe(true);
  });

  it('has the four countermeasures as recommendation nodes, each with support', () => {
    const recommendations = map.nodes.filter((n) => n.kind === 'recommendation');
    expect(recommendations).toHaveLength(4);
    for (const [i, prefix] of [
      '第一，密切关注',
      '第二，做好外交、军事的两手准备',
      '第三，以总体国家安全观为指引',
      '第四，以中国式现代化',
    ].entries()) {
      const node = recommendations[i]!;
      expect(
        node.refs.some((r) => sentenceText(r.sentence).startsWith(prefix)),
        prefix,
      ).toBe(true);
      expect(incoming(node.id, 'supports').length, prefix).toBeGreaterThanOrEqual(1);
    }
  });

  it('opens presentation on a lesson of at most 25 stops that tells the argument', () => {
    const lesson = map.tours[0]!;
    expect(lesson.title).toMatch(/^Lesson/);
    expect(lesson.steps.length).toBeLessThanOrEqual(25);
    expect(lesson.steps[0]).toBe(thesis.id);
    expect(new Set(lesson.steps).size).toBe(lesson.steps.length);
    const said = lesson.steps.map((id) => map.nodes.find((n) => n.id === id)!.text).join('\n');
    // The West-Germany comparison and its three reasons, the NATO comparison, Kishida's
    // statement and its rebuttal, and the four countermeasures.
    for (const words of [
      '联邦德国',
      '一是认为中国在常规军力上处于优势',
      '二是认识到中国获得确实的第二次打击能力',
      '三是俄乌冲突后',
      '北约核共享机制是典型的冷战产物',
      '岸田',
      '“很难”不代表不会',
      '第一，密切关注',
      '第二，做好外交、军事的两手准备',
      '第三，以总体国家安全观为指引',
      '第四，以中国式现代化',
    ])
      expect(said, words).toContain(words);
  });

  it('has a walk-through in teaching order: the thesis first, every node but the junctions once', () => {
    expect(map.tours.map((t) => t.title)).toEqual([map.tours[0]!.title, 'Walk-through']);
    const tour = map.tours[1]!.steps;
    expect(tour[0]).toBe(thesis.id);
    expect(new Set(tour).size).toBe(tour.length);
    const expected = map.nodes.filter((n) => n.kind !== 'inference').map((n) => n.id);
    expect([...tour].sort()).toEqual([...expected].sort());
  });

  it('has a saved position for every node, and no two nodes overlap', () => {
    const boxes = map.nodes.map((n) => ({ id: n.id, ...n.position!, ...estimateNodeSize(n) }));
    const overlaps: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        if (
          a.x < b.x + b.width &&
          b.x < a.x + a.width &&
          a.y < b.y + b.height &&
          b.y < a.y + a.height
        ) {
          overlaps.push(`${a.id}/${b.id}`);
        }
      }),
    );
    expect(boxes.every((b) => Number.isFinite(b.x) && Number.isFinite(b.y))).toBe(true);
    expect(overlaps).toEqual([]);
  });
});
