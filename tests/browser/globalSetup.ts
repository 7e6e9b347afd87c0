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
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const served = await serveBuild(outDir);
  server = served.server;
  project.provide('baseUrl', served.url);
}

export async function teardown() {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
