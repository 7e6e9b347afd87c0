/**
 * Issue #14 in the browser: a new map from a document file, previewed first (its headings, offered
 * as groups); several sources per map — a second source added to an open map (previewed first,
 * then added undoably), shown by tabs, cited from a node, found by search, and kept over a reload.
 */
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { dragSelect, newMapFromText, nodeOn, pageIdle } from './helpers';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const ESSAY = [
  '# Why street trees matter',
  '',
  'Street trees cool the city in summer. They also\nclean the air.',
  '',
  '## What they cost',
  '',
  'Planting a tree costs about three hundred euros. Watering it costs more.',
].join('\n');

const SECOND = [
  '# A council report',
  '',
  'The council planted four thousand trees last year. Residents asked for more shade.',
].join('\n');

async function downloadJson(testId: string): Promise<Record<string, unknown>> {
  await page.getByTestId('file-menu').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  return JSON.parse((await readFile(await download.path())).toString('utf8'));
}

/** File → Add a source…: the file's preview in the dialog, then "Add to this map". */
async function addSource(name: string, text: string) {
  await page.getByTestId('file-menu').click();
  await page.getByTestId('add-source-input').setInputFiles({
    name,
    mimeType: 'text/markdown',
    buffer: Buffer.from(text),
  });
  const dialog = page.getByTestId('new-map-dialog');
  await dialog.getByTestId('new-map-preview').waitFor();
  expect(await dialog.locator('h2').textContent()).toBe('Add a source');
  const add = dialog.getByTestId('create-map');
  expect(await add.textContent()).toBe('Add to this map');
  await add.click();
  await dialog.waitFor({ state: 'detached' });
}

const toolbarTitle = (title: string) =>
  page.waitForFunction((t) => document.querySelector('.toolbar h1')?.textContent === t, title);

