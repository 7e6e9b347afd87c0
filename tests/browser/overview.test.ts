/**
 * Seeing the whole argument on the canvas, in real Chromium at 1440×900 with the article's
 * 150-node map: the overview fits every node into the part of the canvas no panel covers; zoomed
 * out, nodes are readable cards and the thesis a title; the minimap moves the view where it is
 * clicked; focus lays a branch out on its own and leaving it restores the map exactly.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { viewSettled } from './helpers';

const article = JSON.parse(
  readFileSync(resolve(__dirname, '../../maps/us-japan-nuclear-sharing.argmap.json'), 'utf8'),
) as { nodes: { id: string }[] };

/** A fresh page per test on a 1440×900 screen, checked for console errors afterwards. */
const session = freshPagePerTest({ width: 1440, height: 900 });
let page: Page;
beforeEach(() => {
  page = session.page;
});

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Scene {
  zoom: number;
  transform: string;
  canvas: Rect;
  panels: Rect[];
  nodes: { id: string; rect: Rect; transform: string }[];
}

/** What the canvas shows now: the viewport, the panels over it, every rendered node's box. */
function scene(): Promise<Scene> {
  // A string, so that nothing the test runner's compiler adds ends up in the page.
  return page.evaluate(`(() => {
    const rect = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    const viewport = document.querySelector('.react-flow__viewport');
    const transform = viewport.style.transform;
    const zoom = Number(/scale\\(([^)]+)\\)/.exec(transform)[1]);
    return {
      zoom,
      transform,
      canvas: rect(document.querySelector('.canvas')),
      panels: [...document.querySelectorAll('.canvas .react-flow__panel')].map(rect),
      nodes: [...document.querySelectorAll('.react-flow__node-arg')].map((n) => ({
        id: n.getAttribute('data-id'), rect: rect(n), transform: n.style.transform,
      })),
    };
  })()`);
}

/** Waits until the viewport has stopped moving (transitions last 300 ms). */
async function settled(): Promise<Scene> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await scene();
    if (now.transform === last) return now;
    last = now.transform;
    await viewSettled(page);
  }
  throw new Error('The view never stopped moving.');
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Rect, b: Rect) =>
  a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

/** Every node (and every extra box) lies inside the canvas and under no panel. */
function expectAllFree(s: Scene, extra: Rect[] = []) {
  for (const box of [...s.nodes.map((n) => n.rect), ...extra]) {
    expect(inside(box, s.canvas), JSON.stringify(box)).toBe(true);
    for (const p of s.panels) expect(overlaps(box, p), JSON.stringify([box, p])).toBe(false);
  }
}

