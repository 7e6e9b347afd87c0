/**
 * A file's bytes → what importing it gives, as plain data: the work of an import between reading
 * the file and storing its maps (decoding, parsing, migrating, validating, converting, the limits),
 * done by the importer registry (`registry.ts`). It runs in the I/O worker (`ioWorker.ts`), so
 * that the largest allowed file never blocks the editor's main thread; the same function runs in
 * the thread itself where there are no workers.
 */
import type { ImportOptions } from './importText';
import { importWithRegistry, type FileBytes, type ImportedFile } from './registry';

export type { FileBytes, ImportedFile } from './registry';

/**
 * Imports one file: a backup (read with a backup's size limits when `isBackup`), a native map,
 * AIF (with the analysed text of `sidecar`, the `.txt` beside it, when there is one), Argdown,
 * plain text or a document. Never throws for any input.
 */
export function importBytes(
  file: FileBytes,
  isBackup: boolean,
  sidecar?: FileBytes,
  options?: ImportOptions,
): Promise<ImportedFile> {
  return importWithRegistry({
    file,
    isBackup,
    ...(sidecar ? { sidecar } : {}),
    ...(options ? { options } : {}),
  });
}
