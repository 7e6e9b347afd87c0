/**
 * One measurement each, in a page of its own, the same way for the editor and the baseline (see
 * pageProbes.ts for what the page records). Every function returns milliseconds, counts or
 * bytes; run.ts repeats them and compares.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** A page to measure: its address, and the map title the editor must show (null: baseline). */
export interface Target {
  url: string;
  title: string | null;
}

const READY_TIMEOUT = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls a JavaScript expression in the page until it is truthy. Not `page.waitForFunction`: that
 * evaluates its string with `eval`, which the editor's Content-Security-Policy forbids. The
 * timings themselves are taken inside the page, so the polling interval does not affect them.
 */
export async function waitFor(page: Page, expression: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeout} ms waiting for ${expression}`);
    await sleep(20);
  }
}

/**
 * Opens a page and waits until all visible nodes are rendered; returns it, the open time, and the
 * total blocking time of the open: the part over 50 ms of every main-thread task from navigation
 * to one second after the map showed (the tail catches work the page defers past first paint).
 */
export async function openAndWait(
  context: BrowserContext,
  target: Target,
): Promise<{ page: Page; ms: number; nodesShown: number; tbt: number }> {
  const page = await context.newPage();
  if (target.title)
    await page.addInitScript(`window.__benchTitle = ${JSON.stringify(target.title)};`);
  await page.goto(target.url);
  await waitFor(page, 'window.__bench.ready !== null', READY_TIMEOUT);
  const { ms, nodesShown } = (await page.evaluate(
    '({ ms: window.__bench.ready, nodesShown: window.__bench.readyCount })',
  )) as { ms: number; nodesShown: number };
  await sleep(1000);
  const tasks = (await page.evaluate('window.__bench.longtasks')) as {
    start: number;
    duration: number;
  }[];
  const tbt = tasks
    .filter((t) => t.start <= ms + 1000)
    .reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  return { page, ms, nodesShown, tbt };
}

/**
 * Zooms (mouse wheel over the node) until `nodeId` is drawn at about its full size, so the
 * interactions below act on a readable node whatever view the page opened on.
 */
export async function focusNode(page: Page, nodeId: string): Promise<void> {
  const node = page.locator(`.react-flow__node[data-id="${nodeId}"]`);
  for (let i = 0; i < 12; i++) {
    const box = await node.boundingBox();
    if (!box) throw new Error(`node ${nodeId} is not on screen`);
    if (box.width >= 200) return;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, box.width < 100 ? -500 : -150);
    await sleep(250);
  }
}

/** Frame rate and p95 frame time over ~2 s: 1 s of panning by drag, 1 s of wheel zoom. */
export async function panZoom(page: Page): Promise<{ fps: number; p95: number }> {
  const p = (await page.evaluate('window.__bench.panePoint()')) as { x: number; y: number };
  await page.evaluate('window.__bench.startFrames()');
  const start = Date.now();
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  for (let i = 0; Date.now() - start < 1000; i++) {
    const a = (i / 10) * Math.PI;
    await page.mouse.move(p.x + 150 * Math.sin(a), p.y + 100 * Math.cos(a));
    await sleep(16);
  }
  await page.mouse.up();
  for (let i = 0; Date.now() - start < 2000; i++) {
    await page.mouse.wheel(0, i % 16 < 8 ? -60 : 60);
    await sleep(16);
  }
  const frames = (await page.evaluate('window.__bench.stopFrames()')) as number[];
  const deltas = frames.slice(1).map((t, i) => t - frames[i]!);
  const elapsed = frames[frames.length - 1]! - frames[0]!;
  return { fps: ((frames.length - 1) / elapsed) * 1000, p95: percentile(deltas, 0.95) };
}

/** Median pointermove → next frame after the dragged node moved, over ~25 moves. */
export async function dragLatency(page: Page, nodeId: string): Promise<number> {
  const selector = `.react-flow__node[data-id="${nodeId}"]`;
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`node ${nodeId} is not on screen`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 5, y + 5); // past the drag threshold
  await page.evaluate(
    `window.__bench.armLatency(${JSON.stringify(selector)}, 'pointermove', false)`,
  );
  for (let i = 1; i <= 25; i++) {
    await page.mouse.move(x + 5 + i * 4, y + 5 + (i % 2) * 3);
    await sleep(40);
  }
  await page.mouse.up();
  await sleep(100);
  const latencies = (await page.evaluate('window.__bench.disarm()')) as number[];
  return median(latencies.slice(1));
}

/** Selects a node by clicking it, so the inspector (or the baseline's textarea) edits it. */
export async function selectNode(page: Page, nodeId: string): Promise<void> {
  const box = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
  if (!box) throw new Error(`node ${nodeId} is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('[data-testid="node-text"]');
  await page.click('[data-testid="node-text"]');
  await page.keyboard.press('End');
}

