/**
 * Comments on a local map through real clicks and keys (#16): the first comment asks for the
 * author's name (an empty one refused), reply, resolve and reopen, the count on the node, undo,
 * a reload keeps them; the comment list (its key, filters, showing a thread's node); the handout
 * with comments; the Chinese interface; an accessibility scan of both.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { PICTURES_DRAWN } from './helpers';
import { seriousViolations } from './axe';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const nodes = () => page.locator('.react-flow__node-arg');
const comments = () => page.getByTestId('inspector').getByTestId('comments');
const threads = () => comments().getByTestId('comment-thread');
const countOn = (node: Locator) => node.getByTestId('comment-count');

/** Selects the `index`th statement node by a click, and gives back its id. */
async function selectNode(index: number): Promise<string> {
  const node = nodes().nth(index);
  await node.click();
  const id = (await node.getAttribute('data-id'))!;
  await expect.poll(() => page.getByTestId('inspector').getByTestId('comments').count()).toBe(1);
  return id;
}

/** Writes a comment in the selected node's box (the name given once, if asked). */
async function comment(text: string, name?: string) {
  const box = comments().getByTestId('new-comment');
  await box.getByTestId('comment-input').fill(text);
  if (name !== undefined) await box.getByTestId('author-name').fill(name);
  await box.getByTestId('comment-submit').click();
}

/** The map is stored (the shipped map is large: its write takes a while on a busy machine). */
async function saved() {
  await expect
    .poll(() => page.getByTestId('save-state').getAttribute('class'), { timeout: 15_000 })
    .toContain('save-saved');
}

