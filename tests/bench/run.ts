/**
 * `npm run bench`: builds the editor and a bare React Flow page (tests/bench/baseline/) into the
 * system's temporary folder (`argmap-bench/`, not dist/), serves both on free loopback ports, generates argument maps of 100, 1,000 and 5,000 nodes, imports
 * them into the editor through its own File › Import input (so they sit in IndexedDB like any
 * user's map), and measures each metric in Debian's Chromium three times, each run of the editor
 * beside a run of the baseline showing the same graph. Prints one table and writes
 * tests/bench/.out/report.json. Bounded: it stops starting measurements after {@link BUDGET_MS}
 * (about 5 minutes in all on a 2-core machine). Not part of `npm test`.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { serveBuild } from '../setup/serveBuild';
import type { BrowserContext } from 'playwright-core';
import { serializeMap } from '../../src/io/mapFile';
import { launchChromium } from '../browser/browser';
import { BENCH_SECTION, generateMap } from './generateMap';
import { largestMapFile } from '../browser/largestFile';
import { PAGE_PROBES } from './pageProbes';
import { PDF_PAGES, articlePdf, savedPageHtml } from './documents';
import * as m from './measure';
import { evaluate, table } from './report';
import { benchRows } from './rows';
import { bundleSizes, cliExportInProcessMs, cliExportMs } from './staticChecks';

/** The report; the builds and generated maps go to the system's temporary folder. */
const OUT = resolve('tests/bench/.out');
const TMP = join(tmpdir(), 'argmap-bench');
const APP_DIR = `${TMP}/app`;
const BASE_DIR = `${TMP}/baseline`;
/**
 * `BENCH_ONLY=open,pan` measures only those groups (comma-separated): `open` (article map and
 * each size), `byurl` (open by `?open=`), `interact` (heap, drag, typing, persisting one edit),
 * `pan`, `layout`, `place` (adding a node beside a selected one), `fold` (a 500-node section), `cli`,
 * `largest` (opening the largest map the limits allow: 100,000 sentences), `documents` (a 30-page
 * PDF and a 1 MB web page through File › New map from a file…, to the preview). Unset: all of them.
 * `BENCH_SIZES=1000,5000` limits the generated maps; `BENCH_RUNS=1` the repetitions. A partial
 * run prints the rows it measured (the others show no samples).
 */
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const want = (group: string) => !ONLY || ONLY.has(group);
const SIZES = (process.env.BENCH_SIZES?.split(',').map(Number) ?? [100, 1000, 5000]).filter(
  (n) => Number.isInteger(n) && n > 0,
);
const RUNS = Number(process.env.BENCH_RUNS) || 3;
/** Stop starting new measurements after this long, so the run ends in under 10 minutes. */
const BUDGET_MS = 8 * 60_000;
const started = Date.now();
const log = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${s}`);

log('building the editor and the baseline');
// Into tests/bench/.out, not dist/: the browser tests may be building dist/ at the same time.
await build({ logLevel: 'warn', build: { outDir: APP_DIR, emptyOutDir: true, sourcemap: false } });
const baselineRoot = resolve('tests/bench/baseline');
await build({
  root: baselineRoot,
  configFile: false,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: BASE_DIR, emptyOutDir: true, target: 'es2022' },
});
mkdirSync(`${TMP}/maps`, { recursive: true });
mkdirSync(OUT, { recursive: true });
mkdirSync(`${BASE_DIR}/maps`, { recursive: true });
const files: Record<number, string> = {};
const titles: Record<number, string> = {};
for (const n of SIZES) {
  const map = generateMap(n);
  files[n] = `${TMP}/maps/${map.id}.argmap.json`;
  titles[n] = map.title;
  writeFileSync(files[n], serializeMap(map));
  copyFileSync(files[n], `${BASE_DIR}/maps/bench-${n}.json`);
  // Same origin as the editor, for `?open=` (the read-only view of a map file by address).
  copyFileSync(files[n], `${APP_DIR}/bench-${n}.argmap.json`);
}
copyFileSync('maps/us-japan-nuclear-sharing.argmap.json', `${BASE_DIR}/maps/article.json`);

const app = await serveBuild(APP_DIR);
const base = await serveBuild(BASE_DIR, baselineRoot);
const browser = await launchChromium();
const chromiumVersion = browser.version();
const samples = new Map<string, number[]>();
const add = (key: string, value: number) => samples.set(key, [...(samples.get(key) ?? []), value]);
const overBudget = () => Date.now() - started > BUDGET_MS;
let context: BrowserContext | undefined;

try {
  // bypassCSP: Playwright evaluates its page-side helpers with eval, which the editor's
  // Content-Security-Policy forbids; the policy costs nothing measurable.
  context = await browser.newContext({ viewport: { width: 1600, height: 900 }, bypassCSP: true });
  await context.addInitScript(PAGE_PROBES);
  // First launch: the editor seeds the article's map and opens it.
  const first = await m.openAndWait(context, { url: app.url, title: null });
  const articleTitle = (await first.page.textContent('.toolbar h1')) ?? '';
  const articleId = new URL(first.page.url()).searchParams.get('map');
  const interact =
    want('interact') || want('pan') || want('layout') || want('place') || want('fold');
  // The generated maps, for the groups that open them (not `documents`, `largest` or `cli` alone).
  if (want('open') || want('byurl') || interact) {
    log(`importing ${SIZES.join(', ')}-node maps through File › Import`);
    await first.page.setInputFiles(
      '[data-testid="import-input"]',
      SIZES.map((n) => files[n]!),
    );
    // The last file imported is opened.
    const lastTitle = JSON.stringify(titles[SIZES[SIZES.length - 1]!]);
    await m.waitFor(
      first.page,
      `document.querySelector('.toolbar h1')?.textContent === ${lastTitle}`,
      180_000,
    );
  }
  await first.page.close();
  const ours = (n: number | 'article') =>
    n === 'article'
      ? { url: `${app.url}?map=${articleId}`, title: articleTitle }
      : { url: `${app.url}?map=bench-${n}`, title: titles[n]! };
  const baseline = (n: number | 'article') => ({
    url: `${base.url}?map=maps/${n === 'article' ? 'article' : `bench-${n}`}.json`,
    title: null,
  });

  if (want('open')) {
    for (let run = 0; run < RUNS && !overBudget(); run++) {
      for (const who of ['ours', 'baseline'] as const) {
        const { page, ms } = await m.openAndWait(
          context,
          (who === 'ours' ? ours : baseline)('article'),
        );
        add(`open.article.${who}`, ms);
        await page.close();
      }
    }
  }
  if (want('largest') && !overBudget()) {
    // The largest map the limits allow, imported once, then opened from IndexedDB: how long
    // until its nodes show, and the longest main-thread task from navigation to a second after.
    const largest = largestMapFile();
    const path = `${TMP}/maps/largest.argmap.json`;
    writeFileSync(path, largest.text);
    const importer = await m.openAndWait(context, ours('article'));
    await importer.page.setInputFiles('[data-testid="import-input"]', path);
    await m.waitFor(
      importer.page,
      `document.querySelector('.toolbar h1')?.textContent === ${JSON.stringify(largest.map.title)}`,
      300_000,
    );
    await importer.page.close();
    for (let run = 0; run < RUNS && !overBudget(); run++) {
      const { page, ms } = await m.openAndWait(context, {
        url: `${app.url}?map=${largest.map.id}`,
        title: largest.map.title,
      });
      const tasks = (await page.evaluate('window.__bench.longtasks')) as { duration: number }[];
      add('open.largest.ours', ms);
      add('longestTask.largest.ours', Math.max(0, ...tasks.map((t) => t.duration)));
      await page.close();
    }
    log('largest map: done');
  }
  if (want('documents') && !overBudget()) {
    // Issue 14's speed targets: a document picked through File › New map from a file… in a
    // freshly opened editor (its I/O worker new, pdf.js not loaded), until its preview shows.
    mkdirSync(`${TMP}/docs`, { recursive: true });
    const pdfPath = `${TMP}/docs/article-${PDF_PAGES}-pages.pdf`;
    const htmlPath = `${TMP}/docs/saved-page.html`;
    writeFileSync(pdfPath, await articlePdf(browser));
    writeFileSync(htmlPath, savedPageHtml());
    for (let run = 0; run < RUNS && !overBudget(); run++) {
      for (const [doc, path, lastPage] of [
        ['pdf', pdfPath, String(PDF_PAGES)],
        ['html', htmlPath, null],
      ] as const) {
        for (const how of ['menu', 'cold'] as const) {
          const { page } = await m.openAndWait(context, ours('article'));
          const read = await m.previewDocument(page, path, lastPage, how);
          const as = how === 'menu' ? 'ours' : 'cold';
          add(`preview.${doc}.${as}`, read.ms);
          add(`previewTask.${doc}.${as}`, read.longest);
          await page.close();
        }
      }
      log(`documents, run ${run + 1}: done`);
    }
  }
  for (const n of SIZES) {
    for (let run = 0; run < RUNS && !overBudget(); run++) {
      for (const who of ['ours', 'baseline'] as const) {
        if (!want('open') && !(interact && n >= 1000)) continue;
        const key = (metric: string) => `${metric}.${n}.${who}`;
        const { page, ms, nodesShown, tbt } = await m.openAndWait(
          context,
          (who === 'ours' ? ours : baseline)(n),
        );
        add(key('open'), ms);
        add(key('tbt'), tbt);
        add(key('nodesShown'), nodesShown);
        if (n >= 1000 && interact) {
          await page.waitForTimeout(300);
          add(key('heap'), (await m.heapUsed(page)) / 1e6);
          await m.focusNode(page, 'n0');
          if (want('interact')) {
            add(key('drag'), await m.dragLatency(page, 'n0'));
            await m.selectNode(page, 'n0');
            const typed = await m.typing(page, 'n0');
            add(key('typing'), typed.latency);
            add(key('rerendered'), typed.rerendered);
            if (who === 'ours') {
              const persisted = await m.persistOneEdit(page);
              add(key('persistMs'), persisted.ms);
              add(key('persistRecords'), persisted.records);
            }
          }
          if (want('place') && who === 'ours') {
            const placed = await m
              .addBeside(page, `n${n - 1}`, `（${n - 1}）`)
              .catch((e: unknown) => {
                log(`adding a node failed: ${String(e)}`);
                return { ms: Number.NaN, layouts: Number.NaN, moved: Number.NaN };
              });
            add(key('placeMs'), placed.ms);
            add(key('placeLayouts'), placed.layouts);
            add(key('placeMoved'), placed.moved);
          }
          if (want('pan')) {
            const pan = await m.panZoom(page);
            add(key('fps'), pan.fps);
            add(key('p95'), pan.p95);
          }
          if (want('fold') && who === 'ours' && n === 5000) {
            await m.sectionIntoView(page, BENCH_SECTION);
            const folded = await m.foldSection(page, BENCH_SECTION);
            add(key('collapse'), folded.collapse);
            add(key('expand'), folded.expand);
          }
          if (want('layout') && who === 'ours' && (n === 1000 || n === 5000)) {
            const laid = await m.layout(page);
            add(key('layout'), laid.ms);
            add(key('layoutTask'), laid.longest);
            add(key('layoutApplyTask'), laid.longestApply);
          }
        }
        await page.close();
      }
      if (want('byurl')) {
        const byUrl = await m.openAndWait(context, {
          url: `${app.url}?open=${encodeURIComponent(`/bench-${n}.argmap.json`)}`,
          title: titles[n]!,
        });
        add(`openByUrl.${n}.ours`, byUrl.ms);
        await byUrl.page.close();
      }
      log(`${n} nodes, run ${run + 1}: done`);
    }
  }
} finally {
  await context?.close();
  await browser.close();
  await app.server.close();
  await base.server.close();
}

log('bundle and CLI export');
const bundle = bundleSizes(APP_DIR);
if (want('cli')) {
  const cliMap = `${TMP}/maps/cli-1000.argmap.json`;
  writeFileSync(cliMap, serializeMap(generateMap(1000)));
  for (let i = 0; i < RUNS; i++) add('cli', await cliExportMs(cliMap, `${TMP}/cli-1000.svg`));
  for (let i = 0; i < RUNS; i++)
    add('cliInProcess', await cliExportInProcessMs(cliMap, `${TMP}/cli-1000b.svg`));
}

const results = benchRows(samples, bundle.initialJsGzip).map(evaluate);
console.log(`\n${table(results)}\n`);
console.log(
  `Initial chunks: ${bundle.initial.map((c) => `${c.file} ${(c.gzip / 1024).toFixed(1)} KB`).join(', ')}`,
);
console.log(
  `Lazy chunks: ${bundle.lazy.map((c) => `${c.file} ${(c.gzip / 1024).toFixed(1)} KB`).join(', ')}`,
);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, Chromium ${chromiumVersion}`;
writeFileSync(
  `${OUT}/report.json`,
  `${JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, results, bundle, samples: Object.fromEntries(samples) }, null, 2)}\n`,
);
log(`done; report in ${OUT}/report.json (${machine})`);
