/**
 * Issue #7, item 1, on the command line: for every kind of bad input, `validate`, `import`,
 * `stats` and `export` exit 1 with the problems on stderr (no stack trace), print nothing on
 * stdout, write no output file and leave the input file as it was. Real files in a temporary
 * folder, read through the CLI's own file access (`nodeIo`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeIo, run, type CliIo } from '../../../src/cli/argmap';
import { BAD_INPUTS } from '../../fixtures/bad/badInputs';

const dir = mkdtempSync(join(tmpdir(), 'argmap-bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real file access, with stdout and stderr captured and the files read recorded. */
function captured() {
  let stdout = '';
  let stderr = '';
  const read: string[] = [];
  const io: CliIo = {
    ...nodeIo,
    stdout: (t) => void (stdout += typeof t === 'string' ? t : `<${t.length} bytes>`),
    stderr: (t) => void (stderr += t),
    readFile: (path) => (read.push(path), nodeIo.readFile(path)),
  };
  return { io, stdout: () => stdout, stderr: () => stderr, read };
}

const listing = (head: string, problems: readonly string[]) =>
  `argmap: ${head}\n${problems.map((p) => `  ${p}\n`).join('')}`;

describe('the command line on bad input', () => {
  it.each(BAD_INPUTS.map((c) => [c.title, c] as const))(
    'refuses %s',
    async (_title, input) => {
      const path = join(dir, input.name);
      const bytes = input.bytes();
      writeFileSync(path, bytes);
      const out = join(dir, `${input.name}.out`);
      const validateListing = listing(
        `${path} is not a valid argument map:`,
        input.validateProblems ?? input.problems,
      );
      const expected: [string[], string][] = [
        [['import', path, '--out', out], listing(`${path} could not be imported:`, input.problems)],
        [['validate', path], validateListing],
        [['stats', path], validateListing],
        [['export', path, '--format', 'svg', '--out', out], validateListing],
      ];
      for (const [argv, stderr] of expected) {
        const t = captured();
        expect(await run(argv, t.io), argv.join(' ')).toBe(1);
        expect(t.stderr()).toBe(stderr);
        expect(t.stderr()).not.toMatch(/^\s+at /m);
        expect(t.stdout()).toBe('');
        expect(existsSync(out)).toBe(false);
        // A file over the size limit is refused without being read.
        if (bytes.length > 50_000_000) expect(t.read).toEqual([]);
      }
      expect(Buffer.compare(readFileSync(path), bytes)).toBe(0);
      rmSync(path);
    },
    60_000,
  );
});

describe('npm run argmap (a real process)', () => {
  it('exits 1 with the problem on stderr and no stack trace', () => {
    for (const name of ['photo.png', 'deep.json', 'truncated.argmap.json']) {
      const input = BAD_INPUTS.find((c) => c.name === name)!;
      const path = join(dir, name);
      writeFileSync(path, input.bytes());
      for (const command of ['validate', 'import']) {
        const result = spawnSync('npm', ['run', '--silent', 'argmap', '--', command, path], {
          encoding: 'utf8',
        });
        expect(result.status, `${command} ${name}: ${result.stderr}`).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain(
          command === 'import'
            ? listing(`${path} could not be imported:`, input.problems)
            : listing(
                `${path} is not a valid argument map:`,
                input.validateProblems ?? input.problems,
              ),
        );
        expect(result.stderr).not.toMatch(/^\s+at /m);
      }
    }
  }, 120_000);
});
