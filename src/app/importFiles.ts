/**
 * Importing files as new maps: native maps, backups, AIF, Argdown and plain text. Nothing stored
 * is changed: each file that loads becomes a new map under a free id; each file is reported, a
 * refused one with its problems (the first 20, each with its JSON path or line). A file's size is
 * checked before it is read, and no file, however broken, makes the import throw.
 */
import { problemLines, type Problem } from '../model/problem';
import type { ImportOutcome } from '../store/uiStore';
import { openMap, refreshLibrary, storeNew } from './session';

type Message = ImportOutcome['messages'][number];

/**
 * Imports files as new maps (nothing stored is changed): native maps, backups, AIF, Argdown and
 * plain text. Each file is reported on its own; the last map added is opened.
 */
export async function importFiles(files: readonly File[]): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { added: [], messages: [] };
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
        lines: [
          `The file could not be imported: ${error instanceof Error ? error.message : String(error)}`,
        ],
      });
    }
  }
  if (outcome.added.length) {
    await refreshLibrary();
    await openMap(outcome.added[outcome.added.length - 1]!);
  }
  return outcome;
}

async function importOne(
  file: File,
  byName: ReadonlyMap<string, File>,
  added: string[],
): Promise<Message> {
  const [{ readTextFile }, { importFile }, backup, { BACKUP_FILE_LIMITS }] = await Promise.all([
    import('../io/decodeText'),
    import('../io/importFile'),
    import('../io/backup'),
    import('../io/inputLimits'),
  ]);
  const refused = (problems: readonly Problem[]): Message => ({
    file: file.name,
    ok: false,
    lines: problemLines(problems),
  });
  // A backup is told from its first bytes, so that it is read with a backup's size limits.
  const isBackup = backup.looksLikeBackup(await file.slice(0, 200).text());
  const read = await readTextFile(file, isBackup ? BACKUP_FILE_LIMITS : undefined);
  if (!read.ok) return refused(read.problems);
  const { text } = read;
  const restored =
    isBackup || (/^\s*\{/.test(text) && text.includes('"argmap-backup"'))
      ? backup.restoreBackup(text)
      : undefined;
  if (restored && !restored.ok && isBackup) return refused(restored.problems);
  if (restored?.ok) {
    const { maps, refused: left } = restored.contents;
    for (const map of maps) added.push(await storeNew(map));
    return {
      file: file.name,
      ok: left.length === 0,
      lines: [
        `${maps.length} map(s) restored.`,
        ...left.flatMap(({ index, title, problems }) => [
          `Not restored: map ${index + 1}${title !== undefined ? ` “${title}”` : ''}:`,
          ...problemLines(problems).map((line) => `  ${line}`),
        ]),
      ],
    };
  }
  const sidecarFile = byName.get(file.name.replace(/\.json$/i, '.txt'));
  let sidecarText: string | undefined;
  if (sidecarFile && sidecarFile !== file) {
    const sidecar = await readTextFile(sidecarFile);
    if (!sidecar.ok) {
      return refused(
        sidecar.problems.map((p) => ({ ...p, message: `${sidecarFile.name}: ${p.message}` })),
      );
    }
    sidecarText = sidecar.text;
  }
  const result = importFile(file.name, text, sidecarText !== undefined ? { sidecarText } : {});
  if (!result.ok) return refused(result.problems);
  const map = withFileTitle(result.map, file.name);
  added.push(await storeNew(map));
  return {
    file: file.name,
    ok: true,
    lines: [`Imported as “${map.title}”.`, ...result.report],
  };
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
