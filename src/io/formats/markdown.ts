/**
 * Markdown → its cleaned text. The Markdown is parsed as CommonMark (mdast-util-from-markdown,
 * the parser under the editor's Markdown notes) and its markup removed: headings (`#` and
 * setext) become paragraphs of their own and are listed; emphasis, links and code leave their
 * text; images go; each list item, block-quote paragraph and line of a code block is a paragraph;
 * lines broken inside a paragraph are joined (with no space between Chinese characters, as the
 * plain-text import does). Footnotes (`[^1]` … `[^1]: …`) are gathered into a notes section at
 * the end, as the PDF reader does (`source/footnotes.ts`): numbered in the order the text first
 * refers to them, each reference becoming the marker `[n]`. Tables (GitHub's) become a paragraph
 * per row, its cells joined by " · " (or "；" in Chinese), the header row first. Front matter (`---` … `---`) is not
 * text: its title, author, date and language become citation fields.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Nodes, Parents, RootContent } from 'mdast';
import type { Extraction, ExtractedText } from './extracted';
import { problem } from '../../model/problem';
import { say, type Message } from '../../model/messages';
import { htmlToText } from '../htmlToText';
import {
  LINE_BREAK,
  ParagraphText,
  isMostlyChinese,
  splitParagraphs,
  tidyParagraph,
} from './paragraphs';

/**
 * A table's delimiter row (`| --- | :-: |`): a line of pipes, dashes, colons and blanks with at
 * least one pipe and one dash. No table without one.
 */
const DELIMITER_ROW = /^[ \t]*(?=[^\n]*\|)(?=[^\n]*-)[|:\- \t]+\r?$/m;

/**
 * CommonMark, with GitHub's tables where the Markdown has a delimiter row: the table extension
 * makes micromark read a long paragraph some ten times slower, so it is not asked to look for
 * tables where there can be none.
 */
const parse = (markdown: string) =>
  markdown.includes('|') && DELIMITER_ROW.test(markdown)
    ? fromMarkdown(markdown, {
        extensions: [gfmTable()],
        mdastExtensions: [gfmTableFromMarkdown()],
      })
    : fromMarkdown(markdown);

/**
 * Between a table row's cells: " · " in a Latin-script document, "；" in a Chinese one (the
 * punctuation that parts listed items there; a middle dot between Chinese words reads as a
 * foreign name's). Neither ends a sentence: a row of short cells is one sentence to cite, as it
 * is one line to read, and a cell that reads as a label ("Madrid · +9.5%") stays next to its value.
 */
const CELL_SEPARATOR = { latin: ' · ', chinese: '；' };

/** A footnote definition's first line: `[^label]: text` (indented at most 3 spaces). */
const NOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$/;
/** A line that opens a block, which ends a footnote's lazily continued paragraph. */
const BLOCK_START =
  /^ {0,3}(?:#{1,6}(?:\s|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|>|```|~~~|\[\^[^\]\s]+\]:)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A reference to a footnote in the text. */
const NOTE_REFERENCE = /\[\^([^\]\s]+)\]/g;

/** The Markdown's footnote definitions taken out of it (outside code fences), by label. */
function takeNoteDefinitions(markdown: string): { rest: string; definitions: Map<string, string> } {
  const lines = markdown.split(/\r?\n/);
  const kept: string[] = [];
  const definitions = new Map<string, string>();
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length)
        fence = undefined;
      kept.push(line);
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      kept.push(line);
      continue;
    }
    const definition = NOTE_DEFINITION.exec(line);
    if (!definition) {
      kept.push(line);
      continue;
    }
    const body = [definition[2]!];
    // Continuation: indented lines (after blank lines too), or lazy lines right after text.
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j]!;
      if (!next.trim()) {
        const following = lines.slice(j + 1).find((l) => l.trim());
        if (following === undefined || !/^(?: {4}|\t)/.test(following)) break;
        body.push('');
        continue;
      }
      const indented = /^(?: {4}|\t)/.test(next);
      const lazy = body[body.length - 1] !== '' && !BLOCK_START.test(next);
      if (!indented && !lazy) break;
      body.push(next.replace(/^(?: {4}|\t)/, ''));
    }
    if (!definitions.has(definition[1]!)) definitions.set(definition[1]!, body.join('\n'));
    // Blank lines keep the text around the definition apart, as the definition did.
    for (let k = i; k < j; k++) kept.push('');
    i = j - 1;
  }
  return { rest: kept.join('\n'), definitions };
}

