/**
 * Issue #7, item 1, in the browser: every kind of bad input (tests/fixtures/bad/badInputs.ts),
 * imported through the real file picker or dropped on the window, is refused in the import panel
 * with its problems (the first 20, with JSON paths or lines, then "…and N more"), and the stored
 * data — every IndexedDB table, and localStorage — is byte for byte what it was before. The
 * 50 MB file is refused without being read and without freezing the tab.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { pageIdle } from './helpers';
import { BAD_INPUTS, panelLines, type BadInput } from '../fixtures/bad/badInputs';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const dir = mkdtempSync(join(tmpdir(), 'argmap-bad-input-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Everything the page has stored: each IndexedDB database with each object store's records (key
 * and value, in key order) and its indexes, and the localStorage entries but the UI preferences,
 * as JSON with sorted object keys, so that equal data gives equal text.
 */
function storedData(): Promise<string> {
  return page.evaluate(async () => {
    const canonical = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(canonical);
      if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
        );
      }
      return value;
    };
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const databases = [];
    const infos = (await indexedDB.databases()).sort((a, b) =>
      (a.name ?? '').localeCompare(b.name ?? ''),
    );
    for (const info of infos) {
      const db = await request(indexedDB.open(info.name!));
      const stores: Record<string, unknown> = {};
      for (const name of [...db.objectStoreNames].sort()) {
        const store = db.transaction(name, 'readonly').objectStore(name);
        const [keys, values] = await Promise.all([
          request(store.getAllKeys()),
          request(store.getAll()),
        ]);
        stores[name] = {
          keyPath: store.keyPath,
          indexes: [...store.indexNames].sort(),
          records: keys.map((key, i) => [key, values[i]]),
        };
      }
      databases.push({ name: info.name, version: db.version, stores });
      db.close();
    }
    // Not the UI preferences (pane widths, language): zustand writes them on any UI change, and
    // showing the import panel is one. Everything else (unsaved maps kept at page exit) counts.
    const local = Object.keys(localStorage)
      .filter((k) => k !== 'argmap-editor-ui')
      .sort()
      .map((k) => [k, localStorage.getItem(k)]);
    return JSON.stringify(canonical({ databases, localStorage: local }));
  });
}

/** The stored data once the start-up writes (seeding, opening the map) have settled. */
async function settledData(): Promise<string> {
  let previous = await storedData();
  for (;;) {
    // Saving is debounced: wait until the editor says it has saved, then compare once more.
    await expect
      .poll(() => page.getByTestId('save-state').getAttribute('class'))
      .toMatch(/save-saved|save-read-only/);
    await pageIdle(page);
    const now = await storedData();
    if (now === previous) return now;
    previous = now;
  }
}

/** Imports one file through the File menu's file picker (large files from disk). */
async function pick(input: BadInput) {
  await page.getByTestId('file-menu').click();
  if (input.large) {
    const path = join(dir, input.name);
    writeFileSync(path, input.bytes());
    await page.getByTestId('import-input').setInputFiles(path);
  } else {
    await page
      .getByTestId('import-input')
      .setInputFiles({ name: input.name, mimeType: '', buffer: Buffer.from(input.bytes()) });
  }
}

/** Drops one file on the window, as the user drags it from the file manager. */
async function drop(input: BadInput) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name));
      return transfer;
    },
    { name: input.name, base64: Buffer.from(input.bytes()).toString('base64') },
  );
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  await dataTransfer.dispose();
}

/** The report of one file in the import panel: its heading and its lines. */
async function reportOf(
  name: string,
): Promise<{ heading: string; lines: string[]; places: (string | null)[] }> {
  const entry = page.locator(`[data-testid="import-file"][data-file="${name}"]`);
  await entry.waitFor({ timeout: 30_000 });
  return {
    heading: (await entry.locator('strong').textContent()) ?? '',
    lines: await entry.locator('li').allTextContents(),
    places: await entry
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.querySelector('code')?.textContent ?? null)),
  };
}

