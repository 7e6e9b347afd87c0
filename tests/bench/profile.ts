/**
 * `npm run bench:profile -- <article|stored|largest|open|pan|typing|place|fold|pdf|html> [nodes]`: where the time of one benchmark
 * scenario goes, for finding what to make faster (not a measurement to report). Builds the editor
 * unminified (readable function names), opens a generated map (imported through File › Import,
 * so it is editable), runs the scenario under Chromium's sampling profiler and tracing (CDP), and
 * prints the functions with the most self and total time (`article`, `stored`: opening the
 * shipped or the generated map from IndexedDB) and the browser's own work (style,
 * layout, paint, …) by event name. `pan` and `open` use the read-only view (`?open=`), which
 * renders the same canvas without the import. `pdf` and `html`: the benchmark's `documents` group
 * (a 30-page PDF, a 1 MB web page picked through File › New map from a file…); most of their work
 * is in the I/O worker, so the functions of each Web Worker thread are summarised too (from the
 * trace's own sampling profiler).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { serveBuild } from '../setup/serveBuild';
import type { CDPSession, Page } from 'playwright-core';
import { serializeMap } from '../../src/io/mapFile';
import { launchChromium } from '../browser/browser';
import { BENCH_SECTION, generateMap } from './generateMap';
import { PAGE_PROBES } from './pageProbes';
import { largestMapFile } from '../browser/largestFile';
import * as m from './measure';
import { PDF_PAGES, articlePdf, savedPageHtml } from './documents';

const [scenario = 'pan', size = '5000'] = process.argv.slice(2);
const n = Number(size);
const DIR = join(tmpdir(), 'argmap-profile');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the trace records it: what the task cost, less waiting for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: (ProfileNode & { parent?: number })[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

/**
 * The trace's sampling profiles (`Profile`, `ProfileChunk` events: one per thread, Web Workers
 * included), each as a {@link Profile} with its thread's name.
 */
function threadProfiles(events: TraceEvent[]): { thread: string; profile: Profile }[] {
  const threadName = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const byId = new Map<
    string,
    { thread: string; profile: Profile; nodes: Map<number, ProfileNode> }
  >();
  for (const e of events) {
    const key = `${e.pid}:${e.id}`;
    if (e.name === 'Profile')
      byId.set(key, {
        thread: threadName.get(`${e.pid}:${e.tid}`) ?? String(e.tid),
        profile: {
          nodes: [],
          startTime: e.args?.data?.startTime ?? 0,
          samples: [],
          timeDeltas: [],
        },
        nodes: new Map(),
      });
    const entry = byId.get(key);
    if (e.name !== 'ProfileChunk' || !entry) continue;
    for (const node of e.args?.data?.cpuProfile?.nodes ?? []) {
      // Native frames come without a file or line.
      const { functionName = '', url = '', lineNumber = -1 } = node.callFrame;
      entry.nodes.set(node.id, {
        id: node.id,
        callFrame: { functionName, url, lineNumber },
        children: [],
      });
      if (node.parent !== undefined) entry.nodes.get(node.parent)?.children?.push(node.id);
    }
    entry.profile.samples.push(...(e.args?.data?.cpuProfile?.samples ?? []));
    entry.profile.timeDeltas.push(...(e.args?.data?.timeDeltas ?? []));
  }
  return [...byId.values()].map(({ thread, profile, nodes }) => ({
    thread,
    profile: { ...profile, nodes: [...nodes.values()] },
  }));
}

/** Self and total milliseconds per function (name, file, line), the top `count` of each. */
function summarise(
  profile: Profile,
  count = 30,
  within: (time: number) => boolean = () => true,
): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const keyOf = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}`;
  let time = profile.startTime;
  profile.samples.forEach((sample, i) => {
    time += profile.timeDeltas[i] ?? 0;
    if (!within(time)) return;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    let id: number | undefined = sample;
    let first = true;
    while (id !== undefined) {
      const node = byId.get(id)!;
      const key = keyOf(node);
      if (first) self.set(key, (self.get(key) ?? 0) + dt);
      first = false;
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + dt);
      seen.add(key);
      id = parent.get(id);
    }
  });
  const top = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`)
      .join('\n');
  return `--- self\n${top(self)}\n--- total\n${top(total)}`;
}

