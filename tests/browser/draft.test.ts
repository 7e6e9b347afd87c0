/**
 * Issue 15's "done when" in the editor: the school-start text drafted in the new-map flow, its
 * proposals drawn apart (dashed, each with its cue), accepted one by one (each one undo step),
 * rejected, accepted all at once (one undo step), and the resulting map valid and back from
 * IndexedDB after a reload; and drafting a source of an open map proposes only what no node cites.
 * Real Chromium, real IndexedDB, real pointer and keys, both interface languages.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { freshPagePerTest } from './freshPage';
import { nodeFromText, pageIdle, viewSettled } from './helpers';
import { SCHOOL_START_TEXT } from '../fixtures/maps/schoolStart';
import type { ArgMap } from '../../src/model/schema';
import { validateMap } from '../../src/model/validate';
import { seriousViolations } from './axe';

const session = freshPagePerTest({ width: 1280, height: 800 });
let page: Page;
beforeEach(() => {
  page = session.page;
});

const mapNodes = () => page.locator('.react-flow__node-arg').count();
const items = () => page.getByTestId('draft-item');
const itemCount = () => items().count();
const currentItem = () => page.locator('[data-testid="draft-item"][aria-current="true"]');

/** The open map as its file (File › Map file), once saved: what the editor stored. */
async function savedMap(): Promise<ArgMap> {
  await expect
    .poll(() => page.getByTestId('save-state').getAttribute('class'))
    .toContain('save-saved');
  await page.getByTestId('file-menu').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  return JSON.parse(await readFile((await download.path())!, 'utf8')) as ArgMap;
}

/** The serious and critical accessibility violations (axe-core) in the page or inside `selector`. */
const scan = (selector?: string): Promise<string[]> => seriousViolations(page, selector);

/** Every node cites exactly the words it shows. */
function expectCitesItsText(map: ArgMap) {
  const source = map.sources[0]!;
  for (const node of map.nodes) {
    if (node.kind === 'inference') continue;
    const cited = node.refs
      .map((ref) => {
        const s = source.sentences.find((x) => x.id === ref.sentence)!;
        return source.text.slice(ref.start ?? s.start, ref.end ?? s.end);
      })
      .join(' ');
    expect(cited.replace(/\s+/g, ' ').trim()).toBe(node.text.replace(/\s+/g, ' ').trim());
  }
}

/** Creates a map from the school-start text, drafted or not, and waits for it to open. */
async function newSchoolMap(draft: boolean) {
  await page.getByTestId('toolbar-new-map').click();
  await page.getByTestId('new-map-text').fill(SCHOOL_START_TEXT);
  await page.getByTestId('new-map-title').fill('School start');
  await page.getByTestId('new-map-preview').locator('li').first().waitFor();
  if (draft) await page.getByTestId('new-map-draft').check();
  await page.getByTestId('create-map').click();
  await page.getByTestId('new-map-dialog').waitFor({ state: 'detached' });
  await page.locator('[data-sentence-id="s5"]').waitFor();
  // The new map's view set and the page quiet before a pointer selects text in it.
  await viewSettled(page);
  await pageIdle(page);
}

