// Takes a screenshot of a running editor: node tests/setup/screenshot.mjs <url> <out.png> [width] [height]
import { chromium } from 'playwright-core';

const [url, out, width = '1600', height = '900'] = process.argv.slice(2);
// playwright-core gives every launch a fresh, empty profile (its own --user-data-dir).
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(url);
await page
  .waitForSelector('.react-flow__node', { timeout: 20000 })
  .catch(() => console.error('no nodes rendered'));
await page.waitForTimeout(800);
await page.screenshot({ path: out });
await browser.close();
