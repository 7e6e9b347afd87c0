/** What the canvas draws for groups: frames, collapsed boxes, re-attached edges; and route paths. */
import { describe, expect, it } from 'vitest';
import type { ArgEdge, ArgMap, ArgNode, Group } from '../../../src/model/schema';
import {
  COLLAPSED_SIZE,
  collapseEdges,
  collapsing,
  groupBoxes,
  groupNodeId,
  groupTitle,
} from '../../../src/ui/canvas/groupView';
import { routePath } from '../../../src/ui/canvas/RoutedEdge';

const node = (id: string, group?: string): ArgNode =>
  ({ id, kind: 'claim', text: id, refs: [], ...(group ? { group } : {}) }) as ArgNode;
const edge = (id: string, from: string, to: string, relation = 'supports'): ArgEdge =>
  ({ id, from, to, relation }) as ArgEdge;

const groups: Group[] = [
  { id: 'a', title: '甲', translations: { en: 'A' } },
  { id: 'a1', title: '甲一', parent: 'a' },
  { id: 'b', title: '乙' },
];
const map: Pick<ArgMap, 'nodes' | 'groups'> = {
  nodes: [node('n1', 'a'), node('n2', 'a1'), node('n3', 'a1'), node('n4', 'b'), node('n5')],
  groups,
};

describe('collapsing', () => {
  it('hides nothing while no group is collapsed', () => {
    const c = collapsing(map, new Set());
    expect(c.standIn.size).toBe(0);
    expect(c.buried.size).toBe(0);
  });

  it('lets the outermost collapsed group stand in for every node inside it, at any depth', () => {
    const folded = { ...map, groups: groups.map((g) => ({ ...g, collapsed: g.id !== 'b' })) };
    const c = collapsing(folded, new Set(['n3']));
    expect([...c.standIn]).toEqual([
      ['n1', 'a'],
      ['n2', 'a'],
    ]);
    expect(c.counts.get('a')).toBe(2);
    expect([...c.buried]).toEqual(['a1']);
  });
});

describe('collapseEdges', () => {
  const edges = [
    edge('e1', 'n2', 'n1'),
    edge('e2', 'n4', 'n1', 'attacks'),
    edge('e3', 'n4', 'n2'),
    edge('e4', 'n5', 'n4'),
  ];

  it('keeps the same edges (the same array) when nothing is collapsed', () => {
    expect(collapseEdges(edges, new Map())).toBe(edges);
  });

  it('re-attaches edges to the box, drops those inside it, and counts merged ones', () => {
    const standIn = new Map([
      ['n1', 'a'],
      ['n2', 'a'],
    ]);
    const shown = collapseEdges(edges, standIn);
    expect(shown.map((e) => [e.from, e.to, e.relation, e.count ?? 1])).toEqual([
      ['n5', 'n4', 'supports', 1],
      ['n4', groupNodeId('a'), 'attacks', 2],
    ]);
    expect(shown[0]).toBe(edges[3]);
    // The merged edge keeps its object while it stays the same.
    expect(collapseEdges(edges, standIn)[1]).toBe(shown[1]);
  });
});

describe('groupBoxes', () => {
  const boxes = new Map([
    ['n1', { x: 0, y: 0, width: 240, height: 80 }],
    ['n2', { x: 300, y: 0, width: 240, height: 80 }],
    ['n3', { x: 300, y: 200, width: 240, height: 80 }],
    ['n4', { x: 900, y: 0, width: 240, height: 80 }],
  ]);

  it('frames each group around its members and its inner groups, outermost first', () => {
    const frames = groupBoxes(map, boxes, collapsing(map, new Set()), (id) => boxes.get(id));
    expect(frames.map((f) => [f.group.id, f.depth, f.collapsed])).toEqual([
      ['a', 0, false],
      ['b', 0, false],
      ['a1', 1, false],
    ]);
    const [a, , a1] = frames;
    expect(a!.box.x).toBeLessThan(0);
    expect(a!.box.x + a!.box.width).toBeGreaterThan(a1!.box.x + a1!.box.width);
    expect(a!.box.y + a!.box.height).toBeGreaterThan(280);
  });

  it('draws a collapsed group as one box where its frame’s top-left corner was', () => {
    const expanded = groupBoxes(map, boxes, collapsing(map, new Set()), (id) => boxes.get(id));
    const folded = {
      ...map,
      groups: groups.map((g) => (g.id === 'a1' ? { ...g, collapsed: true } : g)),
    };
    const c = collapsing(folded, new Set());
    const shown = new Map([...boxes].filter(([id]) => !c.standIn.has(id)));
    const result = groupBoxes(folded, shown, c, (id) => boxes.get(id));
    const box = result.find((g) => g.group.id === 'a1')!;
    const frame = expanded.find((g) => g.group.id === 'a1')!;
    expect(box.collapsed).toBe(true);
    expect(box.count).toBe(2);
    expect(box.box).toEqual({ x: frame.box.x, y: frame.box.y, ...COLLAPSED_SIZE });
    // Its parent's frame now holds n1 and the box.
    const a = result.find((g) => g.group.id === 'a')!;
    expect(a.box.x + a.box.width).toBeGreaterThanOrEqual(box.box.x + box.box.width);
  });

  it('titles a group in the label language shown', () => {
    expect(groupTitle(groups[0]!, 'en')).toBe('A');
    expect(groupTitle(groups[0]!, 'source')).toBe('甲');
    expect(groupTitle(groups[2]!, 'en')).toBe('乙');
  });
});

describe('routePath', () => {
  it('draws the route through its points with rounded corners, ending at the arrow tip', () => {
    const d = routePath([
      { x: 0, y: 100 },
      { x: 0, y: 50 },
      { x: 100, y: 50 },
      { x: 100, y: 0 },
    ]);
    expect(d).toBe('M0,100 L0,58 Q0,50 8,50 L92,50 Q100,50 100,42 L100,0');
    // A short segment takes a smaller radius.
    expect(
      routePath([
        { x: 0, y: 10 },
        { x: 0, y: 6 },
        { x: 50, y: 6 },
      ]),
    ).toBe('M0,10 L0,8 Q0,6 2,6 L50,6');
  });
});
