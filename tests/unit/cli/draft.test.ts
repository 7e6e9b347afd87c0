/**
 * `argmap draft <file> [--lang] [--segments <json>] [--out]`: the contract of issue 15 over every
 * text of the microtext corpus (read in place beside the checkout; skipped with a notice where it
 * is absent), with `--segments` from its gold EDUs — one node per segment, in order, each citing
 * its segment's span, one tree, the central claim a `conclusion`, a valid map — and bad input
 * refused with a clear message, exit 1 and nothing written. The corpus loop runs in-process; a
 * few cases spawn the real command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/argmap';
import { parseMapText } from '../../../src/io/mapFile';
import type { ArgMap } from '../../../src/model/schema';
import { validateMap } from '../../../src/model/validate';
import { corpusDir, corpusTexts, hasCorpus } from '../draft/draftChecks';
import { fakeIo } from './fakeIo';

if (!hasCorpus) console.warn(`Skipping the corpus CLI contract: ${corpusDir} does not exist.`);

function parsed(json: string): ArgMap {
  const result = parseMapText(json);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.map;
}

/** The units (non-junction nodes) form one tree rooted at the one conclusion. */
function expectOneTree(map: ArgMap) {
  const out = new Map<string, string[]>();
  for (const e of map.edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const roots = map.nodes.filter((n) => !out.has(n.id));
  expect(roots.map((n) => n.kind)).toEqual(['conclusion']);
  expect(map.nodes.filter((n) => n.kind === 'conclusion')).toHaveLength(1);
  for (const node of map.nodes) {
    if (node.id === roots[0]!.id) continue;
    expect(out.get(node.id), node.id).toHaveLength(1);
    let at = node.id;
    for (let steps = 0; at !== roots[0]!.id; steps++) {
      expect(steps).toBeLessThan(map.nodes.length);
      at = out.get(at)![0]!;
    }
  }
  for (const e of map.edges) expect(['supports', 'attacks']).toContain(e.relation);
}

/** The text a node cites: from its first ref's start to its last ref's end. */
function citedRange(map: ArgMap, node: ArgMap['nodes'][number]) {
  const source = map.sources[0]!;
  const sentence = (id: string) => source.sentences.find((s) => s.id === id)!;
  const first = node.refs[0]!;
  const last = node.refs[node.refs.length - 1]!;
  const start = first.start ?? sentence(first.sentence).start;
  const end = last.end ?? sentence(last.sentence).end;
  return { start, end, text: source.text.slice(start, end) };
}

describe.skipIf(!hasCorpus)('argmap draft --segments over every corpus text', () => {
  const texts = corpusTexts();

  it('gives one node per gold EDU, in order, each citing its span, one tree, a valid map', async () => {
    expect(texts.length).toBeGreaterThan(100);
    for (const { name, edus } of texts) {
      const txt = join(corpusDir, `${name}.txt`);
      const t = fakeIo({ 'segments.json': JSON.stringify(edus) });
      const code = await run(['draft', txt, '--segments', 'segments.json', '--lang', 'en'], t.io);
      expect(code, `${name}: ${t.stderr()}`).toBe(0);
      const map = parsed(t.stdout());
      expect(validateMap(map).ok).toBe(true);
      const units = map.nodes.filter((n) => n.kind !== 'inference');
      expect(units, name).toHaveLength(edus.length);
      units.forEach((node, i) => {
        // The node cites the EDU's own span of the imported text, whose cleaning joins runs of
        // spaces; a title is in capitals where the gold writes it plainly.
        const plain = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
        expect(plain(node.text), `${name} EDU ${i + 1}`).toBe(plain(edus[i]!));
      });
      // Each cites its own span, in text order.
      let previousEnd = 0;
      for (const node of units) {
        const cited = citedRange(map, node);
        expect(cited.text).toBe(node.text);
        expect(cited.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = cited.end;
      }
      expectOneTree(map);
    }
  }, 120_000);
});

describe('argmap draft: the command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'argmap-draft-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = join(dir, 'school.txt');
  writeFileSync(
    text,
    'Schools should start later. Teenagers sleep badly, because their body clock runs late. Some people say buses cost more then. However, the timetable can stay as it is.',
  );

  it('drafts a text into a valid map on standard output, with a note on stderr', async () => {
    const t = fakeIo();
    expect(await run(['draft', text], t.io)).toBe(0);
    const map = parsed(t.stdout());
    expect(map.nodes.map((n) => `${n.kind}: ${n.text}`)).toEqual([
      'conclusion: Schools should start later.',
      'claim: Teenagers sleep badly,',
      'claim: because their body clock runs late.',
      'objection: Some people say buses cost more then.',
      'rebuttal: However, the timetable can stay as it is.',
    ]);
    expect(map.edges.map((e) => `${e.from} ${e.relation} ${e.to}`)).toEqual([
      'n2 supports n1',
      'n3 supports n2',
      'n4 attacks n1',
      'n5 attacks n4',
    ]);
    // A whole sentence is cited as the sentence; a clause as its span with its quote.
    expect(map.nodes[0]!.refs).toEqual([{ sentence: 's1' }]);
    expect(map.nodes[1]!.refs).toEqual([
      { sentence: 's2', start: 28, end: 50, quote: 'Teenagers sleep badly,' },
    ]);
    expect(t.stderr()).toContain('note: Drafted 5 unit(s), 4 link(s), 0 junction(s) (en)');
  });

  it("writes --out, reads --lang, and takes a native map's source", async () => {
    const zh = join(dir, 'zh.txt');
    writeFileSync(zh, '城市应该修建一座新公园。有人认为这太花钱。但是，公园会提高周边房屋的价值。');
    const t = fakeIo();
    expect(await run(['draft', zh, '--lang', 'zh-Hans', '--out', 'out.argmap.json'], t.io)).toBe(0);
    const map = parsed(t.written.get('out.argmap.json') as string);
    expect(map.sources[0]!.language).toBe('zh-Hans');
    expect(map.nodes.map((n) => n.kind)).toEqual(['conclusion', 'objection', 'rebuttal']);
    expect(t.stdout()).toBe('');

    const again = fakeIo({ 'map.argmap.json': t.written.get('out.argmap.json') as string });
    expect(await run(['draft', 'map.argmap.json'], again.io)).toBe(0);
    expect(parsed(again.stdout()).nodes).toHaveLength(3);
    expect(again.stderr()).toContain("The map's own 3 node(s) are left out");
  });

  it.each([
    ['a missing file', ['draft', 'nowhere.txt'], {}, /nowhere\.txt: no such file/],
    [
      'a missing segments file',
      ['draft', 'TEXT', '--segments', 'none.json'],
      {},
      /none\.json: no such file/,
    ],
    [
      'segments that are not JSON',
      ['draft', 'TEXT', '--segments', 's.json'],
      { 's.json': '["a",' },
      /s\.json is not valid JSON/,
    ],
    [
      'segments that are not strings',
      ['draft', 'TEXT', '--segments', 's.json'],
      { 's.json': '[1, 2]' },
      /must hold a JSON array of strings/,
    ],
    [
      'no segments',
      ['draft', 'TEXT', '--segments', 's.json'],
      { 's.json': '[]' },
      /holds no segments/,
    ],
    [
      'an empty segment',
      ['draft', 'TEXT', '--segments', 's.json'],
      { 's.json': '["Schools should start later.", " "]' },
      /segment 2 of s\.json is empty/,
    ],
    [
      'a segment not in the text',
      ['draft', 'TEXT', '--segments', 's.json'],
      { 's.json': '["Schools should start later.", "Buses are green."]' },
      /could not be drafted: Segment 2 is not in the text .*“Buses are green\.”/,
    ],
    [
      'segments out of order',
      ['draft', 'TEXT', '--segments', 's.json'],
      { 's.json': '["Teenagers sleep badly,", "Schools should start later."]' },
      /Segment 2 is not in the text/,
    ],
  ])('refuses %s: a clear message, exit 1, nothing written', async (_, argv, files, message) => {
    const t = fakeIo(files as Record<string, string>);
    const args = [...(argv as string[]).map((a) => (a === 'TEXT' ? text : a)), '--out', 'x.json'];
    expect(await run(args, t.io)).toBe(1);
    expect(t.stderr()).toMatch(message);
    expect(t.stderr()).not.toMatch(/^\s+at /m);
    expect(t.written.size).toBe(0);
  });

  it('is a usage error without a file or with an option it does not take', async () => {
    for (const argv of [
      ['draft'],
      ['draft', text, '--format', 'svg'],
      ['draft', text, '--lang', '中文'],
    ]) {
      const t = fakeIo();
      expect(await run(argv, t.io)).toBe(2);
      expect(t.stderr()).toMatch(/^argmap: .+\n\nUsage:/);
    }
    const help = fakeIo();
    expect(await run(['--help'], help.io)).toBe(0);
    expect(help.stdout()).toContain('draft <file>');
    expect(help.stdout()).toContain('--segments <json>');
  });

  it('as a real process: writes the map with --out; refuses a bad segment with exit 1 and no file', () => {
    // The sources through tsx, not `npm run argmap`: its pre-built bundle is shared by checkouts.
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/argmap.ts', ...args], {
        encoding: 'utf8',
      });
    const out = join(dir, 'school.argmap.json');
    const ok = cli('draft', text, '--out', out);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toBe('');
    expect(validateMap(JSON.parse(readFileSync(out, 'utf8'))).ok).toBe(true);

    const segments = join(dir, 'bad.json');
    writeFileSync(segments, JSON.stringify(['Schools should start later.', 'Trains are late.']));
    const bad = join(dir, 'bad.argmap.json');
    const refused = cli('draft', text, '--segments', segments, '--out', bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Segment 2 is not in the text');
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(bad)).toBe(false);
  }, 60_000);
});
