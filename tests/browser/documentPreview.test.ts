/**
 * Issue 14's speed, what a test can hold of it (the times depend on the machine's load; they are
 * measured by `npm run bench` and `npm run bench:profile -- pdf`):
 * - "main thread never blocked more than 100 ms" while a 30-page PDF is read: a long document's
 *   preview in the new-map dialog is put on the page in batches, no task adding more than
 *   {@link PREVIEW_BATCH} paragraphs, and in the end it shows them all, in order;
 * - pdf.js starts loading when a document is about to be picked, not once it is.
 */
import { expect, it } from 'vitest';
import { freshPagePerTest } from './freshPage';
import { PREVIEW_BATCH } from '../../src/ui/DocumentPreview';

const session = freshPagePerTest();

/**
 * Counts the paragraphs and headings added to the preview in each task. A task's end is found
 * with a message posted when its first paragraph is added (a message is a task of its own, run
 * after this one; a later task would only be counted with it, never split from it).
 */
const COUNT_PER_TASK = String.raw`(() => {
  const P = (window.__preview = { perTask: [] });
  let current = 0;
  let waiting = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { P.perTask.push(current); current = 0; waiting = false; };
  const seen = new WeakSet();
  const count = (n) => {
    if (n.nodeType !== 1) return 0;
    let added = 0;
    const all = n.matches('.document-preview')
      ? n.querySelectorAll(':scope > p, :scope > h4')
      : n.matches('.document-preview > p, .document-preview > h4')
        ? [n]
        : n.querySelectorAll('.document-preview > p, .document-preview > h4');
    for (const el of all) if (!seen.has(el)) { seen.add(el); added++; }
    return added;
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) current += count(n);
    if (current && !waiting) { waiting = true; channel.port2.postMessage(0); }
  }).observe(document, { childList: true, subtree: true });
})();`;

it('puts a long document’s preview on the page a batch of paragraphs per task, all of them in the end', async () => {
  const page = session.page;
  const SECTIONS = 12;
  const PER_SECTION = 20;
  const markdown = Array.from({ length: SECTIONS }, (_, s) =>
    [
      `## Part ${s + 1}`,
      ...Array.from(
        { length: PER_SECTION },
        (_, i) =>
          `Paragraph ${s * PER_SECTION + i + 1} of the long report says that street trees shade the pavement in summer.`,
      ),
    ].join('\n\n'),
  ).join('\n\n');
  const blocks = SECTIONS * (PER_SECTION + 1);
  expect(blocks).toBeGreaterThan(PREVIEW_BATCH * 3);
  await page.evaluate(COUNT_PER_TASK);
  await page.getByTestId('file-menu').click();
  await page.getByTestId('new-map-from-file-input').setInputFiles({
    name: 'long-report.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(markdown, 'utf8'),
  });
  await page.waitForFunction(
    (n) => document.querySelectorAll('.document-preview > p, .document-preview > h4').length === n,
    blocks,
    { timeout: 60_000 },
  );
  const preview = page.getByTestId('new-map-dialog').getByTestId('new-map-preview');
  expect(await preview.getAttribute('aria-busy')).toBe('false');
  const shown = await preview.locator(':scope > p, :scope > h4').allTextContents();
  expect(shown).toHaveLength(blocks);
  expect(shown[0]).toBe('Part 1');
  expect(shown[blocks - 1]).toBe(
    `Paragraph ${SECTIONS * PER_SECTION} of the long report says that street trees shade the pavement in summer.`,
  );
  const { perTask } = (await page.evaluate('window.__preview')) as { perTask: number[] };
  expect(perTask.reduce((a, b) => a + b, 0)).toBe(blocks);
  expect(Math.max(...perTask)).toBeLessThanOrEqual(PREVIEW_BATCH);
});

it('starts loading pdf.js when the pointer is on File › New map from a file…, before a file is picked', async () => {
  const page = session.page;
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.getByTestId('file-menu').click();
  await page.getByTestId('new-map-from-file').hover();
  // The I/O worker starts, loads pdf.js, and pdf.js starts its own worker in it.
  const started = () =>
    ['ioWorker', 'pdfParseWorker'].filter((w) => workers.some((url) => url.includes(`/${w}-`)));
  await expect.poll(started, { timeout: 30_000 }).toEqual(['ioWorker', 'pdfParseWorker']);
  expect(workers.filter((url) => url.includes('/ioWorker-'))).toHaveLength(1);
});
