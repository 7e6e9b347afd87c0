/**
 * Issue #12, "both languages, everywhere": with the interface in Chinese, what comes from outside
 * the interface is Chinese too — the import report of a broken file, of a file over a limit and
 * of a file with format losses, and the error of a map address that cannot be opened. Arguments
 * (file names, JSON paths, numbers) stay as they are.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { serializeMap } from '../../src/io/mapFile';
import { sampleMap } from '../unit/model/sampleMap';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const dir = mkdtempSync(join(tmpdir(), 'argmap-messages-zh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** English words left in a line, once names of formats and code are taken out. */
const englishWords = (text: string) =>
  text
    .replace(/argmap|format|nodes|edges|JSON|AIF|Argdown|UTF|PNG|MB|RA|CA|MA|I、/g, ' ')
    .match(/[A-Za-z]{2,}/g) ?? [];

async function setChinese() {
  await page.getByTestId('language-switch').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
}

/** Imports a file through the File menu's file picker. */
async function pick(name: string, content: string | Buffer) {
  await page
    .getByTestId('import-input')
    .setInputFiles({ name, mimeType: '', buffer: Buffer.from(content) });
}

/** The report of one file in the import panel: its lines and the paths set in code type. */
async function reportOf(name: string): Promise<{ lines: string[]; places: (string | null)[] }> {
  const entry = page.locator(`[data-testid="import-file"][data-file="${name}"]`);
  await entry.waitFor({ timeout: 30_000 });
  return {
    lines: await entry.locator('li').allTextContents(),
    places: await entry
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.querySelector('code')?.textContent ?? null)),
  };
}

const LOSSY_AIF = JSON.stringify({
  nodes: [
    { nodeID: '1', text: 'Schools should start later.', type: 'I' },
    { nodeID: '2', text: 'Teenagers sleep late.', type: 'I' },
    { nodeID: '3', text: 'Default Inference', type: 'RA' },
    { nodeID: '4', text: 'Bob: schools should start later', type: 'L' },
  ],
  edges: [
    { edgeID: 'a', fromID: '2', toID: '3' },
    { edgeID: 'b', fromID: '3', toID: '1' },
  ],
});

describe('messages from outside the interface, in Chinese', () => {
  it('reports a broken file, files over the limits and an AIF file with losses in Chinese', async () => {
    await setChinese();
    const close = () => page.getByTestId('import-report').getByRole('button').first().click();

    // A broken file: JSON cut off, its place in Chinese and set apart.
    await pick('truncated.argmap.json', '{"format": "argmap", "nodes": [');
    const truncated = await reportOf('truncated.argmap.json');
    expect(truncated.lines).toEqual([
      '第 1 行第 32 列：不是有效的 JSON：文本在 JSON 完整之前就结束了，文件似乎被截断（保存或下载时中断）。',
    ]);
    expect(truncated.places).toEqual(['第 1 行第 32 列']);
    expect(await page.getByTestId('import-report').textContent()).toContain('导入');
    await close();

    // A map that breaks its rules: each problem at its JSON path, in Chinese.
    const broken = sampleMap();
    broken.edges[0]!.to = 'nowhere';
    await pick('broken.argmap.json', serializeMap(broken));
    const rules = await reportOf('broken.argmap.json');
    expect(rules.lines).toEqual(['edges[0].to："nowhere" 不是本图的节点']);
    expect(rules.places).toEqual(['edges[0].to']);
    await close();

    // Over a map limit: a node text of 100,001 characters.
    const long = sampleMap();
    long.nodes[0]!.text = 'x'.repeat(100_001);
    await pick('long-node.argmap.json', serializeMap(long));
    expect((await reportOf('long-node.argmap.json')).lines).toEqual([
      'nodes[0].text：长 100,001 个字符；此字段最多 100,000 个字符（来源文本可有 2,000,000 个）。',
    ]);
    await close();

    // Over the file size limit: refused without being read.
    const path = join(dir, 'fifty.argmap.json');
    writeFileSync(path, Buffer.alloc(50_000_001, 0x20));
    await page.getByTestId('import-input').setInputFiles(path);
    expect((await reportOf('fifty.argmap.json')).lines).toEqual([
      '文件太大：50 MB（50,000,001 字节）；可导入的文件最大为 50 MB。文件未被读取。',
    ]);
    await close();

    // Format losses: what the AIF file could not bring, in Chinese.
    await pick('lossy.json', LOSSY_AIF);
    const lossy = await reportOf('lossy.json');
    expect(lossy.lines).toEqual([
      '已导入为“lossy”。',
      '从 4 个 AIF 节点得到 2 个节点和 1 条连线。',
      '已跳过 1 个 L（话语）节点：只有 I、RA、CA 和 MA 节点承载论证。',
      '2 个陈述的类型由结构推断（AIF 没有类型）。',
      '此 AIF 不含分析文本：来源由各陈述拼成。',
      'AIF 没有章节或分组：论证图中也没有。',
    ]);
    // No English left but the arguments: an id, a path, the map's title.
    const args = /nowhere|edges\[0\]\.to|“lossy”/g;
    for (const line of [...truncated.lines, ...rules.lines, ...lossy.lines])
      expect(englishWords(line.replace(args, '')), line).toEqual([]);
    await page.screenshot({ path: 'tests/.artifacts/messages-zh-import-report.png' });
  }, 240_000);

  it('says in Chinese why a map address could not be opened', async () => {
    await setChinese();
    await page.route(
      (url) => url.pathname === '/course/missing.argmap.json',
      (route) => route.fulfill({ status: 404, body: 'not found', contentType: 'text/plain' }),
    );
    await page.goto(new URL('?open=/course/missing.argmap.json', page.url()).href);
    await page.waitForSelector('.react-flow__node');
    const alert = page.locator('.session-message');
    const origin = new URL(page.url()).origin;
    expect(await alert.textContent()).toBe(
      `✕无法打开位于 ${origin}/course/missing.argmap.json 的论证图：该地址没有文件（404 Not Found）。`,
    );
    // The browser itself logs the failed download; that is the one console error expected here.
    expect(session.errors).toEqual([expect.stringContaining('404')]);
    session.errors.length = 0;

    const bad = sampleMap();
    bad.edges[0]!.from = 'n9';
    await page.route(
      (url) => url.pathname === '/course/bad.argmap.json',
      (route) => route.fulfill({ body: serializeMap(bad), contentType: 'application/json' }),
    );
    await page.goto(new URL('?open=/course/bad.argmap.json', page.url()).href);
    await page.waitForSelector('.react-flow__node');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(`位于 ${origin}/course/bad.argmap.json 的文件不是有效的论证图：`);
    expect(text).toContain('edges[0].from："n9" 不是本图的节点');
    expect(
      englishWords(text.replace(/https?:\/\/\S+/, '').replace(/edges\[0\]\.from/, '')),
    ).toEqual([]);
  }, 60_000);
});
