/**
 * The PDF reader: a PDF's bytes to cleaned text with its pages, headings and citation fields
 * (an {@link Extraction}), or the problem that stops it: not a PDF, encrypted, damaged or cut
 * short, no text layer (scanned), too many pages or too much text.
 *
 * pdf.js (`pdfjs-dist`, its `legacy` build, which runs both in Node 20 and in browsers) reads the
 * text layer; `pdfClean.ts` does the cleaning, a pure function of the text items.
 *
 * In a browser, pdf.js parses in a worker of its own (`pdfParseWorker.ts`, pdf.js's worker
 * module, modern build), started from the calling thread, which is itself the editor's I/O worker
 * (`io/ioWorker.ts`; browsers nest dedicated workers): the pages are parsed there while this thread
 * takes in and maps the ones already read, all requested at once (a few ahead), and cleans them.
 * Nothing is evaluated (`isEvalSupported: false`, as the app's Content-Security-Policy forbids
 * eval), and no `workerSrc` or `blob:` URL is needed: the worker is bundled by Vite. Where no
 * worker can be started (Node: the command line, the tests; or a browser without nested workers,
 * or when it fails to load), pdf.js's worker code runs in the calling thread instead (its "fake
 * worker", the legacy build, given as `globalThis.pdfjsWorker`). Both load on the first call, on
 * demand. Called on the main thread it would work too, but block it while a large PDF is cleaned.
 */
import { problem, type Problem } from '../../model/problem';
import { INPUT_LIMITS, formatCount, formatMegabytes } from '../inputLimits';
import type { Extraction, ExtractedText } from './extracted';
import { cleanPdfPages, type PdfItem, type PdfPage } from './pdfClean';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export interface ReadPdfOptions {
  /** At most this many pages are read; a longer PDF is refused. */
  maxPages?: number;
  /** Called after each page is read (for a progress bar). */
  onPage?: (done: number, total: number) => void;
  /** The heading of the notes section (default: by the text's script, `注释` or `Notes`). */
  notesHeading?: string;
}

/** The most pages a PDF may have: about three times the longest source text's book. */
export const PDF_MAX_PAGES = 2000;

/** How many pages are asked of pdf.js at a time, ahead of the one being taken in. */
const PAGES_AHEAD = 8;

/** pdf.js's API, and the worker that parses for it (none: its worker code runs in this thread). */
interface Reader {
  pdfjs: Pdfjs;
  worker?: InstanceType<Pdfjs['PDFWorker']>;
  /** Rejects if that worker stops (fails, or runs out of memory) while a document is read. */
  stopped?: Promise<never>;
}

let loading: Promise<Reader> | undefined;

/** Can this thread start a worker of its own? Only in a browser (a window or a worker). */
function canNestWorker(): boolean {
  const scope = globalThis as { Worker?: unknown; process?: { versions?: { node?: string } } };
  return typeof scope.Worker === 'function' && !scope.process?.versions?.node;
}

/**
 * Starts pdf.js's worker (`pdfParseWorker.ts`) and waits until it is ready; undefined when it
 * fails to load (then pdf.js runs in this thread).
 */
