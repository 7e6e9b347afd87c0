/**
 * Teaching with the editor (#13), in real Chromium on the article's map: named tours made,
 * renamed, reordered by keyboard and deleted in the inspector, with undo, kept across a reload;
 * argumentation schemes chosen on an edge with their critical questions in both languages, a
 * question turned into an objection (and taken back with Ctrl+Z), the scheme's mark on the
 * canvas; and the schemes of AIF files from AIFdb shown in the inspector after import (the shared
 * fixtures, skipped with a notice where ../shared/fixtures is absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { findScheme } from '../../src/model/schemes';
import { buildOutline } from '../../src/model/outline';
import { importAif } from '../../src/io/importAif';
import type { ArgMap } from '../../src/model/schema';

const session = freshPagePerTest({ width: 1440, height: 900 });
let page: Page;
beforeEach(() => {
  page = session.page;
});

const article = JSON.parse(
  readFileSync(resolve(__dirname, '../../maps/us-japan-nuclear-sharing.argmap.json'), 'utf8'),
) as ArgMap;
const outlineOrder = [...new Set(buildOutline(article).map((item) => item.nodeId))];

const tourEditor = () => page.getByTestId('tour-editor');
const stopIds = () =>
  page
    .getByTestId('tour-list')
    .locator('li')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')!));
const tourOptions = () =>
  page
    .getByTestId('tour-select')
    .locator('option')
    .evaluateAll((els) => els.map((e) => `${(e as HTMLOptionElement).value}=${e.textContent}`));

/** Selects an edge as the keyboard does (its hidden Tab stop), and waits for its inspector. */
async function selectEdge(id: string) {
  await page.locator(`[data-testid="edge-tabs"] button[data-edge-id="${id}"]`).focus();
  await page.locator(`[data-testid="edge-inspector"][data-edge-id="${id}"]`).waitFor();
}

async function saved() {
  await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/^(Saved|已保存)$/);
}

describe('named tours in the inspector', () => {
  it('makes, renames, reorders by keyboard and deletes a tour, with undo, and keeps it across a reload', async () => {
    await page.waitForSelector('.react-flow__node');
    await tourEditor().waitFor();
    // The article ships its lesson (the default, first) and the full walk-through.
    expect(await tourOptions()).toEqual([
      'lesson=Lesson: the argument in 25 stops · 25 (default)',
      't1=Walk-through · 146',
    ]);

    // A new tour of every node in outline order.
    await tourEditor().locator('.tour-new summary').click();
    await page.getByTestId('new-tour-title').fill('Class one');
    await page.getByTestId('new-tour-from').selectOption('outline');
    await page.getByTestId('create-tour').click();
    await expect.poll(() => page.getByTestId('tour-select').inputValue()).toBe('t3');
    expect(await stopIds()).toEqual(outlineOrder);

    // Renamed: the select names it so at once.
    await page.getByTestId('tour-title').fill('Class two');
    await expect.poll(tourOptions).toContain(`t3=Class two · ${outlineOrder.length}`);

    // Alt+↓ on the focused first stop moves it down; the focus goes with it.
    const [a, b, c] = outlineOrder as [string, string, string];
    await page.locator('[data-stop-index="0"] .tour-stop').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await stopIds()).slice(0, 3)).toEqual([b, a, c]);
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest('li')?.getAttribute('data-stop-index'),
      ),
    ).toBe('1');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await stopIds()).slice(0, 3)).toEqual([b, c, a]);
    // Alt+↑ back up once; Delete removes the focused stop.
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await stopIds()).slice(0, 3)).toEqual([b, a, c]);
    // Undo takes back the last move.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await stopIds()).slice(0, 3)).toEqual([b, c, a]);
    await page.locator('[data-stop-index="1"] .tour-stop').focus();
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await stopIds()).slice(0, 2)).toEqual([b, a]);
    expect(await stopIds()).toHaveLength(outlineOrder.length - 1);

    // Deleted, then brought back by the notice's Undo.
    await page.getByTestId('tour-delete').click();
    await expect.poll(tourOptions).toHaveLength(2);
    const notice = tourEditor().getByRole('status');
    expect(await notice.textContent()).toContain('Deleted the tour “Class two”.');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(tourOptions).toContain(`t3=Class two · ${outlineOrder.length - 1}`);

    // Made the default: first in the list, so presentation starts with it.
    await page.getByTestId('tour-select').selectOption('t3');
    await page.getByTestId('tour-make-default').click();
    await expect
      .poll(async () => (await tourOptions())[0])
      .toBe(`t3=Class two · ${outlineOrder.length - 1} (default)`);

    // Stored: after a reload the tour is there, first, with its stops in their new order.
    await saved();
    await page.reload();
    await tourEditor().waitFor();
    expect(await tourOptions()).toEqual([
      `t3=Class two · ${outlineOrder.length - 1} (default)`,
      'lesson=Lesson: the argument in 25 stops · 25',
      't1=Walk-through · 146',
    ]);
    expect((await stopIds()).slice(0, 3)).toEqual([b, a, outlineOrder[3]]);
  });
});