/**
 * Types `count` letters into `node-text` one by one: each keystroke's keydown → next frame
 * after the node's text changed on the canvas, and how many node components rendered again.
 */
export async function typing(
  page: Page,
  nodeId: string,
  count = 8,
): Promise<{ latency: number; rerendered: number }> {
  const selector = `.react-flow__node[data-id="${nodeId}"]`;
  const latencies: number[] = [];
  const rerendered: number[] = [];
  for (let i = 0; i < count; i++) {
    await page.evaluate(
      `window.__bench.snapshotNodes(); window.__bench.armLatency(${JSON.stringify(selector)}, 'keydown', true)`,
    );
    await page.keyboard.press('a');
    await waitFor(page, 'window.__bench.latencies.length > 0', 10_000);
    await sleep(60);
    latencies.push(...((await page.evaluate('window.__bench.disarm()')) as number[]));
    rerendered.push((await page.evaluate('window.__bench.countRerendered()')) as number);
  }
  return { latency: median(latencies), rerendered: Math.max(...rerendered) };
}

/**
 * One edit (a letter typed into the selected node), then the IndexedDB writes it caused: the
 * time from the autosave timer firing to the transaction's `complete`, and the records written.
 */
export async function persistOneEdit(page: Page): Promise<{ ms: number; records: number }> {
  await page.evaluate(
    'window.__bench.writes = []; window.__bench.commits = []; window.__bench.saveTimers = []',
  );
  await page.keyboard.press('b');
  await waitFor(page, 'window.__bench.commits.length > 0', 10_000);
  await sleep(300);
  const r = (await page.evaluate(
    '({ writes: window.__bench.writes, commits: window.__bench.commits, timers: window.__bench.saveTimers })',
  )) as { writes: { store: string }[]; commits: { end: number }[]; timers: number[] };
  const fired = r.timers[0] ?? Number.NaN;
  return { ms: Math.max(...r.commits.map((c) => c.end)) - fired, records: r.writes.length };
}

/**
 * Clicks Auto layout and waits until it is enabled again: the layout time; the longest
 * main-thread task while ELK computed (until its worker's result arrived); and the longest until
 * 500 ms after the button came back, which includes applying the positions to the map.
 */
export async function layout(
  page: Page,
): Promise<{ ms: number; longest: number; longestApply: number }> {
  const t0 = (await page.evaluate(`(() => {
    const b = window.__bench; b.layoutEnd = null; b.busySeen = false;
    const btn = document.querySelector('[data-testid="auto-layout"]');
    const t0 = performance.now();
    const watch = () => {
      if (btn.disabled) b.busySeen = true;
      else if (b.busySeen) { b.layoutEnd = performance.now(); return; }
      requestAnimationFrame(watch);
    };
    btn.click();
    requestAnimationFrame(watch);
    return t0;
  })()`)) as number;
  await waitFor(page, 'window.__bench.layoutEnd !== null', 60_000);
  await sleep(800);
  const { end, tasks, messages } = (await page.evaluate(
    '({ end: window.__bench.layoutEnd, tasks: window.__bench.longtasks, messages: window.__bench.workerMessages })',
  )) as { end: number; tasks: { start: number; duration: number }[]; messages: number[] };
  // The layout's result is the last message from the worker before the button came back.
  const resultAt = Math.max(t0, ...messages.filter((t) => t <= end));
  const longestIn = (to: number) =>
    Math.max(0, ...tasks.filter((t) => t.start >= t0 && t.start < to).map((t) => t.duration));
  return { ms: end - t0, longest: longestIn(resultAt - 1), longestApply: longestIn(end + 500) };
}

