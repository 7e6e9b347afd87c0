/**
 * Writes a file atomically: the data goes to a temporary file in the same folder, which then
 * replaces the target in one rename. A write that fails (a full disk, a closed pipe, a crash)
 * leaves the previous file as it was and no temporary file behind.
 */
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WriteOps {
  writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  unlink: (path: string) => Promise<void>;
}

const nodeOps: WriteOps = { writeFile, rename, unlink };

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  ops: WriteOps = nodeOps,
): Promise<void> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await ops.writeFile(temp, data);
    await ops.rename(temp, path);
  } catch (error) {
    await ops.unlink(temp).catch(() => undefined);
    throw error;
  }
}
