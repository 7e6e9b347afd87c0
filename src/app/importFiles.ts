/**
 * Importing files as new maps: native maps, backups, AIF, Argdown, plain text and documents (through
 * the importer registry, `io/registry.ts`); a document previewed first, or added to the open map
 * as one more source. Nothing stored
 * is changed: each file that loads becomes a new map under a free id; each file is reported, a
 * refused one with its problems (the first 20, each with its JSON path or line). A file's size is
 * checked before it is read, and no file, however broken, makes the import throw.
 */
import { problem, problemMessages, rewordProblem, type Problem } from '../model/problem';
import { say } from '../model/messages';
import { useUiStore, type ImportOutcome } from '../store/uiStore';
import { useMapStore } from '../store/mapStore';
import type { ArgMap, Source } from '../model/schema';
import { create } from 'zustand';
import type { FileBytes, ImportedFile } from '../io/importBytes';
import type { ImportOptions } from '../io/importText';
import { formatByName } from '../io/importFormats';
import { runInWorker } from './ioClient';
import { openMap, refreshLibrary, storeNew } from './session';

type Message = ImportOutcome['messages'][number];

/**
 * The names of the files being imported, empty when none is: while an import runs, the UI can
 * say "Importing…" (message key `importing`).
 */
export const useImporting = create<{ files: string[] }>()(() => ({ files: [] }));

/** Files up to this many bytes are imported in the page's thread (in well under 200 ms). */
const IN_THREAD_BYTES = 500_000;

/**
 * Imports files as new maps (nothing stored is changed): native maps, backups, AIF, Argdown and
 * plain text. Each file is reported on its own; the last map added is opened.
 */
export async function importFiles(files: readonly File[]): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { added: [], messages: [] };
  // Until the report comes, the files being imported (for an "Importing…" indicator).
  const { set } = useUiStore.getState();
  useImporting.setState({ files: files.map((f) => f.name) });
  try {
    return await importAll(files, outcome, set);
  } finally {
    useImporting.setState({ files: [] });
  }
}

async function importAll(
  files: readonly File[],
  outcome: ImportOutcome,
  set: (state: { importReport: ImportOutcome }) => void,
): Promise<ImportOutcome> {
  const byName = new Map<string, File>(files.map((f) => [f.name, f]));
  for (const file of files) {
    if (/\.txt$/i.test(file.name) && byName.has(file.name.replace(/\.txt$/i, '.json'))) continue; // AIF sidecar
    try {
      outcome.messages.push(await importOne(file, byName, outcome.added));
    } catch (error) {
      // A failure of ours (or of storage), not of the file: still reported, never thrown.
      outcome.messages.push({
        file: file.name,
        ok: false,
        lines: [say('impFailed', error instanceof Error ? error.message : String(error))],
      });
    }
  }
  if (outcome.added.length) {
    await refreshLibrary();
    // The report first: the maps are stored; opening the last one may take a moment more.
    set({ importReport: outcome });
    await openMap(outcome.added[outcome.added.length - 1]!);
  }
  return outcome;
}

/**
 * Reads a file (and the AIF sidecar beside it, when `byName` has one) and imports it through the
 * importer registry, in the I/O worker unless it is small. Sizes are checked before reading.
 */
