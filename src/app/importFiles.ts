/**
 * Importing files as new maps: native maps, backups, AIF, Argdown and plain text. Nothing stored
 * is changed: each file that loads becomes a new map under a free id; each file is reported.
 */
import { describeProblem } from '../model/problem';
import type { ImportOutcome } from '../store/uiStore';
import { openMap, refreshLibrary, storeNew } from './session';

export const MAX_IMPORT_BYTES = 50_000_000;

/**
 * Imports files as new maps (nothing stored is changed): native maps, backups, AIF, Argdown and
 * plain text. Each file is reported on its own; the last map added is opened.
 */
export async function importFiles(files: readonly File[]): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { added: [], messages: [] };
  const [{ importFile }, { isBackup, readBackup }] = await Promise.all([
    import('../io/importFile'),
    import('../io/backup'),
  ]);
  const texts = new Map<string, File>(files.map((f) => [f.name, f]));
  for (const file of files) {
    if (/\.txt$/i.test(file.name) && texts.has(file.name.replace(/\.txt$/i, '.json'))) continue; // AIF sidecar
    if (file.size > MAX_IMPORT_BYTES) {
      outcome.messages.push({
        file: file.name,
        ok: false,
        lines: [
          `The file is ${Math.round(file.size / 1e6)} MB; the limit is ${MAX_IMPORT_BYTES / 1e6} MB.`,
        ],
      });
      continue;
    }
    const text = await file.text();
    let backup: unknown;
    if (/^\s*\{/.test(text) && text.includes('"argmap-backup"')) {
      try {
        backup = JSON.parse(text);
      } catch {
        backup = undefined;
      }
    }
    if (backup !== undefined && isBackup(backup)) {
      const { maps, problems } = readBackup(backup);
      for (const map of maps) outcome.added.push(await storeNew(map));
      outcome.messages.push({
        file: file.name,
        ok: problems.length === 0,
        lines: [`${maps.length} map(s) restored.`, ...problems.slice(0, 20).map(describeProblem)],
      });
      continue;
    }
    const sidecar = texts.get(file.name.replace(/\.json$/i, '.txt'));
    const result = importFile(
      file.name,
      text,
      sidecar && sidecar !== file ? { sidecarText: await sidecar.text() } : {},
    );
    if (!result.ok) {
      const lines = result.problems.slice(0, 20).map(describeProblem);
      if (result.problems.length > 20) lines.push(`…and ${result.problems.length - 20} more.`);
      outcome.messages.push({ file: file.name, ok: false, lines });
      continue;
    }
    outcome.added.push(await storeNew(result.map));
    outcome.messages.push({
      file: file.name,
      ok: true,
      lines: [`Imported as “${result.map.title}”.`, ...result.report],
    });
  }
  await refreshLibrary();
  const last = outcome.added[outcome.added.length - 1];
  if (last) await openMap(last);
  return outcome;
}
