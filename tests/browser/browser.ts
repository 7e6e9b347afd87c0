/** Real Chromium (Debian's, via playwright-core) for the browser tests. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium with a fresh, empty profile (playwright-core makes one per launch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page whose console errors and uncaught exceptions are collected, to assert there are none. */
export async function openPage(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('.react-flow__node', { timeout: 30_000 });
  // The canvas has been given every node of its opening view (it takes them a batch per task).
  await page.waitForSelector('.canvas:not([data-opening])', { timeout: 30_000 });
  return { page, errors };
}
