/**
 * Shared maps in real Chromium against a real sync server (#16): two and three browser contexts
 * (each its own IndexedDB, as two people) open share links the server minted, edit through the
 * editor's own fields and keys, and what the server holds is read back from Node.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { launchChromium, openPage } from './browser';
import { nodeOn, pageIdle } from './helpers';
import { nodeClient, putOnServer, type SharedOnServer } from './sharingHelpers';
import {
  expiresIn,
  makeLink,
  mintToken,
  startSyncServer,
  type RunningSyncServer,
} from '../setup/syncServer';
import { shareLink } from '../../src/collab/protocol';
import { sampleMap } from '../unit/model/sampleMap';
import type { ArgMap } from '../../src/model/schema';

const baseUrl = inject('baseUrl');
let browser: Browser;
let server: RunningSyncServer;
let contexts: BrowserContext[] = [];
let maps = 0;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startSyncServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

/**
 * A fresh map on the server, as its owner shared it: laid out, as every map in the editor is by
 * the time it can be shared. (Without positions, each person's editor lays the map out when it
 * opens, and that layout, landing after the person's first edit, is the step their undo takes.)
 */
const share = (): Promise<SharedOnServer> => {
  const map = sampleMap();
  const placed = {
    ...map,
    nodes: map.nodes.map((n, i) => ({ ...n, position: { x: i * 260, y: 0 } })),
  };
  return putOnServer(server, placed, `trees-${++maps}`);
};

/** One person: a browser context of their own with the link open and the shared map shown. */
async function person(link: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  const { page } = await openPage(context, link);
  await page.waitForFunction(
    () => document.querySelector('.toolbar h1')?.textContent === 'Urban trees',
  );
  return page;
}

const nodeIn = (map: ArgMap, id: string) => map.nodes.find((n) => n.id === id)!;

/** Selects a node on the canvas and writes `text` into one of the inspector's fields. */
async function fillField(
  page: Page,
  nodeId: string,
  field: 'node-text' | 'node-note',
  text: string,
) {
  await nodeOn(page, nodeId).click();
  await page.getByTestId(field).fill(text);
}

/** What a page's inspector shows in a field of a node. */
async function fieldOf(page: Page, nodeId: string, field: 'node-text' | 'node-note') {
  await nodeOn(page, nodeId).click();
  return page.getByTestId(field).inputValue();
}

const POLL = { timeout: 20_000 };

