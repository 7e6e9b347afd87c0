/**
 * No script from a map: a map file, an Argdown file and an AIF file full of the classic payloads
 * are imported through the real file picker, and every place that shows their content (canvas,
 * inspector and its Markdown note, source pane, search results, the presentation's stage and
 * presenter window, print handout, library) shows them as literal text; nothing runs, no dialog
 * opens, and links in notes are kept only for http(s) and mailto.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { pageIdle, PICTURES_DRAWN } from './helpers';

const session = freshPagePerTest();
let page: Page;
const dialogs: string[] = [];
beforeEach(() => {
  page = session.page;
  dialogs.length = 0;
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

/** Each payload sets `window.pwned` if it ever runs. */
const PAYLOAD =
  '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><svg onload="window.pwned=3"></svg><iframe src="javascript:parent.pwned=4"></iframe>';

function hostileMap(): string {
  const first = `Opening ${PAYLOAD} ends here.`;
  const text = `${first} Second sentence stays plain.`;
  return JSON.stringify({
    format: 'argmap',
    version: 1,
    id: 'hostile',
    title: `Hostile ${PAYLOAD}`,
    sources: [
      {
        id: 'src1',
        language: 'en',
        title: `Source ${PAYLOAD}`,
        text,
        sentences: [
          { id: 's1', start: 0, end: first.length },
          { id: 's2', start: first.length + 1, end: text.length },
        ],
      },
    ],
    nodes: [
      {
        id: 'n1',
        kind: 'conclusion',
        text: `Node ${PAYLOAD}`,
        note: `Note ${PAYLOAD} [bad](javascript:window.pwned=5) [data](data:text/html,<script>parent.pwned=6</script>) [good](https://example.org/) [mail](mailto:someone@example.org)`,
        tags: [`tag${PAYLOAD}`],
        refs: [{ sentence: 's1' }],
      },
      { id: 'n2', kind: 'evidence', text: 'Plain evidence', refs: [{ sentence: 's2' }] },
    ],
    edges: [{ id: 'e1', from: 'n2', to: 'n1', relation: 'supports' }],
    tour: ['n1', 'n2'],
  });
}

async function importFiles(files: { name: string; body: string }[]) {
  await page.getByTestId('file-menu').click();
  await page
    .getByTestId('import-input')
    .setInputFiles(
      files.map(({ name, body }) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(body) })),
    );
  await expect
    .poll(() => page.getByTestId('import-report').textContent())
    .toContain(files[files.length - 1]!.name);
}

async function nothingRan() {
  // Give any handler a chance to fire.
  await pageIdle(page);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.locator('#root img[src="x"], #root script, #root iframe').count()).toBe(0);
}

describe('a map full of script payloads', () => {
  it('shows every payload as text everywhere and runs none', async () => {
    await importFiles([{ name: 'hostile.argmap.json', body: hostileMap() }]);
    const n1 = page.locator('.react-flow__node[data-id="n1"]');
    await expect.poll(() => n1.textContent()).toContain(`Node ${PAYLOAD}`);
    expect(await page.locator('.toolbar, header').first().textContent()).toContain('Hostile <img');
    expect(await page.getByTestId('source-pane').textContent()).toContain(
      `Opening ${PAYLOAD} ends here.`,
    );

    await n1.click();
    const note = page.getByTestId('note-view');
    // Once the Markdown renderer has loaded (a plain-text fallback shows until then).
    await expect
      .poll(
        () => note.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
        { timeout: 20_000 },
      )
      .toEqual(['https://example.org/', 'mailto:someone@example.org']);
    expect(await note.textContent()).toContain(`Note ${PAYLOAD}`);
    expect(await page.getByTestId('node-tags').inputValue()).toContain(`tag${PAYLOAD}`);

    await page.getByTestId('search-input').fill('onerror');
    await expect
      .poll(() => page.getByTestId('search-results').textContent())
      .toContain('<img src=x onerror="window.pwned=1">');
    await page.getByTestId('search-input').fill('');

    // The stage and the presenter window (a document of the same origin) show it as text.
    await page.getByTestId('present').click();
    const stage = page.getByTestId('presentation');
    await expect.poll(() => stage.textContent()).toContain(`Hostile ${PAYLOAD}`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stage.textContent()).toContain(`Node ${PAYLOAD}`);
    const [presenter] = await Promise.all([
      page.context().waitForEvent('page'),
      page.keyboard.press('p'),
    ]);
    const notes = presenter.getByTestId('presenter-notes');
    await expect.poll(() => notes.textContent()).toContain(`Note ${PAYLOAD}`);
    expect(await presenter.locator('img, script, svg, iframe').count()).toBe(0);
    expect(await stage.locator('img, script, svg, iframe').count()).toBe(0);
    expect(await presenter.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await page.keyboard.press('Escape');

    await page.evaluate(() => (window.print = () => undefined));
    await page.getByTestId('file-menu').click();
    await page.getByTestId('export-print').click();
    const handout = page.getByTestId('print-handout');
    await expect.poll(() => handout.getAttribute('data-ready'), PICTURES_DRAWN).toBe('true');
    expect(await handout.textContent()).toContain(`Node ${PAYLOAD}`);
    // The map picture in the handout is an <img> of the exported SVG, where scripts never run.
    expect(
      await handout
        .locator('img')
        .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')?.slice(0, 5))),
    ).toEqual(['blob:']);

    await page.getByRole('button', { name: 'Map library' }).click();
    expect(await page.getByTestId('map-library').textContent()).toContain(`Hostile ${PAYLOAD}`);
    await nothingRan();
  });

  it('shows payloads from imported Argdown and AIF as text and runs none', async () => {
    // Argdown reads `<…>` as an argument's name, so its payloads are links, quotes and entities.
    const argdown =
      '# Title " onload="window.pwned=7\n\n[Claim]: Claim [click](javascript:window.pwned=8) &lt;script&gt;window.pwned=9&lt;/script&gt;\n  + <Reason>: Reason " onmouseover="window.pwned=10\n';
    const aif = JSON.stringify({
      nodes: [
        { nodeID: '1', text: `AIF claim ${PAYLOAD}`, type: 'I' },
        { nodeID: '2', text: '<img src=x onerror="window.pwned=8">', type: 'I' },
        { nodeID: '3', text: 'Default Inference', type: 'RA' },
      ],
      edges: [
        { edgeID: '1', fromID: '2', toID: '3' },
        { edgeID: '2', fromID: '3', toID: '1' },
      ],
      locutions: [],
    });
    await importFiles([{ name: 'hostile.argdown', body: argdown }]);
    await expect
      .poll(() => page.locator('.react-flow').textContent())
      .toContain('Claim click &lt;script&gt;window.pwned=9&lt;/script&gt;');
    // The link's address is dropped (only its words are kept), and quotes stay quotes.
    expect(await page.locator('.react-flow__node a').count()).toBe(0);
    expect(await page.locator('.react-flow').textContent()).toContain(
      'Reason " onmouseover="window.pwned=10',
    );
    await importFiles([{ name: 'hostile.aif.json', body: aif }]);
    await expect
      .poll(() => page.locator('.react-flow').textContent())
      .toContain(`AIF claim ${PAYLOAD}`);
    expect(await page.locator('.react-flow').textContent()).toContain(
      '<img src=x onerror="window.pwned=8">',
    );
    await nothingRan();
  });
});
