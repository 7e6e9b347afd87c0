/**
 * The automatic layout, checked on what a reader sees: laid out (ELK, in-process) and routed,
 * the article's map, a generated one and the shared files of other tools draw no edge through a
 * box that is not one of its ends, no two boxes on top of each other, in both label languages,
 * and — past 30 nodes — a whole no more than 3× as wide as high nor 2× as high as wide. The same
 * map gives the same layout twice. And placing a node beside another without a layout.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArgMap } from '../../../src/model/schema';
import { estimateNodeSize, layoutMap } from '../../../src/layout/layout';
import { createElk } from '../../../src/layout/elkInProcess';
import { nodeSizes } from '../../../src/layout/nodeSize';
import { routeEdges } from '../../../src/layout/route';
import { repack } from '../../../src/layout/repack';
import { measureDrawing } from '../../../src/layout/metrics';
import { importFile } from '../../../src/io/importFile';
import { placeBeside } from '../../../src/app/placement';
import { generateMap } from '../../bench/generateMap';
import { hasSharedFixtures, sharedFixtures } from '../io/loadFixture';

const article = JSON.parse(
  readFileSync(resolve(__dirname, '../../../maps/us-japan-nuclear-sharing.argmap.json'), 'utf8'),
) as ArgMap;

/** Lays `map` out for `language`'s labels, re-packs for the other language, and measures both. */
async function drawBothWays(map: ArgMap) {
  const positions = await layoutMap(createElk(), map, { sizes: nodeSizes(map.nodes) });
  const results = [];
  for (const language of ['source', 'en']) {
    const sizes = nodeSizes(map.nodes, language);
    const laid = new Map(map.nodes.map((n) => [n.id, { ...positions[n.id]!, ...sizes[n.id]! }]));
    const moved = repack(laid);
    const boxes = new Map([...laid].map(([id, b]) => [id, { ...b, ...moved[id] }]));
    const routes = routeEdges(boxes, map.edges);
    results.push(
      measureDrawing(
        boxes,
        map.edges.map((e) => ({ ...e, points: routes[e.id]! })),
      ),
    );
  }
  return { positions, metrics: results };
}

function expectReadable(map: ArgMap, metrics: ReturnType<typeof measureDrawing>[]) {
  for (const m of metrics) {
    expect(m.edgeCrossings).toEqual([]);
    expect(m.overlaps).toEqual([]);
    if (map.nodes.length > 30) {
      expect(m.width).toBeLessThanOrEqual(3 * m.height);
      expect(m.height).toBeLessThanOrEqual(2 * m.width);
    }
  }
}

describe('layoutMap', () => {
  it('lays out the article map readably in both label languages, the same each time', async () => {
    const { positions, metrics } = await drawBothWays(article);
    expectReadable(article, metrics);
    // Parents sit near their children: half the edges are shorter than two node widths.
    expect(metrics[0]!.medianEdgeLength).toBeLessThan(2);
    expect(await layoutMap(createElk(), article, { sizes: nodeSizes(article.nodes) })).toEqual(
      positions,
    );
  }, 60_000);

  it('lays out a generated 400-node map (the faster options) readably', async () => {
    const map = generateMap(400);
    expectReadable(map, (await drawBothWays(map)).metrics);
  }, 60_000);

  it('frames sections apart: nodes of one group lie together, clear of the others', async () => {
    const map = generateMap(120);
    const groups = [{ id: 'g1' }, { id: 'g2' }, { id: 'g3', parent: 'g2' }];
    const nodes = map.nodes.map((n, i) => ({ ...n, group: ['g1', 'g2', 'g3'][i % 3] }));
    const positions = await layoutMap(createElk(), { ...map, nodes, groups });
    const sizes = nodeSizes(map.nodes);
    const bounds = (g: string) => {
      const boxes = nodes
        .filter((n) => n.group === g)
        .map((n) => ({ ...positions[n.id]!, ...sizes[n.id]! }));
      return {
        x: Math.min(...boxes.map((b) => b.x)),
        y: Math.min(...boxes.map((b) => b.y)),
        right: Math.max(...boxes.map((b) => b.x + b.width)),
        bottom: Math.max(...boxes.map((b) => b.y + b.height)),
      };
    };
    const [g1, g2] = [bounds('g1'), bounds('g2')];
    const apart = g1.right <= g2.x || g2.right <= g1.x || g1.bottom <= g2.y || g2.bottom <= g1.y;
    expect(apart).toBe(true);
  }, 60_000);
});

describe.skipIf(!hasSharedFixtures)('the shared files of other tools, laid out', () => {
  const files = hasSharedFixtures
    ? ['aif', 'argdown'].flatMap((dir) =>
        readdirSync(resolve(sharedFixtures, dir))
          .filter((f) => /\.(json|argdown)$/.test(f) && !f.includes('argdown-cli'))
          .map((f) => `${dir}/${f}`),
      )
    : [];
  it.each(files)(
    '%s: no edge through a box, no overlap, screen proportions',
    async (file) => {
      const imported = importFile(file, readFileSync(resolve(sharedFixtures, file), 'utf8'));
      if (!imported.ok) return expect(file).toMatch(/nodeset7107/); // the empty AIF map
      expectReadable(imported.map, (await drawBothWays(imported.map)).metrics);
    },
    60_000,
  );
});
if (!hasSharedFixtures)
  console.warn(`Skipping the shared-fixture layout tests: ${sharedFixtures} does not exist.`);

describe('placeBeside', () => {
  /** The straightforward search: every placed node measured. */
  function reference(map: ArgMap, anchorId: string) {
    const boxes = map.nodes.map((n) => ({ ...n.position!, ...estimateNodeSize(n) }));
    const anchor = map.nodes.find((n) => n.id === anchorId)!;
    const c = {
      x: anchor.position!.x,
      y: anchor.position!.y + estimateNodeSize(anchor).height + 90,
    };
    const hit = (x: number) =>
      boxes.some(
        (b) => x < b.x + b.width + 20 && x + 260 > b.x && c.y < b.y + b.height && c.y + 80 > b.y,
      );
    while (hit(c.x)) c.x += 280;
    return c;
  }

  it('finds the same free spot as measuring every node would', () => {
    const map = generateMap(1000);
    for (const id of ['n0', 'n3', 'n17', 'n250', 'n999']) {
      expect(placeBeside(map, id)).toEqual(reference(map, id));
    }
  });

  it('puts a node with no anchor to the right of everything, level with the top', () => {
    const map = generateMap(50);
    const right = Math.max(...map.nodes.map((n) => n.position!.x + 240));
    expect(placeBeside(map, undefined)).toEqual({ x: right + 80, y: 0 });
  });
});
