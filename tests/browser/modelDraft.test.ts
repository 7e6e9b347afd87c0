/**
 * The optional model-made draft in the editor (issue 15, part 4), against the stand-in chat
 * server on loopback: the drafting model configured in its settings (File › Drafting model…),
 * "Test connection", the school-start text drafted with the model and shown in the same review as
 * the offline drafter's, the invented unit listed as dropped; a wrong key gets the 401 message
 * (in Chinese too); the key stays in this browser: the stand-in is the only other address the
 * page contacts (every request is routed and checked), and "Forget key" removes it.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { contextPerTest } from './helpers';
import { openPage } from './browser';
import { SCHOOL_START_TEXT } from '../fixtures/maps/schoolStart';
import { scriptedAnswer, startChatStandIn, type ChatStandIn } from '../setup/chatStandIn';

const KEY = 'sk-stand-in-7f3a9c';
const MODEL = 'stand-in-model';
const INVENTED = 'Later starts also raise test scores by twenty percent.';

/** One invented unit, one link to it, two units with no link (roots). */
const ANSWER = scriptedAnswer(
  [
    { text: 'Schools should start later in the morning.', kind: 'conclusion' },
    { text: 'Teenagers need more sleep than adults', kind: 'claim' },
    { text: 'their body clocks shift later during puberty.', kind: 'evidence' },
    { text: INVENTED, kind: 'evidence' },
    {
      text: 'Studies of districts that delayed start times found better attendance.',
      kind: 'evidence',
    },
    { text: 'However, later starts make it harder for parents who work early.', kind: 'objection' },
    {
      text: 'Buses can be rescheduled at little cost, so this objection is weak.',
      kind: 'rebuttal',
    },
  ],
  0,
  [
    { premises: [1], to: 0, relation: 'supports' },
    { premises: [2], to: 3, relation: 'supports' },
    { premises: [5], to: 0, relation: 'attacks' },
  ],
);

const session = contextPerTest({ viewport: { width: 1280, height: 800 } });
let server: ChatStandIn;
let page: Page;
let errors: string[];
/** Requests to anywhere but the app and the stand-in (aborted), and every request carrying the key. */
let elsewhere: string[];
let withKey: string[];

beforeEach(async () => {
  const app = new URL(inject('baseUrl')).origin;
  server = await startChatStandIn({
    key: KEY,
    models: [MODEL],
    allowOrigin: app,
    reply: (body) =>
      body.messages.some((m) => m.content.includes(SCHOOL_START_TEXT))
        ? { content: ANSWER }
        : { status: 400 },
  });
  const standIn = new URL(server.endpoint).origin;
  elsewhere = [];
  withKey = [];
  const carriesKey = (request: Request) =>
    (request.headers()['authorization'] ?? '').includes(KEY) ||
    request.url().includes(KEY) ||
    (request.postData() ?? '').includes(KEY);
  await session.context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    if (carriesKey(request)) withKey.push(url);
    const origin = /^[a-z]+:/.test(url) && url.startsWith('http') ? new URL(url).origin : url;
    if (origin === app || origin === standIn) await route.continue();
    else {
      elsewhere.push(url);
      await route.abort();
    }
  });
  ({ page, errors } = await openPage(session.context, inject('baseUrl')));
});

afterEach(async () => {
  await server.close();
});

/** A new map from the school-start text (not drafted offline), opened. */
async function newSchoolMap() {
  await page.getByTestId('toolbar-new-map').click();
  await page.getByTestId('new-map-text').fill(SCHOOL_START_TEXT);
  await page.getByTestId('new-map-title').fill('School start');
  await page.getByTestId('new-map-preview').locator('li').first().waitFor();
  await page.getByTestId('create-map').click();
  await page.locator('[data-sentence-id="s5"]').waitFor();
}

async function openSettings() {
  await page.getByTestId('file-menu').click();
  await page.getByTestId('drafting-model').click();
  await page.getByTestId('model-settings').waitFor();
}

const status = () => page.getByTestId('model-status');