describe('a shared map edited by two people', () => {
  it('keeps both edits to different fields of one node, here, there and on the server', async () => {
    const shared = await share();
    const link = await shared.link(baseUrl, 'editor');
    const [a, b] = await Promise.all([person(link), person(link)]);
    await Promise.all([
      fillField(a, 'n1', 'node-text', 'Plant many more trees'),
      fillField(b, 'n1', 'node-note', 'Written by B'),
    ]);
    for (const page of [a, b]) {
      await expect.poll(() => fieldOf(page, 'n1', 'node-text'), POLL).toBe('Plant many more trees');
      await expect.poll(() => fieldOf(page, 'n1', 'node-note'), POLL).toBe('Written by B');
    }
    await expect
      .poll(async () => nodeIn(await shared.stored(), 'n1'), POLL)
      .toMatchObject({ text: 'Plant many more trees', note: 'Written by B' });
  });

  it('merges typing into the same text while the server is down, and edits made offline', async () => {
    const shared = await share();
    const link = await shared.link(baseUrl, 'editor');
    const [a, b] = await Promise.all([person(link), person(link)]);
    await server.stop();
    // Typed with real keys: A at the end of the text, B at its start; B also edits another node.
    await nodeOn(a, 'n1').click();
    await a.getByTestId('node-text').press('End');
    await a.keyboard.type(' now');
    await nodeOn(b, 'n1').click();
    await b.getByTestId('node-text').press('Home');
    await b.keyboard.type('Please ');
    await fillField(b, 'n3', 'node-text', 'Shade saves a lot of energy');
    // Each says it is offline and how many of its edits wait.
    for (const page of [a, b]) {
      const status = page.getByTestId('sharing-status');
      await expect.poll(() => status.getAttribute('data-connection'), POLL).toBe('offline');
      await expect
        .poll(() => page.getByTestId('sharing-waiting').textContent(), POLL)
        .toMatch(/[1-9]\d* edit/);
    }
    await pageIdle(a);
    expect(await fieldOf(a, 'n1', 'node-text')).toBe('Plant more trees now');
    await server.restart();
    const merged = 'Please plant more trees now'.replace('plant', 'Plant');
    for (const page of [a, b]) {
      await expect.poll(() => fieldOf(page, 'n1', 'node-text'), POLL).toBe(merged);
      await expect
        .poll(() => fieldOf(page, 'n3', 'node-text'), POLL)
        .toBe('Shade saves a lot of energy');
    }
    for (const page of [a, b]) {
      const status = page.getByTestId('sharing-status');
      await expect.poll(() => status.getAttribute('data-connection'), POLL).toBe('online');
      expect(await page.getByTestId('sharing-waiting').count()).toBe(0);
    }
    const stored = await shared.stored();
    expect(nodeIn(stored, 'n1').text).toBe(merged);
    expect(nodeIn(stored, 'n3').text).toBe('Shade saves a lot of energy');
  });

  it('loses nothing when the server restarts mid-session', async () => {
    const shared = await share();
    const link = await shared.link(baseUrl, 'editor');
    const [a, b] = await Promise.all([person(link), person(link)]);
    await fillField(a, 'n1', 'node-text', 'Before the restart');
    await expect
      .poll(async () => nodeIn(await shared.stored(), 'n1').text, POLL)
      .toBe('Before the restart');
    await server.restart({ hard: true });
    await fillField(a, 'n2', 'node-text', 'After the restart, from A');
    await fillField(b, 'n3', 'node-text', 'After the restart, from B');
    await expect
      .poll(async () => {
        const stored = await shared.stored();
        return ['n1', 'n2', 'n3'].map((id) => nodeIn(stored, id).text);
      }, POLL)
      .toEqual(['Before the restart', 'After the restart, from A', 'After the restart, from B']);
    for (const page of [a, b])
      await expect
        .poll(() => fieldOf(page, 'n2', 'node-text'), POLL)
        .toBe('After the restart, from A');
  });

  it('keeps both nodes two people add at the same moment', async () => {
    const shared = await share();
    const link = await shared.link(baseUrl, 'editor');
    const [a, b] = await Promise.all([person(link), person(link)]);
    // While the server is down neither hears of the other's node: both would take the next number.
    await server.stop();
    for (const [page, text] of [
      [a, 'Added by A'],
      [b, 'Added by B'],
    ] as const) {
      await nodeOn(page, 'n1').click();
      await page.keyboard.press('n');
      await expect
        .poll(() => page.getByTestId('node-text').evaluate((el) => el === document.activeElement))
        .toBe(true);
      await page.keyboard.type(text);
      await page.keyboard.press('Escape');
    }
    await server.restart();
    const texts = (map: ArgMap) =>
      map.nodes.map((n) => n.text).filter((t) => t.startsWith('Added'));
    await expect
      .poll(async () => texts(await shared.stored()).sort(), POLL)
      .toEqual(['Added by A', 'Added by B']);
    for (const page of [a, b])
      await expect
        .poll(() => page.locator('.react-flow__node-arg').count(), POLL)
        .toBe(sampleMap().nodes.length + 2);
  });

  it('undoes only this person’s own edit', async () => {
    const shared = await share();
    const link = await shared.link(baseUrl, 'editor');
    const [a, b] = await Promise.all([person(link), person(link)]);
    await fillField(a, 'n1', 'node-text', 'Edited by A');
    await expect.poll(() => fieldOf(b, 'n1', 'node-text'), POLL).toBe('Edited by A');
    await fillField(b, 'n2', 'node-text', 'Edited by B');
    await expect.poll(() => fieldOf(a, 'n2', 'node-text'), POLL).toBe('Edited by B');
    // A undoes with the toolbar's button.
    await a.locator('.toolbar').getByRole('button', { name: /^Undo/ }).click();
    for (const page of [a, b]) {
      await expect.poll(() => fieldOf(page, 'n1', 'node-text'), POLL).toBe('Plant more trees');
      expect(await fieldOf(page, 'n2', 'node-text')).toBe('Edited by B');
    }
    await expect
      .poll(async () => {
        const stored = await shared.stored();
        return [nodeIn(stored, 'n1').text, nodeIn(stored, 'n2').text];
      }, POLL)
      .toEqual(['Plant more trees', 'Edited by B']);
  });
});