async function mainTitles(): Promise<Rect[]> {
  return page.locator('.arg-node.is-main .arg-node-card').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

/** Jumps to a node through the search box (selects it and zooms to it). */
async function jumpTo(text: string) {
  await page.getByTestId('search-input').fill(text);
  await page.keyboard.press('Enter');
  return settled();
}

describe('overview', () => {
  it('opens on the whole map, and Overview fits every node beside the panels again', async () => {
    let s = await settled();
    expect(s.nodes).toHaveLength(article.nodes.length);
    expectAllFree(s, await mainTitles());

    s = await jumpTo('1956—1976年是日本确立核政策');
    expect(s.zoom).toBeGreaterThan(0.5);
    expect(s.nodes.length).toBeLessThan(article.nodes.length);

    await page.getByTestId('overview').click();
    s = await settled();
    expect(s.nodes).toHaveLength(article.nodes.length);
    expectAllFree(s, await mainTitles());
    // Any other panel over the canvas is measured too: with one over its left half, the
    // overview moves the map beside it.
    await page.evaluate(`(() => {
      const cover = document.createElement('div');
      cover.setAttribute('data-canvas-cover', '');
      cover.id = 'test-cover';
      cover.style.cssText = 'position:absolute;left:0;top:0;width:45%;height:100%;z-index:5';
      document.querySelector('.canvas').append(cover);
    })()`);
    await page.getByTestId('overview').click();
    const beside = await settled();
    const cover = (await page.locator('#test-cover').boundingBox())!;
    expectAllFree({ ...beside, panels: [...beside.panels, cover] }, await mainTitles());
    expect(beside.zoom).toBeLessThan(s.zoom);
    await page.locator('#test-cover').evaluate((e) => e.remove());
    await page.getByTestId('overview').click();
    expect((await settled()).transform).toBe(s.transform);
    // Fit view (the controls' button) does the same.
    await jumpTo('1956—1976年是日本确立核政策');
    await page.locator('.react-flow__controls-fitview').click();
    const fitted = await settled();
    expect(fitted.transform).toBe(s.transform);
    // And the O key.
    await jumpTo('1956—1976年是日本确立核政策');
    await page.locator('.react-flow__pane').click({ position: { x: 300, y: 400 } });
    await page.keyboard.press('1');
    expect((await settled()).transform).toBe(s.transform);
  });

  it('draws readable cards when zoomed out, the thesis as a title, and full text when zoomed in', async () => {
    const s = await settled();
    expect(s.zoom * 14).toBeLessThan(8);
    expect(await page.locator('.canvas').getAttribute('class')).toContain('lod-cards');
    const card = await page
      .locator('.react-flow__node[data-id="n35"] .arg-node-card')
      .evaluate((e) => ({
        display: getComputedStyle(e).display,
        font: getComputedStyle(e).fontSize,
      }));
    expect(card.display).toBe('block');
    expect(parseFloat(card.font) * s.zoom).toBeGreaterThanOrEqual(8);
    const text = page.locator('.react-flow__node[data-id="n35"] .arg-node-text');
    expect(await text.evaluate((e) => getComputedStyle(e).visibility)).toBe('hidden');
    // The main conclusion's text is at least 11 px on screen, on a title that is not clipped.
    const thesis = page.locator('.react-flow__node[data-id="n1"] .arg-node-card');
    const thesisFont = await thesis.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(thesisFont * s.zoom).toBeGreaterThanOrEqual(11);
    // Titled by its short label.
    expect(await thesis.textContent()).toContain('“核共享”言论：多重含义的政治宣示');
    const box = (await thesis.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);

    const near = await jumpTo('1956—1976年是日本确立核政策');
    expect(near.zoom * 14).toBeGreaterThanOrEqual(8);
    expect(await page.locator('.canvas').getAttribute('class')).not.toContain('lod-cards');
    expect(await text.evaluate((e) => getComputedStyle(e).visibility)).toBe('visible');
    expect(await text.textContent()).toContain('1956—1976年是日本确立核政策');
    expect(
      await page
        .locator('.react-flow__node[data-id="n35"] .arg-node-card')
        .evaluate((e) => getComputedStyle(e).display),
    ).toBe('none');
  });
});

describe('minimap', () => {
  it('moves the view to the point clicked, at the same zoom', async () => {
    const before = await jumpTo('1956—1976年是日本确立核政策');
    const svg = page.locator('.react-flow__minimap svg');
    const box = (await svg.boundingBox())!;
    const viewBox = (await svg.getAttribute('viewBox'))!.split(/\s+/).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    // A point a quarter in from the minimap's left edge, mid-height: in flow coordinates, as the
    // SVG maps it (preserveAspectRatio xMidYMid meet).
    const click = { x: box.width * 0.25, y: box.height / 2 };
    const scale = Math.min(box.width / viewBox[2], box.height / viewBox[3]);
    const flow = {
      x: viewBox[0] + (click.x - (box.width - viewBox[2] * scale) / 2) / scale,
      y: viewBox[1] + (click.y - (box.height - viewBox[3] * scale) / 2) / scale,
    };
    await page.mouse.click(box.x + click.x, box.y + click.y);
    const after = await settled();
    expect(after.transform).not.toBe(before.transform);
    expect(after.zoom).toBeCloseTo(before.zoom, 5);
    // The canvas's centre now shows that point.
    const [tx, ty] = /translate\(([-\d.]+)px, ([-\d.]+)px\)/
      .exec(after.transform)!
      .slice(1)
      .map(Number) as [number, number];
    const centre = {
      x: (after.canvas.width / 2 - tx) / after.zoom,
      y: (after.canvas.height / 2 - ty) / after.zoom,
    };
    expect(Math.abs(centre.x - flow.x)).toBeLessThan(5 / scale);
    expect(Math.abs(centre.y - flow.y)).toBeLessThan(5 / scale);
  });
});

describe('focus on a branch', () => {
  it('lays the branch out on its own and fits it; leaving restores positions and view exactly', async () => {
    const before = await jumpTo('1956—1976年是日本确立核政策');
    await page.getByRole('button', { name: 'Focus on branch' }).click();
    await page.waitForSelector('.canvas[data-focus-layout="ready"]');
    const focused = await settled();
    // The branch of n35: 18 nodes, all of them shown, in the free area, at new positions.
    expect(focused.nodes).toHaveLength(18);
    expectAllFree(focused);
    // Fitted: the branch fills the view (it was a corner of the map before) without overlaps.
    expect(focused.zoom).not.toBe(before.zoom);
    focused.nodes.forEach((a, i) =>
      focused.nodes.slice(i + 1).forEach((b) => expect(overlaps(a.rect, b.rect)).toBe(false)),
    );
    // Display only: the map was not edited (nothing to undo).
    expect(await page.getByTestId('undo').isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Show whole map' }).click();
    await page.waitForFunction(() => !document.querySelector('.canvas[data-focus-layout]'));
    // The view glides back (an animation that a busy machine may start late).
    await expect
      .poll(async () => (await scene()).transform, { timeout: 10_000 })
      .toBe(before.transform);
    const after = await settled();
    const back = new Map(after.nodes.map((n) => [n.id, n.transform]));
    for (const n of before.nodes) expect(back.get(n.id), n.id).toBe(n.transform);
    expect(await page.getByTestId('undo').isDisabled()).toBe(true);
  });
});

/** The drawn route of every rendered edge: its points (corners as drawn) and its end nodes. */
function drawnEdges(): Promise<{ id: string; points: number[][]; d: string }[]> {
  return page.evaluate(`(() => [...document.querySelectorAll('.react-flow__edge')].map((g) => {
    const d = g.querySelector('path.react-flow__edge-path').getAttribute('d');
    // The route's points: where it starts, each corner (a rounded corner's control point) and the tip.
    const nums = (re) => [...d.matchAll(re)].map((m) => [Number(m[1]), Number(m[2])]);
    const starts = nums(/M\\s*(-?[\\d.]+)[ ,](-?[\\d.]+)/g);
    const corners = nums(/Q\\s*(-?[\\d.]+)[ ,](-?[\\d.]+)/g);
    const lines = nums(/L\\s*(-?[\\d.]+)[ ,](-?[\\d.]+)/g);
    const points = [...starts, ...corners, lines[lines.length - 1]];
    return { id: g.getAttribute('data-id') || g.getAttribute('data-testid').replace('rf__edge-', ''), points, d };
  }))()`);
}

/** A node's box in flow coordinates (its wrapper's translate and size). */
function flowBox(id: string): Promise<Rect> {
  return page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((el: HTMLElement) => {
    const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(el.style.transform)!;
    return {
      x: Number(m[1]),
      y: Number(m[2]),
      width: parseFloat(el.style.width),
      height: parseFloat(el.style.height),
    };
  });
}

const articleEdges = (article as unknown as { edges: { id: string; from: string; to: string }[] })
  .edges;
const edgesOf = (id: string) => articleEdges.filter((e) => e.from === id || e.to === id);

/** Every straight piece is horizontal or vertical, and the route ends on the target's border. */
async function expectRouted(edgeIds: string[]) {
  await expect
    .poll(
      async () => {
        // Routed: every piece horizontal or vertical (an edge not routed yet is one slanted line).
        const drawn = await drawnEdges();
        return edgeIds.every((id) => {
          const points = drawn.find((e) => e.id === id)?.points;
          return (
            !!points &&
            points.every(
              (p, i) =>
                i === 0 ||
                Math.min(
                  Math.abs(p[0]! - points[i - 1]![0]!),
                  Math.abs(p[1]! - points[i - 1]![1]!),
                ) < 0.2,
            )
          );
        });
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  const drawn = await drawnEdges();
  for (const id of edgeIds) {
    const { points } = drawn.find((e) => e.id === id)!;
    for (let i = 1; i < points.length; i++) {
      const [dx, dy] = [points[i]![0]! - points[i - 1]![0]!, points[i]![1]! - points[i - 1]![1]!];
      expect(Math.min(Math.abs(dx), Math.abs(dy)), `${id} ${JSON.stringify(points)}`).toBeLessThan(
        0.2,
      );
    }
    const edge = articleEdges.find((e) => e.id === id)!;
    const target = await flowBox(edge.to);
    const [x, y] = points[points.length - 1]! as [number, number];
    const onX = x >= target.x - 0.5 && x <= target.x + target.width + 0.5;
    const onY = y >= target.y - 0.5 && y <= target.y + target.height + 0.5;
    const onBorder =
      (onX && (Math.abs(y - target.y) < 0.6 || Math.abs(y - target.y - target.height) < 0.6)) ||
      (onY && (Math.abs(x - target.x) < 0.6 || Math.abs(x - target.x - target.width) < 0.6));
    expect(onBorder, `${id} ends at ${x},${y}, target ${JSON.stringify(target)}`).toBe(true);
  }
}

describe('routed edges', () => {
  it('draws each edge along its orthogonal route to the target’s border, and re-routes a dragged node’s edges', async () => {
    await jumpTo('1956—1976年是日本确立核政策');
    // The box on the canvas is the laid-out box (nodeSize), text clipped inside it.
    const box = await flowBox('n35');
    expect(box.width).toBe(240);
    const rendered = (await page.locator('.react-flow__node[data-id="n35"]').boundingBox())!;
    const zoom = (await scene()).zoom;
    expect(rendered.height / zoom).toBeCloseTo(box.height, 0);
    // The whole map, so every neighbour of n35 (and every edge) is drawn.
    await page.getByTestId('overview').click();
    await settled();
    const ids = edgesOf('n35').map((e) => e.id);
    await expectRouted(ids);

    const before = new Map((await drawnEdges()).map((e) => [e.id, e.d]));
    const at = (await page.locator('.react-flow__node[data-id="n35"]').boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width / 2 + 30, at.y + at.height / 2 + 25, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => flowBox('n35').then((b) => b.x)).not.toBe(box.x);
    await expectRouted(ids);
    const after = new Map((await drawnEdges()).map((e) => [e.id, e.d]));
    for (const id of ids) expect(after.get(id)).not.toBe(before.get(id));
    // Moving a node is an edit (undoable).
    expect(await page.getByTestId('undo').isDisabled()).toBe(false);
  });
});

describe('group frames', () => {
  const frame = (id: string) => page.locator(`[data-testid="group"][data-group-id="${id}"]`);

  it('frames every section, titled at least 14 px on screen at the overview', async () => {
    const s = await settled();
    const groups = (article as unknown as { groups: { id: string; parent?: string }[] }).groups;
    expect(await page.getByTestId('group').count()).toBe(groups.length);
    const sizes = await page
      .locator('.group-frame[data-depth="0"] .group-title')
      .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(sizes).toHaveLength(groups.filter((g) => !g.parent).length);
    for (const size of sizes) expect(size * s.zoom).toBeGreaterThanOrEqual(14);
  });

  it('collapses a group to one box with its edges re-attached, expands it, and undoes', async () => {
    // Zoomed in on the section's top-left node, so its frame's ▾ is on screen.
    const members = (
      article as unknown as {
        nodes: { id: string; text: string; group?: string; position: { x: number; y: number } }[];
      }
    ).nodes.filter((n) => n.group === 'part1-1956');
    const corner0 = members.sort(
      (a, b) => a.position.x + a.position.y - (b.position.x + b.position.y),
    )[0]!;
    const toCorner = () => jumpTo(corner0.text.slice(0, 14));
    await toCorner();
    const corner = await page
      .locator('.react-flow__node[data-id="frame:part1-1956"]')
      .evaluate((el: HTMLElement) => el.style.transform);
    expect(await frame('part1-1956').getAttribute('data-collapsed')).toBe('false');

    await frame('part1-1956').getByTestId('group-toggle').click();
    await expect.poll(() => frame('part1-1956').getAttribute('data-collapsed')).toBe('true');
    expect(await page.locator('.react-flow__node[data-id="n35"]').count()).toBe(0);
    expect(await frame('part1-1956').textContent()).toContain(String(members.length));
    // Where the frame's top-left corner was.
    expect(
      await page
        .locator('.react-flow__node[data-id="group:part1-1956"]')
        .evaluate((el: HTMLElement) => el.style.transform),
    ).toBe(corner);
    // n35 → n17 now leaves the box (seen on the whole map, where every edge is drawn).
    await page.getByTestId('overview').click();
    await settled();
    await expect
      .poll(() => page.locator('[data-testid="rf__edge-merged:group:part1-1956>n17"]').count())
      .toBe(1);

    await page.getByTestId('undo').click();
    await expect.poll(() => frame('part1-1956').getAttribute('data-collapsed')).toBe('false');
    await expect.poll(() => page.locator('.react-flow__node[data-id="n35"]').count()).toBe(1);
    await toCorner();
    await frame('part1-1956').getByTestId('group-toggle').click();
    await expect.poll(() => frame('part1-1956').getAttribute('data-collapsed')).toBe('true');
    await frame('part1-1956').getByTestId('group-toggle').click();
    await expect.poll(() => frame('part1-1956').getAttribute('data-collapsed')).toBe('false');
  });

  it('makes a group of the selection, renames it and ungroups it, each undoable', async () => {
    await jumpTo('1956—1976年是日本确立核政策');
    const before = await page.getByTestId('group').count();
    await page.locator('.react-flow__node[data-id="n35"]').click();
    // Another node in view that nothing covers, the nearest to n35 (so the new frame, and its
    // title, stay in view).
    const other = await page.locator('.react-flow__node-arg').evaluateAll((els) => {
      const centre = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      };
      const n35 = centre(els.find((el) => el.getAttribute('data-id') === 'n35')!);
      return els
        .filter((el) => {
          const c = centre(el);
          const hit = document.elementFromPoint(c.x, c.y);
          return el.getAttribute('data-id') !== 'n35' && hit?.closest('.react-flow__node') === el;
        })
        .sort(
          (a, b) =>
            Math.hypot(centre(a).x - n35.x, centre(a).y - n35.y) -
            Math.hypot(centre(b).x - n35.x, centre(b).y - n35.y),
        )
        .map((el) => el.getAttribute('data-id')!);
    });
    await page
      .locator(`.react-flow__node[data-id="${other[0]}"]`)
      .click({ modifiers: ['Control'] });
    await page.getByTestId('group-selection').click();
    await expect.poll(() => page.getByTestId('group').count()).toBe(before + 1);
    const made = page.locator('[data-testid="group"]', { hasText: 'New group' });
    const id = (await made.getAttribute('data-group-id'))!;

    await frame(id).getByTestId('group-title').dblclick();
    await frame(id).getByTestId('group-title-input').fill('Early Cold War');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => frame(id).getByTestId('group-title').textContent())
      .toBe('Early Cold War');
    await page.getByTestId('undo').click();
    await expect.poll(() => frame(id).getByTestId('group-title').textContent()).toBe('New group');

    await frame(id).locator('.group-bar').hover();
    await frame(id).getByTestId('group-ungroup').click();
    await expect.poll(() => frame(id).count()).toBe(0);
    await page.getByTestId('undo').click();
    await expect.poll(() => frame(id).count()).toBe(1);
    await page.getByTestId('undo').click();
    await expect.poll(() => frame(id).count()).toBe(0);
    expect(await page.getByTestId('group').count()).toBe(before);
  });
});