/**
 * Each thread's CPU time in the trace: the thread time (`tdur`) of its top-level tasks, which,
 * unlike their duration, leaves out the time the thread waited for a core (the machine may be
 * shared). Threads named by the trace (`CrRendererMain`, `DedicatedWorker thread`, …).
 */
function cpuByThread(events: TraceEvent[]): string {
  const threadName = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const cpu = new Map<string, { ms: number; wall: number; tasks: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || e.tdur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    const entry = cpu.get(key) ?? { ms: 0, wall: 0, tasks: 0 };
    entry.ms += e.tdur / 1000;
    entry.wall += (e.dur ?? 0) / 1000;
    entry.tasks++;
    cpu.set(key, entry);
  }
  return [...cpu]
    .filter(([, v]) => v.ms >= 1)
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(
      ([key, v]) =>
        `${v.ms.toFixed(0).padStart(8)} ms CPU (${v.wall.toFixed(0)} ms in tasks, ${v.tasks} tasks)  ${threadName.get(key) ?? key}`,
    )
    .join('\n');
}

/** Runs `action` under the JS profiler and a devtools.timeline trace; prints both summaries. */
async function profiled(page: Page, action: () => Promise<void>): Promise<void> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  // PROFILE_CPU_ONLY=1: no sampling profiler (which slows every thread down), only the trace's
  // CPU time per thread.
  const sampling = !process.env.PROFILE_CPU_ONLY;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  const traced = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', {
    categories: sampling
      ? 'devtools.timeline,v8,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler'
      : 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  if (sampling) await cdp.send('Profiler.start');
  const start = Date.now();
  await action();
  const wall = Date.now() - start;
  const { profile } = sampling
    ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile })
    : { profile: { nodes: [], startTime: 0, samples: [], timeDeltas: [] } };
  await cdp.send('Tracing.end');
  await traced;
  console.log(`--- CPU time by thread (ms, top-level tasks' thread time; wall ${wall} ms)`);
  console.log(cpuByThread(events));
  if (sampling) {
    writeFileSync(join(DIR, `${scenario}-${n}.cpuprofile`), JSON.stringify(profile));
    console.log(`wall ${wall} ms; profile in ${join(DIR, `${scenario}-${n}.cpuprofile`)}`);
    console.log(summarise(profile));
  }
  const byName = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'X' && e.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  for (const { thread, profile: workerProfile } of threadProfiles(events))
    if (thread.includes('Worker') && workerProfile.samples.length)
      console.log(`--- ${thread} (from the trace)\n${summarise(workerProfile)}`);
  console.log('--- browser events (total ms, all threads; nested events overlap)');
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  // The page's main thread's long tasks (over 100 ms), each with the functions that took its
  // time: the profile's samples and the trace share one clock (microseconds).
  const main = events.find((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain');
  const long = events.filter(
    (e) =>
      main &&
      e.pid === main.pid &&
      e.tid === main.tid &&
      e.name === 'RunTask' &&
      e.ph === 'X' &&
      (e.dur ?? 0) > 100_000,
  );
  const cpu = long.map((t) => Math.round((t.tdur ?? NaN) / 1000));
  console.log(`--- main-thread tasks over 100 ms, their CPU time (ms): ${cpu.join(' ')}`);
  // The main thread's costliest tasks by CPU time (what they would take on an idle machine).
  const costliest = events
    .filter(
      (e) =>
        main &&
        e.pid === main.pid &&
        e.tid === main.tid &&
        e.name === 'RunTask' &&
        e.ph === 'X' &&
        e.tdur !== undefined,
    )
    .sort((a, b) => b.tdur! - a.tdur!)
    .slice(0, 5)
    .map((t) => `${Math.round(t.tdur! / 1000)} (${Math.round(t.dur! / 1000)})`);
  console.log(`--- main-thread tasks with the most CPU time, ms (wall): ${costliest.join(' ')}`);
  for (const task of long) {
    const end = task.ts + task.dur!;
    console.log(
      `--- long task of ${(task.dur! / 1000).toFixed(0)} ms (${((task.tdur ?? NaN) / 1000).toFixed(0)} ms on the CPU) at ${((task.ts - profile.startTime) / 1000).toFixed(0)} ms into the profile`,
    );
    if (sampling) console.log(summarise(profile, 15, (t) => t >= task.ts && t <= end));
    // The browser's own work in it (style, layout, paint…), by event name.
    const inTask = new Map<string, number>();
    for (const e of events)
      if (
        e.ph === 'X' &&
        e.dur &&
        e.tid === task.tid &&
        e.pid === task.pid &&
        e !== task &&
        e.ts >= task.ts &&
        e.ts < end
      )
        inTask.set(e.name, (inTask.get(e.name) ?? 0) + e.dur / 1000);
    console.log('--- its browser events (ms; nested events overlap)');
    console.log(
      [...inTask]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`)
        .join('\n'),
    );
  }
  await cdp.detach();
}

/**
 * After the map shows, what the page still does (routing the edges in view, deferred work): waits
 * until two seconds pass without a long task, so the profile holds every task of the open.
 */
async function untilQuiet(page: Page): Promise<void> {
  const count = () => page.evaluate('window.__bench.longtasks.length') as Promise<number>;
  for (let before = -1, now = await count(); now !== before; now = await count()) {
    before = now;
    await page.waitForTimeout(2000);
  }
}

mkdirSync(DIR, { recursive: true });
await build({
  logLevel: 'warn',
  build: { outDir: join(DIR, 'app'), emptyOutDir: true, minify: false, sourcemap: false },
});
const map = generateMap(n);
const file = join(DIR, 'app', `bench-${n}.argmap.json`);
writeFileSync(file, serializeMap(map));
const { server, url } = await serveBuild(join(DIR, 'app'));
const browser = await launchChromium();
try {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 900 },
    bypassCSP: true,
  });
  await context.addInitScript(PAGE_PROBES);
  const byUrl = `${url}?open=${encodeURIComponent(`/bench-${n}.argmap.json`)}`;
  if (scenario === 'article') {
    // First launch seeds the article's map; the second page opens it from IndexedDB.
    const first = await m.openAndWait(context, { url, title: null });
    const mapUrl = first.page.url();
    const title = (await first.page.textContent('.toolbar h1')) ?? '';
    await first.page.close();
    const page = await context.newPage();
    await page.addInitScript(`window.__benchTitle = ${JSON.stringify(title)};`);
    await profiled(page, async () => {
      await page.goto(mapUrl);
      await m.waitFor(page, 'window.__bench.ready !== null', 60_000);
      await untilQuiet(page);
    });
    const tasks = (await page.evaluate('window.__bench.longtasks')) as {
      start: number;
      duration: number;
    }[];
    console.log(
      `ready at ${String(await page.evaluate('window.__bench.ready'))} ms; longest task ${Math.round(Math.max(0, ...tasks.map((t) => t.duration)))} ms; long tasks ${tasks.map((t) => `${Math.round(t.duration)}@${Math.round(t.start)}`).join(' ')}`,
    );
  } else if (scenario === 'largest') {
    // The largest map the limits allow (100,000 sentences, 10 M characters): imported through
    // File › Import, then opened from IndexedDB in a page of its own.
    const largest = largestMapFile();
    const path = join(DIR, 'largest.argmap.json');
    writeFileSync(path, largest.text);
    const first = await m.openAndWait(context, { url, title: null });
    await first.page.setInputFiles('[data-testid="import-input"]', path);
    await m.waitFor(
      first.page,
      `document.querySelector('.toolbar h1')?.textContent === ${JSON.stringify(largest.map.title)}`,
      300_000,
    );
    // Opening it laid it out (its nodes had no positions: the conclusion ends up above its
    // premises); once that is stored, it is reopened as a user reopens it, laid out.
    await m.waitFor(
      first.page,
      `(() => {
        const top = (id) => document.querySelector('.react-flow__node-arg[data-id="' + id + '"]')?.getBoundingClientRect().top;
        return top('n1') > top('n0') &&
          document.querySelector('[data-testid="save-state"]')?.textContent === 'Saved';
      })()`,
      300_000,
    );
    await first.page.close();
    const page = await context.newPage();
    await page.addInitScript(`window.__benchTitle = ${JSON.stringify(largest.map.title)};`);
    await profiled(page, async () => {
      await page.goto(`${url}?map=${largest.map.id}`);
      await m.waitFor(page, 'window.__bench.ready !== null', 300_000);
      await untilQuiet(page);
    });
    const tasks = (await page.evaluate('window.__bench.longtasks')) as {
      start: number;
      duration: number;
    }[];
    console.log(
      `ready at ${String(await page.evaluate('window.__bench.ready'))} ms; longest task ${Math.round(Math.max(0, ...tasks.map((t) => t.duration)))} ms; long tasks ${tasks.map((t) => `${Math.round(t.duration)}@${Math.round(t.start)}`).join(' ')}`,
    );
  } else if (scenario === 'pdf' || scenario === 'html') {
    // A fresh editor page (its I/O worker not started), the document picked, until its preview.
    const path = join(DIR, scenario === 'pdf' ? 'article.pdf' : 'saved-page.html');
    writeFileSync(path, scenario === 'pdf' ? await articlePdf(browser) : savedPageHtml());
    const first = await m.openAndWait(context, { url, title: null });
    const mapUrl = first.page.url();
    await first.page.close();
    const { page } = await m.openAndWait(context, { url: mapUrl, title: null });
    let result = { ms: 0, longest: 0 };
    await profiled(
      page,
      async () =>
        void (result = await m.previewDocument(
          page,
          path,
          scenario === 'pdf' ? String(PDF_PAGES) : null,
        )),
    );
    console.log(
      `previewed in ${result.ms.toFixed(0)} ms, longest task ${result.longest.toFixed(0)} ms`,
    );
  } else if (scenario === 'open') {
    const page = await context.newPage();
    await profiled(page, async () => {
      await page.goto(byUrl);
      await m.waitFor(page, 'window.__bench.ready !== null', 60_000);
    });
  } else if (scenario === 'pan') {
    const { page } = await m.openAndWait(context, { url: byUrl, title: map.title });
    // PROFILE_CSS: extra CSS for the experiment (e.g. hiding one layer to see what it costs).
    if (process.env.PROFILE_CSS) await page.addStyleTag({ content: process.env.PROFILE_CSS });
    await m.focusNode(page, 'n0');
    let result = { fps: 0, p95: 0 };
    await profiled(page, async () => void (result = await m.panZoom(page)));
    console.log(`fps ${result.fps.toFixed(1)}, p95 ${result.p95.toFixed(1)} ms`);
  } else {
    const first = await m.openAndWait(context, { url, title: null });
    await first.page.setInputFiles('[data-testid="import-input"]', file);
    await m.waitFor(
      first.page,
      `document.querySelector('.toolbar h1')?.textContent === ${JSON.stringify(map.title)}`,
      180_000,
    );
    await first.page.close();
    if (scenario === 'stored') {
      // Opening the imported map from IndexedDB, as the benchmark's "open" row does.
      const page = await context.newPage();
      await page.addInitScript(`window.__benchTitle = ${JSON.stringify(map.title)};`);
      await profiled(page, async () => {
        await page.goto(`${url}?map=${map.id}`);
        await m.waitFor(page, 'window.__bench.ready !== null', 60_000);
      });
      console.log(`ready at ${String(await page.evaluate('window.__bench.ready'))} ms`);
      process.exit(0);
    }
    const { page } = await m.openAndWait(context, {
      url: `${url}?map=${map.id}`,
      title: map.title,
    });
    if (scenario === 'fold') {
      let result = { collapse: 0, expand: 0 };
      await m.sectionIntoView(page, BENCH_SECTION);
      await profiled(page, async () => void (result = await m.foldSection(page, BENCH_SECTION)));
      console.log(`fold ${result.collapse.toFixed(0)} ms, unfold ${result.expand.toFixed(0)} ms`);
      process.exit(0);
    }
    await m.focusNode(page, 'n0');
    await m.selectNode(page, 'n0');
    if (scenario === 'typing') {
      let result = { latency: 0, rerendered: 0 };
      await profiled(page, async () => void (result = await m.typing(page, 'n0')));
      console.log(`latency ${result.latency.toFixed(1)} ms, re-rendered ${result.rerendered}`);
    } else {
      let result = { ms: 0, layouts: 0, moved: 0 };
      await profiled(
        page,
        async () => void (result = await m.addBeside(page, `n${n - 1}`, `（${n - 1}）`)),
      );
      console.log(JSON.stringify(result));
    }
  }
} finally {
  await browser.close();
  await server.close();
}
