/**
 * What the web-page, Word and Markdown readers share: tidying the whitespace of a paragraph
 * written as markup (not extracted from a PDF), building the cleaned text paragraph by paragraph
 * with its headings, a notes section in the document's language, and walking a DOM (a web page's
 * article, or the HTML mammoth makes of a Word file) into paragraphs.
 */
import type { ExtractedHeading } from './extracted';
import { appendNotes, NOTES_HEADING } from '../../source/footnotes';

/** Stands for a `<br>` (or a Markdown hard break) in a paragraph's text until it is tidied. */
export const LINE_BREAK = '\uE000';

const SPACE_RUN = /[\s\uE000]+/g;
const SOFT_HYPHEN = /\u00AD/g;
/**
 * Scripts written without spaces between words (Han, kana) and full-width punctuation: a line
 * break next to one joins without a space. Narrower than `source/clean.ts`'s `isCjk`, which also
 * counts curly quotes, dashes and hangul (Korean puts spaces between words).
 */
const UNSPACED =
  /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;

/**
 * The whitespace of markup tidied into one paragraph's text: runs of spaces become one space, a
 * line break next to a CJK character disappears (markup breaks lines for the writer's editor, and
 * Chinese puts no space between words), soft hyphens go, and the ends are trimmed. Spaces an
 * author typed between Chinese and Latin words stay: unlike a PDF's, they are the author's.
 */
export function tidyParagraph(raw: string): string {
  return raw.replace(SOFT_HYPHEN, '').replace(SPACE_RUN, (space, offset: number, whole: string) => {
    if (offset === 0 || offset + space.length === whole.length) return '';
    if (
      /[\n\r\uE000]/.test(space) &&
      (UNSPACED.test(whole.charAt(offset - 1)) ||
        UNSPACED.test(whole.charAt(offset + space.length)))
    )
      return '';
    return ' ';
  });
}

/**
 * One paragraph of markup as the paragraphs of the cleaned text: two or more line breaks in a row
 * (`<br><br>`) part paragraphs, as they do on the page; a single one joins the lines.
 */
export function splitParagraphs(raw: string): string[] {
  return raw
    .split(/\uE000[ \t\n\r\u00A0]*(?:\uE000[ \t\n\r\u00A0]*)+/)
    .map(tidyParagraph)
    .filter((p) => p.length > 0);
}

/** Whether Chinese characters outweigh Latin letters in `text` (its first 20,000 characters). */
export function isMostlyChinese(text: string): boolean {
  let cjk = 0;
  let latin = 0;
  for (const ch of text.slice(0, 20_000)) {
    if (/[\u3400-\u4DBF\u4E00-\u9FFF]/.test(ch)) cjk++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  return cjk * 4 > latin;
}

/** The heading of the notes section in the text's language: 注释 for Chinese, else "Notes". */
export function notesHeading(text: string): string {
  return isMostlyChinese(text) ? NOTES_HEADING : 'Notes';
}

/**
 * The cleaned text built paragraph by paragraph ("\n\n" between them), with the headings' places.
 * Heading levels are as the markup gives them (h1 = 1); {@link ParagraphText.build} ranks them so
 * that the highest level used is 1 (a page whose headings are h2 and h3 gets levels 1 and 2).
 */
export class ParagraphText {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly headings: ExtractedHeading[] = [];

  /** Adds a paragraph (already tidy); an empty one is left out. */
  paragraph(text: string): void {
    if (!text) return;
    if (this.parts.length) this.length += 2;
    this.parts.push(text);
    this.length += text.length;
  }

  /** Adds a heading (already tidy) of markup level `level` (h1 = 1). */
  heading(title: string, level: number): void {
    if (!title) return;
    this.paragraph(title);
    this.headings.push({ start: this.length - title.length, end: this.length, level, title });
  }

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /** The first heading added, if any. */
  get firstHeading(): ExtractedHeading | undefined {
    return this.headings[0];
  }

  /**
   * The text and its headings, with `notes` gathered at the end under a notes heading in the
   * text's language (`source/footnotes.ts`), numbered `[1]`, `[2]`, … (the notes heading is
   * listed among the headings, at the top level).
   */
  build(notes: readonly string[] = []): { text: string; headings: ExtractedHeading[] } {
    const body = this.parts.join('\n\n');
    const ranks = [...new Set(this.headings.map((h) => h.level))].sort((a, b) => a - b);
    const headings = this.headings.map((h) => ({ ...h, level: ranks.indexOf(h.level) + 1 }));
    if (!notes.length) return { text: body, headings };
    const heading = notesHeading(body);
    const text = appendNotes(body, notes, heading);
    const start = body.length + (body ? 2 : 0);
    headings.push({ start, end: start + heading.length, level: 1, title: heading });
    return { text, headings };
  }
}

/** Elements whose content is never text of the document. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'img',
  'picture',
  'video',
  'audio',
  'iframe',
  'object',
  'embed',
  'canvas',
  'button',
  'input',
  'select',
  'textarea',
]);

/** Elements that end the paragraph before them and begin their own. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const HEADING_TAG = /^h([1-6])$/;
const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** What a reader does with an element on its own terms (a footnote reference, a notes list). */
export interface WalkHooks {
  /**
   * Text to put in the element's place (its content is not walked), `null` to leave it out, or
   * `undefined` to walk it as usual.
   */
  element?: (element: Element) => string | null | undefined;
}

/**
 * Walks a DOM subtree into paragraphs and headings: block elements part paragraphs, headings
 * (`h1`…`h6`) become headings, `<br>` breaks lines (two in a row part paragraphs), `<pre>` keeps
 * each line of code as a paragraph; scripts, styles, images and form controls are left out; links
 * and other inline markup leave their text.
 */
export function walkDom(root: Node, out: ParagraphText, hooks: WalkHooks = {}): void {
  let inline = '';
  const flush = () => {
    for (const p of splitParagraphs(inline)) out.paragraph(p);
    inline = '';
  };
  /** The element's text, inline (for a heading). */
  const textOf = (node: Node): string => {
    const saved = inline;
    inline = '';
    visitChildren(node);
    const text = inline;
    inline = saved;
    return text;
  };
  const visitChildren = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  const visit = (node: Node): void => {
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      const value = node.nodeValue ?? '';
      // Whitespace alone between two elements (`<span>作者</span>\n<span>日期</span>`) shows
      // as a space, even between Chinese words: only a line break inside a run of text joins.
      inline += value && !value.trim() ? ' ' : value;
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    if (DROPPED.has(tag)) return;
    const replaced = hooks.element?.(element);
    if (replaced === null) return;
    if (replaced !== undefined) {
      inline += replaced;
      return;
    }
    if (tag === 'br') {
      inline += LINE_BREAK;
      return;
    }
    const heading = HEADING_TAG.exec(tag);
    if (heading) {
      flush();
      out.heading(tidyParagraph(textOf(element)), Number(heading[1]));
      return;
    }
    if (tag === 'pre') {
      flush();
      for (const line of (element.textContent ?? '').split(/\r?\n/)) out.paragraph(line.trim());
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    visitChildren(element);
    if (block) flush();
  };
  visit(root);
  flush();
}