/**
 * Adds a node beside a selected one (the toolbar's "+ Add node", whose title ends in "(N)"):
 * the time from the click to the next frame after the new node appeared on the canvas; how many
 * messages ELK's worker sent meanwhile (a layout run would send one); and how many of the nodes
 * shown before moved (a re-layout would move them).
 */
export async function addBeside(
  page: Page,
  anchorId: string,
  anchorText: string,
): Promise<{ ms: number; layouts: number; moved: number }> {
  // The anchor is the map's last node (nothing below it), found with the search box and Enter,
  // which brings it into view; then clicked to select it.
  await page.getByTestId('search-input').fill(anchorText);
  await sleep(300);
  await page.getByTestId('search-input').press('Enter');
  await sleep(800);
  await page.getByTestId('search-input').fill('');
  await sleep(300);
  const anchor = await page.locator(`.react-flow__node[data-id="${anchorId}"]`).boundingBox();
  if (!anchor) throw new Error(`node ${anchorId} is not on screen`);
  await page.mouse.click(anchor.x + anchor.width / 2, anchor.y + anchor.height / 2);
  await sleep(300);
  await page.evaluate(`(() => {
    const b = window.__bench;
    const layer = document.querySelector('.react-flow__nodes');
    const before = new Map();
    for (const n of layer.querySelectorAll('.react-flow__node'))
      before.set(n.getAttribute('data-id'), n.style.transform);
    b.placed = null;
    b.placeMessages = b.workerMessages.length;
    const mo = new MutationObserver(() => {
      const added = [...layer.querySelectorAll('.react-flow__node')].find(
        (n) => !before.has(n.getAttribute('data-id')));
      if (!added) return;
      mo.disconnect();
      requestAnimationFrame(() => {
        const ms = performance.now() - t0;
        setTimeout(() => {
          let moved = 0;
          for (const n of layer.querySelectorAll('.react-flow__node')) {
            const t = before.get(n.getAttribute('data-id'));
            if (t !== undefined && t !== n.style.transform) moved++;
          }
          b.placed = { ms, layouts: b.workerMessages.length - b.placeMessages, moved };
        }, 500);
      });
    });
    mo.observe(layer, { childList: true, subtree: true });
    const t0 = performance.now();
    document.querySelector('.toolbar button[title$="(N)"]').click();
  })()`);
  await waitFor(page, 'window.__bench.placed !== null', 10_000);
  const placed = (await page.evaluate('window.__bench.placed')) as {
    ms: number;
    layouts: number;
    moved: number;
  };
  // Undo, so the next run (on the same stored map) finds the same room below the anchor.
  await page.getByTestId('undo').click();
  await sleep(300);
  return placed;
}

/** JS heap in use after a forced garbage collection (CDP), in bytes. */
export async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(values: readonly number[], q: number): number {
  if (!values.length) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/**
 * Drags a section's title bar into view at the top left, where its folded box appears (the
 * canvas draws only what is in view, so a box out of view would never show).
 */
export async function sectionIntoView(page: Page, groupId: string): Promise<void> {
  const frame = `[data-group-id="${groupId}"]`;
  const box = await page.locator(frame).boundingBox();
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!box || !pane) throw new Error(`section ${groupId} is not on the canvas`);
  const p = (await page.evaluate('window.__bench.panePoint()')) as { x: number; y: number };
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move(p.x + pane.x + 80 - box.x, p.y + pane.y + 80 - box.y, { steps: 10 });
  await page.mouse.up();
  await sleep(500);
}