/** Refuses `input` in the panel, listing its problems, and leaves the stored data as `before`. */
async function expectRefused(input: BadInput, before: string) {
  const report = await reportOf(input.name);
  expect(report.heading).toBe(`✗ ${input.name}`);
  expect(report.lines).toEqual(panelLines(input.problems));
  // A problem's JSON path or line is set apart (in code type) from its message.
  report.places.forEach((place, i) => {
    if (place !== null) expect(report.lines[i]!.startsWith(`${place}: `)).toBe(true);
  });
  const placed = input.problems.filter((p) => /^(line \d|[a-zA-Z.[\]\d]+: )/.test(p));
  expect(report.places.filter((p) => p !== null).length).toBe(Math.min(20, placed.length));
  const panel = page.getByTestId('import-report');
  expect(await panel.getAttribute('role')).toBe('alertdialog');
  expect(await panel.textContent()).toContain('the maps you already had are unchanged');
  expectSame(await storedData(), before, input.name);
}

/** Equal stored data, or a failure showing where it first differs (the whole is megabytes). */
function expectSame(after: string, before: string, what: string) {
  if (after === before) return;
  let i = 0;
  while (after[i] === before[i]) i++;
  expect(after.slice(Math.max(0, i - 300), i + 300), `stored data changed by ${what}`).toBe(
    before.slice(Math.max(0, i - 300), i + 300),
  );
}

describe('bad input in the browser', () => {
  it('refuses every small bad file, picked or dropped, and changes nothing stored', async () => {
    const nodes = await page.locator('.react-flow__node').count();
    const before = await settledData();
    expect(before).toContain('"nodes"'); // the shipped map is stored
    const small = BAD_INPUTS.filter((c) => !c.large);
    expect(small.length).toBeGreaterThan(40);
    for (const [i, input] of small.entries()) {
      if (i % 3 === 2) await drop(input);
      else await pick(input);
      await expectRefused(input, before);
      // The panel shows this file only: each import replaces the last report.
      expect(await page.getByTestId('import-file').count()).toBe(1);
    }
    expect(await page.locator('.react-flow__node').count()).toBe(nodes);
    await page.getByRole('button', { name: 'Map library' }).click();
    expect(await page.getByTestId('map-library').locator('li').count()).toBe(1);
  }, 240_000);

  it('refuses huge files without freezing the tab; the one past 50 MB is not even read', async () => {
    // Record every read of a file's contents, and every task that blocks the page for long.
    await page.evaluate(() => {
      const w = window as unknown as { reads: number[]; longTasks: number[] };
      w.reads = [];
      w.longTasks = [];
      for (const method of ['arrayBuffer', 'text', 'stream', 'bytes'] as const) {
        const original = (Blob.prototype as unknown as Record<string, unknown>)[method];
        if (typeof original !== 'function') continue;
        (Blob.prototype as unknown as Record<string, unknown>)[method] = function (
          this: Blob,
          ...args: unknown[]
        ) {
          w.reads.push(this.size);
          return (original as (...a: unknown[]) => unknown).apply(this, args);
        };
      }
      for (const method of ['readAsArrayBuffer', 'readAsText', 'readAsBinaryString'] as const) {
        const original = FileReader.prototype[method] as (...a: unknown[]) => void;
        (FileReader.prototype as unknown as Record<string, unknown>)[method] = function (
          this: FileReader,
          blob: Blob,
          ...args: unknown[]
        ) {
          w.reads.push(blob.size);
          return original.call(this, blob, ...args);
        };
      }
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    const before = await settledData();
    const large = BAD_INPUTS.filter((c) => c.large);
    expect(large.map((c) => c.name)).toContain('fifty.argmap.json');
    for (const input of large) {
      const size = input.bytes().length;
      await page.evaluate(() => {
        const w = window as unknown as { reads: number[]; longTasks: number[] };
        w.reads = [];
        w.longTasks = [];
      });
      await pick(input);
      await expectRefused(input, before);
      // The tab answers at once afterwards.
      const start = Date.now();
      expect(await page.evaluate(() => document.title.length >= 0)).toBe(true);
      expect(Date.now() - start).toBeLessThan(1_000);
      const { reads, longTasks } = await page.evaluate(() => {
        const w = window as unknown as { reads: number[]; longTasks: number[] };
        return { reads: w.reads, longTasks: w.longTasks };
      });
      // Past the limit, only the first bytes are read (to tell a backup, which has a larger
      // limit, from a map); the file itself never is.
      if (size > 50_000_000) expect(reads.filter((n) => n > 200)).toEqual([]);
      else expect(reads).toContain(size);
      // Reading and refusing even the largest file never blocks the page for a second.
      expect(Math.max(0, ...longTasks), input.name).toBeLessThan(1_000);
    }
  }, 240_000);
});
