import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/argmap';
import { fakeIo } from './fakeIo';
import { parseMapText } from '../../../src/io/mapFile';

const SMALL = 'tests/fixtures/io/small.argmap.json';

describe('argmap CLI', () => {
  it('prints help and exits 0', async () => {
    const t = fakeIo();
    expect(await run(['--help'], t.io)).toBe(0);
    expect(t.stdout()).toContain('Usage: npm run argmap');
  });

  it.each([
    [[]],
    [['frobnicate', SMALL]],
    [['validate']],
    [['export', SMALL]],
    [['export', SMALL, '--format', 'docx']],
    [['export', SMALL, '--format', 'png', '--scale', 'big']],
    [['export', SMALL, '--format']],
    [['validate', SMALL, '--bogus']],
    [['validate', SMALL, 'extra']],
  ])('exits 2 with the usage on a usage error: %j', async (argv) => {
    const t = fakeIo();
    expect(await run(argv, t.io)).toBe(2);
    expect(t.stderr()).toMatch(/^argmap: .+\n\nUsage:/);
  });

  it('validates a good map (exit 0) and lists the problems of a bad one (exit 1), without stack traces', async () => {
    const good = fakeIo();
    expect(await run(['validate', SMALL], good.io)).toBe(0);
    expect(good.stdout()).toContain('valid (9 nodes, 7 edges)');

    const map = JSON.parse(readFileSync(SMALL, 'utf8'));
    map.edges.push({ id: 'e9', from: 'n1', to: 'nope', relation: 'supports' });
    const bad = fakeIo({ 'bad.argmap.json': JSON.stringify(map) });
    expect(await run(['validate', 'bad.argmap.json'], bad.io)).toBe(1);
    expect(bad.stderr()).toContain('edges[7].to');
    expect(bad.stderr()).not.toMatch(/\n\s+at /);

    const missing = fakeIo();
    expect(await run(['validate', 'no/such/file.json'], missing.io)).toBe(1);
    expect(missing.stderr()).toBe('argmap: no/such/file.json: no such file.\n');

    const notJson = fakeIo({ 'x.json': '{oops' });
    expect(await run(['validate', 'x.json'], notJson.io)).toBe(1);
    expect(notJson.stderr()).toContain('not valid JSON');

    map.edges.pop();
    map.nodes[0].kind = 'thesis';
    const badKind = fakeIo({ 'k.argmap.json': JSON.stringify(map) });
    expect(await run(['validate', 'k.argmap.json'], badKind.io)).toBe(1);
    expect(badKind.stderr()).toMatch(/^ {2}nodes\[0\]\.kind: /m);
  });

  it.each([
    ['svg', (s: string) => s.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')],
    ['md', (s: string) => s.startsWith('# 日本与核共享')],
    ['argdown', (s: string) => s.startsWith('===\ntitle:')],
    ['aif', (s: string) => Array.isArray(JSON.parse(s).AIF.nodes)],
    ['json', (s: string) => parseMapText(s).ok],
  ])('exports %s to standard output', async (format, check) => {
    const t = fakeIo();
    expect(await run(['export', SMALL, '--format', format], t.io)).toBe(0);
    expect(check(t.stdout())).toBe(true);
  });

  it('exports a PNG at the requested scale', async () => {
    const sizes: number[] = [];
    for (const scale of ['1', '2']) {
      const t = fakeIo();
      expect(
        await run(['export', SMALL, '--format', 'png', '--scale', scale, '--out', 'map.png'], t.io),
      ).toBe(0);
      const png = Buffer.from(t.written.get('map.png') as Uint8Array);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      sizes.push(png.readUInt32BE(16)); // IHDR width
    }
    expect(sizes[1]).toBe(sizes[0]! * 2);
  }, 30_000);

  it('imports Argdown, AIF and text by content and extension, with notes on stderr', async () => {
    const files = {
      'a.argdown': '[A]: Cats purr. #evidence\n  + [B]: Cats are content.\n',
      'b.json': JSON.stringify({
        nodes: [{ nodeID: '1', type: 'I', text: 'Cats purr.' }],
        edges: [],
        locutions: [],
      }),
      'b.txt': 'Cats purr. Dogs bark.',
      'c.txt': '猫会发出呼噜声。狗会叫。',
    };
    const argdown = fakeIo(files);
    expect(await run(['import', 'a.argdown', '--out', 'a.argmap.json'], argdown.io)).toBe(0);
    const a = parseMapText(argdown.written.get('a.argmap.json') as string);
    expect(a.ok && a.map.nodes.map((n) => [n.kind, n.text])).toEqual([
      ['evidence', 'Cats purr.'],
      ['claim', 'Cats are content.'],
    ]);
    expect(argdown.stderr()).toMatch(/^note: /);

    const aif = fakeIo(files);
    expect(await run(['import', 'b.json'], aif.io)).toBe(0);
    const b = parseMapText(aif.stdout());
    expect(b.ok && b.map.sources[0]!.text).toBe('Cats purr. Dogs bark.');
    expect(aif.stderr()).toContain('Source text read from b.txt');

    const text = fakeIo(files);
    expect(await run(['import', 'c.txt', '--title', '猫和狗'], text.io)).toBe(0);
    const c = parseMapText(text.stdout());
    expect(
      c.ok && [c.map.title, c.map.sources[0]!.language, c.map.sources[0]!.sentences.length],
    ).toEqual(['猫和狗', 'zh-Hans', 2]);
  });

  it('refuses JSON that is neither a map nor AIF, and a bad Argdown file, with exit 1', async () => {
    const t = fakeIo({ 'x.json': '{"a": 1}', 'y.argdown': '<b>\n\n(1) premise\n----\n' });
    expect(await run(['import', 'x.json'], t.io)).toBe(1);
    expect(await run(['import', 'y.argdown'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/line \d+/);
  });

  it('prints stats', async () => {
    const t = fakeIo();
    expect(await run(['stats', SMALL], t.io)).toBe(0);
    expect(t.stdout()).toContain('nodes: 9');
    expect(t.stdout()).toContain('  inference: 1');
    expect(t.stdout()).toContain('sources: 1 (6 sentences, 6 cited)');
  });

  it('lays a map out anew, writes it and reports how readable it is', async () => {
    const t = fakeIo();
    const article = 'maps/us-japan-nuclear-sharing.argmap.json';
    expect(await run(['layout', article, '--out', 'laid.json'], t.io)).toBe(0);
    expect(t.stderr()).toMatch(
      /laid out 150 nodes: \d+ × \d+ px .* 0 edges through a box, 0 overlaps/,
    );
    const laid = parseMapText(t.written.get('laid.json') as string);
    expect(laid.ok).toBe(true);
    const before = parseMapText(readFileSync(resolve(article), 'utf8'));
    if (!laid.ok || !before.ok) return;
    // Only positions change, and the article ships laid out this way (after a change to the
    // layout, run: npm run argmap -- layout maps/<file> --out maps/<file>).
    const strip = (m: typeof laid.map) => m.nodes.map(({ position: _p, ...rest }) => rest);
    expect(strip(laid.map)).toEqual(strip(before.map));
    expect(laid.map.nodes.map((n) => n.position)).toEqual(before.map.nodes.map((n) => n.position));
  }, 60_000);

  it('exports only the chosen nodes, and refuses unknown ones', async () => {
    const t = fakeIo();
    expect(await run(['export', SMALL, '--format', 'svg', '--nodes', 'n1,n2'], t.io)).toBe(0);
    expect(t.stdout().match(/data-id=/g)).toHaveLength(2);
    const bad = fakeIo();
    expect(await run(['export', SMALL, '--format', 'svg', '--nodes', 'n1,zz'], bad.io)).toBe(1);
    expect(bad.stderr()).toContain('zz');
  });
});

describe('rasterize', () => {
  it('reads the declared size and scales a too-large request down to the pixel budget', async () => {
    const { rasterize, svgSize } = await import('../../../src/cli/rasterize');
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><rect width="400" height="100" fill="red"/></svg>';
    expect(svgSize(svg)).toEqual({ width: 400, height: 100 });
    expect(svgSize('<svg viewBox="0 0 30 20"/>')).toEqual({ width: 30, height: 20 });
    const full = rasterize(svg, { scale: 2 });
    expect([full.scale, full.width, full.height]).toEqual([2, 800, 200]);
    const capped = rasterize(svg, { scale: 3, maxPixels: 40_000 });
    expect(capped.scale).toBe(1);
    expect(capped.width * capped.height).toBeLessThanOrEqual(40_000);
  });
});
