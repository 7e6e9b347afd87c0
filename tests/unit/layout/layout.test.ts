/**
 * The automatic layout (ELK, in-process) on the article's map and a generated one: every node
 * placed, no two boxes overlapping, every edge pointing up (premise below what it supports), and
 * the same result twice. And placing a node beside another without a layout.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArgMap } from '../../../src/model/schema';
import { estimateNodeSize, layoutMap } from '../../../src/layout/layout';
import { createElk } from '../../../src/layout/elkInProcess';
import { placeBeside } from '../../../src/app/placement';
import { generateMap } from '../../bench/generateMap';

const article = JSON.parse(
  readFileSync(resolve(__dirname, '../../../maps/us-japan-nuclear-sharing.argmap.json'), 'utf8'),
) as ArgMap;

function check(map: ArgMap, positions: Record<string, { x: number; y: number }>) {
  const boxes = map.nodes.map((n) => ({ id: n.id, ...positions[n.id]!, ...estimateNodeSize(n) }));
  expect(boxes.every((b) => Number.isFinite(b.x) && Number.isFinite(b.y))).toBe(true);
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const overlaps: string[] = [];
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < sorted[i]!.x + sorted[i]!.width; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (a.y < b.y + b.height && b.y < a.y + a.height) overlaps.push(`${a.id}/${b.id}`);
    }
  expect(overlaps).toEqual([]);
  const downward = map.edges.filter((e) => positions[e.from]!.y <= positions[e.to]!.y);
  expect(downward.map((e) => e.id)).toEqual([]);
}

describe('layoutMap', () => {
  it('lays out the article map without overlaps, premises below, the same each time', async () => {
    const first = await layoutMap(createElk(), article);
    check(article, first);
    expect(await layoutMap(createElk(), article)).toEqual(first);
  }, 60_000);

  it('lays out a generated 400-node map (the faster options) without overlaps', async () => {
    const map = generateMap(400);
    check(map, await layoutMap(createElk(), map));
  }, 60_000);
});

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
