/**
 * The canvas's overview geometry: the free rectangle beside the panels, the viewport fitting a
 * map into it (with room for the main conclusions' titles), the level-of-detail scale, and what
 * a node's compact card says.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArgMap, ArgNode } from '../../../src/model/schema';
import { boundsOf, freeRect, viewportInto, type Box } from '../../../src/ui/canvas/freeArea';
import { lodClasses, lodScale } from '../../../src/ui/canvas/LevelOfDetail';
import { cardLabel, firstWords, mainConclusions } from '../../../src/ui/canvas/cardLabel';
import { overviewViewport, titleBox } from '../../../src/ui/canvas/overview';
import { estimatedCovers, initialViewport } from '../../../src/ui/canvas/initialViewport';

const article = JSON.parse(
  readFileSync(resolve(__dirname, '../../../maps/us-japan-nuclear-sharing.argmap.json'), 'utf8'),
) as ArgMap;

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (a: Box, b: Box) =>
  a.x >= b.x - 1e-6 &&
  a.y >= b.y - 1e-6 &&
  a.x + a.width <= b.x + b.width + 1e-6 &&
  a.y + a.height <= b.y + b.height + 1e-6;
const onScreen = (b: Box, v: { x: number; y: number; zoom: number }): Box => ({
  x: b.x * v.zoom + v.x,
  y: b.y * v.zoom + v.y,
  width: b.width * v.zoom,
  height: b.height * v.zoom,
});

describe('freeRect', () => {
  const area = { x: 0, y: 0, width: 690, height: 808 };
  // As measured at 1440×900: legend top right, minimap bottom right, controls bottom left.
  const covers = [
    { x: 522, y: 15, width: 151, height: 204 },
    { x: 453, y: 733, width: 220, height: 60 },
    { x: 15, y: 689, width: 26, height: 104 },
  ];

  it('is the whole area when nothing covers it', () => {
    expect(freeRect(area, [], 2)).toEqual(area);
  });

  it('overlaps no cover, whatever the content’s proportions', () => {
    for (const aspect of [0.2, 0.5, 1, 2, 5, 20]) {
      const free = freeRect(area, covers, aspect);
      expect(within(free, area)).toBe(true);
      for (const c of covers) expect(overlaps(free, c)).toBe(false);
    }
  });

  it('picks a wide band for a wide map and a tall column for a tall one', () => {
    const wide = freeRect(area, covers, 6);
    expect(wide.width).toBe(690);
    expect(wide).toMatchObject({ y: 219, height: 689 - 219 });
    const tall = freeRect(area, covers, 0.3);
    expect(tall.height).toBe(808);
    expect(tall).toMatchObject({ x: 41, width: 453 - 41 });
  });
});

describe('viewportInto and overviewViewport', () => {
  it('centres the bounds in the free box, inside it with padding', () => {
    const free = { x: 40, y: 200, width: 600, height: 400 };
    const bounds = { x: -100, y: 50, width: 3000, height: 1000 };
    const v = viewportInto(bounds, free, { padding: 0.05 });
    const shown = onScreen(bounds, v);
    expect(within(shown, free)).toBe(true);
    expect(shown.width).toBeCloseTo(540);
    expect(shown.x + shown.width / 2).toBeCloseTo(free.x + free.width / 2);
  });

  it('goes as low as any map needs (no clamp at 0.05)', () => {
    const v = viewportInto(
      { x: 0, y: 0, width: 20000, height: 500 },
      { x: 0, y: 0, width: 600, height: 400 },
    );
    expect(v.zoom).toBeLessThan(0.05);
  });

  it('leaves room for a main conclusion’s title above its box', () => {
    const boxes = [
      { x: 0, y: 0, width: 240, height: 80 },
      { x: 4000, y: 600, width: 240, height: 80 },
    ];
    const free = { x: 0, y: 0, width: 600, height: 700 };
    const titled = [{ box: boxes[0]!, chars: 60 }];
    const v = overviewViewport(boxes, titled, free)!;
    const title = onScreen(titleBox(titled[0]!, v.zoom), v);
    expect(within(title, free)).toBe(true);
    expect(title.width).toBeGreaterThanOrEqual(230);
    for (const b of boxes) expect(within(onScreen(b, v), free)).toBe(true);
  });
});

describe('level of detail', () => {
  it('keeps card text of N px at least N px on screen, in steps', () => {
    for (const zoom of [0.02, 0.033, 0.1, 0.3, 0.5, 0.57, 0.9]) {
      expect(lodScale(zoom) * zoom).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(lodScale(zoom) * zoom).toBeLessThan(1.2);
    }
    expect(lodScale(1)).toBe(1);
    expect(lodScale(2)).toBe(1);
    expect(lodScale(0.31)).toBe(lodScale(0.32));
  });

  it('switches to cards below 8 px text and titles the main conclusions below 11 px', () => {
    expect(lodClasses(1)).toEqual({ cards: false, main: false });
    expect(lodClasses(0.7)).toEqual({ cards: false, main: true });
    expect(lodClasses(0.5)).toEqual({ cards: true, main: true });
  });
});

describe('cards', () => {
  const node = (extra: object) =>
    ({ id: 'n1', kind: 'claim', text: 'x', refs: [], ...extra }) as ArgNode;

  it('say the node’s label when it has one (format 2), else its first words', () => {
    expect(cardLabel(node({ label: ' Deterrence ' }), 'whatever it says')).toBe('Deterrence');
    expect(cardLabel(node({ label: 42 }), 'one two three four five six')).toBe(
      'one two three four five…',
    );
    expect(firstWords('2022年年初日本出现的寻求与美国建立“核共享”机制的言论')).toBe(
      '2022年年初日本出现的…',
    );
    expect(firstWords('short text')).toBe('short text');
  });

  it('the article’s main conclusions are conclusions that lead nowhere further', () => {
    const main = mainConclusions(article);
    expect(main.size).toBeGreaterThan(0);
    for (const id of main) {
      expect(article.nodes.find((n) => n.id === id)!.kind).toBe('conclusion');
      expect(article.edges.some((e) => e.from === id)).toBe(false);
    }
  });
});

describe('initialViewport', () => {
  it('opens the article on its overview, clear of the panels', () => {
    const [width, height] = [688, 808];
    const covers = estimatedCovers(width, height, { width: 220, height: 60 });
    const v = initialViewport(article, new Set(), width, height, covers);
    const all = boundsOf(article.nodes.map((n) => ({ ...n.position!, width: 240, height: 40 })))!;
    const shown = onScreen(all, v);
    expect(within(shown, { x: 0, y: 0, width, height })).toBe(true);
    for (const c of covers) expect(overlaps(shown, c)).toBe(false);
  });
});
