/**
 * The owner's flow through the share dialog, on a real sync server (#16): File → Share… shares
 * the open map, makes a link for a commenter; a second browser context opens that link, is shown
 * as a commenter without editing buttons, and comments on a node; the owner sees the count on
 * that node and the comment in the inspector.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage } from './browser';
import { startSyncServer, type RunningSyncServer } from '../setup/syncServer';
import { sampleMap } from '../unit/model/sampleMap';
import { dragSelect } from './helpers';
import { seriousViolations } from './axe';

const scan = seriousViolations;

let server: RunningSyncServer;
let browser: Browser;

beforeAll(async () => {
  server = await startSyncServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const statusOf = (page: Page) => page.getByTestId('sharing-status');

describe('sharing through the dialog', { timeout: 180_000 }, () => {
  it('shares, links a commenter who comments, and the owner sees the count', async () => {
    const ownerContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const guestContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      await ownerContext.grantPermissions(['clipboard-read', 'clipboard-write']);
      const opened = await openPage(ownerContext, inject('baseUrl'));
      const owner = opened.page;
      // A small map of the owner's own, imported.
      await owner.getByTestId('import-input').setInputFiles({
        name: 'trees.argmap.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(sampleMap())),
      });
      await owner.waitForFunction(
        () => document.querySelector('.toolbar h1')?.textContent === 'Urban trees',
      );

      // Share the open map through the test's server.
      await owner.getByTestId('file-menu').click();
      await owner.getByTestId('share-open').click();
      const dialog = owner.getByTestId('share-dialog');
      await dialog.getByTestId('share-server').fill(server.url);
      await dialog.getByTestId('share-start').click();
      await dialog.getByTestId('share-link-commenter').waitFor({ timeout: 60_000 });
      await expect
        .poll(() => statusOf(owner).getAttribute('data-connection'), { timeout: 30_000 })
        .toBe('online');
      expect(await statusOf(owner).textContent()).toContain('Owner');

      // A link for a commenter, copied.
      await dialog.getByTestId('share-make-commenter').click();
      const url = dialog.getByTestId('share-url-commenter');
      await url.waitFor();
      const link = await url.inputValue();
      expect(link).toContain(`server=${encodeURIComponent(server.url)}`);
      await dialog.getByTestId('share-copy-commenter').click();
      expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(link);
      expect(await scan(owner, '[data-testid="share-dialog"]')).toEqual([]);
      await owner.keyboard.press('Escape');

      // The commenter opens it: a commenter, with no editing buttons, and comments on a node.
      const visiting = await openPage(guestContext, link);
      const guest = visiting.page;
      await guest.waitForFunction(
        () => document.querySelector('.toolbar h1')?.textContent === 'Urban trees',
      );
      await expect
        .poll(() => statusOf(guest).textContent(), { timeout: 30_000 })
        .toContain('Commenter');
      expect(await guest.getByTestId('undo').count()).toBe(0);
      const node = guest.locator('.react-flow__node-arg').first();
      const nodeId = (await node.getAttribute('data-id'))!;
      await node.click();
      const box = guest.getByTestId('inspector').getByTestId('new-comment');
      await box.getByTestId('comment-input').fill('What does the author mean here?');
      if (await box.getByTestId('author-name').count())
        await box.getByTestId('author-name').fill('Mei');
      await box.getByTestId('comment-submit').click();
      await expect
        .poll(() => guest.getByTestId('inspector').getByTestId('comment-thread').count())
        .toBe(1);

      // The owner sees the count on that node, and the comment when selecting it.
      const onOwner = owner.locator(`.react-flow__node-arg[data-id="${nodeId}"]`);
      // Presence: the owner sees the commenter among those here, and a ring on the node they
      // selected, with their name.
      await expect.poll(() => owner.getByTestId('peer').count(), { timeout: 30_000 }).toBe(1);
      await expect
        .poll(() => onOwner.getByTestId('peer-ring').textContent(), { timeout: 30_000 })
        .toBe('Mei');
      await expect
        .poll(() => onOwner.getByTestId('comment-count').textContent(), { timeout: 30_000 })
        .toContain('1');
      await onOwner.click();
      await expect
        .poll(() => owner.getByTestId('inspector').getByTestId('comment-text').allTextContents())
        .toEqual(['What does the author mean here?']);
      // The commenter's selection in the source, drawn in the owner's source pane.
      await dragSelect(guest, 's2', 0, 18);
      await expect
        .poll(() => owner.getByTestId('source-pane').getByTestId('peer-cursor').count(), {
          timeout: 30_000,
        })
        .toBeGreaterThan(0);
      expect(
        await owner.getByTestId('source-pane').locator('.peer-cursor .peer-name').textContent(),
      ).toBe('Mei');
      expect(opened.errors).toEqual([]);
      expect(visiting.errors).toEqual([]);
    } finally {
      await guestContext.close();
      await ownerContext.close();
    }
  });
});
