/**
 * The PDF reader in a browser's Web Worker, built by Vite with the app's plugins (its
 * Content-Security-Policy: no eval; workers from 'self') and worker format, in Chromium: it reads
 * the PDF, with pdf.js parsing in a worker of its own (nested in this one), and pdf.js sends
 * nothing of its own to the page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build, loadConfigFromFile, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../browser/browser';
import { serveBuild } from '../../setup/serveBuild';
import { printPdf } from './pdfFixtures';

const root = resolve(__dirname, '../../..');
let browser: Browser;
let server: PreviewServer;
let url: string;
let outDir: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const app = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    resolve(root, 'vite.config.ts'),
  );
  outDir = mkdtempSync(join(tmpdir(), 'argmap-pdf-worker-'));
  await build({
    configFile: false,
    root: resolve(__dirname, 'pdfWorkerPage'),
    base: './',
    logLevel: 'warn',
    plugins: app!.config.plugins,
    worker: app!.config.worker,
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>In a worker</title>
    <style>body { columns: 2; font: 11pt serif } p { margin: 0; text-indent: 1.5em }</style></head>
    <body>${Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i + 1} of the text, which is read in a worker, well away from the page.</p>`).join('')}</body></html>`;
  writeFileSync(join(outDir, 'doc.pdf'), await printPdf(browser, html, { footer: '{n}' }));
  writeFileSync(join(outDir, 'fake.pdf'), '<!doctype html><html><body>Not a PDF</body></html>');
  ({ server, url } = await serveBuild(outDir, resolve(__dirname, 'pdfWorkerPage')));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

it('reads a PDF in a worker under the CSP, and refuses a fake one, with no stray messages', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon|404/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  expect(csp).toContain("script-src 'self'");
  await page.waitForFunction(() => 'readInWorker' in window);
  const read = (name: string) =>
    page.evaluate(
      (n) =>
        (
          window as unknown as {
            readInWorker(n: string): Promise<{ result: unknown; messages: unknown[] }>;
          }
        ).readInWorker(n),
      name,
    );
  const good = await read('doc.pdf');
  expect(good.messages).toHaveLength(1);
  const result = good.result as { ok: boolean; extracted: { text: string; pages: unknown[] } };
  expect(result.ok).toBe(true);
  // pdf.js parsed in a worker of its own, started from this one (not in this one's thread).
  expect(good.result).toMatchObject({ parsedIn: 'worker' });
  const paragraphs = result.extracted.text.split('\n\n');
  expect(paragraphs).toHaveLength(40);
  expect(paragraphs[39]).toBe(
    'Paragraph 40 of the text, which is read in a worker, well away from the page.',
  );
  const fake = await read('fake.pdf');
  expect(fake.messages).toHaveLength(2);
  expect(fake.result).toMatchObject({ ok: false, problems: [{ says: { key: 'pdfNotPdf' } }] });
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);
