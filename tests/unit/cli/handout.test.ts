/**
 * The handout PDF as a class gets it, read back with pdf.js: the numbered map, a page per
 * section, and a numbered list whose numbers are the map's and whose entries say their relations.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/argmap';
import { exportSvg } from '../../../src/io/exportSvg';
import { nodeNumbers } from '../../../src/io/slides';
import { parseMapText, serializeMap } from '../../../src/io/mapFile';
import { sampleMap } from '../model/sampleMap';
import { fakeIo } from './fakeIo';
import { readPdf } from './readPdf';

const SMALL = 'tests/fixtures/io/small.argmap.json';
const load = (path: string) => {
  const parsed = parseMapText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path} does not parse`);
  return parsed.map;
};

describe('argmap export --format pdf (the handout)', { timeout: 60_000 }, () => {
  it('numbers every node on the map and in the list alike, and says each one’s relations', async () => {
    const map = load(SMALL);
    const t = fakeIo();
    expect(
      await run(['export', SMALL, '--format', 'pdf', '--scale', '1', '--out', 'h.pdf'], t.io),
    ).toBe(0);
    const pages = await readPdf(t.written.get('h.pdf') as Uint8Array);
    // Page 1 is the map (landscape, a picture); the list follows in text.
    expect(pages[0]!.width).toBeGreaterThan(pages[0]!.height);
    const list = pages
      .slice(1)
      .map((p) => p.items.map((i) => i.text).join('\n'))
      .join('\n');
    const numbers = nodeNumbers(map);
    for (const node of map.nodes) {
      if (node.kind === 'inference') continue;
      expect(list).toContain(`${numbers.get(node.id)} · `);
    }
    // The conclusion is number 1 and is supported by what bears on it, named by number.
    expect(list).toContain('1 · Conclusion');
    expect(list).toMatch(/supported by \d+/);
    // The same numbers are printed on the map's nodes.
    const svg = exportSvg(map, { numbers });
    for (const [id, n] of numbers)
      expect(svg).toMatch(new RegExp(`data-id="${id}"[^]*?>${n} · [A-Z]`));
  });

  it('gives each section a page of its own, then the list in the chosen language', async () => {
    const map = sampleMap();
    map.groups = [
      { id: 'g1', title: 'Benefits', translations: { zh: '益处' } },
      { id: 'g2', title: 'Costs', translations: { zh: '代价' } },
    ];
    map.nodes = map.nodes.map((n) => ({ ...n, group: n.kind === 'objection' ? 'g2' : 'g1' }));
    const t = fakeIo({ 'trees.argmap.json': serializeMap(map) });
    expect(
      await run(
        [
          'export',
          'trees.argmap.json',
          '--format',
          'pdf',
          '--scale',
          '1',
          '--lang',
          'zh',
          '--out',
          'h.pdf',
        ],
        t.io,
      ),
    ).toBe(0);
    const pages = await readPdf(t.written.get('h.pdf') as Uint8Array);
    expect(pages.map((p) => p.width > p.height)).toEqual([true, true, true, false]);
    const list = pages[3]!.items.map((i) => i.text).join('');
    expect(list).toContain('论点一览');
    expect(list).toContain('1 · 结论');
    expect(list).toContain('受到支持 2');
    expect(list).toContain('攻击 1');
    // The list is text a reader can search: the conclusion is in it, word for word.
    expect(list).toContain('Plant more trees');
  });
});

describe('npm run argmap: the PDF exports as a real process', () => {
  // The command runs a bundle; PDFKit must stay outside it (it reads its font metrics from files
  // beside its own code), which only a real process shows.
  it.each(['pdf', 'slides'])(
    'writes a %s file',
    (format) => {
      const dir = mkdtempSync(join(tmpdir(), 'argmap-pdf-'));
      const out = join(dir, `out.${format}.pdf`);
      const result = spawnSync(
        'npm',
        ['run', '--silent', 'argmap', '--', 'export', SMALL, '--format', format, '--out', out],
        { encoding: 'utf8' },
      );
      expect(result.status, result.stderr).toBe(0);
      expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      rmSync(dir, { recursive: true, force: true });
    },
    60_000,
  );
});
