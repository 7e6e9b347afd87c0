/**
 * The importer registry: every format a file can be imported from, one entry each
 * (`{id, extensions, mime, sniff, import}`), shared by the editor (the I/O worker, `ioTasks.ts`)
 * and the command line (`argmap import`). {@link importWithRegistry} is the one place where the
 * bad-input rules apply to every format: the file's size before it is read, the length of its
 * text (decoded, or extracted from a document), and the map limits once it is converted.
 *
 * Documents (PDF, web page, Word, Markdown) are read by a reader (`formats/*.ts`) into an
 * {@link ExtractedText}; {@link mapFromExtraction} turns that into a new map with one source (its
 * pages, citation fields and origin) and offers its headings as groups. The readers are listed in
 * {@link documentReaders}: adding a document format is one line there (a dynamic `import()`,
 * so a heavy library loads only when a file of its format is read).
 */
import type { ArgMap, Group, OriginKind, Source } from '../model/schema';
import { problem, rewordProblem, type Problem } from '../model/problem';
import { say, type Message, type MessageKey } from '../model/messages';
import { mapLimitProblems } from '../model/limits';
import { restoreBackup, looksLikeBackup, type RefusedMap } from './backup';
import { decodeHtml, decodeText, fileTooLarge } from './decodeText';
import { BACKUP_FILE_LIMITS, INPUT_LIMITS, type FileLimits } from './inputLimits';
import {
  finishImport,
  guessLanguage,
  hashId,
  newMap,
  sourceFromText,
  sourceTooLong,
  titleOfText,
  type ImportOptions,
} from './importText';
import type { ExtractedHeading, ExtractedText, Extraction } from './formats/extracted';
import {
  DOCUMENT_FORMATS,
  formatByName,
  formatOf,
  type DocumentId,
  type ImporterId,
} from './importFormats';

/** One file to import: its name and bytes. */
export interface FileBytes {
  name: string;
  bytes: Uint8Array;
}

export type { ImporterId } from './importFormats';

/** What importing a file gives, as plain data (it crosses from the I/O worker). */
export type ImportedFile =
  | { kind: 'refused'; problems: Problem[] }
  | { kind: 'backup'; maps: ArgMap[]; refused: RefusedMap[] }
  | {
      kind: 'map';
      map: ArgMap;
      notes: Message[];
      format?: ImporterId;
      /**
       * The document's headings as groups (empty: nodes come later), on offer: the map has none
       * of them until the user takes them (see {@link withOfferedGroups}).
       */
      offeredGroups?: Group[];
      /** Where the document's headings are in the source's text (for the preview). */
      headings?: ExtractedHeading[];
    };

export interface ImportRequest {
  file: FileBytes;
  /** For AIF from AIFdb: the analysed text, the `.txt` file beside the JSON. */
  sidecar?: FileBytes;
  /** Read with a backup's size limits (told from the file's first bytes beforehand). */
  isBackup?: boolean;
  options?: ImportOptions;
}

export interface Importer {
  id: ImporterId;
  /** File name endings, with their dot, longest first where they overlap (`.argmap.json`). */
  extensions: readonly string[];
  mime: readonly string[];
  /** Whether the file's first bytes say this format. */
  sniff(bytes: Uint8Array): boolean;
  import(request: ImportRequest): Promise<ImportedFile>;
}

/**
 * The document readers, by format: each a pure function of the file's bytes (or text) to an
 * {@link Extraction}, loading its reader on demand (a heavy library loads only when a file of its
 * format is read). Tests put stand-ins in their place.
 */
export interface DocumentReaders {
  pdf: (bytes: Uint8Array) => Promise<Extraction>;
  html: (html: string, options?: { url?: string }) => Extraction | Promise<Extraction>;
  docx: (bytes: Uint8Array) => Promise<Extraction>;
  markdown: (text: string) => Extraction | Promise<Extraction>;
}

export const documentReaders: DocumentReaders = {
  pdf: async (bytes) => (await import('./formats/pdf')).readPdf(bytes),
  html: async (html, options) => (await import('./formats/html')).readHtml(html, options),
  docx: async (bytes) => (await import('./formats/docx')).readDocx(bytes),
  markdown: async (text) => (await import('./formats/markdown')).readMarkdown(text),
};

const ascii = (bytes: Uint8Array, length: number) =>
  String.fromCharCode(...bytes.subarray(0, Math.min(length, bytes.length)));

