/**
 * A file's bytes → what importing it gives, as plain data: the work of an import between reading
 * the file and storing its maps (decoding, parsing, migrating, validating, converting, the limits).
 * It runs in the I/O worker (`ioWorker.ts`), so that the largest allowed file never blocks the
 * editor's main thread; the same function runs in the thread itself where there are no workers.
 */
import { rewordProblem, type Problem } from '../model/problem';
import type { Message } from '../model/messages';
import type { ArgMap } from '../model/schema';
import { restoreBackup, type RefusedMap } from './backup';
import { decodeText } from './decodeText';
import { importFile } from './importFile';
import { BACKUP_FILE_LIMITS } from './inputLimits';

/** One file to import: its name and bytes; a backup is told from its first bytes beforehand. */
export interface FileBytes {
  name: string;
  bytes: Uint8Array;
}

export type ImportedFile =
  | { kind: 'refused'; problems: Problem[] }
  | { kind: 'backup'; maps: ArgMap[]; refused: RefusedMap[] }
  | { kind: 'map'; map: ArgMap; notes: Message[] };

/**
 * Imports one file: a backup (read with a backup's size limits when `isBackup`), a native map,
 * AIF (with the analysed text of `sidecar`, the `.txt` beside it, when there is one), Argdown or
 * plain text. Never throws for any input.
 */
export function importBytes(file: FileBytes, isBackup: boolean, sidecar?: FileBytes): ImportedFile {
  const read = decodeText(file.bytes, isBackup ? BACKUP_FILE_LIMITS : undefined);
  if (!read.ok) return { kind: 'refused', problems: read.problems };
  const { text } = read;
  const restored =
    isBackup || (/^\s*\{/.test(text) && text.includes('"argmap-backup"'))
      ? restoreBackup(text)
      : undefined;
  if (restored && !restored.ok && isBackup) return { kind: 'refused', problems: restored.problems };
  if (restored?.ok) {
    const { maps, refused } = restored.contents;
    return { kind: 'backup', maps, refused };
  }
  let sidecarText: string | undefined;
  if (sidecar) {
    const decoded = decodeText(sidecar.bytes);
    if (!decoded.ok) {
      return {
        kind: 'refused',
        problems: decoded.problems.map((p) => rewordProblem(p, 'fileNamed', sidecar.name)),
      };
    }
    sidecarText = decoded.text;
  }
  const result = importFile(file.name, text, sidecarText !== undefined ? { sidecarText } : {});
  if (!result.ok) return { kind: 'refused', problems: result.problems };
  return { kind: 'map', map: result.map, notes: result.notes };
}