describe('comments on a local map', { timeout: 120_000 }, () => {
  it('asks the name once, comments, replies, resolves, reopens, counts, undoes, and keeps them', async () => {
    const id = await selectNode(0);
    const node = page.locator(`.react-flow__node-arg[data-id="${id}"]`);
    await expect.poll(() => comments().textContent()).toContain('No comments yet.');
    expect(await countOn(node).count()).toBe(0);

    // No name yet: asked for, and an empty one refused in words.
    await comment('Which trees are meant?', '   ');
    await expect
      .poll(() => comments().getByTestId('comment-problem').textContent())
      .toContain('Please give your name');
    expect(await threads().count()).toBe(0);
    await comment('Which trees are meant?', 'Ann');
    await expect.poll(() => threads().count()).toBe(1);
    expect(await threads().first().getByTestId('comment-text').textContent()).toBe(
      'Which trees are meant?',
    );
    expect(await threads().first().textContent()).toContain('Ann');
    // Asked once: the next box has no name field.
    expect(await comments().getByTestId('author-name').count()).toBe(0);
    await expect.poll(() => countOn(node).textContent()).toContain('1');

    // A reply, sent with Ctrl+Enter.
    await threads().first().getByTestId('comment-reply').click();
    const reply = threads().first().getByTestId('reply-box').getByTestId('comment-input');
    await reply.fill('Oaks, mostly.');
    await reply.press('Control+Enter');
    await expect.poll(() => threads().first().getByTestId('comment').count()).toBe(2);

    // Resolve by the keyboard: the count goes; reopen: it comes back.
    await threads().first().getByTestId('comment-resolve').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => threads().first().getAttribute('data-resolved')).toBe('true');
    await expect.poll(() => countOn(node).count()).toBe(0);
    await threads().first().getByTestId('comment-reopen').click();
    await expect.poll(() => threads().first().getAttribute('data-resolved')).toBe('false');
    await expect.poll(() => countOn(node).count()).toBe(1);

    // Each is one undo step: undo takes back the reopening, then the resolving, then the reply.
    // (Each step is let stored first: an undo that brings back the map just stored, before the
    // previous edit was written, leaves the save state at "Saving…": see the report.)
    await saved();
    await page.getByTestId('undo').click();
    await expect.poll(() => threads().first().getAttribute('data-resolved')).toBe('true');
    await saved();
    await page.getByTestId('undo').click();
    await expect.poll(() => threads().first().getAttribute('data-resolved')).toBe('false');
    await saved();
    await node.click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => threads().first().getByTestId('comment').count()).toBe(1);
    await saved();
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => threads().first().getByTestId('comment').count()).toBe(2);

    // Stored: after a reload the thread, its reply and the count are there, and the name is known.
    await saved();
    await page.reload();
    await page.waitForSelector(`.react-flow__node-arg[data-id="${id}"]`);
    await expect.poll(() => countOn(node).textContent()).toContain('1');
    await node.click();
    await expect.poll(() => threads().count()).toBe(1);
    expect(await threads().first().getByTestId('comment-text').allTextContents()).toEqual([
      'Which trees are meant?',
      'Oaks, mostly.',
    ]);
    expect(await comments().getByTestId('author-name').count()).toBe(0);
  });

  it('lists every thread, open first, filters them, shows a thread’s node, and closes with Esc', async () => {
    const first = await selectNode(0);
    await comment('First question', 'Ann');
    await expect.poll(() => threads().count()).toBe(1);
    await threads().first().getByTestId('comment-resolve').click();
    const second = await selectNode(1);
    await comment('Second question');
    await expect.poll(() => threads().count()).toBe(1);

    // Its key, from the canvas.
    await page.locator(`.react-flow__node-arg[data-id="${second}"]`).click();
    await page.keyboard.press('Shift+M');
    const panel = page.getByTestId('comments-panel');
    await panel.waitFor();
    // Open threads are listed by default; the focus is in the panel.
    expect(await panel.getByTestId('comment-text').allTextContents()).toEqual(['Second question']);
    expect(await page.evaluate(() => !!document.activeElement?.closest('.comments-panel'))).toBe(
      true,
    );
    // The filters, by the arrow keys.
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => panel.getByTestId('comment-text').allTextContents())
      .toEqual(['First question']);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => panel.getByTestId('comment-text').allTextContents())
      .toEqual(['Second question', 'First question']);

    // Activating a thread selects its node.
    await panel.getByTestId('comment-target').nth(1).click();
    await expect
      .poll(() => page.locator(`.react-flow__node-arg[data-id="${first}"]`).getAttribute('class'))
      .toContain('selected');
    await expect
      .poll(() => comments().getByTestId('comment-text').allTextContents())
      .toEqual(['First question']);

    await panel.getByTestId('comment-filter-all').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('prints the handout with each node’s comments on request', async () => {
    await selectNode(0);
    await comment('Needs a source', 'Ann');
    await expect.poll(() => threads().count()).toBe(1);
    await page.evaluate(() => (window.print = () => undefined));
    await page.getByTestId('file-menu').click();
    await page.getByTestId('export-print-comments').click();
    const handout = page.getByTestId('print-handout');
    await expect.poll(() => handout.getAttribute('data-ready'), PICTURES_DRAWN).toBe('true');
    const printed = handout.getByTestId('handout-comments');
    expect(await printed.count()).toBe(1);
    expect(await printed.textContent()).toMatch(/Ann, .*2\d{3}.*: Needs a source/);

    // Without asking, no comments.
    await page.getByTestId('file-menu').click();
    await page.getByTestId('export-print').click();
    await expect.poll(() => handout.getAttribute('data-ready'), PICTURES_DRAWN).toBe('true');
    await expect.poll(() => handout.getByTestId('handout-comments').count()).toBe(0);
  });
});

/** The serious and critical accessibility violations (axe-core) in the page or inside `selector`. */
const scan = (selector?: string): Promise<string[]> => seriousViolations(page, selector);

for (const language of ['en', 'zh'] as const) {
  describe(`comments in the ${language} interface`, { timeout: 120_000 }, () => {
    it('says everything in the language, and passes an accessibility scan', async () => {
      if (language === 'zh') await page.getByTestId('language-switch').click();
      await selectNode(0);
      const empty = language === 'zh' ? '还没有评论。' : 'No comments yet.';
      await expect.poll(() => comments().textContent()).toContain(empty);
      await comment(language === 'zh' ? '这棵树是什么品种？' : 'Which species?', 'Lin');
      await expect.poll(() => threads().count()).toBe(1);
      const labels = await threads().first().locator('button').allTextContents();
      expect(labels).toEqual(
        language === 'zh'
          ? ['编辑', '删除', '回复', '标为已解决']
          : ['Edit', 'Delete', 'Reply', 'Resolve'],
      );
      expect(await scan('[data-testid="inspector"]')).toEqual([]);
      await page.locator('.react-flow__node-arg').first().click();
      await page.keyboard.press('Shift+M');
      await page.getByTestId('comments-panel').waitFor();
      expect(await page.getByTestId('comments-panel').locator('h2').textContent()).toBe(
        language === 'zh' ? '评论' : 'Comments',
      );
      expect(await scan('[data-testid="comments-panel"]')).toEqual([]);
    });
  });
}
