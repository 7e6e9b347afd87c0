/**
 * No edit lost, in real Chromium over real IndexedDB: two tabs editing one map converge (the last
 * write of a node wins it; edits to different nodes are all kept; undo takes back only this tab's
 * edits); a full disk keeps the edits in memory with a banner and a way out; a damaged stored
 * record is skipped and reported while the rest opens; a database written by schema version 1
 * opens with its maps intact.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from './browser';
import { contextPerTest, nodeOn, viewSettled } from './helpers';

const baseUrl = inject('baseUrl');
const session = contextPerTest({
  viewport: { width: 1400, height: 900 },
  acceptDownloads: true,
});

/** A node's text as drawn (not its kind or the quick-build buttons a selected node shows). */
const textOn = (page: Page, id: string) => nodeOn(page, id).locator('.arg-node-text');

/**
 * Zooms (mouse wheel over the node) until node `id` is drawn at a readable size: maps open on
 * their overview, where a node is a few pixels wide.
 */
async function zoomTo(page: Page, id: string) {
  if (!(await nodeOn(page, id).count())) {
    // Off screen (only nodes in view are drawn): back to the whole map first.
    await page.getByTestId('overview').click();
    await nodeOn(page, id).waitFor();
    await viewSettled(page);
  }
  for (let i = 0; i < 12; i++) {
    const box = await nodeOn(page, id).boundingBox();
    if (!box) throw new Error(`node ${id} is not on screen`);
    if (box.width >= 150) return;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await viewSettled(page, 3);
  }
}

/** Selects a node on the canvas and replaces its text in the inspector. */
async function setText(page: Page, id: string, text: string) {
  await zoomTo(page, id);
  await nodeOn(page, id).click();
  await page.getByTestId('node-text').fill(text);
}

/**
 * Two distinct node ids visible on the first page, close to each other (so zooming to the first
 * keeps the second in view): the node nearest the canvas's centre and its nearest neighbour.
 */
async function twoNodes(page: Page): Promise<[string, string]> {
  const ids = await page.locator('.react-flow__node-arg').evaluateAll((els) => {
    const c = document.querySelector('.canvas')!.getBoundingClientRect();
    const centre = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    };
    const boxes = [...els].filter((e) => !e.querySelector('.arg-inference'));
    const near = (p: { x: number; y: number }, list: Element[]) =>
      [...list].sort(
        (a, b) =>
          Math.hypot(centre(a).x - p.x, centre(a).y - p.y) -
          Math.hypot(centre(b).x - p.x, centre(b).y - p.y),
      );
    const first = near({ x: c.x + c.width / 2, y: c.y + c.height / 2 }, boxes)[0]!;
    const second = near(centre(first), boxes).find((e) => e !== first)!;
    return [first, second].map((e) => e.getAttribute('data-id')!);
  });
  return [ids[0]!, ids[1]!];
}

/** Reloads the page and returns the text of node `id` once it is back. */
async function textAfterReload(page: Page, id: string): Promise<string | null> {
  await page.reload();
  await page.waitForSelector(`.react-flow__node[data-id="${id}"]`);
  return textOn(page, id).textContent();
}

/** A blank page on the app's origin, where the app does not run. */
async function blankPage(): Promise<Page> {
  await session.context.route(`${baseUrl}blank`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
  );
  const page = await session.context.newPage();
  await page.goto(`${baseUrl}blank`);
  return page;
}

const settled = (page: Page) =>
  expect
    .poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 })
    .toBe('Saved');

