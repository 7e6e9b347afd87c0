/**
 * What the I/O worker does, as plain data in and out: import a file's bytes, or export a map (or
 * all maps, as a backup) to a format's text. The same function runs in the main thread where
 * there are no workers (the unit tests, old browsers). An import is async: a document's reader
 * (pdf.js, mammoth) loads on demand.
 */
import type { ArgMap } from '../model/schema';
import { serializeBackup } from './backup';
import { exportAif } from './exportAif';
import { exportArgdown } from './exportArgdown';
import { exportMarkdown } from './exportMarkdown';
import { exportSvg, type SvgExportOptions } from './exportSvg';
import { importBytes, type FileBytes, type ImportedFile } from './importBytes';
import { serializeMap } from './mapFile';
import type { ImportOptions } from './importText';

export type IoTask =
  | {
      op: 'import';
      file: FileBytes;
      isBackup: boolean;
      sidecar?: FileBytes;
      options?: ImportOptions;
    }
  | { op: 'svg'; map: ArgMap; options: SvgExportOptions }
  | { op: 'md'; map: ArgMap; language?: string }
  | { op: 'argdown'; map: ArgMap }
  | { op: 'aif'; map: ArgMap }
  | { op: 'json'; map: ArgMap }
  | { op: 'backup'; maps: readonly ArgMap[] };

/** What each task gives back: an import's outcome, or an export's text. */
export type IoResult<T extends IoTask> = T extends { op: 'import' } ? ImportedFile : string;

export interface IoRequest {
  id: number;
  task: IoTask;
}

export type IoReply =
  | { id: number; ok: true; result: ImportedFile | string }
  | { id: number; ok: false; error: string }
  /** One source of the map an import gives, sent ahead of the reply (which has `sources: []`). */
  | { id: number; source: ArgMap['sources'][number] };

export function runIo<T extends IoTask>(task: T): Promise<IoResult<T>>;
export async function runIo(task: IoTask): Promise<ImportedFile | string> {
  switch (task.op) {
    case 'import':
      return importBytes(task.file, task.isBackup, task.sidecar, task.options);
    case 'svg':
      return exportSvg(task.map, task.options);
    case 'md':
      return exportMarkdown(task.map, task.language ? { language: task.language } : {});
    case 'argdown':
      return exportArgdown(task.map);
    case 'aif':
      return JSON.stringify(exportAif(task.map), null, 2);
    case 'json':
      return serializeMap(task.map);
    case 'backup':
      return serializeBackup(task.maps);
  }
}