/**
 * Folds a section into its box and unfolds it again, each timed from the click on its ▾/▸ to the
 * first frame painted after the canvas shows the change (see {@link sectionIntoView}).
 */
export async function foldSection(
  page: Page,
  groupId: string,
): Promise<{ collapse: number; expand: number }> {
  const frame = `[data-group-id="${groupId}"]`;
  const toggle = (collapsed: boolean) =>
    page.evaluate(`new Promise((resolve, reject) => {
      const button = document.querySelector('${frame} [data-testid="group-toggle"]');
      if (!button) return reject(new Error('no toggle for section ${groupId}'));
      const done = () => document.querySelector('${frame}[data-collapsed="true"]') ${collapsed ? '!==' : '==='} null;
      const t0 = performance.now();
      button.click();
      const check = () => {
        if (done()) requestAnimationFrame(() => resolve(performance.now() - t0));
        else if (performance.now() - t0 > 10000)
          reject(new Error('section ${groupId} did not ${collapsed ? 'fold' : 'unfold'} within 10 s'));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })`) as Promise<number>;
  const collapse = await toggle(true);
  await sleep(300);
  const expand = await toggle(false);
  return { collapse, expand };
}

/**
 * Picks a document through File › New map from a file… in a freshly opened editor page (its I/O
 * worker new, pdf.js not yet loaded in it): the time from the input's `change` (the file picked)
 * to the first frame after the preview shows its paragraphs, and, when `lastPage` is given, the
 * page mark of that page; and the longest main-thread task meanwhile.
 */
/** The time a person spends in the file chooser, taken short: one second. */
export const IN_THE_CHOOSER = 1000;

/**
 * A document picked in File › New map from a file…, timed from the pick until its preview shows.
 * `how`: 'menu' as a person picks it: the File menu opened, the command clicked, and the file given
 * to the file chooser that opens {@link IN_THE_CHOOSER} ms later (pointing at the command starts
 * loading the readers, which goes on while the person finds the file); 'cold': the file given
 * straight to the hidden input, nothing loaded before.
 */
export async function previewDocument(
  page: Page,
  path: string,
  lastPage: string | null,
  how: 'menu' | 'cold' = 'menu',
): Promise<{ ms: number; longest: number }> {
  await page.evaluate(`(() => {
    const B = window.__bench;
    B.doc = null;
    B.docStart = null;
    addEventListener('change', (e) => {
      if (B.docStart === null && e.target?.dataset?.testid === 'new-map-from-file-input')
        B.docStart = performance.now();
    }, true);
    const lastPage = ${JSON.stringify(lastPage)};
    const shown = () => {
      const preview = document.querySelector('[data-testid="new-map-preview"]');
      if (!preview || !preview.querySelector('p')) return false;
      if (lastPage === null) return true;
      const marks = preview.querySelectorAll('[data-testid="page-mark"]');
      const last = marks[marks.length - 1];
      return !!last && new RegExp('\\\\b' + lastPage + '\\\\b').test(last.textContent);
    };
    const check = () => {
      if (B.docStart !== null && shown()) {
        requestAnimationFrame(() => {
          const end = performance.now();
          B.doc = { ms: end - B.docStart, start: B.docStart, end };
        });
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })()`);
  if (how === 'menu') {
    await page.click('[data-testid="file-menu"]');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.click('[data-testid="new-map-from-file"]'),
    ]);
    await page.waitForTimeout(IN_THE_CHOOSER);
    await chooser.setFiles(path);
  } else await page.setInputFiles('[data-testid="new-map-from-file-input"]', path);
  await waitFor(page, 'window.__bench.doc !== null', 60_000);
  const { doc, tasks } = (await page.evaluate(
    '({ doc: window.__bench.doc, tasks: window.__bench.longtasks })',
  )) as {
    doc: { ms: number; start: number; end: number };
    tasks: { start: number; duration: number }[];
  };
  const during = tasks.filter((t) => t.start + t.duration > doc.start && t.start < doc.end);
  return { ms: doc.ms, longest: Math.max(0, ...during.map((t) => t.duration)) };
}