describe('two tabs on one map', () => {
  it('keep both tabs’ edits to different nodes, made at the same moment, in both tabs and in storage', async () => {
    const a = await openPage(session.context, baseUrl);
    const b = await openPage(session.context, baseUrl);
    const [x, y] = await twoNodes(a.page);
    await nodeOn(a.page, x).click();
    await nodeOn(b.page, y).click();
    // Both edits land inside one autosave window.
    await Promise.all([
      a.page.getByTestId('node-text').fill('Edited in tab A'),
      b.page.getByTestId('node-text').fill('Edited in tab B'),
    ]);
    for (const { page } of [a, b]) {
      await expect
        .poll(() => textOn(page, x).textContent(), { timeout: 10_000 })
        .toContain('Edited in tab A');
      await expect
        .poll(() => textOn(page, y).textContent(), { timeout: 10_000 })
        .toContain('Edited in tab B');
      await settled(page);
    }
    expect(await textAfterReload(a.page, y)).toContain('Edited in tab B');
    expect(await textOn(a.page, x).textContent()).toContain('Edited in tab A');
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('give the same node the last written text in both tabs, even when both type at once', async () => {
    const a = await openPage(session.context, baseUrl);
    const b = await openPage(session.context, baseUrl);
    const [x] = await twoNodes(a.page);
    await setText(a.page, x, 'First, from A');
    await settled(a.page);
    await expect
      .poll(() => textOn(b.page, x).textContent(), { timeout: 10_000 })
      .toContain('First, from A');
    // Later write wins: B's edit comes after A's.
    await setText(b.page, x, 'Then, from B');
    await expect
      .poll(() => textOn(a.page, x).textContent(), { timeout: 10_000 })
      .toContain('Then, from B');

    // At the same moment: whichever is written last wins, and both tabs agree on it.
    await nodeOn(a.page, x).click();
    await Promise.all([
      a.page.getByTestId('node-text').fill('Race A'),
      b.page.getByTestId('node-text').fill('Race B'),
    ]);
    await settled(a.page);
    await settled(b.page);
    await expect
      .poll(
        async () => {
          const [inA, inB] = [
            await textOn(a.page, x).textContent(),
            await textOn(b.page, x).textContent(),
          ];
          return inA === inB && /Race [AB]/.test(inA ?? '');
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const agreed = (await textOn(a.page, x).textContent())!;
    expect(await textAfterReload(b.page, x)).toBe(agreed);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('undo in one tab takes back only that tab’s own edit, not the other tab’s', async () => {
    const a = await openPage(session.context, baseUrl);
    const b = await openPage(session.context, baseUrl);
    const [x, y] = await twoNodes(a.page);
    const originalX = (await textOn(a.page, x).textContent())!;
    await setText(a.page, x, 'A’s edit, to be undone');
    await settled(a.page);
    await setText(b.page, y, 'B’s edit, to be kept');
    await expect
      .poll(() => textOn(a.page, y).textContent(), { timeout: 10_000 })
      .toContain('B’s edit, to be kept');
    await a.page.getByTestId('undo').click();
    await expect.poll(() => textOn(a.page, x).textContent()).toBe(originalX);
    expect(await textOn(a.page, y).textContent()).toContain('B’s edit, to be kept');
    await expect.poll(() => textOn(b.page, x).textContent(), { timeout: 10_000 }).toBe(originalX);
    expect(await textOn(b.page, y).textContent()).toContain('B’s edit, to be kept');
    expect([...a.errors, ...b.errors]).toEqual([]);
  });
});

describe('an edit right before the page goes away', () => {
  it.each(['closed', 'crashed'] as const)(
    'is there when the tab is %s at once, before the autosave delay',
    async (how) => {
      const { page, errors } = await openPage(session.context, baseUrl);
      const [x] = await twoNodes(page);
      const cdp = await session.context.newCDPSession(page);
      await nodeOn(page, x).click();
      await page.getByTestId('node-text').fill(`Edited, then the tab was ${how}`);
      if (how === 'closed') await page.close();
      else {
        const crashed = page.waitForEvent('crash');
        void cdp.send('Page.crash').catch(() => undefined); // never answers: the page is gone
        await crashed;
      }
      const next = await openPage(session.context, baseUrl);
      await next.page.waitForSelector(`.react-flow__node-arg[data-id="${x}"]`);
      expect(await textOn(next.page, x).textContent()).toContain(`Edited, then the tab was ${how}`);
      expect(errors.filter((e) => !/crash/i.test(e))).toEqual([]);
      expect(next.errors).toEqual([]);
    },
  );
});

describe('storage full', () => {
  it('keeps editing in memory with a banner, downloads the map with the unsaved edit, and saves on retry', async () => {
    // Chromium's DevTools quota override (Storage.overrideQuotaForOrigin) has no effect in this
    // headless build, so IndexedDB is made to refuse writes the way it does when the disk is full.
    await session.context.addInitScript(() => {
      for (const method of ['put', 'add'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown]) {
          if ((window as { storageFull?: boolean }).storageFull)
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        };
      }
    });
    const { page, errors } = await openPage(session.context, baseUrl);
    await page.evaluate(() => ((window as { storageFull?: boolean }).storageFull = true));
    const [x] = await twoNodes(page);
    const long = `Too long to fit: ${'论证'.repeat(1000)}`;
    await setText(page, x, long);
    const banner = page.getByTestId('save-failed');
    await expect.poll(() => banner.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await banner.textContent()).toMatch(/storage for this site is full/);
    expect(await page.getByTestId('save-state').textContent()).toBe('Not saved!');

    // Still editing: another change shows on the canvas.
    await setText(page, x, `${long} and more`);
    await expect.poll(() => textOn(page, x).textContent()).toContain('Too long to fit');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      banner.getByRole('button', { name: 'Download this map' }).click(),
    ]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      nodes: { id: string; text: string }[];
    };
    expect(file.nodes.find((n) => n.id === x)?.text).toBe(`${long} and more`);

    // Space again: retrying stores everything, and a reload shows it.
    await page.evaluate(() => ((window as { storageFull?: boolean }).storageFull = false));
    await page.getByTestId('retry-save').click();
    await settled(page);
    expect(await banner.count()).toBe(0);
    expect(await textAfterReload(page, x)).toContain('and more');
    // The one expected error: the failed write, logged.
    expect(errors.filter((e) => !/Saving failed/.test(e))).toEqual([]);
  });
});

describe('a damaged stored record', () => {
  it('is left out and reported while the rest of the map opens, and stays stored unchanged', async () => {
    const { page, errors } = await openPage(session.context, baseUrl);
    // y is the tour's first stop, which the map opens on; x is another node.
    const [y, x] = await twoNodes(page);
    const mapId = new URL(page.url()).searchParams.get('map')!;
    const damage = (key: [string, string]) =>
      page.evaluate(
        ([mapId, nodeId]) =>
          new Promise<unknown>((resolve, reject) => {
            const open = indexedDB.open('argmap-editor');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('nodes', 'readwrite');
              const nodes = tx.objectStore('nodes');
              const get = nodes.get([mapId, nodeId]);
              get.onsuccess = () => {
                const record = { ...get.result, refs: [{ sentence: 'no-such-sentence' }] };
                nodes.put(record);
                tx.oncomplete = () => {
                  open.result.close();
                  resolve(record);
                };
              };
            };
          }),
        key,
      );
    const damaged = await damage([mapId, x]);
    await textAfterReload(page, y);
    const alert = page.getByRole('alert').first();
    expect(await alert.textContent()).toMatch(/damaged record\(s\).*left out/s);
    expect(await alert.textContent()).toContain(`node "${x}"`);
    expect(await alert.textContent()).toContain('"no-such-sentence" is not a sentence of this map');
    expect(await nodeOn(page, x).count()).toBe(0);
    await alert.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);

    // Editing the rest saves, and the damaged record stays as it was.
    await setText(page, y, 'Edited beside a damaged record');
    await settled(page);
    const stored = await page.evaluate(
      ([mapId, nodeId]) =>
        new Promise<unknown>((resolve) => {
          const open = indexedDB.open('argmap-editor');
          open.onsuccess = () => {
            const get = open.result.transaction('nodes').objectStore('nodes').get([mapId, nodeId]);
            get.onsuccess = () => {
              open.result.close();
              resolve(get.result);
            };
          };
        }),
      [mapId, x] as const,
    );
    expect(stored).toEqual(damaged);
    expect(errors).toEqual([]);
  });
});

describe('a render error in one node', () => {
  it('shows a small box in that node’s place while the rest of the app keeps working', async () => {
    // A fault planted in rendering: drawing a five-star rating throws.
    await session.context.addInitScript(() => {
      const repeat = String.prototype.repeat;
      String.prototype.repeat = function (this: string, count: number) {
        if (String(this) === '★' && count === 5) throw new Error('planted fault');
        return repeat.call(this, count);
      };
    });
    const { page, errors } = await openPage(session.context, baseUrl);
    const [x, y] = await twoNodes(page);
    await zoomTo(page, x);
    await nodeOn(page, x).click();
    await page.getByTestId('inspector').getByRole('radio', { name: '5' }).first().check();
    await expect
      .poll(() => nodeOn(page, x).getByRole('alert').textContent())
      .toContain('planted fault');
    // Everything else still renders and works: another node, the inspector, the source pane.
    await zoomTo(page, y);
    expect(await textOn(page, y).textContent()).toBeTruthy();
    await setText(page, y, 'Still editable');
    await expect.poll(() => textOn(page, y).textContent()).toContain('Still editable');
    expect(await page.getByTestId('source-pane').isVisible()).toBe(true);
    // Undoing the rating brings the node back.
    await page.getByTestId('undo').click();
    await page.getByTestId('undo').click();
    await zoomTo(page, x);
    await nodeOn(page, x).getByRole('button').click();
    await expect.poll(() => nodeOn(page, x).getByRole('alert').count()).toBe(0);
    expect(errors.every((e) => /planted fault|node /.test(e))).toBe(true);
  });
});

describe('a newer version of the editor in another tab', () => {
  it('is not blocked from upgrading; this tab says to reload, keeps its edits, and the reload stores them', async () => {
    const { page, errors } = await openPage(session.context, baseUrl);
    const [x] = await twoNodes(page);
    // What a newer editor does on start: open the database at a higher version.
    const other = await blankPage();
    const upgraded = await other.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          // Far above this build's (Dexie stores schema version n as IndexedDB version 10n).
          const open = indexedDB.open('argmap-editor', 1000);
          open.onblocked = () => reject(new Error('blocked by the older tab'));
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            open.result.close();
            resolve(open.result.version);
          };
        }),
    );
    expect(upgraded).toBe(1000);
    await other.close();
    const alert = page.getByRole('alert').first();
    await expect.poll(() => alert.textContent()).toMatch(/newer version of the editor/);

    await setText(page, x, 'Edited after the other tab upgraded');
    await expect
      .poll(() => page.getByTestId('save-failed').textContent(), { timeout: 10_000 })
      .toMatch(/Reload this tab/);
    expect(await textAfterReload(page, x)).toContain('Edited after the other tab upgraded');
    expect(errors.filter((e) => !/Saving failed/.test(e))).toEqual([]);
  });
});

