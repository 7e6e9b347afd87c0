/**
 * A Word document (.docx) → its cleaned text, through mammoth (which turns WordprocessingML into
 * plain semantic HTML), walked into paragraphs (`paragraphs.ts`): paragraphs styled as headings
 * (Heading 1…6) become headings, tables and lists give a paragraph per cell or item, images are
 * left out. Footnotes and endnotes are gathered into a notes section at the end, as the PDF
 * reader does (`source/footnotes.ts`): each becomes a paragraph `[n] …`, numbered in the order
 * the text first refers to them, and each reference in the text becomes the marker `[n]`.
 * The document's title and author come from its core properties (`docProps/core.xml`), which
 * mammoth does not read.
 *
 * Files that are not Word documents are refused with a message that says what they are: text
 * (perhaps renamed), an old binary .doc, a ZIP archive without a document, a damaged or
 * truncated archive.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import type { Extraction, ExtractedText } from './extracted';
import { problem, type Problem } from '../../model/problem';
import { say, type Message, type MessageKey } from '../../model/messages';
import { ParagraphText, walkDom } from './paragraphs';

const refuse = (key: MessageKey, ...args: string[]): Extraction => ({
  ok: false,
  problems: [problem('', key, ...args)] satisfies Problem[],
});

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((byte, i) => bytes[i] === byte);

/** A ZIP archive's local file header, "PK\3\4" (an empty archive starts "PK\5\6"). */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: Word 97–2003's .doc (and .xls, .ppt). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Does this look like text: no zero bytes, few control characters, in its first 4 KB? */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (!head.length) return false;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control * 100 < head.length;
}

/** What the bytes are, when they are not a .docx: a refusal; else undefined. */
function notDocx(bytes: Uint8Array): Extraction | undefined {
  if (startsWith(bytes, ZIP)) return undefined;
  if (startsWith(bytes, OLE)) return refuse('fmtDocxOldDoc', '.doc', '.docx', 'LibreOffice');
  if (looksLikeText(bytes)) return refuse('fmtDocxIsText', '.docx');
  return refuse('fmtDocxNotZip', '.docx');
}

const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** The text of an XML element's content: entities decoded, whitespace tidied. */
function xmlText(raw: string): string {
  return raw
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
      if (body[0] !== '#') return XML_ENTITIES[body] ?? entity;
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Title and creator from the core properties (`docProps/core.xml`), where the file has them. */
async function coreProperties(zip: JSZip): Promise<{ title?: string; author?: string }> {
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (!core) return {};
  const field = (name: string) => {
    const match = new RegExp(`<dc:${name}(?:\\s[^>]*)?>([\\s\\S]*?)</dc:${name}>`).exec(core);
    return match ? xmlText(match[1]!) : '';
  };
  const title = field('title');
  const author = field('creator');
  return { ...(title ? { title } : {}), ...(author ? { author } : {}) };
}

/** Mammoth's ids of a note (`footnote-3`, `endnote-1`) and of a reference to it. */
const NOTE_ID = /^(?:footnote|endnote)-\d+$/;
const NOTE_REF = /^#((?:footnote|endnote)-\d+)$/;
const BACK_LINK = /^#(?:footnote|endnote)-ref-\d+$/;

/** Reads a Word document (see the module comment). */
export async function readDocx(bytes: Uint8Array): Promise<Extraction> {
  const refused = notDocx(bytes);
  if (refused) return refused;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return refuse('fmtDocxDamaged');
  }
  if (!zip.file('word/document.xml')) return refuse('fmtDocxNoDocument', 'word/document.xml');

  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      // mammoth reads `buffer` in Node and `arrayBuffer` in a browser; both take the bytes.
      { buffer: bytes, arrayBuffer: bytes } as unknown as { arrayBuffer: ArrayBuffer },
      // Images are left out of the text: no need to encode them.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    // The reader's own words, first line only (an XML parser's come with a place marker).
    const words = error instanceof Error ? error.message : String(error);
    const detail = words
      .split('\n')[0]!
      .replace(/^error:\s*/i, '')
      .replace(/\s+/g, ' ')
      .trim();
    return refuse('fmtDocxUnreadable', detail.length > 200 ? `${detail.slice(0, 199)}…` : detail);
  }
  const properties = await coreProperties(zip).catch(() => ({}));

  const document = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`)
    .document as unknown as Document;
  const body = document.body;

  // The notes, which mammoth lists at the end (`<li id="footnote-1">… <a href="#footnote-ref-1">↑`).
  const noteTexts = new Map<string, string>();
  for (const item of Array.from(body.querySelectorAll('li[id]'))) {
    const id = item.getAttribute('id') ?? '';
    if (!NOTE_ID.test(id)) continue;
    const text = new ParagraphText();
    walkDom(item, text, {
      element: (el) =>
        el.localName === 'a' && BACK_LINK.test(el.getAttribute('href') ?? '') ? null : undefined,
    });
    noteTexts.set(id, text.build().text.replace(/\n\n/g, ' '));
    const list = item.parentElement;
    item.remove();
    if (list && !list.querySelector('li')) list.remove();
  }

  // The text, each reference to a note numbered in the order the text first refers to it.
  const numbers = new Map<string, number>();
  let missing = 0;
  const text = new ParagraphText();
  walkDom(body, text, {
    element: (el) => {
      // `<sup><a href="#footnote-1">[1]</a></sup>`, or the link alone.
      const link = el.localName === 'sup' && el.children.length === 1 ? el.firstElementChild : el;
      if (link?.localName !== 'a') return undefined;
      const target = NOTE_REF.exec(link.getAttribute('href') ?? '')?.[1];
      if (!target) return undefined;
      if (!noteTexts.has(target)) {
        missing++;
        return undefined;
      }
      let n = numbers.get(target);
      if (n === undefined) numbers.set(target, (n = numbers.size + 1));
      return `[${n}]`;
    },
  });
  if (text.isEmpty) return refuse('fmtDocxNoText');

  const ordered = [...numbers.keys()].map((id) => noteTexts.get(id)!);
  const unused = [...noteTexts.keys()].filter((id) => !numbers.has(id));
  const notes = [...ordered, ...unused.map((id) => noteTexts.get(id)!)];
  const built = text.build(notes);
  const messages: Message[] = [];
  if (notes.length) messages.push(say('fmtNotesGathered', notes.length));
  if (unused.length) messages.push(say('fmtNoteUnused', unused.length));
  if (missing) messages.push(say('fmtNoteMissing', missing));
  const extracted: ExtractedText = {
    text: built.text,
    ...(built.headings.length ? { headings: built.headings } : {}),
    ...properties,
    ...(messages.length ? { notes: messages } : {}),
  };
  return { ok: true, extracted };
}
