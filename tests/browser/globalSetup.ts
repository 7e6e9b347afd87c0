/**
 * Builds the app once and serves it on a free loopback port for the browser tests
 * (`inject('baseUrl')`). The production build is what users get, so it is what we test. It goes to
 * a fresh temporary folder, not dist/, so that two runs (or a run and `npm run build`) never
 * serve each other's half-written files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type PreviewServer } from 'vite';
import { serveBuild } from '../setup/serveBuild';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;
let outDir: string | undefined;

export async function setup(project: TestProject) {
  outDir = mkdtempSync(join(tmpdir(), 'argmap-test-build-'));
  // Vitest sets NODE_ENV to "test", which would make Vite build React's development version.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const served = await serveBuild(outDir);
  server = served.server;
  project.provide('baseUrl', served.url);
  project.provide('buildDir', outDir);
}

export async function teardown() {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The folder of the production build the tests are served from. */
    buildDir: string;
  }
}