for (const language of ['en', 'zh'] as const) {
  describe(`schemes and critical questions (${language} interface)`, () => {
    it('shows an edge’s scheme with its critical questions, marks it on the canvas, and turns a question into an objection', async () => {
      await page.waitForSelector('.react-flow__node');
      if (language === 'zh') await page.getByTestId('language-switch').click();
      const scheme = findScheme('ExpertOpinion')!;
      const edge = article.edges.find((e) => e.id === 'e2')!;
      await selectEdge('e2');
      const inspector = page.getByTestId('edge-inspector');
      expect(await inspector.getByTestId('scheme-select').inputValue()).toBe('');
      expect(await inspector.getByTestId('critical-questions').count()).toBe(0);
      // The catalog's names, in the interface's language.
      expect(
        await inspector.getByTestId('scheme-select').locator('option').nth(2).textContent(),
      ).toBe(findScheme('PositionToKnow')!.title[language]);

      await inspector.getByTestId('scheme-select').selectOption('ExpertOpinion');
      const questions = inspector.getByTestId('critical-questions').locator('.question');
      await expect
        .poll(() => questions.allTextContents())
        .toEqual(scheme.questions.map((q) => q[language]));

      // The mark on the canvas, in the interface's language, and in the legend.
      const mark = page.locator(
        '.react-flow__edgelabel-renderer [data-testid="scheme-badge"][data-scheme="ExpertOpinion"]',
      );
      await expect.poll(() => mark.count()).toBe(1);
      expect(await mark.textContent()).toBe(language === 'zh' ? '专家' : 'Expert');
      expect(await page.getByTestId('legend-schemes').textContent()).toContain(
        scheme.title[language],
      );

      // Question 2 becomes an objection to the conclusion, selected at once.
      await inspector.locator('[data-question="1"]').getByTestId('question-objection').click();
      const head = page.getByTestId('inspector').locator('.inspector-head');
      await expect.poll(() => head.textContent()).toContain(scheme.questions[1]![language]);
      const made = (await head.getAttribute('title'))!;
      const attack = page.locator(`.react-flow__edge[data-from="${made}"][data-to="${edge.to}"]`);
      await expect.poll(() => attack.count()).toBe(1);
      expect(await attack.getAttribute('class')).toContain('edge-attacks');
      expect(await page.getByTestId('node-kind').inputValue()).toBe('objection');

      // Ctrl+Z takes the objection back, node and edge; the scheme stays.
      await page.keyboard.press('Control+z');
      await expect.poll(() => attack.count()).toBe(0);
      await expect.poll(() => page.locator(`.react-flow__node[data-id="${made}"]`).count()).toBe(0);
      await selectEdge('e2');
      expect(await inspector.getByTestId('scheme-select').inputValue()).toBe('ExpertOpinion');
      // Undo once more: no scheme, no mark.
      await page.keyboard.press('Control+z');
      await expect.poll(() => inspector.getByTestId('scheme-select').inputValue()).toBe('');
      await expect.poll(() => mark.count()).toBe(0);
    });
  });
}

