/**
 * Opening a map by address (`?open=<url>`): shown read-only without being stored, copied into
 * the library on request; a missing or invalid file is reported and the library still opens.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const MAP = {
  format: 'argmap',
  version: 1,
  id: 'shared-demo',
  title: 'Shared demo',
  sources: [
    {
      id: 'src1',
      language: 'en',
      text: 'Homework helps. It builds habits.',
      sentences: [
        { id: 's1', start: 0, end: 15 },
        { id: 's2', start: 16, end: 33 },
      ],
    },
  ],
  nodes: [
    {
      id: 'n1',
      kind: 'conclusion',
      text: 'Homework helps',
      refs: [{ sentence: 's1' }],
      position: { x: 0, y: 0 },
    },
    {
      id: 'n2',
      kind: 'evidence',
      text: 'It builds habits',
      refs: [{ sentence: 's2' }],
      position: { x: 0, y: 200 },
    },
  ],
  edges: [{ id: 'e1', from: 'n2', to: 'n1', relation: 'supports' }],
};

async function serve(path: string, body: string, status = 200) {
  await page.route(
    (url) => url.pathname === path,
    (route) => route.fulfill({ status, body, contentType: 'application/json' }),
  );
}

describe('open by URL', () => {
  it('shows the map read-only, refuses edits, and copies it into the library', async () => {
    await serve('/course/demo.argmap.json', JSON.stringify(MAP));
    await page.goto(new URL('?open=/course/demo.argmap.json', page.url()).href);
    await page.waitForSelector('[data-testid="read-only-banner"]');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    // It says so, and the editing controls are disabled, not merely refusing.
    expect(await page.getByTestId('save-state').textContent()).toBe('Read-only');
    await page.locator('.react-flow__node[data-id="n1"]').click();
    expect(await page.getByTestId('node-text').isEditable()).toBe(false);
    expect(await page.locator('.toolbar [data-command="addNode"]').isDisabled()).toBe(true);
    expect(await page.getByTestId('auto-layout').isDisabled()).toBe(true);
    expect(await page.getByTestId('add-reason').isDisabled()).toBe(true);
    // A key does nothing either (no node added, nothing refused with a red error).
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__node[data-id="n1"]').click();
    await page.keyboard.press('n');
    await page.keyboard.press('Delete');
    expect(await page.locator('.react-flow__node').count()).toBe(2);
    expect(await page.getByTestId('inspector').locator('.error').count()).toBe(0);
    expect(await page.getByTestId('node-text').inputValue()).toBe('Homework helps');

    await page.getByTestId('copy-to-library').click();
    await expect.poll(() => page.getByTestId('read-only-banner').count()).toBe(0);
    expect(page.url()).not.toContain('open=');
    await page.locator('.react-flow__node[data-id="n1"]').click();
    await page.getByTestId('node-text').fill('Changed');
    await expect
      .poll(() => page.locator('.react-flow__node[data-id="n1"]').textContent())
      .toContain('Changed');
    await page.getByRole('button', { name: 'Map library' }).click();
    expect(await page.getByTestId('map-library').textContent()).toContain('Shared demo');
  });

  it('reports a missing or invalid file and opens the library as usual', async () => {
    await serve('/course/missing.argmap.json', 'not found', 404);
    await page.goto(new URL('?open=/course/missing.argmap.json', page.url()).href);
    await page.waitForSelector('.react-flow__node');
    expect(await page.getByRole('alert').first().textContent()).toContain('404 Not Found');
    // The browser itself logs the failed download; that is the one console error expected here.
    expect(session.errors).toEqual([expect.stringContaining('404')]);
    session.errors.length = 0;

    await serve(
      '/course/bad.argmap.json',
      JSON.stringify({ ...MAP, edges: [{ id: 'e1', from: 'n9', to: 'n1', relation: 'supports' }] }),
    );
    await page.goto(new URL('?open=/course/bad.argmap.json', page.url()).href);
    await page.waitForSelector('.react-flow__node');
    expect(await page.getByRole('alert').first().textContent()).toContain(
      'edges[0].from: "n9" is not a node of this map',
    );
  });
});
