/**
 * Going from a selected edge straight to a selected node, on the article map (which has section
 * frames around its nodes): the canvas keeps rendering and the node ends up selected. This used to
 * crash the canvas ("Maximum update depth exceeded" in React Flow's StoreUpdater).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const selectedNodes = () =>
  page.locator('.react-flow__node.selected').evaluateAll((els) => els.map((e) => e.dataset.id));
const selectedEdges = () =>
  page.locator('.react-flow__edge.selected').evaluateAll((els) => els.map((e) => e.dataset.id));
const edgeInspector = (id: string) =>
  page.locator(`[data-testid="edge-inspector"][data-edge-id="${id}"]`);

/** The canvas still shows the map and its frames, with no error screen. */
async function canvasAlive() {
  expect(await page.getByText('Something went wrong').count()).toBe(0);
  expect(await page.locator('.react-flow__node[data-id^="n"]').count()).toBeGreaterThan(0);
  expect(await page.locator('[data-testid="group"]').count()).toBeGreaterThan(0);
  expect(session.errors).toEqual([]);
}

describe('from a selected edge to a node', () => {
  it('by keyboard: the edge Tab stop, then the inspector From link', async () => {
    await page.waitForSelector('[data-testid="group"]');
    await page.locator('[data-testid="edge-tabs"] button[data-edge-id="e1"]').focus();
    await edgeInspector('e1').waitFor();
    await expect.poll(selectedEdges).toEqual(['e1']);
    await edgeInspector('e1').getByTestId('edge-from').click();
    await expect.poll(selectedNodes).toEqual(['n2']);
    await expect.poll(selectedEdges).toEqual([]);
    await expect
      .poll(() => page.getByTestId('inspector').locator('.inspector-head').getAttribute('title'))
      .toBe('n2');
    await canvasAlive();
    // And on to the edge again, then its other end.
    await page.locator('[data-testid="edge-tabs"] button[data-edge-id="e1"]').focus();
    await edgeInspector('e1').waitFor();
    await edgeInspector('e1').getByTestId('edge-to').click();
    await expect.poll(selectedNodes).toEqual(['n1']);
    await canvasAlive();
  });

  it('by mouse: a click on an edge, then on the To link', async () => {
    await page.waitForSelector('[data-testid="group"]');
    // An edge whose drawn route can be clicked where it is (in view, not under a node or panel).
    const hit = await page.locator('.react-flow__edge').evaluateAll((els) => {
      for (const el of els) {
        const path = el.querySelector<SVGPathElement>('path.react-flow__edge-path');
        if (!path) continue;
        const at = path.getPointAtLength(path.getTotalLength() / 2);
        const m = path.getScreenCTM()!;
        const point = { x: at.x * m.a + m.e, y: at.y * m.d + m.f };
        const over = document.elementFromPoint(point.x, point.y);
        if (over?.closest('.react-flow__edge') === el)
          return { id: el.getAttribute('data-id')!, to: el.getAttribute('data-to')!, ...point };
      }
      return null;
    });
    expect(hit).not.toBeNull();
    const { id, to, x, y } = hit!;
    await page.mouse.click(x, y);
    await edgeInspector(id).waitFor();
    await expect.poll(selectedEdges).toEqual([id]);
    await edgeInspector(id).getByTestId('edge-to').click();
    await expect.poll(selectedNodes).toEqual([to]);
    await expect.poll(selectedEdges).toEqual([]);
    await canvasAlive();
  });

  it('from the store: selecting a node while an edge is selected (the outline)', async () => {
    await page.waitForSelector('[data-testid="group"]');
    await page.locator('[data-testid="edge-tabs"] button[data-edge-id="e1"]').focus();
    await edgeInspector('e1').waitFor();
    await page.getByTestId('outline-toggle').click();
    await page.locator('.outline-row[data-node-id="n3"]').first().click();
    await expect.poll(selectedNodes).toEqual(['n3']);
    await expect.poll(selectedEdges).toEqual([]);
    await canvasAlive();
  });
});

describe('a click on the node just left', () => {
  it('selects it, even before the canvas has taken the new selection', async () => {
    await page.waitForSelector('[data-testid="group"]');
    await page.locator('.react-flow__node[data-id="n2"]').click();
    await expect.poll(selectedNodes).toEqual(['n2']);
    // The selection moves on (the outline selects another node), and in the same moment, before
    // the canvas has re-rendered, the node left behind is clicked.
    await page.getByTestId('outline-toggle').click();
    const other = page.locator('[data-testid="outline-pane"] [data-node-id="n1"]').first();
    await other.waitFor();
    await page.evaluate(() => {
      document
        .querySelector<HTMLElement>('[data-testid="outline-pane"] [data-node-id="n1"]')!
        .click();
      document
        .querySelector<HTMLElement>('.react-flow__node[data-id="n2"] .arg-node-text')!
        .click();
    });
    await expect.poll(selectedNodes).toEqual(['n2']);
    await expect
      .poll(() => page.getByTestId('inspector').locator('.inspector-head').getAttribute('title'))
      .toBe('n2');
    await canvasAlive();
  });
});