function startParseWorker(): Promise<Worker | undefined> {
  let worker: Worker;
  try {
    // Vite bundles the worker and what it imports from this pattern.
    worker = new Worker(new URL('./pdfParseWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      if (!ready) worker.terminate();
      resolve(ready ? worker : undefined);
    };
    // pdf.js's worker says "ready" once loaded (a message pdf.js's API, given the worker
    // later, would ignore anyway).
    const onMessage = (event: MessageEvent) =>
      (event.data as { action?: unknown } | null)?.action === 'ready' && done(true);
    const onError = (event: Event) => {
      event.preventDefault();
      done(false);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
}

/** Loads pdf.js's worker code into this thread, as pdf.js's "fake worker". */
async function loadFakeWorker(): Promise<void> {
  // Loaded in a Web Worker, pdf.js's worker module takes that worker over as its own: it
  // listens to its messages and posts "ready" to the page. It does not when it sees a `window`,
  // so one stands in while the module loads (only in a worker, where there is none).
  const scope = globalThis as { window?: unknown; pdfjsWorker?: unknown };
  const inWorker =
    typeof scope.window === 'undefined' &&
    typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
  if (inWorker) scope.window = globalThis;
  try {
    scope.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  } finally {
    if (inWorker) delete scope.window;
  }
}

/**
 * Loads pdf.js, and starts its worker (or loads its worker code into this thread), once: the two
 * load side by side. `readPdf` calls it; a caller may call it early to have pdf.js ready ahead of
 * the first PDF. No other setup is needed, in Node or in a browser.
 */
function loadReader(): Promise<Reader> {
  loading ??= (async () => {
    const [pdfjs, port] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      canNestWorker() ? startParseWorker() : Promise.resolve(undefined),
    ]);
    if (!port) {
      await loadFakeWorker();
      return { pdfjs };
    }
    const reader: Reader = { pdfjs, worker: pdfjs.PDFWorker.create({ port }) };
    reader.stopped = new Promise<never>((_, reject) =>
      port.addEventListener('error', (event) => {
        event.preventDefault();
        // The next PDF starts a new worker.
        if (loading === started) loading = undefined;
        reject(new Error(event.message || 'The PDF worker stopped.'));
      }),
    );
    reader.stopped.catch(() => undefined);
    return reader;
  })();
  const started = loading;
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * Where pdf.js parses: in a worker of its own (`worker`) or in this thread (`thread`), once
 * loaded (for the tests and diagnostics).
 */
export async function pdfParsesIn(): Promise<'worker' | 'thread'> {
  return (await loadReader()).worker ? 'worker' : 'thread';
}

/** Loads pdf.js ahead of the first PDF (see {@link loadReader}). */
export async function loadPdfjs(): Promise<Pdfjs> {
  return (await loadReader()).pdfjs;
}

const refuse = (...problems: Problem[]): Extraction => ({ ok: false, problems });

/** The first bytes as Latin-1 text, for sniffing. */
function head(bytes: Uint8Array, length: number, from = 0): string {
  let out = '';
  for (let i = from; i < Math.min(bytes.length, from + length); i++)
    out += String.fromCharCode(bytes[i]!);
  return out;
}

/** Has this text a control character other than tab, line feed, form feed or carriage return? */
function isBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0xfffd)
      return true;
  }
  return false;
}

/** What a file that does not start like a PDF looks like, for the message. */
function notPdf(bytes: Uint8Array): Problem {
  const start = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 2048))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  const kind = /^<(?:!doctype\s+html|html|head|body|meta|!--|div|p[\s>]|title)/.test(start)
    ? 'pdfKindHtml'
    : start.length > 0 && !isBinary(start)
      ? 'pdfKindText'
      : 'pdfKindOther';
  return problem('', 'pdfNotPdf', { key: kind, args: [] });
}

/** An item of pdf.js's text content (a marked-content item has no `str`). */
interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
}

function toItem(raw: RawItem): PdfItem | undefined {
  if (typeof raw.str !== 'string' || !raw.transform) return undefined;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = raw.transform;
  return {
    str: raw.str,
    x: e,
    y: f,
    width: raw.width ?? 0,
    size: Math.hypot(c, d) || Math.hypot(a, b),
  };
}

/** A PDF date (`D:20240131120000+01'00'`) as ISO 8601 (`2024-01-31`), when it reads as one. */
export function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

/** A metadata title worth keeping (not `about:blank`, `Untitled`, or a word processor's prefix). */
function cleanTitle(value: unknown): string | undefined {
  const text = field(value);
  if (text === undefined) return undefined;
  const title = text
    .replace(/^Microsoft (?:Word|PowerPoint) - /, '')
    .replace(/\.(?:docx?|pptx?|odt|tex)$/i, '')
    .trim();
  if (!title || /^(?:about:blank|untitled|untitled document|document\d*)$/i.test(title))
    return undefined;
  return title;
}