const aifDir = resolve(__dirname, '../../../shared/fixtures/aif');
const hasAif = existsSync(aifDir);
if (!hasAif)
  console.warn(`Skipping the AIF scheme checks in the browser: ${aifDir} does not exist.`);

/** The map the importer makes of a shared AIF file (the browser imports it the same way). */
function imported(name: string): ArgMap {
  const result = importAif(JSON.parse(readFileSync(resolve(aifDir, name), 'utf8')), { now: 'x' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.map;
}

async function importFile(name: string, someNode: string) {
  await page.waitForSelector('.react-flow__node');
  await page.getByTestId('file-menu').click();
  const title = await page.locator('.toolbar h1').textContent();
  await page.getByTestId('import-input').setInputFiles(resolve(aifDir, name));
  // The imported map is open (the article's map has node ids like it, so wait for the title).
  await expect
    .poll(() => page.locator('.toolbar h1').textContent(), { timeout: 60_000 })
    .not.toBe(title);
  await page.locator(`.react-flow__node[data-id="${someNode}"]`).waitFor();
}

describe.skipIf(!hasAif)('schemes of AIFdb files', () => {
  it('shows the schemes of an imported AIF file in the inspector, junction and edges', async () => {
    const map = imported('nodeset542.json');
    const junction = map.nodes.find((n) => n.scheme)!;
    const edges = map.edges.filter((e) => e.scheme);
    expect(junction.scheme).toBe('CauseToEffect');
    expect(edges.map((e) => e.scheme)).toEqual(['Ignorance', 'Commitment']);
    await importFile('nodeset542.json', junction.id);

    // The junction: its mark on the canvas, its scheme and questions in the inspector.
    const node = page.locator(`.react-flow__node[data-id="${junction.id}"]`);
    expect(await node.locator('[data-testid="scheme-badge"]').textContent()).toBe('Cause');
    await node.focus();
    await page.keyboard.press('Enter');
    // The node's own scheme comes first (then its edges', in their list).
    const panel = page.getByTestId('inspector').getByTestId('scheme-panel').first();
    await expect.poll(() => panel.getByTestId('scheme-select').inputValue()).toBe('CauseToEffect');
    expect(await panel.getByTestId('critical-questions').locator('li').count()).toBe(
      findScheme('CauseToEffect')!.questions.length,
    );
    // Both the junction's and the edges' schemes are in the legend.
    const legend = (await page.getByTestId('legend-schemes').textContent())!;
    for (const name of ['CauseToEffect', 'Ignorance', 'Commitment'])
      expect(legend).toContain(findScheme(name)!.title.en);

    for (const edge of edges) {
      await selectEdge(edge.id);
      const select = page.getByTestId('edge-inspector').getByTestId('scheme-select');
      expect(await select.inputValue()).toBe(edge.scheme);
      expect(
        await page
          .getByTestId('edge-inspector')
          .getByTestId('critical-questions')
          .locator('li')
          .count(),
      ).toBe(findScheme(edge.scheme)!.questions.length);
    }
  });

  it('keeps a scheme name the catalog does not know, shown as it is', async () => {
    const map = imported('28037.json');
    const edge = map.edges.find((e) => e.scheme === 'Evaluation')!;
    expect(findScheme('Evaluation')).toBeUndefined();
    await importFile('28037.json', map.nodes[0]!.id);
    await selectEdge(edge.id);
    const inspector = page.getByTestId('edge-inspector');
    const select = inspector.getByTestId('scheme-select');
    expect(await select.inputValue()).toBe('Evaluation');
    expect(await select.locator('option:checked').textContent()).toBe(
      'Evaluation (imported, not in the catalog)',
    );
    expect(await inspector.getByTestId('scheme-panel').textContent()).toContain(
      'No critical questions are known for this scheme.',
    );
    const legend = await page.getByTestId('legend-schemes').textContent();
    expect(legend).toContain('Evaluation');
  });
});
