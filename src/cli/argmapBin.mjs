#!/usr/bin/env node
// The `argmap` command (package.json "bin"): runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./argmap.ts');
process.exitCode = await run(process.argv.slice(2));