export async function importedFromFile(
  file: File,
  byName: ReadonlyMap<string, File> = new Map(),
  options?: ImportOptions,
): Promise<ImportedFile> {
  const [{ looksLikeBackup }, { BACKUP_FILE_LIMITS, INPUT_LIMITS }, { fileTooLarge }] =
    await Promise.all([
      import('../io/backup'),
      import('../io/inputLimits'),
      import('../io/decodeText'),
    ]);
  const refused = (problems: Problem[]): ImportedFile => ({ kind: 'refused', problems });
  // A backup is told from its first bytes, so that it is read with a backup's size limits.
  const isBackup = looksLikeBackup(await file.slice(0, 200).text());
  const limits = isBackup ? BACKUP_FILE_LIMITS : INPUT_LIMITS;
  // A file past the size limit is never read.
  if (file.size > limits.bytes) return refused([fileTooLarge(file.size, limits)]);
  const bytes = await readBytes(file);
  if (!bytes.ok) return refused(bytes.problems);
  const sidecarFile = byName.get(file.name.replace(/\.json$/i, '.txt'));
  let sidecar: FileBytes | undefined;
  if (sidecarFile && sidecarFile !== file) {
    if (sidecarFile.size > INPUT_LIMITS.bytes) {
      return refused([
        rewordProblem(fileTooLarge(sidecarFile.size), 'fileNamed', sidecarFile.name),
      ]);
    }
    const read = await readBytes(sidecarFile);
    if (!read.ok)
      return refused(read.problems.map((p) => rewordProblem(p, 'fileNamed', sidecarFile.name)));
    sidecar = { name: sidecarFile.name, bytes: read.bytes };
  }
  // Decoding, parsing, checking and converting run in the I/O worker (the bytes move there); a
  // small file, done in a few milliseconds, is imported here, without waiting for the worker.
  const task = {
    op: 'import' as const,
    file: { name: file.name, bytes: bytes.bytes },
    isBackup,
    ...(sidecar ? { sidecar } : {}),
    ...(options ? { options } : {}),
  };
  const size = bytes.bytes.length + (sidecar?.bytes.length ?? 0);
  return size <= IN_THREAD_BYTES
    ? await (await import('../io/ioTasks')).runIo(task)
    : await runInWorker(task, [bytes.bytes.buffer, ...(sidecar ? [sidecar.bytes.buffer] : [])]);
}

async function importOne(
  file: File,
  byName: ReadonlyMap<string, File>,
  added: string[],
): Promise<Message> {
  const result = await importedFromFile(file, byName);
  if (result.kind === 'refused')
    return { file: file.name, ok: false, lines: problemMessages(result.problems) };
  if (result.kind === 'backup') {
    const { maps, refused: left } = result;
    for (const map of maps) added.push(await storeNew(map));
    return {
      file: file.name,
      ok: left.length === 0,
      lines: [
        say('impRestored', maps.length),
        ...left.flatMap(({ index, title, problems }) => [
          title !== undefined
            ? say('impNotRestoredTitled', index + 1, title)
            : say('impNotRestored', index + 1),
          ...problemMessages(problems).map((line) => say('indented', line)),
        ]),
      ],
    };
  }
  const map = withFileTitle(result.map, file.name);
  added.push(await storeNew(map));
  return {
    file: file.name,
    ok: true,
    lines: [say('impImportedAs', map.title), ...result.notes],
  };
}

/**
 * What the "new map from a file" dialog previews (picked in it or in the File menu, or dropped
 * on the editor): one file, or an AIF file with its text; none, and the dialog starts from
 * pasted text. In `add` mode the dialog is "Add a source": what it previews becomes one more
 * source of the open map instead of a new map.
 */
export const useNewMapFile = create<{ files: readonly File[]; mode: 'new' | 'add' }>()(() => ({
  files: [],
  mode: 'new',
}));

/** The files picked or dropped together, as the dialog reads them: one, or AIF with its text. */
export type FilePick =
  { ok: true; file: File; sidecar?: File } | { ok: false; names: string[] } | null;

/**
 * One file, or two when one is AIF JSON and the other its analysed text (`nodeset542.json` with
 * `nodeset542.txt`): the text is the JSON's sidecar, as Import files… pairs them. Anything else
 * is refused (with the names), none is null.
 */
export function pickOf(files: readonly File[]): FilePick {
  if (!files.length) return null;
  if (files.length === 1) return { ok: true, file: files[0]! };
  const json = files.find((f) => /\.json$/i.test(f.name));
  const text = files.find((f) => /\.txt$/i.test(f.name));
  if (files.length === 2 && json && text) return { ok: true, file: json, sidecar: text };
  return { ok: false, names: files.map((f) => f.name) };
}

