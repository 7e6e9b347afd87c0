/**
 * Checking a student's map against the teacher's, in the editor (#13): the shipped article map is
 * the reference, and the student's map is the copy of tests/unit/model/alteredArticle.ts (five
 * points removed, two relations flipped, three spans shifted), imported as a file. The panel
 * reports exactly those differences, the marks sit on the student's nodes and edges, the
 * teacher's verdicts change the scores, the Markdown download and the printed sheet carry them,
 * in English and in Chinese; a library without another map, a bad file and a reference of
 * another text are said so.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { viewSettled } from './helpers';
import { alteredArticle } from '../unit/model/alteredArticle';
import { serializeMap } from '../../src/io/mapFile';
import { compareMaps } from '../../src/model/compare';
import { relationKey } from '../../src/model/compareVerdicts';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const altered = alteredArticle();
const STUDENT = { ...altered.student, id: 'student-copy', title: 'Student copy' };
const expected = compareMaps(altered.reference, STUDENT);

/** Imports the student's map (it opens), and closes the import report. */
async function importStudent() {
  await page.getByTestId('file-menu').click();
  await page.getByTestId('import-input').setInputFiles([
    {
      name: 'student.argmap.json',
      mimeType: 'application/json',
      buffer: Buffer.from(serializeMap(STUDENT)),
    },
  ]);
  await page.waitForFunction(
    () => document.querySelector('.toolbar h1')?.textContent === 'Student copy',
  );
  await page.getByTestId('import-report').waitFor();
  await page.getByTestId('import-report').locator('.banner-close').click();
  await page.getByTestId('import-report').waitFor({ state: 'detached' });
}

/** File → Compare with reference…, then the article's map from the library. */
async function compareWithArticle() {
  await page.getByTestId('file-menu').click();
  await page.getByTestId('compare-start').click();
  await page
    .getByTestId('compare-chooser')
    .locator(`.library-open[data-map-id="${altered.reference.id}"]`)
    .click();
  await page.getByTestId('compare-scores').waitFor();
}

const entries = (section: string) =>
  page.getByTestId(`compare-${section}`).getByTestId('compare-entry');
const keys = (section: string) =>
  entries(section).evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
const row = (name: string) => page.getByTestId(`compare-score-${name}`).textContent();

async function download(testId: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  return (await readFile(await file.path())).toString('utf8');
}

