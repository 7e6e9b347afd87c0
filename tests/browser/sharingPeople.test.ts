/**
 * Shared maps with the sharing UI, in real Chromium against a real sync server (#16): an owner
 * shares a map of the library through File → Share… and a link made there opens it in another
 * browser; three people see each other and each other's edits; a commenter comments and can
 * do nothing else, as the server holds it.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from './browser';
import { nodeOn } from './helpers';
import { sharingSession } from './sharingHelpers';
import { sampleMap } from '../unit/model/sampleMap';

const baseUrl = inject('baseUrl');
const s = sharingSession();
const POLL = { timeout: 20_000 };

async function fieldOf(page: Page, nodeId: string, field: 'node-text' | 'node-note') {
  await nodeOn(page, nodeId).click();
  return page.getByTestId(field).inputValue();
}

describe('sharing with people', { timeout: 120_000 }, () => {
  it('shares a map of the library through the dialog, and a link made there opens it elsewhere', async () => {
    const { page: owner } = await openPage(await s.context(), baseUrl);
    const title = (await owner.locator('.toolbar h1').textContent())!;
    await owner.getByTestId('file-menu').click();
    await owner.getByTestId('share-open').click();
    await owner.getByTestId('share-server').fill(s.server.url);
    await owner.getByTestId('share-start').click();
    await expect
      .poll(() => owner.getByTestId('sharing-status').getAttribute('data-connection'), POLL)
      .toBe('online');
    await owner.getByTestId('share-make-editor').click();
    const link = await owner.getByTestId('share-url-editor').inputValue();
    expect(link).toContain('#token=');
    await owner.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click();
    const other = await s.person(link, title);
    const id = (await other.locator('.react-flow__node-arg').first().getAttribute('data-id'))!;
    await nodeOn(other, id).click();
    await other.getByTestId('node-note').fill('Seen from the other browser');
    await expect
      .poll(() => fieldOf(owner, id, 'node-note'), POLL)
      .toBe('Seen from the other browser');
    // The owner's library lists the map once, as shared (the local map became the shared one).
    await owner.getByRole('button', { name: /Map library/ }).click();
    const library = owner.getByTestId('map-library');
    await expect.poll(() => library.getByText(title, { exact: true }).count(), POLL).toBe(1);
  });

  it('three people see each other and each other’s edits', async () => {
    const shared = await s.share(sampleMap());
    const link = await shared.link(baseUrl, 'editor');
    const people = await Promise.all([s.person(link), s.person(link), s.person(link)]);
    for (const page of people)
      await expect.poll(() => page.getByTestId('peer').count(), POLL).toBe(2);
    const [a, b, c] = people as [Page, Page, Page];
    await nodeOn(b, 'n3').click();
    await b.getByTestId('node-text').fill('Typed by B');
    await nodeOn(c, 'n2').click();
    await c.getByTestId('node-note').fill('Noted by C');
    for (const page of [a, b, c]) {
      await expect.poll(() => fieldOf(page, 'n3', 'node-text'), POLL).toBe('Typed by B');
      await expect.poll(() => fieldOf(page, 'n2', 'node-note'), POLL).toBe('Noted by C');
    }
  });

  it('a commenter comments and can do nothing else, as the server holds it', async () => {
    const shared = await s.share(sampleMap());
    const [editor, commenter] = await Promise.all([
      s.person(await shared.link(baseUrl, 'editor')),
      s.person(await shared.link(baseUrl, 'commenter')),
    ]);
    await nodeOn(commenter, 'n1').click();
    const box = commenter
      .getByTestId('inspector')
      .getByTestId('comments')
      .getByTestId('new-comment');
    await box.getByTestId('comment-input').fill('Which cities?');
    if (await box.getByTestId('author-name').count())
      await box.getByTestId('author-name').fill('Cai');
    await box.getByTestId('comment-submit').click();
    // The content is not editable: its fields are disabled, and Delete on a node does nothing.
    await nodeOn(commenter, 'n4').click();
    expect(await commenter.getByTestId('node-text').isDisabled()).toBe(true);
    await commenter.keyboard.press('Delete');
    // The editor sees the comment; the server holds it, and the content as it was.
    await expect
      .poll(() => nodeOn(editor, 'n1').getByTestId('comment-count').textContent(), POLL)
      .toContain('1');
    const stored = await shared.stored();
    expect(stored.comments?.map((c) => [c.target, c.text])).toEqual([['n1', 'Which cities?']]);
    expect(stored.nodes.map((n) => [n.id, n.text])).toEqual(
      sampleMap().nodes.map((n) => [n.id, n.text]),
    );
    expect(await nodeOn(commenter, 'n4').count()).toBe(1);
  });
});
