/**
 * The built editor as a site a school hosts (issue 16, item 5): once loaded, its service worker
 * has every file of the site, so with the network off a reload opens the editor with the shipped
 * map, edits work and survive another offline reload; the site can be installed; and a new
 * version is announced, never applied until the person presses Reload; and a shared map, opened
 * from a link, goes offline with the site, is edited there and merges when the network is back.
 *
 * The build the browser tests share is copied to a folder of this file's own and served on an
 * origin of its own, so that a second version can be published there: the same build with a
 * changed `index.html` and, as a real build would write it, that file's new revision in `sw.js`'s
 * precache list (the only difference a browser sees between two deployments of this site).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PreviewServer } from 'vite';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openPage } from './browser';
import { newMapFromText } from './helpers';
import { serveBuild } from '../setup/serveBuild';
import { startSyncServer } from '../setup/syncServer';
import { putOnServer } from './sharingHelpers';
import { sampleMap } from '../unit/model/sampleMap';

let browser: Browser;
let server: PreviewServer;
let root: string;
let url: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'argmap-offline-'));
  cpSync(inject('buildDir'), root, { recursive: true });
  ({ server, url } = await serveBuild(root));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const newContext = (): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'allow' });

const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

/** Waits until the app has registered its worker and the worker has precached the site. */
const workerActive = (page: Page) =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

/** After a reload: the canvas shows the map and has every node of its opening view. */
async function mapShown(page: Page): Promise<void> {
  await page.waitForSelector('.react-flow__node', { timeout: 30_000 });
  await page.waitForSelector('.canvas:not([data-opening])', { timeout: 30_000 });
}

async function editFirstNode(page: Page, text: string): Promise<string> {
  const node = page.locator('.react-flow__node').first();
  const id = (await node.getAttribute('data-id'))!;
  await node.click();
  await page.getByTestId('node-text').fill(text);
  await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');
  return id;
}

const nodeText = (page: Page, id: string) =>
  page.locator(`.react-flow__node[data-id="${id}"]`).textContent();

/** A tab of a fresh context, opened once, after which the app's worker controls it. */
interface Installed {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** Nodes of the shipped map on the first visit. */
  shipped: number;
  /** Whether the worker controlled the first visit (it must not: nothing changes mid-session). */
  firstControlled: boolean;
}

async function install(): Promise<Installed> {
  const context = await newContext();
  const { page, errors } = await openPage(context, url);
  const shipped = await page.locator('.react-flow__node').count();
  await workerActive(page);
  const firstControlled = await controlled(page);
  await page.reload();
  await mapShown(page);
  return { context, page, errors, shipped, firstControlled };
}