describe('drafting the school-start text in the new-map flow (English interface)', () => {
  it('shows the proposals apart, accepts and rejects them, each acceptance one undo step', async () => {
    await newSchoolMap(true);
    const review = page.getByTestId('draft-review');
    await review.waitFor();
    // Proposals only: nothing is in the map yet.
    expect(await mapNodes()).toBe(0);
    const proposals = page.getByTestId('draft-proposal');
    const drafted = await proposals.count();
    expect(drafted).toBeGreaterThanOrEqual(4);
    expect(await itemCount()).toBe(drafted);
    // Drawn apart: dashed, each with its cue; the cue words as in the text.
    const borders = await proposals.evaluateAll((els) =>
      els.map((el) => getComputedStyle(el).borderTopStyle),
    );
    expect(new Set(borders)).toEqual(new Set(['dashed']));
    const cues = await proposals.evaluateAll((els) =>
      els.map((el) => el.querySelector('[data-testid="draft-cue"]')?.textContent ?? ''),
    );
    expect(cues.every((c) => c.length > 0)).toBe(true);
    expect(cues).toContain('However');
    // Side by side, never a heap: no two proposals overlap.
    const boxes = await proposals.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(
          true,
        );

    // Accept the first with the pointer (its ✓), the next with Enter: one node each.
    const firstText = await items().first().locator('.draft-item-text').textContent();
    await items().first().getByTestId('draft-accept').click();
    await expect.poll(mapNodes).toBe(1);
    await expect.poll(itemCount).toBe(drafted - 1);
    await expect
      .poll(() => page.locator('.react-flow__node-arg').first().textContent())
      .toContain(firstText!.trim());
    await expect.poll(() => currentItem().count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('draft-item');
    await page.keyboard.press('Enter');
    await expect.poll(mapNodes).toBe(2);
    await expect.poll(itemCount).toBe(drafted - 2);

    // Undo takes back exactly one acceptance, and its proposal comes back; redo brings it in.
    await page.getByTestId('undo').click();
    await expect.poll(mapNodes).toBe(1);
    await expect.poll(itemCount).toBe(drafted - 1);
    await page.getByTestId('redo').click();
    await expect.poll(mapNodes).toBe(2);
    await expect.poll(itemCount).toBe(drafted - 2);

    // P goes to the next proposal; Delete rejects it (not an edit of the map).
    await currentItem().focus();
    const before = await currentItem().getAttribute('data-unit');
    await page.keyboard.press('p');
    await expect.poll(() => currentItem().getAttribute('data-unit')).not.toBe(before);
    const rejected = await currentItem().getAttribute('data-unit');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-unit')))
      .toBe(rejected);
    await page.keyboard.press('Delete');
    await expect.poll(itemCount).toBe(drafted - 3);
    expect(await mapNodes()).toBe(2);
    expect(
      await page.locator(`[data-testid="draft-proposal"][data-unit="${rejected}"]`).count(),
    ).toBe(0);

    // The draft survives switching views: the outline beside the canvas, and back.
    await page.getByTestId('outline-toggle').click();
    await page.getByRole('tree').waitFor();
    await page.getByTestId('outline-toggle').click();
    await expect.poll(itemCount).toBe(drafted - 3);
    expect(await proposals.count()).toBe(drafted - 3);

    // Accept all: the rest in one step; undo takes all of them back at once.
    const rest = drafted - 3;
    await page.getByTestId('draft-accept-all').click();
    await expect.poll(mapNodes).toBeGreaterThanOrEqual(2 + rest);
    await expect.poll(() => review.count()).toBe(0);
    const all = await mapNodes();
    await page.getByTestId('undo').click();
    await expect.poll(mapNodes).toBe(2);
    await expect.poll(itemCount).toBe(rest);
    await page.getByTestId('redo').click();
    await expect.poll(mapNodes).toBe(all);

    // The map is valid, cites exactly what it shows, and comes back from IndexedDB.
    const map = await savedMap();
    const valid = validateMap(map);
    expect(valid.ok, JSON.stringify(valid.ok ? [] : valid.problems)).toBe(true);
    expect(map.nodes.filter((n) => n.kind !== 'inference')).toHaveLength(drafted - 1);
    expectCitesItsText(map);
    expect(map.edges.length).toBeGreaterThan(0);
    // After acceptance the nodes are the map's: edited like any node.
    await page.reload();
    await expect.poll(mapNodes, { timeout: 20_000 }).toBe(all);
    expect(await page.getByTestId('draft-review').count()).toBe(0);
  });
});

describe('drafting a source of an open map (Chinese interface)', () => {
  it('proposes only the parts no node cites', async () => {
    await newSchoolMap(false);
    // The first sentence and half of the second are cited already.
    await nodeFromText(page, 's1', 0, 10, 'conclusion');
    const s1 = await page.locator('[data-sentence-id="s1"]').textContent();
    await page.getByTestId('language-switch').click();
    // The shortcut list names both drafting commands.
    await page.locator('.canvas').click({ position: { x: 200, y: 400 } });
    await page.keyboard.press('?');
    const sheet = page.locator('table.shortcuts');
    await sheet.waitFor();
    expect(await sheet.locator('[data-command="draftSource"]').textContent()).toBe(
      'Shift+D根据当前来源中尚无节点引用的部分起草论证图',
    );
    expect(await sheet.locator('[data-command="nextProposal"] kbd').textContent()).toBe('P');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await page.getByTestId('file-menu').click();
    const command = page.getByTestId('draft-source');
    expect(await command.textContent()).toBe('为未引用部分起草');
    await command.click();
    const review = page.getByTestId('draft-review');
    await review.waitFor();
    expect(await review.getAttribute('aria-label')).toBe('待审草稿');
    expect(await page.getByTestId('draft-accept-all').textContent()).toBe('全部接受');
    expect(await scan('[data-testid="draft-review"]')).toEqual([]);
    // The draft survives a reload of the tab (kept in its session, not in the map).
    const proposed = await itemCount();
    await page.reload();
    await review.waitFor({ timeout: 20_000 });
    expect(await itemCount()).toBe(proposed);
    expect(await page.getByTestId('draft-proposal').count()).toBe(proposed);
    const texts = await items().locator('.draft-item-text').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    // Nothing of what is cited ("Schools sh") is proposed again; the rest of s1 may be.
    for (const text of texts) expect(text.startsWith(s1!.slice(0, 10))).toBe(false);
    const source = SCHOOL_START_TEXT;
    for (const text of texts) {
      expect(source).toContain(text.trim());
      expect(source.indexOf(text.trim())).toBeGreaterThanOrEqual(10);
    }
    // Accepting all keeps the map valid.
    await page.getByTestId('draft-accept-all').click();
    await expect.poll(() => review.count()).toBe(0);
    const map = await savedMap();
    expect(validateMap(map).ok).toBe(true);
    expect(map.nodes.filter((n) => n.kind !== 'inference')).toHaveLength(1 + texts.length);
    expectCitesItsText(map);
  });
});
