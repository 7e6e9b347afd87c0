/**
 * What a document reader (PDF, web page, Word, Markdown) gives before its text becomes a source:
 * the cleaned text and the structure found in it. Each reader is a pure function of the file's
 * bytes (or text) to an {@link Extraction}; the importer registry (`../registry.ts`) turns the
 * text into a segmented source, its pages into `source.pages`, its headings into groups on
 * offer, and its citation fields into the source's.
 */
import type { Message } from '../../model/messages';
import type { Problem } from '../../model/problem';

/** A heading of the document: a paragraph of `text` from `start` to `end` (UTF-16 offsets). */
export interface ExtractedHeading {
  start: number;
  end: number;
  /** 1 for a top-level heading, 2 below it, … */
  level: number;
  title: string;
}

/** Where a printed page begins in `text` (UTF-16 offset), with its printed label ("98", "iv"). */
export interface ExtractedPage {
  label: string;
  start: number;
}

export interface ExtractedText {
  /**
   * The cleaned text: paragraphs separated by "\n\n", lines rejoined, hyphenation mended, no
   * running headers, footers or page numbers; footnotes gathered at the end under a notes
   * heading (see `source/footnotes.ts`).
   */
  text: string;
  /** Where each printed page begins, in text order (PDF). */
  pages?: ExtractedPage[];
  /** The document's headings, in text order; each one a whole paragraph of `text`. */
  headings?: ExtractedHeading[];
  /** Citation fields, where the document says them. */
  title?: string;
  author?: string;
  /** The site, journal or publisher. */
  publication?: string;
  /** The date of publication as the document gives it (ISO 8601 where it can be read as one). */
  date?: string;
  /** The address the document was fetched from or says it came from. */
  url?: string;
  /** BCP 47 tag, when the document declares its language. */
  language?: string;
  /** What was mended or left out, for the import report ("12 running headers removed"). */
  notes?: Message[];
}

export type Extraction =
  { ok: true; extracted: ExtractedText } | { ok: false; problems: Problem[] };