/** `%PDF-` within the first kilobyte (the PDF header may follow some junk). */
export const sniffPdf = (bytes: Uint8Array) => ascii(bytes, 1024).includes('%PDF-');

/** A ZIP archive (`PK\x03\x04`) with a `word/` part: a Word document. */
export function sniffDocx(bytes: Uint8Array): boolean {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04))
    return false;
  const word = [0x77, 0x6f, 0x72, 0x64, 0x2f]; // "word/"
  for (let i = bytes.indexOf(0x77); i !== -1; i = bytes.indexOf(0x77, i + 1))
    if (word.every((b, k) => bytes[i + k] === b)) return true;
  return false;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** `<!doctype html` or `<html` first (after a byte-order mark, blank space and comments). */
export function sniffHtml(bytes: Uint8Array): boolean {
  const head = ascii(bytes, 2048).replace(/^\xEF\xBB\xBF/, '');
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(head);
}

export const sniffJson = (bytes: Uint8Array) => /^(?:\xEF\xBB\xBF)?\s*[{[]/.test(ascii(bytes, 64));

/**
 * The format the bytes say, coarsely: pdf, docx, html, json, else text (what the brief calls
 * sniffing: by content alone).
 */
export function sniffFormat(bytes: Uint8Array): 'pdf' | 'docx' | 'html' | 'json' | 'text' {
  if (sniffPdf(bytes)) return 'pdf';
  if (sniffDocx(bytes)) return 'docx';
  if (sniffHtml(bytes)) return 'html';
  if (sniffJson(bytes)) return 'json';
  return 'text';
}

/** Size limits before anything is read: a backup's, or every other file's. */
function sizeProblem(file: FileBytes, limits: FileLimits): Problem | undefined {
  return file.bytes.length > limits.bytes ? fileTooLarge(file.bytes.length, limits) : undefined;
}

/**
 * The text formats (argument maps, backups, AIF, Argdown, plain text): the file is decoded as
 * text, then told apart by content and name (`importFile.ts`).
 */
async function importTextFamily(request: ImportRequest): Promise<ImportedFile> {
  const { file, sidecar, isBackup = false, options = {} } = request;
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
  // Loaded on demand: it brings the Argdown parser, whose set-up alone takes a few hundred
  // milliseconds, which a document's import (a PDF, a web page) need not wait for.
  const { importFile } = await import('./importFile');
  const result = importFile(file.name, text, {
    ...options,
    ...(sidecarText !== undefined ? { sidecarText } : {}),
  });
  if (!result.ok) return { kind: 'refused', problems: result.problems };
  const format: ImporterId | undefined =
    result.format === 'text' && /\.(md|markdown)$/i.test(file.name) ? 'markdown' : result.format;
  return { kind: 'map', map: result.map, notes: result.notes, ...(format ? { format } : {}) };
}

const textFamily = (id: ImporterId, sniff: (bytes: Uint8Array) => boolean): Importer => ({
  ...names(id),
  sniff,
  import: importTextFamily,
});

const names = (id: ImporterId) => {
  const { extensions, mime } = formatOf(id);
  return { id, extensions, mime };
};

/** An entry for a document read by `documentReaders[id]`. */
function documentEntry(id: DocumentId, sniff: (bytes: Uint8Array) => boolean): Importer {
  return {
    ...names(id),
    sniff,
    async import({ file, options = {} }) {
      // The file's digest is made while it is read (Web Crypto works beside the reader).
      const hashing = sha256(file.bytes);
      const extraction = await readDocument(id, file);
      if (!extraction.ok) return { kind: 'refused', problems: extraction.problems };
      const made = await mapFromExtraction(extraction.extracted, {
        kind: id,
        fileName: file.name,
        sha256: await hashing,
        options,
      });
      if (!made.ok) return { kind: 'refused', problems: made.problems };
      return {
        kind: 'map',
        map: made.map,
        notes: made.notes,
        format: id,
        offeredGroups: made.groups,
        ...(extraction.extracted.headings?.length
          ? { headings: extraction.extracted.headings.map((h) => ({ ...h })) }
          : {}),
      };
    },
  };
}

async function readDocument(id: DocumentId, file: FileBytes): Promise<Extraction> {
  if (id === 'pdf' || id === 'docx') return documentReaders[id](file.bytes);
  const read = id === 'html' ? decodeHtml(file.bytes) : decodeText(file.bytes);
  if (!read.ok) return read;
  return id === 'html' ? documentReaders.html(read.text) : documentReaders.markdown(read.text);
}

/**
 * Every importer, in the order their sniffing is tried. The text formats share one import (their
 * kinds are told apart by content after decoding, as they always were).
 */
export const IMPORTERS: readonly Importer[] = [
  documentEntry('pdf', sniffPdf),
  documentEntry('docx', sniffDocx),
  documentEntry('html', sniffHtml),
  textFamily('backup', (bytes) => looksLikeBackup(ascii(bytes, 200))),
  textFamily(
    'argmap',
    (bytes) => sniffJson(bytes) && /"format"\s*:\s*"argmap"/.test(ascii(bytes, 200)),
  ),
  textFamily('aif', sniffJson),
  textFamily('argdown', (bytes) => /^\s*(===|\[[^\]\n]+\]:|<[^>\n]+>:)/m.test(ascii(bytes, 4096))),
  documentEntry('markdown', () => false),
  textFamily('text', () => true),
];

/** The entry a file's name says (its longest matching extension), if any. */
export function importerByName(name: string): Importer | undefined {
  const format = formatByName(name);
  return format && IMPORTERS.find((e) => e.id === format.id);
}

const LOOKS: Record<ReturnType<typeof sniffFormat>, MessageKey> = {
  pdf: 'fileKindPdf',
  docx: 'fileKindZip',
  html: 'regLooksHtml',
  json: 'regLooksJson',
  text: 'regLooksText',
};

/**
 * Which importer reads a file, or why none does. Content first for what the bytes say without
 * doubt (a PDF, a Word document); a name that says PDF or Word on a file whose content is
 * something else is refused with what it looks like; a web page by content unless its name says a
 * text format; else the text formats, told apart after decoding.
 */
export function pickImporter(
  file: FileBytes,
  isBackup = false,
): { ok: true; entry: Importer } | { ok: false; problems: Problem[] } {
  const entry = (id: ImporterId) => IMPORTERS.find((e) => e.id === id)!;
  if (isBackup) return { ok: true, entry: entry('backup') };
  const byName = importerByName(file.name);
  const sniffed = sniffFormat(file.bytes);
  if (byName?.id === 'pdf' || byName?.id === 'docx') {
    if (sniffed === byName.id) return { ok: true, entry: byName };
    const what = sniffed === 'docx' || isZip(file.bytes) ? 'fileKindZip' : LOOKS[sniffed];
    return {
      ok: false,
      problems: [problem('', 'regNotAsNamed', file.name, say(LOOKS[byName.id]), say(what))],
    };
  }
  if (sniffed === 'pdf' || sniffed === 'docx') return { ok: true, entry: entry(sniffed) };
  if (byName?.id === 'html' || byName?.id === 'markdown') return { ok: true, entry: byName };
  if (sniffed === 'html' && !byName) return { ok: true, entry: entry('html') };
  // The text formats: among those the name allows (all when it says none), the first whose
  // sniffing says yes.
  const textual = IMPORTERS.filter((e) => !DOCUMENT_FORMATS.has(e.id));
  const named =
    byName && !DOCUMENT_FORMATS.has(byName.id)
      ? textual.filter((e) => e.extensions.some((x) => byName.extensions.includes(x)))
      : textual;
  return { ok: true, entry: named.find((e) => e.sniff(file.bytes)) ?? byName ?? entry('text') };
}

/**
 * Imports one file with the importer that reads it: the limits (size before reading; text length;
 * the map's limits after), then the entry's import. Never throws for any input.
 */
export async function importWithRegistry(request: ImportRequest): Promise<ImportedFile> {
  const { file, sidecar, isBackup = false } = request;
  const tooLarge = sizeProblem(file, isBackup ? BACKUP_FILE_LIMITS : INPUT_LIMITS);
  if (tooLarge) return { kind: 'refused', problems: [tooLarge] };
  if (sidecar) {
    const sidecarTooLarge = sizeProblem(sidecar, INPUT_LIMITS);
    if (sidecarTooLarge)
      return {
        kind: 'refused',
        problems: [rewordProblem(sidecarTooLarge, 'fileNamed', sidecar.name)],
      };
  }
  const picked = pickImporter(file, isBackup);
  if (!picked.ok) return { kind: 'refused', problems: picked.problems };
  const result = await picked.entry.import(request);
  // A document's map was checked against the limits as it was made (`finishImport`, in
  // `mapFromExtraction`); walking a large source's sentences again would only cost time.
  if (result.kind === 'map' && !DOCUMENT_FORMATS.has(picked.entry.id)) {
    const over = mapLimitProblems(result.map);
    if (over.length) return { kind: 'refused', problems: over };
  }
  return result;
}

/** Where a document came from, for its source's `origin`. */
export interface DocumentOrigin {
  kind: OriginKind;
  fileName?: string;
  /** The file's bytes, for the origin's SHA-256. */
  bytes?: Uint8Array;
  /** The origin's SHA-256, if made already (then `bytes` are not needed). */
  sha256?: string;
  options?: ImportOptions;
}

/**
 * SHA-256 of bytes, in hexadecimal (Web Crypto: in the page, a worker and Node alike); none where
 * Web Crypto is missing (a page served over plain http from another machine is no secure context).
 */
export async function sha256(bytes: Uint8Array): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  try {
    const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return undefined;
  }
}

