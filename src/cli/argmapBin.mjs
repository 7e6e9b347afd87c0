#!/usr/bin/env node
// The `argmap` command (package.json "bin", and `npm run argmap`): runs the pre-built bundle of
// the TypeScript CLI (buildCli.mjs), building it first when it is missing or older than the
// sources; without esbuild it falls back to running the sources through tsx's loader.
import { CLI_BUNDLE, ensureCliBundle } from './buildCli.mjs';
import { pathToFileURL } from 'node:url';

let run, endQuietlyOnClosedPipe;
if (await ensureCliBundle()) {
  ({ run, endQuietlyOnClosedPipe } = await import(pathToFileURL(CLI_BUNDLE).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run, endQuietlyOnClosedPipe } = await import('./argmap.ts'));
}
endQuietlyOnClosedPipe();
process.exitCode = await run(process.argv.slice(2));