describe('comparing the student’s map with the reference', () => {
  it(
    'reports exactly the differences, marks the map, and counts the teacher’s verdicts',
    {
      timeout: 120_000,
    },
    async () => {
      await importStudent();
      await compareWithArticle();
      const panel = page.getByTestId('compare-panel');
      expect(await panel.textContent()).toContain('not saved with the map');

      // Exactly the five removed points, the two flipped relations, the three shifted spans.
      expect(await keys('missing')).toEqual(altered.removed);
      expect(await entries('extra').count()).toBe(0);
      expect(await keys('reversed')).toEqual(
        altered.flipped.map((e) => relationKey({ ...e, relation: 'attacks' })),
      );
      for (const section of ['differs', 'rel-missing', 'rel-extra'])
        expect(await entries(section).count()).toBe(0);
      const shifted = await entries('found')
        .and(page.locator('[data-shifted="true"]'))
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
      expect(shifted).toEqual(altered.shifted.map((id) => `p:${id}`));
      const found = expected.points.found.length;
      const agree = expected.relations.agree.length;
      const judged = agree + 2;
      expect(await row('points')).toContain(
        `${found} / ${altered.reference.nodes.length - altered.junctions.size}`,
      );
      expect(await row('relations')).toContain(`${agree} / ${judged}`);
      expect(await row('spans')).toContain(`${found - 3} / ${found}`);

      // A missing point shows the sentence it cites in the source pane.
      const missing = entries('missing').first();
      expect(await missing.locator('blockquote').textContent()).toBeTruthy();
      await missing.getByTestId('compare-show-sentence').click();
      await expect
        .poll(() => page.locator('[data-sentence-id][data-highlighted="true"]').count())
        .toBeGreaterThan(0);

      // Marks on the map: every node drawn carries one, all found; the flipped edge carries ⇄.
      await entries('reversed').first().locator('.compare-show').click();
      const flippedBadge = page.locator(
        `[data-testid="compare-edge-badge"][data-edge-id="${altered.flipped[0]!.id}"]`,
      );
      await expect.poll(() => flippedBadge.getAttribute('data-status')).toBe('reversed');
      expect(await flippedBadge.textContent()).toBe('⇄');
      expect(await flippedBadge.getAttribute('data-verdict')).toBe('wrong');
      // (Counted in one go, once the view has stopped moving: nodes coming into view mount.)
      await viewSettled(page);
      const drawnAndMarked = () =>
        page.evaluate(() => [
          document.querySelectorAll('.react-flow__node-arg .arg-node').length,
          document.querySelectorAll('.arg-node > [data-testid="compare-badge"]').length,
        ]);
      await expect.poll(async () => new Set(await drawnAndMarked()).size).toBe(1);
      expect((await drawnAndMarked())[0]).toBeGreaterThan(5);
      expect(await page.locator('[data-testid="compare-badge"][data-status="extra"]').count()).toBe(
        0,
      );

      // The teacher accepts the first reversal and rejects a found point: the scores follow.
      await entries('reversed').first().locator('button[data-verdict="right"]').click();
      await expect.poll(() => row('relations')).toContain(`${agree + 1} / ${judged}`);
      await expect.poll(() => flippedBadge.getAttribute('data-verdict')).toBe('right');
      const rejected = expected.points.found[0]!.student;
      await page.getByTestId('compare-found').locator('summary').click();
      const entry = page
        .getByTestId('compare-found')
        .locator(`[data-testid="compare-entry"][data-key="p:${rejected.id}"]`);
      await entry.locator('button[data-verdict="wrong"]').click();
      await expect.poll(() => row('points')).toContain(`${found - 1} /`);
      expect(await page.getByTestId('compare-overridden').textContent()).toContain('2');
      // Its mark on the map says so (the node is shown, and its badge turns ✗).
      await entry.locator('.compare-show').click();
      const badge = page.locator(
        `.react-flow__node[data-id="${rejected.id}"] [data-testid="compare-badge"]`,
      );
      await expect.poll(() => badge.textContent()).toBe('✗');
      // Selected on the map, its mark is offered at the top of the panel.
      expect(await page.getByTestId('compare-selected').textContent()).toContain(
        rejected.text.slice(0, 10),
      );

      const md = await download('compare-download-md');
      expect(md).toContain('## Missing points (5)');
      expect(md).toContain('## Relations reversed (support ↔ attack) (2)');
      expect(md).toContain('## Shifted spans (3)');
      expect(md).toContain('The teacher changed 2 of the comparison’s marks');
      expect(md).toContain(`| Points found | ${found - 1} of`);
      expect(md).toContain('*accepted by the teacher*');
      expect(md).toContain('## Marked wrong by the teacher (1)');

      // The printed sheet: only the sheet on paper, with the same content.
      await page.evaluate(() => (window.print = () => undefined));
      await page.getByTestId('compare-print').click();
      await page.getByTestId('compare-sheet').waitFor({ state: 'attached' });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.toolbar').isVisible()).toBe(false);
      const sheet = page.getByTestId('compare-sheet');
      expect(await sheet.isVisible()).toBe(true);
      const printed = await sheet.textContent();
      expect(printed).toContain('Missing points (5)');
      expect(printed).toContain('Marked wrong by the teacher (1)');
      expect(await sheet.locator('table td').first().textContent()).toContain('Points found');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.emulateMedia({ media: 'screen' });

      // Closing the panel takes the marks off the map.
      await panel.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => page.getByTestId('compare-badge').count()).toBe(0);
    },
  );

  it(
    'in the Chinese interface: the panel, the download and the printed sheet in Chinese',
    {
      timeout: 120_000,
    },
    async () => {
      await page.getByTestId('language-switch').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
      await importStudent();
      await compareWithArticle();
      const panel = page.getByTestId('compare-panel');
      expect(await panel.textContent()).toContain('不随论证图保存');
      expect(await page.getByTestId('compare-missing').locator('summary').textContent()).toContain(
        '遗漏的论点',
      );
      await entries('reversed').last().locator('button[data-verdict="right"]').click();
      await expect
        .poll(() => row('relations'))
        .toContain(`${expected.relations.agree.length + 1} / `);
      const md = await download('compare-download-md');
      expect(md).toContain('## 遗漏的论点 (5)');
      expect(md).toContain('教师更改了 1 处比较标记');
      expect(md).toContain('*教师认可*');
      await page.evaluate(() => (window.print = () => undefined));
      await page.getByTestId('compare-print').click();
      await page.emulateMedia({ media: 'print' });
      const printed = await page.getByTestId('compare-sheet').textContent();
      expect(printed).toContain('遗漏的论点 (5)');
      expect(printed).toContain('得分');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    },
  );
});

describe('when the comparison cannot be made as asked', () => {
  it('says so: no other map, a bad file, a backup, a reference of another text', async () => {
    // Only the open map in the library.
    await page.getByTestId('file-menu').click();
    await page.getByTestId('compare-start').click();
    const chooser = page.getByTestId('compare-chooser');
    // The comparison's code loads when first asked for.
    await chooser.waitFor();
    expect(await chooser.getByTestId('compare-no-other').isVisible()).toBe(true);

    // A broken file: its problem is shown, nothing is compared.
    await chooser.getByTestId('compare-file-input').setInputFiles([
      {
        name: 'broken.argmap.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format": "argmap", "version": 1,'),
      },
    ]);
    await expect
      .poll(() => chooser.getByTestId('compare-problem').textContent())
      .toMatch(/cannot be the reference[\s\S]*not valid JSON/);
    expect(await page.getByTestId('compare-panel').count()).toBe(0);

    // A backup holds several maps.
    await chooser.getByTestId('compare-file-input').setInputFiles([
      {
        name: 'all.argmap-backup.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format": "argmap-backup", "version": 1, "maps": []}'),
      },
    ]);
    await expect
      .poll(() => chooser.getByTestId('compare-problem').textContent())
      .toContain('backup');

    // A map of another text (Argdown), read from a file and not stored.
    await chooser.getByTestId('compare-file-input').setInputFiles([
      {
        name: 'cats.argdown',
        mimeType: 'text/plain',
        buffer: Buffer.from('[Cats]: Cats make good pets.\n  + <Calm>: Cats are calm animals.\n'),
      },
    ]);
    const other = page.getByTestId('compare-other-text');
    await other.waitFor();
    expect(await other.textContent()).toContain('same source text');
    expect(await page.getByTestId('compare-scores').count()).toBe(0);
    expect(await page.getByTestId('compare-badge').count()).toBe(0);
    // Asked to, it compares by wording: nothing of the article is found in two cat sentences.
    await other.getByTestId('compare-by-wording').click();
    await expect.poll(() => row('points')).toContain('0 / 2');
    await page.getByRole('button', { name: 'Map library' }).click();
    expect(await page.getByTestId('map-library').locator('li').count()).toBe(1);
  });
});