describe('a database of schema version 1', () => {
  it('opens in this version with every map intact', async () => {
    const dump = JSON.parse(
      readFileSync(new URL('../fixtures/database/v1.json', import.meta.url), 'utf8'),
    ) as { tables: Record<string, unknown[]> };
    // A blank page on the app's origin, so the old database is written before the app ever runs.
    const page = await blankPage();
    await page.evaluate(
      (tables) =>
        new Promise<void>((resolve, reject) => {
          // Exactly what Dexie made of schema version 1 (IndexedDB version 10).
          const open = indexedDB.open('argmap-editor', 10);
          open.onupgradeneeded = () => {
            const db = open.result;
            db.createObjectStore('maps', { keyPath: 'id' }).createIndex('openedAt', 'openedAt');
            for (const name of ['sources', 'nodes', 'edges'])
              db.createObjectStore(name, { keyPath: ['mapId', 'id'] }).createIndex(
                'mapId',
                'mapId',
              );
            db.createObjectStore('meta', { keyPath: 'key' });
          };
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(Object.keys(tables), 'readwrite');
            for (const [name, rows] of Object.entries(tables))
              for (const row of rows) tx.objectStore(name).add(row);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      dump.tables,
    );
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${baseUrl}?map=trees`);
    await page.waitForSelector('.react-flow__node[data-id="n1"]');
    expect(await textOn(page, 'n1').textContent()).toContain('Plant trees in every city (edited)');
    expect(await page.locator('.react-flow__node-arg').count()).toBe(4);
    await page.getByRole('button', { name: 'Map library' }).click();
    const library = (await page.getByTestId('map-library').textContent()) ?? '';
    expect(library).toContain('Urban trees');
    expect(library).toContain('A copy with 中文 text');
    expect(errors).toEqual([]);
  });
});