describe('a new map from a document file', () => {
  it('previews a Markdown file with its headings, then makes the map with them as groups', async () => {
    await page.getByTestId('file-menu').click();
    await expect
      .poll(() => page.getByTestId('new-map-from-file-input').getAttribute('accept'))
      .toContain('.md');
    await page.getByTestId('new-map-from-file-input').setInputFiles({
      name: 'essay.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(ESSAY),
    });
    const dialog = page.getByTestId('new-map-dialog');
    const headings = dialog.getByTestId('preview-heading');
    await headings.first().waitFor();
    expect(await headings.allTextContents()).toEqual(['Why street trees matter', 'What they cost']);
    // The cleaned text: the broken line rejoined; no Markdown marks left.
    const preview = (await dialog.getByTestId('new-map-preview').textContent()) ?? '';
    expect(preview).toContain('They also clean the air.');
    expect(preview).not.toContain('#');
    const take = dialog.getByTestId('new-map-take-groups');
    expect(await take.isChecked()).toBe(true);
    expect(await take.locator('xpath=..').textContent()).toContain('Take the 2 headings as groups');
    await dialog.getByTestId('create-map').click();
    await toolbarTitle('Why street trees matter');
    const map = (await downloadJson('export-json')) as {
      groups?: { title: string; parent?: string }[];
      sources: { origin?: { kind: string; fileName?: string; sha256?: string } }[];
    };
    expect(map.groups?.map((g) => g.title)).toEqual(['Why street trees matter', 'What they cost']);
    expect(map.groups?.[1]?.parent).toBe('g1');
    expect(map.sources[0]!.origin).toMatchObject({ kind: 'markdown', fileName: 'essay.md' });
    expect(map.sources[0]!.origin?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('opens the preview for a document dropped on the editor; headings can be left out', async () => {
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.md'));
      return transfer;
    }, ESSAY);
    await page.dispatchEvent('.app', 'dragover', { dataTransfer });
    await page.dispatchEvent('.app', 'drop', { dataTransfer });
    const dialog = page.getByTestId('new-map-dialog');
    await dialog.getByTestId('preview-heading').first().waitFor();
    expect(await dialog.getByTestId('new-map-file').textContent()).toContain('dropped.md');
    await dialog.getByTestId('new-map-take-groups').uncheck();
    await dialog.getByTestId('new-map-title').fill('Trees, no groups');
    await dialog.getByTestId('create-map').click();
    await toolbarTitle('Trees, no groups');
    const map = (await downloadJson('export-json')) as { groups?: unknown[] };
    expect(map.groups ?? []).toEqual([]);
  });

  it('says why a .md file that is not text is refused, in the preview', async () => {
    await page.getByTestId('file-menu').click();
    await page.getByTestId('new-map-from-file-input').setInputFiles({
      name: 'photo.md',
      mimeType: '',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
    });
    const refused = page.getByTestId('new-map-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('This is a PNG image');
    expect(await page.getByTestId('create-map').isDisabled()).toBe(true);
  });
});

describe('several sources in one map', () => {
  it('adds a second source, switches tabs, cites it, searches it, and keeps both over a reload', async () => {
    await newMapFromText(page);
    const pane = page.getByTestId('source-pane');
    expect(await pane.getByTestId('source-tabs').count()).toBe(0);
    // File → Add a source…: previewed, then added; it opens in its tab.
    await addSource('council.md', SECOND);
    const tabs = pane.getByTestId('source-tab');
    await tabs.nth(1).waitFor();
    expect(await tabs.allTextContents()).toEqual(['1. Street trees', '2. A council report']);
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    await pane.getByText('Residents asked for more shade.').waitFor();
    // The first tab shows the first source's text, not the second's.
    await tabs.nth(0).click();
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('true');
    expect(await pane.getByTestId('source-body').textContent()).toContain('street trees');
    expect(await pane.textContent()).not.toContain('four thousand');

    // A node citing the first source, then the same node citing a sentence of the second.
    const firstSentence = await pane
      .locator('[data-sentence-id]')
      .first()
      .getAttribute('data-sentence-id');
    await dragSelect(page, firstSentence!, 0, 20);
    await page.getByTestId('create-node-from-selection').click();
    await page.locator('.react-flow__node-arg').first().waitFor();
    const nodeId = await page.locator('.react-flow__node-arg').first().getAttribute('data-id');
    await nodeOn(page, nodeId!).click();

    // The keyboard switches tabs (arrow keys, as tabs do).
    await tabs.nth(0).focus();
    await page.keyboard.press('ArrowRight');
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toContain('A council report');
    await pane.getByText('Residents asked for more shade.').waitFor();
    // Sentence ids go on past the first source's.
    const ids = await pane
      .locator('[data-sentence-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-sentence-id')));
    expect(ids).toEqual(['s6', 's7', 's8']); // the first source has s1 to s5
    await dragSelect(page, 's8', 0, 9);
    await page.getByTestId('add-ref-from-selection').click();
    // Both citations light up: here in the second source, and (a dot on its tab) the first.
    await expect
      .poll(() =>
        pane.locator('[data-sentence-id="s8"] .lit, [data-sentence-id="s8"].lit-whole').count(),
      )
      .toBeGreaterThan(0);
    await expect.poll(() => tabs.nth(0).locator('.lit-dot').count()).toBe(1);
    expect(await tabs.nth(1).locator('.lit-dot').count()).toBe(1);
    await tabs.nth(0).click();
    await expect
      .poll(() =>
        pane
          .locator(
            `[data-sentence-id="${firstSentence}"] .lit, [data-sentence-id="${firstSentence}"].lit-whole`,
          )
          .count(),
      )
      .toBeGreaterThan(0);

    // Search finds the second source's text and brings its tab up.
    await page.getByTestId('search-input').fill('four thousand');
    const hit = page.getByTestId('search-results').getByRole('button').first();
    await hit.waitFor();
    await hit.click();
    await expect.poll(() => tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    await pane.getByText('The council planted four thousand trees last year.').waitFor();

    // Both sources and the citation survive a reload.
    await page.reload();
    await toolbarTitle('Street trees');
    await pane.getByTestId('source-tab').nth(1).waitFor();
    const map = (await downloadJson('export-json')) as {
      sources: { id: string; title?: string }[];
      nodes: { id: string; refs: { sentence: string }[] }[];
    };
    expect(map.sources.map((s) => [s.id, s.title])).toEqual([
      ['src1', 'Street trees'],
      ['src2', 'A council report'],
    ]);
    expect(map.nodes.find((n) => n.id === nodeId)!.refs.map((r) => r.sentence)).toEqual([
      firstSentence,
      's8',
    ]);
  });

  it('takes the added source back with undo', async () => {
    await newMapFromText(page);
    await addSource('council.md', SECOND);
    const tabs = page.getByTestId('source-tab');
    await tabs.nth(1).waitFor();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await pageIdle(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => tabs.count()).toBe(0);
    expect(await page.getByTestId('source-pane').textContent()).not.toContain('four thousand');
  });
});

describe('pages of any source', () => {
  it('cites a quote of the second source with its page in the inspector and the Markdown outline', async () => {
    const { newMap, sourceFromText, withSourceAdded } = await import('../../src/io/importText');
    const { serializeMap } = await import('../../src/io/mapFile');
    const first = sourceFromText('First source. It has one page.', 'en', {
      title: 'One',
      pages: [{ label: '12', start: 0 }],
    });
    const secondText = 'On page forty. Still forty.\n\nNow page forty-one begins here.';
    const second = sourceFromText(secondText, 'en', {
      title: 'Two',
      pages: [
        { label: '40', start: 0 },
        { label: '41', start: secondText.indexOf('Now') },
      ],
    });
    const both = withSourceAdded(
      newMap('paged', 'Paged', first, '2026-01-01T00:00:00.000Z'),
      second,
    );
    const cited = both.sources[1]!.sentences[2]!; // "Now page forty-one begins here."
    const map = {
      ...both,
      nodes: [
        { id: 'n1', kind: 'claim' as const, text: 'Forty-one', refs: [{ sentence: cited.id }] },
      ],
    };
    await page.getByTestId('file-menu').click();
    await page.getByTestId('import-input').setInputFiles({
      name: 'paged.argmap.json',
      mimeType: 'application/json',
      buffer: Buffer.from(serializeMap(map)),
    });
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await report.getByRole('button', { name: 'Close' }).click();
    await toolbarTitle('Paged');
    await nodeOn(page, 'n1').click();
    const quotePage = page.getByTestId('quote-page');
    await quotePage.waitFor();
    expect(await quotePage.textContent()).toBe('p. 41');
    await page.getByTestId('file-menu').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-md').click(),
    ]);
    const md = (await readFile(await download.path())).toString('utf8');
    expect(md).toMatch(/Two.*p\. 41/);
  });
});