/**
 * A document's extracted text → a new map with that text as its one source (segmented into
 * sentences), its pages as `source.pages`, its citation fields as the source's, and where it came
 * from as its origin; its headings become groups on offer, its notes go into the report.
 */
export async function mapFromExtraction(
  extracted: ExtractedText,
  origin: DocumentOrigin,
): Promise<
  { ok: true; map: ArgMap; notes: Message[]; groups: Group[] } | { ok: false; problems: Problem[] }
> {
  const { options = {} } = origin;
  const { text } = extracted;
  const tooLong = sourceTooLong(text, say('regWhatDocument'));
  if (tooLong) return { ok: false, problems: [tooLong] };
  if (!text.trim()) return { ok: false, problems: [problem('', 'textEmpty')] };
  const language = options.language ?? extracted.language ?? guessLanguage(text);
  const title =
    options.title ?? extracted.title ?? extracted.headings?.[0]?.title ?? titleOfText(text);
  const hash = origin.sha256 ?? (origin.bytes ? await sha256(origin.bytes) : undefined);
  const fields: Partial<Source> = {
    title,
    ...(extracted.author ? { author: extracted.author } : {}),
    ...(extracted.publication ? { publication: extracted.publication } : {}),
    ...(extracted.date ? { date: extracted.date } : {}),
    origin: {
      kind: origin.kind,
      ...(origin.fileName ? { fileName: origin.fileName } : {}),
      ...(extracted.url ? { url: extracted.url } : {}),
      ...(hash ? { sha256: hash } : {}),
    },
    ...(extracted.pages?.length ? { pages: extracted.pages.map((p) => ({ ...p })) } : {}),
  };
  const source = sourceFromText(text, language, fields);
  const notes: Message[] = [
    say(
      options.language || extracted.language ? 'txtSentences' : 'txtSentencesGuessed',
      source.sentences.length,
      language,
    ),
  ];
  const pages = extracted.pages ?? [];
  if (pages.length) notes.push(say('regPages', pages.length, pages[0]!.label, pages.at(-1)!.label));
  const groups = groupsOfHeadings(extracted.headings ?? []);
  if (groups.length) notes.push(say('regHeadingsOffered', groups.length));
  notes.push(...(extracted.notes ?? []));
  const finished = finishImport(
    newMap(
      `${origin.kind}-${hashId(text)}`,
      title,
      source,
      options.now ?? new Date().toISOString(),
    ),
    notes,
  );
  if (!finished.ok) return finished;
  return { ok: true, map: finished.map, notes: finished.notes, groups };
}

/** Headings → groups g1, g2, … each inside the nearest heading above it of a higher level. */
export function groupsOfHeadings(headings: ExtractedText['headings'] & object): Group[] {
  const groups: Group[] = [];
  const open: { level: number; id: string }[] = [];
  for (const heading of headings) {
    while (open.length && open.at(-1)!.level >= heading.level) open.pop();
    const id = `g${groups.length + 1}`;
    const parent = open.at(-1)?.id;
    groups.push({ id, title: heading.title, ...(parent ? { parent } : {}) });
    open.push({ level: heading.level, id });
  }
  return groups;
}

export { withOfferedGroups } from './importText';