/** The sidecar lookup {@link importedFromFile} takes, for a pick's text beside its JSON. */
export function sidecarOf(pick: { file: File; sidecar?: File }): Map<string, File> {
  return pick.sidecar
    ? new Map([[pick.file.name.replace(/\.json$/i, '.txt'), pick.sidecar]])
    : new Map();
}

/** Opens the new-map dialog on files (one, or AIF with its text): its preview, then a new map. */
export function openNewMapFrom(...files: File[]): void {
  useNewMapFile.setState({ files, mode: 'new' });
  useUiStore.getState().set({ newMapOpen: true, libraryOpen: false });
}

/**
 * Opens the "Add a source" dialog (the new-map dialog in `add` mode) on a file: its preview,
 * then one more source of the open map. With no file, it starts from pasted text.
 */
export function openAddSourceFrom(file?: File): void {
  useNewMapFile.setState({ files: file ? [file] : [], mode: 'add' });
  useUiStore.getState().set({ newMapOpen: true, libraryOpen: false });
}

/** Whether a file's name says it can be a source (a document or plain text), for a drop. */
export function isSourceFile(name: string): boolean {
  const format = formatByName(name);
  return !!format && (format.document || format.id === 'text');
}

/**
 * Files dropped on the editor: one document, or an AIF file with its text (named alike, as
 * Import files… pairs them), opens the new-map dialog on them (the preview first); anything else
 * is imported at once, as new maps, with a report.
 */
export async function dropFiles(files: readonly File[]): Promise<void> {
  const pick = pickOf(files);
  const paired =
    pick?.ok && pick.sidecar && pick.sidecar.name === pick.file.name.replace(/\.json$/i, '.txt');
  // Documents (not maps, backups, AIF alone, Argdown or plain text) are previewed first.
  if (pick?.ok && (paired || (!pick.sidecar && formatByName(pick.file.name)?.document)))
    return openNewMapFrom(...files);
  useUiStore.getState().set({ importReport: await importFiles(files) });
}

/**
 * The source the source pane is asked to show (its tab chosen), with when it was asked: set when
 * a source is added, so the new source opens in its tab.
 */
export const useShownSource = create<{ id: string | null; at: number }>()(() => ({
  id: null,
  at: 0,
}));

/**
 * Adds `source` to the open map after its sources, as one undoable edit, and opens it in its tab
 * in the source pane. `addTo` is `withSourceAdded` (io/importText: the source gets a free id and
 * sentence ids past the map's), passed by the caller, the lazily loaded dialog that previewed the
 * source, so that the importers' module stays out of the editor's first chunks. Returns the new
 * source's id, or null when the map cannot be edited (none open, or read-only).
 */
export function addSourceAction(
  source: Source,
  addTo: (map: ArgMap, source: Source) => ArgMap,
): string | null {
  let added: string | null = null;
  const ok = useMapStore.getState().edit((map) => {
    const next = addTo(map, source);
    added = next.sources[next.sources.length - 1]!.id;
    return next;
  });
  if (!ok || !added) return null;
  useShownSource.setState({ id: added, at: Date.now() });
  return added;
}

/** A file's bytes, or why they could not be read. */
async function readBytes(
  file: Blob,
): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; problems: Problem[] }> {
  try {
    return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem('', 'fileUnreadable', detail)] };
  }
}

/** The importers' titles for a document that names itself nowhere. */
const UNTITLED = new Set(['Imported AIF', 'Imported Argdown']);

/**
 * A map whose document gave it no title (no Argdown front matter title, no AIF metadata) is
 * named after its file ("school-start_v2.argdown" → "school start v2"), not "Imported AIF".
 */
export function withFileTitle<M extends { title: string }>(map: M, fileName: string): M {
  if (!UNTITLED.has(map.title)) return map;
  const name = fileName
    .replace(/\.[^.]*$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return name ? { ...map, title: name } : map;
}
