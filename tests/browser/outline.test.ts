/**
 * The outline view in real Chromium on the article's map: tree semantics, real key presses for
 * navigation, inline editing, restructuring with undo, selection synced both ways with the
 * canvas, the Chinese interface, and the empty state.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { newMapFromText } from './helpers';
import { buildOutline, siblingsOf, visibleItems } from '../../src/model/outline';
import type { ArgMap } from '../../src/model/schema';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const article = JSON.parse(
  readFileSync(resolve(__dirname, '../../maps/us-japan-nuclear-sharing.argmap.json'), 'utf8'),
) as ArgMap;
const items = buildOutline(article);
const textOf = (id: string) => article.nodes.find((n) => n.id === id)!.text;
const labelOf = (id: string) => article.nodes.find((n) => n.id === id)!.label ?? textOf(id);

const tree = () => page.getByTestId('outline-view');
const row = (key: string) => page.locator(`.outline-row[data-key="${key}"]`);
const focusedKey = () =>
  page.evaluate(() => document.activeElement?.getAttribute('data-key') ?? null);
const selectedOnCanvas = () =>
  page.locator('.react-flow__node.selected').evaluateAll((els) => els.map((e) => e.dataset.id));

async function openOutline() {
  await page.getByTestId('outline-toggle').click();
  await tree().waitFor();
}

describe('the outline of the article map', () => {
  it('is a tree of every node, nested by relation, with repeats marked', async () => {
    await openOutline();
    expect(await tree().getAttribute('role')).toBe('tree');
    const rows = await tree()
      .getByRole('treeitem')
      .evaluateAll((els) =>
        els.map((e) => ({
          node: e.getAttribute('data-node-id'),
          level: e.getAttribute('aria-level'),
          expanded: e.getAttribute('aria-expanded'),
          tabindex: e.getAttribute('tabindex'),
          repeat: e.querySelector('.outline-repeat') !== null,
        })),
      );
    expect(rows.map((r) => [r.node, Number(r.level)])).toEqual(
      items.map((i) => [i.nodeId, i.depth + 1]),
    );
    expect(new Set(rows.map((r) => r.node)).size).toBe(article.nodes.length);
    expect(rows.map((r) => r.repeat)).toEqual(items.map((i) => i.repeat));
    expect(rows.map((r) => r.expanded)).toEqual(
      items.map((i) => (i.childCount > 0 ? 'true' : null)),
    );
    expect(rows.filter((r) => r.tabindex === '0')).toHaveLength(1);
    expect(rows[0]).toMatchObject({ node: 'n1', level: '1', tabindex: '0' });
    const first = row('root:n1');
    // The thesis has a short label, which the outline shows instead of its text.
    expect(await first.locator('.outline-label').textContent()).toBe(labelOf('n1'));
    const attack = items.find((i) => i.relation === 'attacks')!;
    expect(await row(attack.key).locator('.outline-relation').textContent()).toBe('attacks');

    // With English labels, rows show the English rendering.
    await page.getByTestId('label-language').selectOption('en');
    await expect
      .poll(() => first.locator('.outline-label').textContent())
      .toBe(article.nodes[0]!.translations!.en);

    // O hides and shows it again (with the focus outside any text field).
    await page.locator('.toolbar h1').click();
    await page.keyboard.press('o');
    await expect.poll(() => tree().count()).toBe(0);
    await page.keyboard.press('o');
    await expect.poll(() => tree().count()).toBe(1);
  });

  it('moves with the arrow keys, Home and End, folding and unfolding, and selects on the canvas', async () => {
    await openOutline();
    await row('root:n1').click();
    await expect.poll(selectedOnCanvas).toEqual(['n1']);
    const second = items[1]!;
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedKey).toBe(second.key);
    expect(await row(second.key).getAttribute('aria-selected')).toBe('true');
    expect(await row(second.key).getAttribute('tabindex')).toBe('0');
    expect(await row('root:n1').getAttribute('tabindex')).toBe('-1');
    // The tree has the arrows: the canvas's own arrow navigation did not move the selection too.
    await expect.poll(selectedOnCanvas).toEqual([second.nodeId]);

    // The second row has premises: ← folds them, → unfolds, ← folds again, ← goes to the parent.
    expect(second.childCount).toBeGreaterThan(0);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => row(second.key).getAttribute('aria-expanded')).toBe('false');
    await expect.poll(focusedKey).toBe(second.key);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => row(second.key).getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(focusedKey).toBe('root:n1');
    await page.keyboard.press('ArrowLeft'); // folds the thesis
    await expect.poll(() => row('root:n1').getAttribute('aria-expanded')).toBe('false');
    const shown = visibleItems(items, new Set(['root:n1']));
    await expect.poll(() => tree().getByRole('treeitem').count()).toBe(shown.length);
    expect(await row(second.key).count()).toBe(0);
    await page.keyboard.press('End');
    await expect.poll(focusedKey).toBe(shown.at(-1)!.key);
    await page.keyboard.press('Home');
    await expect.poll(focusedKey).toBe('root:n1');
    await page.keyboard.press('ArrowRight'); // unfolds, the second row still folded
    await expect
      .poll(() => tree().getByRole('treeitem').count())
      .toBe(visibleItems(items, new Set([second.key])).length);
    await page.keyboard.press('ArrowRight'); // to the first child
    await expect.poll(focusedKey).toBe(second.key);
    await expect.poll(selectedOnCanvas).toEqual([second.nodeId]);
    // The rows scroll inside the panel; the page itself never grows or scrolls.
    expect(
      await page.evaluate(() => {
        const html = document.documentElement;
        return [html.scrollHeight - html.clientHeight, html.scrollTop];
      }),
    ).toEqual([0, 0]);
  });

  it('edits a node’s text inline with Enter, cancels with Esc, and re-attaches with Tab (undoable)', async () => {
    await openOutline();
    const children = siblingsOf(items, 'root:n1');
    const item = children[1]!;
    const previous = children[0]!;
    await row(item.key).click();
    await page.keyboard.press('Enter');
    const input = page.getByTestId('outline-edit');
    await expect.poll(() => input.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await input.inputValue()).toBe(textOf(item.nodeId));
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Edited in the outline 大纲');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => row(item.key).locator('.outline-label').textContent())
      .toBe('Edited in the outline 大纲');
    await expect.poll(focusedKey).toBe(item.key);
    await expect
      .poll(() => page.locator(`.react-flow__node[data-id="${item.nodeId}"]`).textContent())
      .toContain('Edited in the outline 大纲');
    expect(await page.getByTestId('node-text').inputValue()).toBe('Edited in the outline 大纲');

    // Esc leaves the text as it was and gives the focus back to the row.
    await page.keyboard.press('Enter');
    await page.keyboard.type(' and more');
    await page.keyboard.press('Escape');
    await expect.poll(() => input.count()).toBe(0);
    await expect.poll(focusedKey).toBe(item.key);
    expect(await row(item.key).locator('.outline-label').textContent()).toBe(
      'Edited in the outline 大纲',
    );

    // Tab: under the previous sibling, one level deeper, right after it and its subtree.
    await page.keyboard.press('Tab');
    await expect.poll(() => row(item.key).getAttribute('aria-level')).toBe('3');
    await expect.poll(focusedKey).toBe(item.key);
    const parentOf = () =>
      row(item.key).evaluate((el) => {
        let prev = el.previousElementSibling;
        while (prev && prev.getAttribute('aria-level') !== '2') prev = prev.previousElementSibling;
        return prev?.getAttribute('data-node-id');
      });
    expect(await parentOf()).toBe(previous.nodeId);

    // One Ctrl+Z takes back the move only; a second one the text.
    await page.keyboard.press('Control+z');
    await expect.poll(() => row(item.key).getAttribute('aria-level')).toBe('2');
    expect(await row(item.key).locator('.outline-label').textContent()).toBe(
      'Edited in the outline 大纲',
    );
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => row(item.key).locator('.outline-label').textContent())
      .toBe(textOf(item.nodeId));
  });

  it('Shift+Tab moves a node up a level and Alt+arrows reorder siblings', async () => {
    await openOutline();
    const deep = items.find(
      (i) => i.depth === 2 && !i.repeat && siblingsOf(items, i.parentKey).length > 1,
    )!;
    await row(deep.key).click();
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => row(deep.key).getAttribute('aria-level')).toBe('2');
    await expect.poll(focusedKey).toBe(deep.key);
    await page.keyboard.press('Control+z');
    await expect.poll(() => row(deep.key).getAttribute('aria-level')).toBe('3');

    const pair = siblingsOf(items, 'root:n1').filter((i) => i.relation === 'supports');
    const [a, b] = [pair[0]!, pair[1]!];
    const order = () =>
      tree()
        .locator('.outline-row[aria-level="2"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    const before = await order();
    expect(before.indexOf(a.key)).toBeLessThan(before.indexOf(b.key));
    await row(b.key).click();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await order()).indexOf(b.key)).toBe(before.indexOf(a.key));
    await expect.poll(focusedKey).toBe(b.key);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(order).toEqual(before);
  });

  it('follows a node chosen on the canvas: selects its row and scrolls to it', async () => {
    await openOutline();
    const index = new Map(items.filter((i) => !i.repeat).map((i, n) => [i.nodeId, n]));
    // A node on the canvas that can be clicked, the one furthest down the outline.
    const target = await page.locator('.react-flow__node').evaluateAll((els, order) => {
      const hits = els.flatMap((el) => {
        const box = el.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        const top = document.elementFromPoint(x, y);
        return top && el.contains(top) ? [{ id: (el as HTMLElement).dataset.id!, x, y }] : [];
      });
      hits.sort((p, q) => (order[q.id] ?? 0) - (order[p.id] ?? 0));
      return hits[0]!;
    }, Object.fromEntries(index));
    expect(index.get(target.id)!).toBeGreaterThan(30);
    const key = items.find((i) => i.nodeId === target.id)!.key;
    const inView = () =>
      row(key).evaluate((el) => {
        const pane = el.closest('.outline-pane')!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        // Scroll offsets are whole pixels, rows are not: allow one pixel.
        return box.top >= pane.top - 1 && box.bottom <= pane.bottom + 1;
      });
    expect(await inView()).toBe(false);
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => row(key).getAttribute('aria-selected')).toBe('true');
    await expect.poll(inView).toBe(true);
    expect(await row(key).getAttribute('tabindex')).toBe('0');
  });

  it('speaks Chinese, keeps its place across a reload, and says when a map has no nodes', async () => {
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('outline-toggle').textContent()).toContain('大纲');
    await openOutline();
    expect(await tree().getAttribute('aria-label')).toBe('大纲');
    for (const [relation, word] of [
      ['supports', '支持'],
      ['attacks', '攻击'],
      ['elaborates', '阐述'],
    ] as const) {
      const item = items.find((i) => i.relation === relation)!;
      expect(await row(item.key).locator('.outline-relation').textContent()).toBe(word);
    }
    // The attack relation is not the rebuttal kind's word.
    const rebuttal = article.nodes.find((n) => n.kind === 'rebuttal')!;
    const rebuttalRow = row(items.find((i) => i.nodeId === rebuttal.id)!.key);
    expect(await rebuttalRow.locator('.outline-kind').textContent()).toBe('反驳');

    // Its width follows its divider (by keyboard here) and is kept across a reload.
    const paneWidth = () =>
      page.getByTestId('outline-pane').evaluate((el) => el.getBoundingClientRect().width);
    const width = await paneWidth();
    await page.getByRole('separator', { name: '大纲' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(paneWidth).toBe(width + 40);

    await page.reload();
    await tree().waitFor();
    expect(await paneWidth()).toBe(width + 40);
    await newMapFromText(page);
    await expect
      .poll(() => page.getByTestId('outline-empty').textContent())
      .toContain('还没有节点');
    expect(await tree().count()).toBe(0);
  });
});