/** Front matter's simple `key: value` fields. */
interface FrontMatter {
  title?: string;
  author?: string;
  date?: string;
  language?: string;
}

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function takeFrontMatter(markdown: string): { rest: string; fields: FrontMatter } {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return { rest: markdown, fields: {} };
  const fields: FrontMatter = {};
  const names: Record<string, keyof FrontMatter> = {
    title: 'title',
    author: 'author',
    authors: 'author',
    date: 'date',
    lang: 'language',
    language: 'language',
  };
  for (const line of match[1]!.split(/\r?\n/)) {
    const field = /^([A-Za-z]+)\s*:\s*(.+)$/.exec(line);
    const name = field && names[field[1]!.toLowerCase()];
    if (!name || fields[name] !== undefined) continue;
    const unquote = (value: string) =>
      value
        .trim()
        .replace(/^(["'])(.*)\1$/, '$2')
        .trim();
    let value = unquote(field[2]!);
    // `author: [Ann Lee, Bo Chen]` or `authors: Ann Lee, Bo Chen`: the first author.
    if (name === 'author') value = unquote(value.replace(/^\[(.*)\]$/, '$1').split(',')[0]!);
    if (value) fields[name] = value;
  }
  // Blank lines in its place, so the Markdown after it starts a new block.
  return {
    rest: '\n'.repeat(match[0].split('\n').length - 1) + markdown.slice(match[0].length),
    fields,
  };
}

/** Reads Markdown (see the module comment). */
export function readMarkdown(markdown: string): Extraction {
  const front = takeFrontMatter(markdown);
  const { rest, definitions } = takeNoteDefinitions(front.rest);

  const numbers = new Map<string, number>();
  let missing = 0;
  const withMarkers = (value: string) =>
    value.replace(NOTE_REFERENCE, (reference, label: string) => {
      if (!definitions.has(label)) {
        missing++;
        return reference;
      }
      let n = numbers.get(label);
      if (n === undefined) numbers.set(label, (n = numbers.size + 1));
      return `[${n}]`;
    });

  /** A paragraph's inline content as text (before tidying). */
  const inline = (node: Nodes, markers: boolean): string => {
    switch (node.type) {
      case 'text':
        return markers ? withMarkers(node.value) : node.value;
      case 'inlineCode':
        return node.value;
      case 'break':
        return LINE_BREAK;
      case 'html':
        return /^<br\s*\/?>$/i.test(node.value.trim()) ? LINE_BREAK : '';
      case 'image':
      case 'imageReference':
        return '';
      default:
        return 'children' in node
          ? (node.children as Nodes[]).map((child) => inline(child, markers)).join('')
          : '';
    }
  };

  const separator = isMostlyChinese(rest) ? CELL_SEPARATOR.chinese : CELL_SEPARATOR.latin;

  /** Blocks into paragraphs and headings. */
  const blocks = (parent: Parents, out: ParagraphText, markers: boolean): void => {
    for (const node of parent.children as RootContent[]) {
      switch (node.type) {
        case 'heading':
          out.heading(tidyParagraph(inline(node, markers)), node.depth);
          break;
        case 'paragraph':
          for (const p of splitParagraphs(inline(node, markers))) out.paragraph(p);
          break;
        case 'code':
          for (const line of node.value.split('\n')) out.paragraph(line.trim());
          break;
        case 'html':
          for (const line of htmlToText(node.value).text.split('\n'))
            for (const p of splitParagraphs(line)) out.paragraph(p);
          break;
        case 'table':
          // Each row, the header's too, a paragraph of its cells (empty ones left out).
          for (const row of node.children) {
            const cells = row.children.map((cell) => tidyParagraph(inline(cell, markers)));
            out.paragraph(cells.filter(Boolean).join(separator));
          }
          break;
        case 'list':
        case 'listItem':
        case 'blockquote':
          blocks(node, out, markers);
          break;
        default:
          // Thematic breaks and link definitions hold no text.
          break;
      }
    }
  };

  const body = new ParagraphText();
  blocks(parse(rest), body, true);
  if (body.isEmpty) return { ok: false, problems: [problem('', 'fmtMdNoText', 'Markdown')] };

  const noteText = (label: string) => {
    const note = new ParagraphText();
    blocks(parse(definitions.get(label)!), note, false);
    return note.build().text.replace(/\n\n/g, ' ');
  };
  const referenced = [...numbers.keys()];
  const unused = [...definitions.keys()].filter((label) => !numbers.has(label));
  const notes = [...referenced, ...unused].map(noteText);
  const { text, headings } = body.build(notes);

  const messages: Message[] = [];
  if (notes.length) messages.push(say('fmtNotesGathered', notes.length));
  if (unused.length) messages.push(say('fmtNoteUnused', unused.length));
  if (missing) messages.push(say('fmtNoteMissing', missing));
  const first = body.firstHeading;
  const title = front.fields.title ?? (first?.start === 0 ? first.title : undefined);
  const extracted: ExtractedText = {
    text,
    ...(headings.length ? { headings } : {}),
    ...(title ? { title } : {}),
    ...(front.fields.author ? { author: front.fields.author } : {}),
    ...(front.fields.date ? { date: front.fields.date } : {}),
    ...(front.fields.language ? { language: front.fields.language } : {}),
    ...(messages.length ? { notes: messages } : {}),
  };
  return { ok: true, extracted };
}
