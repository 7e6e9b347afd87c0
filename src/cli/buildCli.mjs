#!/usr/bin/env node
/**
 * Builds the command line into one pre-compiled bundle (esbuild, which tsx and Vite bring), so
 * `argmap` starts in plain Node instead of compiling TypeScript on every run. The bundle lives
 * in `node_modules/.cache/argmap/cli/` (git-ignored, survives `vite build`, rebuilt after
 * `npm ci`): `argmap.mjs` plus chunks loaded on demand (ELK, only when a map needs a layout).
 * Run directly (`npm run build:cli`, and npm's `prepare` after `npm ci`) it builds; the bin
 * (argmapBin.mjs) calls {@link ensureCliBundle} and rebuilds when any source is newer.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI_DIR = join(ROOT, 'node_modules/.cache/argmap/cli');
export const CLI_BUNDLE = join(CLI_DIR, 'argmap.mjs');
/** What the bundle is built from: a change to any of these makes it stale. */
const INPUTS = [join(ROOT, 'src'), join(ROOT, 'package-lock.json'), join(ROOT, 'package.json')];

function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder's time
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether the bundle exists and is newer than every source file. */
export function cliBundleIsFresh() {
  let built;
  try {
    built = statSync(CLI_BUNDLE).mtimeMs;
  } catch {
    return false;
  }
  return INPUTS.every((input) => newestMtime(input) <= built);
}

/** Builds the bundle; the entry file is written last and renamed into place, so a concurrent run never loads half of it. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: { argmap: join(ROOT, 'src/cli/argmap.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: CLI_DIR,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    // Native code (resvg), and PDFKit, which reads its font metrics from files beside its own code.
    external: ['@resvg/resvg-js', 'pdfkit'],
    // Bundled CommonJS packages call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __argmapRequire } from 'node:module'; const require = __argmapRequire(import.meta.url);",
    },
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(CLI_DIR, { recursive: true });
  const entry = result.outputFiles.find((f) => f.path === CLI_BUNDLE);
  for (const file of result.outputFiles)
    if (file !== entry) writeFileSync(file.path, file.contents);
  const temporary = `${CLI_BUNDLE}.${process.pid}.tmp`;
  writeFileSync(temporary, entry.contents);
  renameSync(temporary, CLI_BUNDLE);
  // Chunks of earlier builds (their names are content hashes) are no longer referenced.
  const current = new Set(result.outputFiles.map((f) => f.path));
  for (const name of readdirSync(CLI_DIR)) {
    const path = join(CLI_DIR, name);
    if (name.startsWith('chunk-') && !current.has(path)) rmSync(path, { force: true });
  }
}

/** Builds the bundle when it is missing or stale; false when it cannot (no esbuild installed). */
export async function ensureCliBundle() {
  if (cliBundleIsFresh()) return true;
  try {
    await import('esbuild');
  } catch {
    return false;
  }
  await buildCli();
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    await import('esbuild');
  } catch {
    // `npm ci --omit=dev`: no esbuild; the bin then runs the TypeScript sources through tsx.
    console.warn('argmap: esbuild is not installed; the command line will run from source.');
    process.exit(0);
  }
  await buildCli();
}
