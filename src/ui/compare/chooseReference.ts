/**
 * Choosing the reference of a comparison: a map of the library, read without opening it, or a
 * file, read through the same import path as File → Import (size checked first, decoded and
 * checked in the I/O worker when large) but not stored. A backup file holds several maps and is
 * refused with a hint to import it first.
 */
import { problemLines } from '../../model/problem';
import { readStoredMap } from '../../app/session';
import { runInWorker } from '../../app/ioClient';
import { useCompareStore } from '../../store/compareStore';

/** Files up to this many bytes are read in the page's thread (as importFiles does). */
const IN_THREAD_BYTES = 500_000;

const failed = (key: string, detail?: string) =>
  useCompareStore.setState({ loading: false, problem: { key, ...(detail ? { detail } : {}) } });

export async function chooseStoredReference(mapId: string, title: string): Promise<void> {
  useCompareStore.setState({ loading: true, problem: null });
  try {
    const loaded = await readStoredMap(mapId);
    if (!loaded) return failed('compareNotFound', title);
    if (!loaded.ok) return failed('compareDamaged', problemLines(loaded.problems).join('\n'));
    useCompareStore.setState({
      loading: false,
      choosing: false,
      reference: loaded.map,
      referenceFrom: { kind: 'library', name: title },
      byWording: false,
    });
  } catch (error) {
    failed('compareBadFile', error instanceof Error ? error.message : String(error));
  }
}

export async function chooseFileReference(file: File): Promise<void> {
  useCompareStore.setState({ loading: true, problem: null });
  try {
    const [{ looksLikeBackup }, { INPUT_LIMITS }, { fileTooLarge }] = await Promise.all([
      import('../../io/backup'),
      import('../../io/inputLimits'),
      import('../../io/decodeText'),
    ]);
    if (looksLikeBackup(await file.slice(0, 200).text())) return failed('compareBackupFile');
    if (file.size > INPUT_LIMITS.bytes)
      return failed('compareBadFile', problemLines([fileTooLarge(file.size)]).join('\n'));
    const bytes = new Uint8Array(await file.arrayBuffer());
    const task = { op: 'import' as const, file: { name: file.name, bytes }, isBackup: false };
    const result =
      bytes.length <= IN_THREAD_BYTES
        ? await (await import('../../io/ioTasks')).runIo(task)
        : await runInWorker(task, [bytes.buffer]);
    if (result.kind === 'refused')
      return failed('compareBadFile', problemLines(result.problems).join('\n'));
    if (result.kind === 'backup') return failed('compareBackupFile');
    useCompareStore.setState({
      loading: false,
      choosing: false,
      reference: result.map,
      referenceFrom: { kind: 'file', name: file.name },
      byWording: false,
    });
  } catch (error) {
    failed('compareBadFile', error instanceof Error ? error.message : String(error));
  }
}
