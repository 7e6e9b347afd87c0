/** What the benchmark measures outside the browser: the initial JS bundle and the CLI export. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';

export interface Bundle {
  /** Gzipped bytes of the JS the start page loads (entry script and its modulepreloads). */
  initialJsGzip: number;
  initial: { file: string; gzip: number }[];
  /** Every other JS chunk of the build: loaded on demand. */
  lazy: { file: string; gzip: number }[];
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Reads `dist/index.html` for the scripts it loads at start-up; the rest of `assets/` is lazy. */
export function bundleSizes(dist = 'dist'): Bundle {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!.replace(/^\.?\//, ''));
  const initial = refs.map((file) => ({ file, gzip: gz(join(dist, file)) }));
  const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const lazy = assets
    .map((f) => `assets/${f}`)
    .filter((f) => !refs.includes(f))
    .map((file) => ({ file, gzip: gz(join(dist, file)) }))
    .sort((a, b) => b.gzip - a.gzip);
  return { initialJsGzip: initial.reduce((s, c) => s + c.gzip, 0), initial, lazy };
}

/**
 * Wall time of the `argmap` bin (`node src/cli/argmapBin.mjs export <file> --format svg --out
 * <out>`, what `npm run argmap` and an installed `argmap` run), whole process. The pre-built
 * bundle is made fresh first, as `npm ci` (npm's `prepare`) leaves it.
 */
export async function cliExportMs(file: string, out: string): Promise<number> {
  const { ensureCliBundle } = await import('../../src/cli/buildCli.mjs');
  if (!(await ensureCliBundle())) throw new Error('The CLI bundle could not be built.');
  const args = ['src/cli/argmapBin.mjs', 'export', file, '--format', 'svg', '--out', out];
  const start = performance.now();
  await promisify(execFile)(process.execPath, args, { timeout: 60_000 });
  const ms = performance.now() - start;
  if (!existsSync(out) || !readFileSync(out, 'utf8').includes('<svg')) {
    throw new Error(`The CLI wrote no SVG to ${out}.`);
  }
  return ms;
}

/** The same export run in this process (`run()` of the CLI): the work without Node's start-up. */
export async function cliExportInProcessMs(file: string, out: string): Promise<number> {
  const { run, nodeIo } = await import('../../src/cli/argmap');
  const quiet = {
    stdout: () => undefined,
    stderr: (text: string) => void process.stderr.write(text),
  };
  const start = performance.now();
  const code = await run(['export', file, '--format', 'svg', '--out', out], {
    ...nodeIo,
    ...quiet,
  });
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`The CLI export failed (exit code ${code}).`);
  return ms;
}
