/**
 * The formats the importer registry (`registry.ts`) reads, as names only: ids, file name endings
 * and media types, for file pickers and for telling a document by its name. Light on purpose: the
 * editor's first screen imports it; the importers themselves load when a file is read.
 */
export type ImporterId =
  'backup' | 'argmap' | 'aif' | 'argdown' | 'text' | 'markdown' | 'pdf' | 'html' | 'docx';

/** The documents: read by a reader into text, previewed before they become a map. */
export type DocumentId = 'pdf' | 'html' | 'docx' | 'markdown';

export interface ImporterFormat {
  id: ImporterId;
  /** File name endings, with their dot. */
  extensions: readonly string[];
  mime: readonly string[];
  /** A document: read by a reader into text, previewed before it becomes a map. */
  document: boolean;
}

export const IMPORTER_FORMATS: readonly ImporterFormat[] = [
  { id: 'pdf', extensions: ['.pdf'], mime: ['application/pdf'], document: true },
  {
    id: 'docx',
    extensions: ['.docx'],
    mime: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    document: true,
  },
  {
    id: 'html',
    extensions: ['.html', '.htm', '.xhtml'],
    mime: ['text/html', 'application/xhtml+xml'],
    document: true,
  },
  { id: 'backup', extensions: ['.json'], mime: ['application/json'], document: false },
  {
    id: 'argmap',
    extensions: ['.argmap.json', '.json'],
    mime: ['application/json'],
    document: false,
  },
  { id: 'aif', extensions: ['.json'], mime: ['application/json'], document: false },
  { id: 'argdown', extensions: ['.argdown', '.ad'], mime: ['text/x-argdown'], document: false },
  { id: 'markdown', extensions: ['.md', '.markdown'], mime: ['text/markdown'], document: true },
  { id: 'text', extensions: ['.txt', '.text'], mime: ['text/plain'], document: false },
];

/** The ids of the document formats (those {@link ImporterFormat.document} says). */
export const DOCUMENT_FORMATS: ReadonlySet<ImporterId> = new Set(
  IMPORTER_FORMATS.filter((f) => f.document).map((f) => f.id),
);

export const formatOf = (id: ImporterId): ImporterFormat =>
  IMPORTER_FORMATS.find((f) => f.id === id)!;

/** The format a file's name says (its longest matching ending), if any. */
export function formatByName(name: string): ImporterFormat | undefined {
  const lower = name.toLowerCase();
  let best: { format: ImporterFormat; length: number } | undefined;
  for (const format of IMPORTER_FORMATS)
    for (const ext of format.extensions)
      if (lower.endsWith(ext) && (!best || ext.length > best.length))
        best = { format, length: ext.length };
  return best?.format;
}

/** Formats a source can be made from (a new map from a file, or one more source of a map). */
const SOURCE_FORMATS: readonly ImporterId[] = ['pdf', 'docx', 'html', 'markdown', 'text', 'aif'];

/** A file picker's `accept`: every format's endings and types, or those a source comes from. */
export function acceptList(which: 'all' | 'sources' = 'all'): string {
  const formats = IMPORTER_FORMATS.filter((f) => which === 'all' || SOURCE_FORMATS.includes(f.id));
  return [...new Set(formats.flatMap((f) => [...f.extensions, ...f.mime]))].join(',');
}
