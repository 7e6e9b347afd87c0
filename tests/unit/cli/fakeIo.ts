/** An in-memory CliIo for driving the CLI in-process: real files read, everything else captured. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIo } from '../../../src/cli/argmap';

/** `files` are read before the disk and are the only paths that "exist". */
export function fakeIo(files: Record<string, string> = {}) {
  const out: (string | Uint8Array)[] = [];
  let err = '';
  const written = new Map<string, string | Uint8Array>();
  const folders: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void (err += t),
    readFile: async (path) => (path in files ? files[path]! : readFileSync(resolve(path), 'utf8')),
    writeFile: async (path, data) => void written.set(path, data),
    makeDir: async (path) => void folders.push(path),
    exists: (path) => path in files,
  };
  return {
    io,
    /** What was printed; bytes (PNG, PDF) as Latin-1, one character per byte. */
    stdout: () =>
      out.map((o) => (typeof o === 'string' ? o : Buffer.from(o).toString('latin1'))).join(''),
    stderr: () => err,
    written,
    folders,
  };
}