describe('a draft made by a configured model', () => {
  it('is configured, tested, drafted and reviewed like the offline draft; the invented unit is listed as dropped', async () => {
    await newSchoolMap();
    await openSettings();
    const dialog = page.getByTestId('model-settings');
    // The line saying the offline drafter stays the default and what is sent where.
    await expect
      .poll(() => dialog.getByTestId('model-privacy').textContent())
      .toMatch(/offline drafter stays the default.*only/i);
    // Keyboard: the fields are reached with Tab and typed into.
    await dialog.getByTestId('model-endpoint').focus();
    await page.keyboard.type(server.endpoint);
    await page.keyboard.press('Tab');
    await page.keyboard.type(MODEL);
    await page.keyboard.press('Tab');
    await page.keyboard.type(KEY);
    // The key is shown masked.
    expect(await dialog.getByTestId('model-key').getAttribute('type')).toBe('password');
    await page.keyboard.press('Enter'); // saves
    await expect.poll(() => status().textContent()).toBe('Saved in this browser.');

    await dialog.getByTestId('model-test').click();
    await expect.poll(() => status().textContent()).toContain(`the model “${MODEL}” is there`);

    await dialog.getByTestId('model-draft').click();
    // The dialog closes and the draft is under review, made by the model.
    await page.getByTestId('draft-review').waitFor();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('draft-review').textContent())
      .toContain('Language model');
    const items = page.getByTestId('draft-item');
    await expect.poll(() => items.count()).toBe(6);
    const texts = await items.locator('.draft-item-text').allTextContents();
    expect(texts).not.toContain(INVENTED);
    expect(texts[0]).toBe('Schools should start later in the morning.');
    // Drawn apart on the canvas like any draft, none of it in the map yet.
    await expect.poll(() => page.getByTestId('draft-proposal').count()).toBe(6);
    expect(await page.locator('.react-flow__node-arg').count()).toBe(0);

    // What was dropped and repaired is listed.
    const report = page.getByTestId('model-report');
    await expect.poll(() => report.getByTestId('model-dropped').textContent()).toContain(INVENTED);
    await expect.poll(() => report.getByTestId('model-repaired').locator('li').count()).toBe(3);
    expect(await report.textContent()).toContain('6 units proposed; 1 dropped; 3 repairs.');

    // Accepted like any proposal: the first with Enter, one node in the map.
    await items.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.react-flow__node-arg').count()).toBe(1);
    await expect.poll(() => items.count()).toBe(5);
    await report.getByTestId('model-report-close').click();
    await expect.poll(() => report.count()).toBe(0);

    // The stand-in saw the key on its own requests (and the text), and nothing else was contacted.
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.stringify(posts[0]!.body)).toContain('Schools should start later');
    expect(server.requests.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual([
      '/v1/models',
    ]);
    for (const r of server.requests.filter((r) => r.method !== 'OPTIONS'))
      expect(r.authorization).toBe(`Bearer ${KEY}`);
    expect(elsewhere).toEqual([]);
    const standIn = new URL(server.endpoint).origin;
    expect(withKey.length).toBeGreaterThanOrEqual(2);
    expect(withKey.every((url) => url.startsWith(standIn))).toBe(true);
    // Kept in this browser: its local storage.
    const stored = await page.evaluate(() => localStorage.getItem('argmap.draftingModel'));
    expect(JSON.parse(stored!)).toEqual({ endpoint: server.endpoint, model: MODEL, key: KEY });
    expect(errors).toEqual([]);
  });

  it('a wrong key gets the 401 message, in both languages; Forget key removes the key', async () => {
    await newSchoolMap();
    await openSettings();
    const dialog = page.getByTestId('model-settings');
    await dialog.getByTestId('model-endpoint').fill(server.endpoint);
    await dialog.getByTestId('model-name').fill(MODEL);
    await dialog.getByTestId('model-key').fill('sk-wrong');
    await dialog.getByTestId('model-draft').click();
    await expect
      .poll(() => status().textContent())
      .toBe(
        `The drafting model at ${server.endpoint} refused the key (HTTP 401); check the key in the drafting model’s settings.`,
      );
    expect(await page.getByTestId('draft-review').count()).toBe(0);
    // The dialog stays open with the message; Esc closes it, and in Chinese the message is Chinese.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByTestId('language-switch').click();
    await openSettings();
    expect(await dialog.getByTestId('model-key').inputValue()).toBe('sk-wrong');
    await dialog.getByTestId('model-test').click();
    await expect.poll(() => status().textContent()).toContain('拒绝了密钥（HTTP 401）');
    await expect
      .poll(() => dialog.getByTestId('model-privacy').textContent())
      .toContain('离线起草程序仍是默认方式');

    await dialog.getByTestId('model-forget-key').click();
    expect(await dialog.getByTestId('model-key').inputValue()).toBe('');
    const stored = await page.evaluate(() => localStorage.getItem('argmap.draftingModel'));
    expect(JSON.parse(stored!)).toEqual({ endpoint: server.endpoint, model: MODEL, key: '' });
    expect(await dialog.getByTestId('model-forget-key').isDisabled()).toBe(true);
    expect(elsewhere).toEqual([]);
    expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
  });
});