describe('a shared map while its server is down', () => {
  it('reopens from this browser, is edited offline, says what waits, and merges later', async () => {
    const shared = await share();
    const a = await person(await shared.link(baseUrl, 'editor'));
    await server.stop();
    // The address now names the map without the token: a reload opens this browser's copy.
    expect(a.url()).not.toContain('token=');
    await a.reload();
    await a.waitForSelector('.react-flow__node-arg[data-id="n1"]', { timeout: 30_000 });
    const status = a.getByTestId('sharing-status');
    await expect.poll(() => status.getAttribute('data-connection'), POLL).toBe('offline');
    await fillField(a, 'n2', 'node-note', 'Written offline after a reload');
    await expect
      .poll(() => a.getByTestId('sharing-waiting').textContent(), POLL)
      .toMatch(/[1-9]\d* edit/);
    await server.restart();
    await expect.poll(() => status.getAttribute('data-connection'), POLL).toBe('online');
    await expect
      .poll(async () => nodeIn(await shared.stored(), 'n2').note, POLL)
      .toBe('Written offline after a reload');
  });

  it('says so when a link opens for the first time and the server cannot be reached', async () => {
    const shared = await share();
    const link = await shared.link(baseUrl, 'editor');
    await server.stop();
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      contexts.push(context);
      const { page } = await openPage(context, link);
      await expect
        .poll(() => page.locator('.session-message').textContent(), POLL)
        .toContain('cannot be reached');
      expect(await page.locator('.toolbar h1').textContent()).not.toBe('Urban trees');
    } finally {
      await server.restart();
    }
  });
});

describe('roles, enforced by the server', () => {
  it('a viewer cannot edit, and what a viewer’s connection sends never reaches the server', async () => {
    const shared = await share();
    const [editor, viewer] = await Promise.all([
      person(await shared.link(baseUrl, 'editor')),
      person(await shared.link(baseUrl, 'viewer')),
    ]);
    // In the editor: the fields are shown, not editable; Delete on a node is refused.
    await nodeOn(viewer, 'n4').click();
    expect(await viewer.getByTestId('node-text').isDisabled()).toBe(true);
    await viewer.keyboard.press('Delete');
    await expect.poll(() => nodeOn(viewer, 'n4').count(), POLL).toBe(1);
    // A viewer's connection writing anyway (as a modified editor could): the server drops it.
    const { token } = await makeLink(server.httpUrl, shared.mapId, shared.ownerToken, 'viewer');
    const rogue = await nodeClient(server, shared.mapId, token);
    (rogue.content.getMap('meta').get('title') as Y.Text).insert(0, 'Hacked ');
    rogue.content.getMap<Y.Map<unknown>>('nodes').delete('n4');
    // Then an editor's edit, so the server has surely handled the viewer's update before it.
    await fillField(editor, 'n1', 'node-text', 'After the viewer tried');
    await expect
      .poll(async () => nodeIn(await shared.stored(), 'n1').text, POLL)
      .toBe('After the viewer tried');
    const stored = await shared.stored();
    rogue.close();
    expect(stored.title).toBe('Urban trees');
    expect(stored.nodes.map((n) => n.id)).toContain('n4');
    await expect
      .poll(() => fieldOf(viewer, 'n1', 'node-text'), POLL)
      .toBe('After the viewer tried');
    expect(await nodeOn(editor, 'n4').count()).toBe(1);
  });

  it('refuses a forged link with a clear message', async () => {
    const shared = await share();
    const forged = await mintToken('not the server’s secret', {
      map: shared.mapId,
      role: 'owner',
      gen: 1,
      exp: expiresIn(3600),
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    contexts.push(context);
    const { page } = await openPage(context, shareLink(baseUrl, server.url, shared.mapId, forged));
    await expect
      .poll(() => page.locator('.session-message').textContent(), POLL)
      .toContain('refused this link');
    // The editor went on with a map of the library; the shared map is not listed.
    expect(await page.locator('.toolbar h1').textContent()).not.toBe('Urban trees');
  });
});
