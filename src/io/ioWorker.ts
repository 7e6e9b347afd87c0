/**
 * The I/O Web Worker: imports (decoding, parsing, validating and converting a file) and exports
 * (Argdown, AIF, Markdown, SVG, native JSON, a backup) run here, so that no file within the limits
 * blocks the editor's main thread. It answers with plain data; `app/ioClient.ts` talks to it.
 *
 * The worker starts with the first task, so what that task needs loads then: an import loads
 * only the importers (`importBytes.ts`), not the exporters, and a PDF or a web page starts
 * loading its reader (pdf.js for a PDF) at once, beside the importers rather than after them.
 * When a document is about to be picked, the page may have it load the importers and pdf.js
 * earlier still (an {@link IoWarm} message).
 */
import type { IoReply, IoRequest, IoTask } from './ioTasks';

/** Not a task: load the document importers and pdf.js now, ahead of a document (no answer). */
export interface IoWarm {
  warm: 'documents';
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<IoRequest | IoWarm>) => void) | null;
  postMessage(reply: IoReply): void;
};

/**
 * Starts loading the reader of a document whose first bytes look like a PDF or a web page. Only
 * a head start: the registry still decides which importer reads the file (`sniffPdf`,
 * `sniffHtml`), and a reader loaded in vain costs nothing but the loading.
 */
function preloadReader(task: IoTask): void {
  if (task.op !== 'import' || task.isBackup) return;
  const head = String.fromCharCode(...task.file.bytes.subarray(0, 1024));
  if (head.includes('%PDF-'))
    void import('./formats/pdf').then((pdf) => pdf.loadPdfjs()).catch(() => undefined);
  else if (/^(?:\xEF\xBB\xBF)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(head))
    void import('./formats/html').catch(() => undefined);
}

async function run(task: IoTask) {
  if (task.op !== 'import') return (await import('./ioTasks')).runIo(task);
  const { importBytes } = await import('./importBytes');
  return importBytes(task.file, task.isBackup, task.sidecar, task.options);
}

/**
 * Loads what reading a document needs (see `warmDocumentReaders` in `app/ioClient.ts`): every
 * reader, since the kind of file is not known yet, and the sentence segmenter's data for the two
 * interface languages, which the platform loads on first use.
 */
function warm(): void {
  void import('./importBytes')
    .then(() => import('../source/segment'))
    .then(({ sentenceRanges }) => {
      sentenceRanges('这是一句。这是第二句。', 'zh-Hans');
      sentenceRanges('This is one. This is two.', 'en');
    })
    .catch(() => undefined);
  void import('./formats/pdf').then((pdf) => pdf.loadPdfjs()).catch(() => undefined);
  for (const reader of [
    () => import('./formats/html'),
    () => import('./formats/docx'),
    () => import('./formats/markdown'),
  ])
    void reader().catch(() => undefined);
}

scope.onmessage = async ({ data }) => {
  if ('warm' in data) return warm();
  try {
    preloadReader(data.task);
    const result = await run(data.task);
    // A map's sources (most of a large map) go one message each, so the page takes each in
    // with a short task rather than the whole map with one long one.
    if (typeof result === 'object' && result.kind === 'map') {
      for (const source of result.map.sources) scope.postMessage({ id: data.id, source });
      const map = { ...result.map, sources: [] };
      scope.postMessage({ id: data.id, ok: true, result: { ...result, map } });
      return;
    }
    scope.postMessage({ id: data.id, ok: true, result });
  } catch (error) {
    scope.postMessage({
      id: data.id,
      ok: false,
      error: String((error as Error)?.message ?? error),
    });
  }
};
