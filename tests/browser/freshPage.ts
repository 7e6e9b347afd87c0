/** Per-test browser pages for the browser test files. */
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openPage } from './browser';

/**
 * Registers hooks giving each test a fresh browser context (its own, empty IndexedDB) with the
 * app open, and checking afterwards that the page logged no error. A failing test leaves a
 * screenshot in tests/.artifacts/.
 */
export function freshPagePerTest(viewport = { width: 1500, height: 950 }): {
  page: Page;
  errors: string[];
} {
  const state = {} as { browser: Browser; context: BrowserContext; page: Page; errors: string[] };
  beforeAll(async () => {
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
  });
  beforeEach(async () => {
    state.context = await state.browser.newContext({
      viewport,
      acceptDownloads: true,
      // Pages bypass the app's service worker here; offline.test.ts tests it.
      serviceWorkers: 'block',
    });
    const opened = await openPage(state.context, inject('baseUrl'));
    state.page = opened.page;
    state.errors = opened.errors;
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      const name = task.name.slice(0, 40).replace(/\W+/g, '-');
      await state.page
        .screenshot({ path: `tests/.artifacts/failed-${name}.png` })
        .catch(() => undefined);
    }
    expect(state.errors).toEqual([]);
    await state.context.close();
  });
  return state;
}
