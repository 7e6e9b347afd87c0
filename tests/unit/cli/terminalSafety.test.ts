/**
 * A command line safe in a terminal: what comes from a file is printed escaped, every option is
 * checked (exit 2, naming what is allowed), output files are written atomically, and a closed
 * pipe ends the program quietly.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/argmap';
import { fakeIo } from './fakeIo';
import { writeFileAtomic } from '../../../src/cli/atomicWrite';
import { escapeControls } from '../../../src/cli/terminalText';

const SMALL = 'tests/fixtures/io/small.argmap.json';
const small = () => JSON.parse(readFileSync(SMALL, 'utf8')) as Record<string, unknown>;

// eslint-disable-next-line no-control-regex -- looking for control characters
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

describe('what is printed is escaped', () => {
  const evil = '\u001b]0;pwned\u0007\u001b[2J\u202e\nfake.argmap.json: valid (1 nodes, 0 edges).';

  it('stats shows a hostile title and tour title escaped, on one line each', async () => {
    const map = {
      ...small(),
      title: `Title${evil}`,
      tours: [{ id: 't1', title: evil, steps: [] }],
    };
    const t = fakeIo({ 'evil.argmap.json': JSON.stringify(map) });
    expect(await run(['stats', 'evil.argmap.json'], t.io)).toBe(0);
    expect(t.stdout()).not.toMatch(RAW_CONTROL);
    expect(t.stdout()).toContain('Title\\x1B]0;pwned\\x07\\x1B[2J\\u202E\\nfake.argmap.json');
    expect(
      t
        .stdout()
        .split('\n')
        .some((l) => l.startsWith('fake.argmap.json')),
    ).toBe(false);
  });

  it('validate shows the problems of a hostile file escaped', async () => {
    const map = {
      ...small(),
      nodes: [{ id: evil, kind: 'claim', text: 'x', refs: [{ sentence: evil }] }],
    };
    const t = fakeIo({ 'evil.argmap.json': JSON.stringify(map) });
    expect(await run(['validate', 'evil.argmap.json'], t.io)).toBe(1);
    expect(t.stderr()).toContain('\\x1B');
    expect(t.stderr()).not.toMatch(RAW_CONTROL);
    expect(
      t
        .stderr()
        .split('\n')
        .some((l) => l.startsWith('fake.argmap.json')),
    ).toBe(false);
  });

  it('escapeControls keeps ordinary text, CJK and emoji', () => {
    expect(escapeControls('A 论证 🙂 ok')).toBe('A 论证 🙂 ok');
    expect(escapeControls('a\u0085b\u009bc')).toBe('a\\x85b\\x9Bc');
  });
});

describe('every option is checked', () => {
  it.each([
    [
      ['export', SMALL, '--format', 'md', '--lang', '__proto__'],
      /--lang must be a language tag such as en/,
    ],
    [
      ['export', SMALL, '--format', 'svg', '--lang', 'constructor'],
      /--lang must be a language tag/,
    ],
    [
      ['export', SMALL, '--format', 'png', '--scale', '1e-9'],
      /--scale must be a number from 1 to 4/,
    ],
    [
      ['export', SMALL, '--format', 'png', '--scale', 'Infinity'],
      /--scale must be a number from 1 to 4/,
    ],
    [['export', SMALL, '--format', 'md', '--scale', '2'], /--scale applies to the png and pdf/],
    [['export', SMALL, '--format', 'svg', '--transparent'], /--transparent applies to the png/],
    [
      ['validate', SMALL, '--format', 'svg'],
      /validate does not take --format; it takes no options/,
    ],
    [
      ['import', SMALL, '--scale', '2'],
      /import does not take --scale; its options are --out, --lang, --title/,
    ],
    [['import', SMALL, '--title', ''], /--title must be a text of 1 to 100,000 characters/],
    [['export', SMALL, '--format', 'svg', '--nodes', ','], /--nodes needs node ids/],
    [['export', SMALL, '--format', 'md', '--out', ''], /--out needs a file name/],
  ])('%j is a usage error (exit 2) naming what is allowed', async (argv, message) => {
    const t = fakeIo();
    expect(await run(argv, t.io)).toBe(2);
    expect(t.stderr()).toMatch(message);
  });

  it('never answers "unexpected error", whatever the option values', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        '1e-9',
        '-1',
        'NaN',
        '0',
        '4',
        'en',
        'zh-Hans',
        'n1',
        '',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('md', 'argdown', 'aif', 'json', 'svg'),
        fc.subarray(['--lang', '--scale', '--nodes', '--title', '--transparent']),
        fc.array(value, { minLength: 5, maxLength: 5 }),
        async (format, names, values) => {
          const argv = ['export', SMALL, '--format', format];
          names.forEach((name, i) =>
            argv.push(...(name === '--transparent' ? [name] : [name, values[i]!])),
          );
          const t = fakeIo();
          const code = await run(argv, t.io);
          expect([0, 1, 2]).toContain(code);
          expect(t.stderr()).not.toContain('unexpected error');
        },
      ),
      { seed: 4, numRuns: 60 },
    );
  });
});

describe('validate applies the map limits, as the editor does', () => {
  it('refuses a map with a note over the string limit (exit 1), naming it', async () => {
    const map = small() as { nodes: { note?: string }[] };
    map.nodes[0]!.note = 'x'.repeat(100_001);
    const t = fakeIo({ 'big.argmap.json': JSON.stringify(map) });
    expect(await run(['validate', 'big.argmap.json'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/nodes\[0\]\.note: is 100,001 characters long/);
  });

  it('refuses a map with more nodes than the editor allows', async () => {
    const map = small() as { nodes: { id: string }[]; edges: unknown[]; tours: unknown[] };
    const first = map.nodes[0]!;
    map.nodes = Array.from({ length: 10_001 }, (_, i) => ({ ...first, id: `m${i}` }));
    map.edges = [];
    map.tours = [];
    const t = fakeIo({ 'many.argmap.json': JSON.stringify(map) });
    expect(await run(['validate', 'many.argmap.json'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/nodes: has 10,001 entries; the limit is 10,000/);
  });
});

describe('output files', () => {
  it('are replaced whole, or not at all when the write fails (the old file stays)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'argmap-atomic-'));
    const target = join(dir, 'out.svg');
    writeFileSync(target, 'the previous good export');
    const { writeFile, rename, unlink } = await import('node:fs/promises');
    const diskFull = {
      writeFile: async (path: string, data: string | Uint8Array) => {
        await writeFile(path, String(data).slice(0, 5)); // part of it, then the disk is full
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
      rename,
      unlink,
    };
    await expect(writeFileAtomic(target, 'a new export', diskFull)).rejects.toThrow(/no space/);
    expect(readFileSync(target, 'utf8')).toBe('the previous good export');
    expect(readdirSync(dir)).toEqual(['out.svg']);
    await writeFileAtomic(target, 'a new export');
    expect(readFileSync(target, 'utf8')).toBe('a new export');
    expect(readdirSync(dir)).toEqual(['out.svg']);
  });
});

describe('Argdown and AIF exports say what they leave out', () => {
  it('lists notes and tours on stderr', async () => {
    const map = small() as { nodes: { note?: string }[] };
    map.nodes[0]!.note = 'A note';
    const t = fakeIo({ 'n.argmap.json': JSON.stringify(map) });
    expect(await run(['export', 'n.argmap.json', '--format', 'argdown'], t.io)).toBe(0);
    expect(t.stderr()).toMatch(/note: Argdown cannot hold \d+ note\(s\); left out\./);
    const a = fakeIo({ 'n.argmap.json': JSON.stringify(map) });
    expect(await run(['export', 'n.argmap.json', '--format', 'aif'], a.io)).toBe(0);
    expect(a.stderr()).toMatch(/note: AIF cannot hold \d+ note\(s\); left out\./);
  });
});

describe('a closed pipe', () => {
  it('ends the command quietly (no stack trace)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'argmap-pipe-'));
    const big = small() as { nodes: { note?: string }[] };
    big.nodes[0]!.note = 'x'.repeat(90_000);
    const file = join(dir, 'big.argmap.json');
    writeFileSync(file, JSON.stringify(big));
    // `argmap export … | head -c 1`: head exits after one byte, closing the pipe.
    const child = spawn(
      'sh',
      [
        '-c',
        `"${process.execPath}" --import tsx src/cli/argmap.ts export "${file}" --format json | head -c 1 >/dev/null`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('');
  }, 30_000);
});
