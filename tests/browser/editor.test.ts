/**
 * The editor's flows in real Chromium over real IndexedDB, with real text selection and pointer
 * events: creating from the text, linking both ways, connecting and deleting on the canvas, the
 * inspector, layout, source correction, search, keyboard, library and languages.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import {
  dragSelect,
  ENGLISH_TEXT,
  newMapFromText,
  nodeFromText,
  nodeIds,
  viewSettled,
} from './helpers';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const sentence = (id: string) => page.locator(`[data-sentence-id="${id}"]`);

describe('new map from a pasted text, and nodes made from its sentences', () => {
  it('cleans and splits the text, then creates nodes citing exactly the selected span', async () => {
    await newMapFromText(page);
    expect(await page.locator('[data-sentence-id]').count()).toBe(5);
    expect(await sentence('s2').textContent()).toBe(
      'Trees cool streets by several degrees in summer.',
    );
    await expect.poll(() => nodeIds(page)).toEqual([]);

    // "Trees cool streets" — the first 18 characters of s2 — becomes an evidence node.
    const evidence = await nodeFromText(page, 's2', 0, 18, 'evidence');
    await node(evidence).click();
    expect(await page.getByTestId('node-text').inputValue()).toBe('Trees cool streets');
    expect(await page.getByTestId('node-refs').locator('blockquote').allTextContents()).toEqual([
      'Trees cool streets',
    ]);
    expect(await sentence('s2').getAttribute('data-highlighted')).toBe('true');

    // With the evidence selected, a whole sentence becomes the conclusion it is connected to.
    const whole = await sentence('s1').textContent();
    const conclusion = await nodeFromText(page, 's1', 0, whole!.length, 'conclusion');
    expect(await page.locator('.react-flow__edge').count()).toBe(1);
    await node(conclusion).click();
    expect(await page.getByTestId('node-kind').inputValue()).toBe('conclusion');

    // Hovering a cited sentence lights up the nodes citing it.
    await sentence('s2').hover();
    await expect
      .poll(() => node(evidence).locator('.arg-node').getAttribute('class'))
      .toContain('is-linked');
    await page.mouse.move(5, 400);
    await expect
      .poll(() => node(evidence).locator('.arg-node').getAttribute('class'))
      .not.toContain('is-linked');

    // Add a second passage as another ref of the selected node, then remove it.
    await dragSelect(page, 's3', 0, 5);
    await page.getByTestId('add-ref-from-selection').click();
    await expect.poll(() => page.getByTestId('node-refs').locator('li').count()).toBe(2);
    expect(await page.getByTestId('node-refs').locator('blockquote').nth(1).textContent()).toBe(
      'Shade',
    );
    await page.getByTestId('node-refs').getByRole('button', { name: 'Remove 2' }).click();
    await expect.poll(() => page.getByTestId('node-refs').locator('li').count()).toBe(1);

    // Everything is stored: after a reload the nodes, refs and edge are still there.
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');
    await page.reload();
    await page.waitForSelector(`.react-flow__node[data-id="${evidence}"]`);
    expect((await nodeIds(page)).sort()).toEqual([conclusion, evidence].sort());
  });

  it('refuses a selection that crosses a sentence boundary, saying why', async () => {
    await newMapFromText(page);
    const start = await sentence('s1').boundingBox();
    const end = await sentence('s2').boundingBox();
    await page.mouse.move(start!.x + start!.width / 2, start!.y + 5);
    await page.mouse.down();
    await page.mouse.move(end!.x + 20, end!.y + end!.height - 5, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.selection-bar .warning').count()).toBe(1);
    expect(await page.getByTestId('create-node-from-selection').count()).toBe(0);
  });
});

describe('linked both ways on the article map', () => {
  it('clicking a cited sentence selects the nodes citing it; hovering lights them up', async () => {
    const cited = page.locator('.sentence.is-cited').nth(5);
    const sentenceId = await cited.getAttribute('data-sentence-id');
    await cited.click();
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBeGreaterThan(0);
    const selected = await page
      .locator('.react-flow__node.selected')
      .first()
      .getAttribute('data-id');
    // The inspector is headed by the node's kind and text (its id in the tooltip).
    const head = page.getByTestId('inspector').locator('.inspector-head');
    await expect.poll(() => head.getAttribute('title')).toBe(selected);
    expect(await head.textContent()).toMatch(
      /^(Conclusion|Claim|Evidence|Objection|Rebuttal|Recommendation|Context): ./,
    );
    expect(await sentence(sentenceId!).getAttribute('data-highlighted')).toBe('true');
  });

  it('every one of twenty nodes spread over the map lights up the sentences it cites', async () => {
    // See the whole map (and fold the legend away), so every node can be clicked.
    await page.locator('.legend summary').click();
    await page.locator('.react-flow__controls-fitview').click();
    await viewSettled(page);
    // Nodes not covered by the minimap, controls or another node: what a user can click.
    const clickable = await page.locator('.react-flow__node').evaluateAll((els) =>
      els
        .filter((el) => {
          const box = el.getBoundingClientRect();
          const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
          return hit?.closest('.react-flow__node') === el;
        })
        .map((el) => el.getAttribute('data-id')!),
    );
    // At this zoom some small nodes overlap, so about 60 of the 150 are clickable; enough to
    // take twenty spread evenly over them (the same twenty every run).
    expect(clickable.length).toBeGreaterThanOrEqual(40);
    const step = clickable.length / 40;
    const ids = Array.from({ length: 40 }, (_, i) => clickable[Math.floor(i * step)]!);
    let checked = 0;
    for (const id of ids) {
      if (checked === 20) break;
      await node(id).click();
      const quotes = await page
        .getByTestId('inspector')
        .locator('.refs blockquote')
        .allTextContents();
      if (!quotes.length) continue; // an inference junction cites nothing
      const lit = await page.locator('[data-highlighted="true"]').allTextContents();
      for (const quote of quotes)
        expect(lit.some((sentenceText) => sentenceText.includes(quote))).toBe(true);
      checked++;
    }
    expect(checked).toBe(20);
  });
});

describe('canvas editing', () => {
  it('adds, connects by dragging a handle, changes the relation, deletes and undoes', async () => {
    await newMapFromText(page);
    const a = await nodeFromText(page, 's1', 0, 10, 'conclusion');
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    const b = await nodeFromText(page, 's4', 0, 12, 'objection');
    expect(await page.locator('.react-flow__edge').count()).toBe(0);

    // Drag from b's top (source) handle to a's bottom (target) handle with the mouse.
    await page.getByRole('button', { name: /Auto layout/ }).click();
    await page.locator('.legend summary').click(); // fold the legend away from the nodes
    await page.locator('.react-flow__controls-fitview').click();
    await viewSettled(page);
    const from = await node(b).locator('.react-flow__handle-top').boundingBox();
    const to = await node(a)
      .locator('.react-flow__handle-bottom:not(.arg-node-drop)')
      .boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);

    await node(b).click();
    // (The edge's fields also hold its scheme: the relation is the select so named.)
    const relation = page
      .getByTestId('inspector')
      .locator('.edges')
      .getByRole('combobox', { name: 'Relation' });
    await relation.selectOption('attacks');
    await expect.poll(() => page.locator('.react-flow__edge.edge-attacks').count()).toBe(1);

    await node(b).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeIds(page)).toEqual([a]);
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await nodeIds(page)).sort()).toEqual([a, b].sort());
    expect(await page.locator('.react-flow__edge.edge-attacks').count()).toBe(1);
  });

  it('keeps a node the user dragged where it was put when laying out again', async () => {
    await newMapFromText(page);
    const a = await nodeFromText(page, 's1', 0, 10, 'conclusion');
    const b = await nodeFromText(page, 's2', 0, 10, 'evidence');
    const box = await node(a).boundingBox();
    await page.mouse.move(box!.x + 40, box!.y + 30);
    await page.mouse.down();
    await page.mouse.move(box!.x + 240, box!.y + 180, { steps: 10 });
    await page.mouse.up();
    const dragged = await node(a).getAttribute('style');
    const placed = await node(b).getAttribute('style');
    await page.getByTestId('auto-layout').click();
    // The layout ran (the node placed automatically moved) and left the dragged one alone.
    await expect.poll(() => node(b).getAttribute('style'), { timeout: 20_000 }).not.toBe(placed);
    expect(await node(a).getAttribute('style')).toBe(dragged);
  });
});

describe('inspector', () => {
  it('edits note (Markdown shown as text, never as HTML), tags, rating, English rendering', async () => {
    await newMapFromText(page);
    const id = await nodeFromText(page, 's2', 0, 18, 'evidence');
    await node(id).click();
    await page
      .getByTestId('node-note')
      .fill('**Strong** study <img src=x onerror="window.__pwned=1"> [site](javascript:alert(1))');
    await expect
      .poll(() => page.getByTestId('note-view').locator('strong').textContent())
      .toBe('Strong');
    expect(await page.getByTestId('note-view').textContent()).toContain(
      '<img src=x onerror="window.__pwned=1">',
    );
    expect(await page.getByTestId('note-view').locator('img').count()).toBe(0);
    expect(await page.getByTestId('note-view').locator('a[href^="javascript"]').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();

    await page.getByTestId('node-tags').fill('climate, cost');
    await page.getByTestId('node-english').click();
    await page.getByTestId('node-english').fill('Trees cool the street');
    await page.getByTestId('inspector').getByRole('radio', { name: '4' }).check();
    await expect.poll(() => node(id).locator('.arg-node-rating').textContent()).toBe('★★★★');
    await page.getByTestId('label-language').selectOption('en');
    await expect
      .poll(() => node(id).locator('.arg-node-text').textContent())
      .toBe('Trees cool the street');
    await page.getByTestId('search-input').fill('climate');
    await expect
      .poll(() => page.getByTestId('search-results').textContent())
      .toContain('Trees cool streets');
  });
});

describe('correcting a source', () => {
  it('re-anchors spans by their quote and flags a ref whose text is gone', async () => {
    await newMapFromText(page);
    const kept = await nodeFromText(page, 's2', 0, 18, 'evidence');
    const lost = await nodeFromText(page, 's4', 0, 12, 'objection');
    await page.getByRole('button', { name: 'Correct text' }).click();
    const editor = page.getByTestId('source-text-editor');
    const text = await editor.inputValue();
    await editor.fill(`Introduction. ${text.replace('Critics say', 'Some people argue')}`);
    await page.getByTestId('save-source').click();
    await expect.poll(() => page.getByTestId('unanchored-list').textContent()).toContain(lost);
    await page.getByRole('button', { name: 'Close' }).click();
    await node(kept).click();
    expect(await page.getByTestId('node-refs').locator('blockquote').allTextContents()).toEqual([
      'Trees cool streets',
    ]);
    expect(await page.locator('[data-highlighted="true"]').first().textContent()).toContain(
      'Trees cool streets',
    );
    await expect.poll(() => node(lost).locator('.arg-node-warning').count()).toBe(1);
  });
});

describe('search, keyboard, library and languages', () => {
  it('finds a node by text and jumps to it with the keyboard', async () => {
    await newMapFromText(page);
    const id = await nodeFromText(page, 's5', 4, 11, 'rebuttal');
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('/');
    await page.keyboard.type('savings');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.react-flow__node.selected').getAttribute('data-id'))
      .toBe(id);
  });

  it('shows the shortcut list on ?, adds a node with N and moves between nodes with arrows', async () => {
    await newMapFromText(page);
    const a = await nodeFromText(page, 's1', 0, 10, 'conclusion');
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await node(a).click();
    await page.keyboard.press('n');
    await expect.poll(async () => (await nodeIds(page)).length).toBe(2);
    const b = (await nodeIds(page)).find((id) => id !== a)!;
    expect(await page.locator('.react-flow__edge').count()).toBe(1);
    // The caret is in the new node's text; Esc gives the focus back to the node.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid))
      .toBe('node-text');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() => page.locator('.react-flow__node.selected').getAttribute('data-id'))
      .toBe(a);
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.locator('.react-flow__node.selected').getAttribute('data-id'))
      .toBe(b);
    await page.keyboard.press('?');
    await expect
      .poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible())
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count())
      .toBe(0);
  });

  it('lists maps last opened first; renames, duplicates and deletes with confirmation', async () => {
    await newMapFromText(page);
    await page.getByRole('button', { name: 'Map library' }).click();
    const library = page.getByTestId('map-library');
    const titles = () => library.locator('.library-open strong').allTextContents();
    expect((await titles())[0]).toBe('Street trees');
    expect(await titles()).toHaveLength(2);

    const item = library.locator('li', { hasText: 'Street trees' });
    await item.getByRole('button', { name: 'Rename' }).click();
    await library.getByRole('textbox', { name: 'Title' }).fill('Urban forest');
    await library.getByRole('button', { name: 'OK' }).click();
    await expect.poll(titles).toContain('Urban forest');

    await library
      .locator('li', { hasText: 'Urban forest' })
      .getByRole('button', { name: 'Duplicate' })
      .click();
    await expect.poll(() => page.locator('.toolbar h1').textContent()).toBe('Urban forest (copy)');
    await expect.poll(titles).toHaveLength(3);

    page.once('dialog', (dialog) => void dialog.accept());
    await library
      .locator('li', { hasText: 'Urban forest (copy)' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect.poll(titles).toHaveLength(2);
    await page.reload();
    await page.waitForSelector('.toolbar h1');
    await page.getByRole('button', { name: 'Map library' }).click();
    expect(await titles()).not.toContain('Urban forest (copy)');
  });

  it('switches the interface to Chinese and keeps pane widths across a reload', async () => {
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('auto-layout').textContent()).toBe('自动布局');
    const splitter = page.getByRole('separator').first();
    const box = await splitter.boundingBox();
    await page.mouse.move(box!.x + 3, box!.y + 200);
    await page.mouse.down();
    await page.mouse.move(box!.x + 103, box!.y + 200, { steps: 5 });
    await page.mouse.up();
    const width = await page
      .getByTestId('source-pane')
      .evaluate((el) => el.getBoundingClientRect().width);
    await page.reload();
    await page.waitForSelector('.react-flow__node');
    expect(await page.getByTestId('auto-layout').textContent()).toBe('自动布局');
    expect(
      await page.getByTestId('source-pane').evaluate((el) => el.getBoundingClientRect().width),
    ).toBe(width);
  });
});

export { ENGLISH_TEXT };

describe('folding and focus', () => {
  it('folds a node’s premises into a count, focuses on one branch, and shows the whole map again', async () => {
    const top = page.locator('.react-flow__node:has([data-kind="conclusion"])').first();
    const topId = (await top.getAttribute('data-id'))!;
    await top.click();
    const premiseId = (await page
      .getByTestId('inspector')
      .locator('.edges li button.link')
      .first()
      .getAttribute('data-node-id'))!;
    await page.getByRole('button', { name: 'Fold premises' }).click();
    await expect
      .poll(() => node(topId).locator('.arg-node-fold').textContent())
      .toMatch(/^\+\d+ folded$/);
    expect(await node(premiseId).count()).toBe(0);
    await page.getByRole('button', { name: 'Unfold' }).click();
    await page.getByTestId('inspector').locator('.edges li button.link').first().click();
    await expect.poll(() => node(premiseId).count()).toBe(1);

    // Focus on the premise's branch: the conclusion above it leaves the canvas.
    await page.getByRole('button', { name: 'Focus on branch' }).click();
    await expect.poll(() => node(topId).count()).toBe(0);
    expect(await node(premiseId).count()).toBe(1);
    await page.getByRole('button', { name: 'Show whole map' }).click();
    await node(premiseId).click();
    await page.getByTestId('inspector').locator('.edges li button.link').last().click();
    await expect.poll(() => node(topId).count()).toBe(1);
  });
});

describe('no script from a map', () => {
  it('shows markup in a text and its nodes literally, under a Content-Security-Policy', async () => {
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    const payload =
      'Claim <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script> end.';
    await newMapFromText(page, payload, '<b>bold</b> title');
    expect(await page.locator('.toolbar h1').textContent()).toBe('<b>bold</b> title');
    expect(await sentence('s1').textContent()).toBe(payload);
    const id = await nodeFromText(page, 's1', 0, payload.length, 'claim');
    expect(await node(id).locator('.arg-node-text').textContent()).toBe(payload);
    expect(
      await page.locator('.react-flow__node img, [data-testid="source-pane"] img').count(),
    ).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
  });
});
