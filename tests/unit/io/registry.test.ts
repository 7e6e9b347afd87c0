/**
 * The importer registry: which entry reads a file (by content, then name), the limits applied to
 * every format in one place, and a document's extracted text becoming a map with one source
 * (pages, citation fields, date, origin) and its headings offered as groups.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  documentReaders,
  importWithRegistry,
  mapFromExtraction,
  pickImporter,
  sniffFormat,
  withOfferedGroups,
  type ImportedFile,
} from '../../../src/io/registry';
import { INPUT_LIMITS } from '../../../src/io/inputLimits';
import { acceptList } from '../../../src/io/importFormats';
import { validateMap } from '../../../src/model/validate';
import { pageAt } from '../../../src/model/pages';
import { withSourceAdded } from '../../../src/io/importText';
import type { ExtractedText } from '../../../src/io/formats/extracted';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytesOf = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
const PDF = bytesOf('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
const DOCX = bytesOf(
  [0x50, 0x4b, 0x03, 0x04],
  '\u0014\u0000[Content_Types].xml...word/document.xml',
);
const ZIP = bytesOf([0x50, 0x4b, 0x03, 0x04], '\u0014\u0000data/file.csv');
const HTML = utf8(
  '<!DOCTYPE html><html><head><title>T</title></head><body><p>Hi.</p></body></html>',
);

const messages = (result: ImportedFile) =>
  result.kind === 'refused' ? result.problems.map((p) => p.message) : [];

const saved = { ...documentReaders };
afterEach(() => {
  Object.assign(documentReaders, saved);
});

describe('sniffing by bytes', () => {
  it('tells PDF, Word, HTML, JSON and text apart', () => {
    expect(sniffFormat(PDF)).toBe('pdf');
    expect(sniffFormat(DOCX)).toBe('docx');
    expect(sniffFormat(ZIP)).toBe('text'); // a ZIP that is not Word is no document
    expect(sniffFormat(HTML)).toBe('html');
    expect(sniffFormat(utf8('\uFEFF  <!-- saved --> <html lang="en"><body>x'))).toBe('html');
    expect(sniffFormat(utf8('  {"format": "argmap"}'))).toBe('json');
    expect(sniffFormat(utf8('[A]: claim'))).toBe('json'); // told apart from Argdown after decoding
    expect(sniffFormat(utf8('Just a sentence. <html> later'))).toBe('text');
  });

  it('picks the entry by content first, then by name', () => {
    documentReaders.pdf = async () => ({ ok: true, extracted: { text: 'x' } });
    documentReaders.docx = async () => ({ ok: true, extracted: { text: 'x' } });
    documentReaders.html = () => ({ ok: true, extracted: { text: 'x' } });
    const id = (name: string, bytes: Uint8Array) => {
      const picked = pickImporter({ name, bytes });
      return picked.ok ? picked.entry.id : 'refused';
    };
    expect(id('article.pdf', PDF)).toBe('pdf');
    expect(id('download', PDF)).toBe('pdf');
    expect(id('notes.txt', PDF)).toBe('pdf'); // a PDF whatever its name
    expect(id('essay.docx', DOCX)).toBe('docx');
    expect(id('page.html', HTML)).toBe('html');
    expect(id('page', HTML)).toBe('html');
    expect(id('source.txt', HTML)).toBe('text'); // a text file's name is believed
    expect(id('essay.md', utf8('# T\n\nx'))).toBe('markdown');
    expect(id('map.argmap.json', utf8('{"format":"argmap"}'))).toBe('argmap');
    expect(id('debate.argdown', utf8('[A]: x'))).toBe('argdown');
    expect(id('nodeset.json', utf8('{"nodes":[],"edges":[]}'))).toBe('aif');
    expect(id('a.pdf', HTML)).toBe('refused');
  });

  it('refuses a .pdf that is a web page, and a .docx that is another ZIP, saying what they are', async () => {
    documentReaders.pdf = async () => {
      throw new Error('the PDF reader must not be called');
    };
    documentReaders.docx = documentReaders.pdf;
    expect(
      messages(await importWithRegistry({ file: { name: 'article.pdf', bytes: HTML } })),
    ).toEqual([
      'article.pdf is named as a PDF document, but it is not one: its content looks like a web page (HTML).',
    ]);
    expect(messages(await importWithRegistry({ file: { name: 'a.docx', bytes: ZIP } }))).toEqual([
      'a.docx is named as a ZIP archive (or a Word, Excel or OpenDocument file), but it is not one: its content looks like a ZIP archive (or a Word, Excel or OpenDocument file).',
    ]);
    expect(
      messages(await importWithRegistry({ file: { name: 'a.pdf', bytes: utf8('plain words') } })),
    ).toEqual([
      'a.pdf is named as a PDF document, but it is not one: its content looks like plain text.',
    ]);
  });
});

describe("the file pickers' accept lists (importFormats.ts)", () => {
  it('offers every format, or the formats a source comes from', () => {
    expect(acceptList().split(',')).toEqual(
      expect.arrayContaining([
        '.pdf',
        'application/pdf',
        '.docx',
        '.html',
        '.md',
        '.json',
        '.argdown',
        '.txt',
      ]),
    );
    expect(acceptList('sources').split(',')).toEqual(
      expect.arrayContaining(['.pdf', '.docx', '.html', '.htm', '.md', '.txt', '.json']),
    );
    expect(acceptList('sources')).not.toContain('.argdown');
  });
});

describe('the limits, for every format in one place', () => {
  const huge = { length: INPUT_LIMITS.bytes + 1 } as Uint8Array;
  it('refuses a file over the size limit before any reader sees it', async () => {
    let read = false;
    documentReaders.pdf = async () => ((read = true), { ok: true, extracted: { text: 'x' } });
    for (const name of ['big.pdf', 'big.md', 'big.json', 'big.txt']) {
      const big = new Uint8Array(INPUT_LIMITS.bytes + 1);
      big.set(PDF);
      const result = await importWithRegistry({ file: { name, bytes: big } });
      expect(messages(result)[0], name).toMatch(
        /^The file is too large: 50 MB \(50,000,001 bytes\)/,
      );
    }
    expect(read).toBe(false);
    expect(huge.length).toBeGreaterThan(INPUT_LIMITS.bytes);
  });

  it('refuses a document whose extracted text is longer than a source may be', async () => {
    const text = 'word. '.repeat(INPUT_LIMITS.sourceChars / 6 + 1);
    documentReaders.pdf = async () => ({ ok: true, extracted: { text } });
    expect(messages(await importWithRegistry({ file: { name: 'long.pdf', bytes: PDF } }))).toEqual([
      `The text of the document is ${text.length.toLocaleString('en-US')} characters long; the limit for a source text is 2,000,000.`,
    ]);
    const md = await importWithRegistry({ file: { name: 'long.md', bytes: utf8(text) } });
    expect(messages(md)[0]).toMatch(/characters long; the limit for a source text is 2,000,000\.$/);
  });

  it("passes a reader's refusal on as it is", async () => {
    documentReaders.pdf = async () => ({
      ok: false,
      problems: [{ path: '', message: 'This PDF is encrypted.' }],
    });
    expect(messages(await importWithRegistry({ file: { name: 'x.pdf', bytes: PDF } }))).toEqual([
      'This PDF is encrypted.',
    ]);
  });

  it('refuses an empty document text', async () => {
    documentReaders.html = () => ({ ok: true, extracted: { text: '  ' } });
    expect(messages(await importWithRegistry({ file: { name: 'x.html', bytes: HTML } }))).toEqual([
      'The text is empty.',
    ]);
  });
});

describe('a document entry: extracted text → a map with one source', () => {
  const extracted: ExtractedText = {
    text: 'Nuclear sharing\n\nThe alliance began in 1954. It grew.\n\nLater years\n\nTalks resumed. They ended.',
    pages: [
      { label: '98', start: 0 },
      { label: '99', start: 53 },
    ],
    headings: [
      { start: 0, end: 15, level: 1, title: 'Nuclear sharing' },
      { start: 53, end: 65, level: 2, title: 'Later years' },
    ],
    title: 'US–Japan nuclear sharing',
    author: 'A. Writer',
    publication: 'Journal of Things',
    date: '2019-05-01',
    url: 'https://example.org/a',
    language: 'en',
    notes: [{ key: 'textEmpty', args: [] }],
  };

  it('keeps pages, citation fields, date and origin, and offers the headings as groups', async () => {
    documentReaders.pdf = async () => ({ ok: true, extracted });
    const result = await importWithRegistry({
      file: { name: 'article.pdf', bytes: PDF },
      options: { now: 'x' },
    });
    if (result.kind !== 'map') throw new Error(JSON.stringify(result));
    const source = result.map.sources[0]!;
    expect(source.text).toBe(extracted.text);
    expect(source.pages).toEqual(extracted.pages);
    expect(source).toMatchObject({
      title: 'US–Japan nuclear sharing',
      author: 'A. Writer',
      publication: 'Journal of Things',
      date: '2019-05-01',
      language: 'en',
      origin: {
        kind: 'pdf',
        fileName: 'article.pdf',
        url: 'https://example.org/a',
        sha256: createHash('sha256').update(PDF).digest('hex'),
      },
    });
    expect(result.map.title).toBe('US–Japan nuclear sharing');
    expect(result.format).toBe('pdf');
    // Groups are on offer, not in the map; taken, each has its heading's title (and nesting).
    expect(result.map.groups ?? []).toEqual([]);
    expect(result.offeredGroups).toEqual([
      { id: 'g1', title: 'Nuclear sharing' },
      { id: 'g2', title: 'Later years', parent: 'g1' },
    ]);
    const taken = withOfferedGroups(result.map, result.offeredGroups);
    expect(validateMap(taken).ok).toBe(true);
    // Notes: sentences, pages, headings, then the reader's own.
    expect(result.notes.map((n) => n.key)).toEqual([
      'txtSentences',
      'regPages',
      'regHeadingsOffered',
      'textEmpty',
    ]);
    // A quote on the second page is cited with it.
    const talks = source.sentences.find((s) =>
      source.text.slice(s.start, s.end).startsWith('Talks'),
    )!;
    expect(pageAt(source, talks.start)).toBe('99');
  });

  it('refuses pages the text does not hold, as a converted map that does not validate', async () => {
    const made = await mapFromExtraction(
      {
        text: 'One. Two.',
        pages: [
          { label: '2', start: 5 },
          { label: '1', start: 0 },
        ],
      },
      { kind: 'pdf' },
    );
    expect(made.ok).toBe(false);
  });

  it('reads Markdown with its headings through the cleaner (the reader until formats/markdown.ts)', async () => {
    const md =
      '# Why trees matter\n\nTrees give shade. Shade cools streets.\n\n## Costs\n\nThey need\nwater.';
    const result = await importWithRegistry({
      file: { name: 'essay.md', bytes: utf8(md) },
      options: { now: 'x' },
    });
    if (result.kind !== 'map') throw new Error(JSON.stringify(result));
    const source = result.map.sources[0]!;
    expect(source.text).toBe(
      'Why trees matter\n\nTrees give shade. Shade cools streets.\n\nCosts\n\nThey need water.',
    );
    expect(source.origin).toMatchObject({ kind: 'markdown', fileName: 'essay.md' });
    expect(result.offeredGroups).toEqual([
      { id: 'g1', title: 'Why trees matter' },
      { id: 'g2', title: 'Costs', parent: 'g1' },
    ]);
    expect(result.map.title).toBe('Why trees matter');
  });
});

describe('the text formats keep their behaviour through the registry', () => {
  it('imports a native map, AIF with its sidecar, Argdown and text', async () => {
    const aif = JSON.stringify({
      nodes: [
        { nodeID: '1', type: 'I', text: 'Cats purr.' },
        { nodeID: '2', type: 'I', text: 'Cats are happy.' },
        { nodeID: '3', type: 'RA', text: 'Default Inference' },
      ],
      edges: [
        { edgeID: '1', fromID: '1', toID: '3' },
        { edgeID: '2', fromID: '3', toID: '2' },
      ],
    });
    const withText = await importWithRegistry({
      file: { name: 'n.json', bytes: utf8(aif) },
      sidecar: { name: 'n.txt', bytes: utf8('Cats are happy. Cats purr.') },
    });
    expect(withText.kind === 'map' && withText.format).toBe('aif');
    expect(withText.kind === 'map' && withText.map.sources[0]!.text).toBe(
      'Cats are happy. Cats purr.',
    );
    const badSidecar = await importWithRegistry({
      file: { name: 'n.json', bytes: utf8(aif) },
      sidecar: { name: 'n.txt', bytes: new Uint8Array([0x41, 0, 0x42]) },
    });
    expect(messages(badSidecar)[0]).toMatch(/^n\.txt: This is a binary file/);
    const text = await importWithRegistry({ file: { name: 'a.txt', bytes: utf8('One. Two.') } });
    expect(text.kind === 'map' && text.format).toBe('text');
    const argdown = await importWithRegistry({
      file: { name: 'a.argdown', bytes: utf8('[A]: x #claim') },
    });
    expect(argdown.kind === 'map' && argdown.format).toBe('argdown');
  });
});

describe('a second source', () => {
  it('gets a free source id and sentence ids past every other source’s', async () => {
    const one = await importWithRegistry({
      file: { name: 'a.txt', bytes: utf8('One. Two. Three.') },
    });
    const two = await importWithRegistry({
      file: { name: 'b.md', bytes: utf8('# B\n\nFour. Five.') },
    });
    if (one.kind !== 'map' || two.kind !== 'map') throw new Error('not imported');
    const both = withSourceAdded(one.map, two.map.sources[0]!);
    expect(both.sources.map((s) => s.id)).toEqual(['src1', 'src2']);
    expect(both.sources[1]!.sentences.map((s) => s.id)).toEqual(['s4', 's5', 's6']);
    expect(validateMap(both).ok).toBe(true);
  });
});