describe('the editor offline', () => {
  let tab: Installed;
  beforeAll(async () => {
    tab = await install();
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  it('is controlled by its worker from the second visit on, which has every file of the site', async () => {
    const { page } = tab;
    expect(tab.firstControlled).toBe(false);
    expect(await controlled(page)).toBe(true);
    // Each chunk loaded on demand, the shipped map's chunk, the workers, the styles, the icons.
    const files = [
      ...readdirSync(join(root, 'assets'))
        .filter((f) => !f.endsWith('.map'))
        .map((f) => `assets/${f}`),
      'icon-192.png',
      'icon-512.png',
      'icon.svg',
    ];
    expect(files.some((f) => f.includes('argmap'))).toBe(true);
    const missing = await page.evaluate(async (files) => {
      const absent: string[] = [];
      for (const f of files)
        if (!(await caches.match(`/${f}`, { ignoreSearch: true }))) absent.push(f);
      return absent;
    }, files);
    expect(missing).toEqual([]);
    expect(tab.errors).toEqual([]);
  });

  it('can be installed: a manifest with English names and icons Chromium accepts', async () => {
    const cdp = await tab.context.newCDPSession(tab.page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      errors: { message: string }[];
      data?: string;
    };
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data!) as { name: string; short_name: string };
    expect(data.name).toBe('Argument map editor');
    expect(data.short_name).toBe('Argument maps');
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // A test's browser context is off the record, which Chromium names as the only reason.
    expect(installabilityErrors.map((e) => e.errorId).filter((e) => e !== 'in-incognito')).toEqual(
      [],
    );
    await cdp.detach();
  });

  it('opens with the shipped map with the network off; an edit works and survives an offline reload', async () => {
    const { page } = tab;
    await tab.context.setOffline(true);
    await page.reload();
    await mapShown(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await page.locator('.react-flow__node').count()).toBe(tab.shipped);

    const id = await editFirstNode(page, 'Edited with no network 离线编辑');
    await expect.poll(() => nodeText(page, id)).toContain('Edited with no network 离线编辑');
    await page.reload();
    await mapShown(page);
    expect(await nodeText(page, id)).toContain('Edited with no network 离线编辑');
    expect(tab.errors).toEqual([]);
  });

  it('loads what it loads on demand offline too: a new map from text', async () => {
    const { page } = tab;
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // The new-map dialog and the text importer are chunks fetched only now.
    await newMapFromText(page);
    expect(await page.locator('.toolbar h1').textContent()).toBe('Street trees');
    expect(await page.locator('[data-sentence-id="s1"]').textContent()).toContain('street trees');
    expect(tab.errors).toEqual([]);
  });
});

describe('a new version', () => {
  let tab: Installed;
  beforeAll(async () => {
    tab = await install();
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  it('is announced and applied only when the person chooses Reload', async () => {
    const { page, errors } = tab;
    expect(await controlled(page)).toBe(true);
    const id = await editFirstNode(page, 'Typed before the update');
    // Publish a second version.
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    writeFileSync(
      join(root, 'index.html'),
      html.replace('<head>', '<head><meta name="argmap-version" content="2">'),
    );
    const sw = readFileSync(join(root, 'sw.js'), 'utf8');
    const changed = sw.replace(/(url:"index\.html",revision:")[0-9a-f]+"/, '$1second-version"');
    expect(changed).not.toBe(sw);
    writeFileSync(join(root, 'sw.js'), changed);

    const version = () =>
      page.evaluate(() => document.querySelector('meta[name="argmap-version"]') !== null);
    await page.evaluate(() => ((window as { stillHere?: boolean }).stillHere = true));
    // The browser looks for a new worker on navigation and the app once an hour; here, at once.
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())!.update();
    });
    const prompt = page.getByTestId('update-ready');
    await expect.poll(() => prompt.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await prompt.textContent()).toContain('A new version is ready');
    // Announced, not applied: same page, same version, the edit in place, the new worker waiting.
    expect(await page.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(
      await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting),
    ).toBe(true);
    expect(await nodeText(page, id)).toContain('Typed before the update');

    // "Later" hides it; a reload of the person's own still gets the old version, and asks again.
    await prompt.getByRole('button', { name: 'Later' }).click();
    await expect.poll(() => prompt.isVisible()).toBe(false);
    await page.reload();
    await mapShown(page);
    expect(await version()).toBe(false);
    await expect.poll(() => prompt.isVisible(), { timeout: 30_000 }).toBe(true);

    // Reload: the new version takes over and the page reloads into it, with the edit kept.
    await Promise.all([
      page.waitForEvent('load', { timeout: 30_000 }),
      prompt.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await mapShown(page);
    expect(await version()).toBe(true);
    expect(await nodeText(page, id)).toContain('Typed before the update');
    expect(await prompt.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe('a shared map in the installed editor', () => {
  it('goes offline, reloads from the worker, is edited, and merges when back online', async () => {
    const sync = await startSyncServer();
    const context = await newContext();
    try {
      const map = sampleMap();
      const placed = {
        ...map,
        nodes: map.nodes.map((n, i) => ({ ...n, position: { x: i * 260, y: 0 } })),
      };
      const shared = await putOnServer(sync, placed, 'offline-trees');
      const { page, errors } = await openPage(context, await shared.link(url, 'editor'));
      const status = page.getByTestId('sharing-status');
      await expect.poll(() => status.getAttribute('data-connection')).toBe('online');
      await workerActive(page);
      // The address now names the shared map without its token; from this visit on the worker
      // serves the page.
      await page.reload();
      await mapShown(page);
      expect(await controlled(page)).toBe(true);

      await context.setOffline(true);
      await page.reload();
      await mapShown(page);
      await expect.poll(() => status.getAttribute('data-connection')).toBe('offline');
      await page.locator('.react-flow__node[data-id="n2"]').click();
      await page.getByTestId('node-note').fill('Written offline in the installed editor');
      await expect
        .poll(() => page.getByTestId('sharing-waiting').textContent())
        .toMatch(/[1-9]\d* edit/);

      await context.setOffline(false);
      await expect
        .poll(() => status.getAttribute('data-connection'), { timeout: 30_000 })
        .toBe('online');
      await expect
        .poll(async () => (await shared.stored()).nodes.find((n) => n.id === 'n2')?.note, {
          timeout: 30_000,
        })
        .toBe('Written offline in the installed editor');
      // Chromium itself logs each connection tried while offline; nothing else went wrong.
      const offlineTries = /^WebSocket connection to .* net::ERR_INTERNET_DISCONNECTED$/;
      expect(errors.filter((e) => !offlineTries.test(e))).toEqual([]);
    } finally {
      await context.close();
      await sync.dispose();
    }
  });
});