/** A metadata field as text (XMP gives a list for authors). */
function field(value: unknown): string | undefined {
  if (Array.isArray(value)) return field(value.filter((v) => typeof v === 'string').join(', '));
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Why pdf.js could not open the document, as a problem. */
function openProblem(error: unknown): Problem {
  const name = (error as { name?: unknown } | undefined)?.name;
  if (name === 'PasswordException') return problem('', 'pdfEncrypted');
  const message = String((error as { message?: unknown } | undefined)?.message ?? error);
  return problem('', 'pdfBroken', message.slice(0, 200));
}

/** Reads a PDF's text (see the module comment). */
export async function readPdf(
  bytes: Uint8Array,
  options: ReadPdfOptions = {},
): Promise<Extraction> {
  if (bytes.length > INPUT_LIMITS.bytes)
    return refuse(
      problem(
        '',
        'fileTooLarge',
        formatMegabytes(bytes.length),
        formatCount(bytes.length),
        formatMegabytes(INPUT_LIMITS.bytes),
      ),
    );
  if (!bytes.length) return refuse(problem('', 'fileEmpty'));
  // The header may follow some junk, but must be within the first kilobyte (as readers allow).
  if (!head(bytes, 1024).includes('%PDF-')) return refuse(notPdf(bytes));
  // A complete PDF ends with `%%EOF` (and perhaps a few bytes of padding).
  if (!head(bytes, 2048, Math.max(0, bytes.length - 2048)).includes('%%EOF'))
    return refuse(problem('', 'pdfTruncated'));

  const reader = await loadReader();
  const { pdfjs, worker } = reader;
  // Whatever pdf.js waits on fails at once if its worker stops.
  const orStop = <T>(promise: Promise<T>): Promise<T> =>
    reader.stopped ? Promise.race([promise, reader.stopped]) : promise;
  const maxPages = options.maxPages ?? PDF_MAX_PAGES;
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over (it transfers it to its worker): give it a copy.
    data: new Uint8Array(bytes),
    ...(worker ? { worker } : {}),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await orStop(task.promise);
  } catch (error) {
    await task.destroy().catch(() => undefined);
    return refuse(openProblem(error));
  }
  try {
    if (doc.numPages > maxPages)
      return refuse(
        problem('', 'pdfTooManyPages', formatCount(doc.numPages), formatCount(maxPages)),
      );
    const pdf = doc;
    // The pages are asked for a few ahead of the one taken in, so that pdf.js's worker parses
    // the next ones meanwhile (and never waits on this thread for the next request).
    const readPage = async (n: number): Promise<PdfPage> => {
      const page = await pdf.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const content = await page.getTextContent();
      page.cleanup();
      const items = (content.items as RawItem[])
        .map(toItem)
        .filter((item): item is PdfItem => item !== undefined);
      return { width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), items };
    };
    const asked: Promise<PdfPage>[] = [];
    const ask = (n: number) => {
      if (n > pdf.numPages) return;
      const read = readPage(n);
      // Left unread when the document is refused half-way (and then destroyed).
      read.catch(() => undefined);
      asked.push(read);
    };
    for (let n = 1; n <= PAGES_AHEAD; n++) ask(n);
    const pages: PdfPage[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await orStop(asked[n - 1]!);
      ask(n + PAGES_AHEAD);
      for (const item of page.items) chars += item.str.length;
      // Headers, footers and spaces make the raw text longer than the cleaned text; well past
      // the limit it cannot come under it.
      if (chars > INPUT_LIMITS.sourceChars * 1.5)
        return refuse(problem('', 'pdfTooLong', formatCount(INPUT_LIMITS.sourceChars)));
      pages.push(page);
      options.onPage?.(n, pdf.numPages);
    }
    if (!pages.some((page) => page.items.some((item) => item.str.trim())))
      return refuse(problem('', 'pdfNoText', formatCount(doc.numPages)));

    const cleaned = cleanPdfPages(pages, { notesHeading: options.notesHeading });
    if (!cleaned.text.trim()) return refuse(problem('', 'pdfNoText', formatCount(doc.numPages)));
    if (cleaned.text.length > INPUT_LIMITS.sourceChars)
      return refuse(problem('', 'pdfTooLong', formatCount(INPUT_LIMITS.sourceChars)));

    const extracted: ExtractedText = {
      text: cleaned.text,
      pages: cleaned.pages,
      headings: cleaned.headings,
    };
    const meta = await orStop(doc.getMetadata()).catch(() => undefined);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const xmp = meta?.metadata;
    const title = cleanTitle(xmp?.get('dc:title')) ?? cleanTitle(info.Title);
    const author = field(xmp?.get('dc:creator')) ?? field(info.Author);
    const date = pdfDate(info.CreationDate);
    const language = field(info.Language);
    if (title) extracted.title = title;
    if (author) extracted.author = author;
    if (date) extracted.date = date;
    if (language) extracted.language = language;
    if (cleaned.notes.length) extracted.notes = cleaned.notes;
    return { ok: true, extracted };
  } catch (error) {
    return refuse(openProblem(error));
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
