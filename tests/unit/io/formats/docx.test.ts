/**
 * The Word reader on real .docx files built in the test (WordprocessingML in a ZIP archive, with
 * styles, footnotes, endnotes and core properties), and on files that are not Word documents.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../../src/io/formats/docx';
import type { Extraction, ExtractedText } from '../../../../src/io/formats/extracted';
import { english } from '../../../../src/model/messages';
import { MESSAGES_ZH } from '../../../../src/ui/i18nMessagesZh';
import { buildDocx, type DocxSpec } from './buildDocx';

async function read(spec: DocxSpec): Promise<ExtractedText> {
  const result = await readDocx(await buildDocx(spec));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.extracted;
}

const ESSAY: DocxSpec = {
  title: 'Car-free centres: the evidence',
  creator: 'Maren Holt',
  paragraphs: [
    { style: 'Title', runs: ['Car-free centres: the evidence'] },
    { style: 'Heading1', runs: ['The objection'] },
    {
      runs: [
        'The argument against closing streets is simple: customers who drive spend more.',
        { note: 1 },
        ' It is also ',
        { bold: 'mostly wrong' },
        '.',
      ],
    },
    { style: 'Heading2', runs: ['What the receipts show'] },
    {
      runs: [
        'Spending in Madrid Central rose by 9.5% after the ban,',
        { note: 2 },
        ' against 3.3% in the city as a whole.',
      ],
    },
    { style: 'ListParagraph', runs: ['Pedestrians visit more often.'] },
    {
      style: 'ListParagraph',
      runs: ['Traders overestimate how many customers drive.', { note: 3 }],
    },
    { style: 'Heading1', runs: ['Conclusion'] },
    {
      runs: [
        'The lesson is not whether to close streets but how.',
        { endnote: 1 },
        { br: true },
        'With the traders, in stages.',
      ],
    },
    { runs: [] },
  ],
  // Numbered in the file in another order than the text refers to them.
  footnotes: {
    1: 'Retail Council, Annual Survey (2019), p. 12.',
    2: 'Card-payment data, December 2018 against December 2017.',
    3: 'Sustrans, “Traders’ perceptions”, Graz (2021).',
  },
  endnotes: { 1: 'This essay was first given as a talk.' },
};

describe('a Word document with headings and footnotes', () => {
  it('gives the text paragraph by paragraph, each reference marked [n]', async () => {
    const extracted = await read(ESSAY);
    expect(extracted.text.split('\n\n')).toEqual([
      'Car-free centres: the evidence',
      'The objection',
      'The argument against closing streets is simple: customers who drive spend more.[1] It is also mostly wrong.',
      'What the receipts show',
      'Spending in Madrid Central rose by 9.5% after the ban,[2] against 3.3% in the city as a whole.',
      'Pedestrians visit more often.',
      'Traders overestimate how many customers drive.[3]',
      'Conclusion',
      'The lesson is not whether to close streets but how.[4] With the traders, in stages.',
      'Notes',
      '[1] Retail Council, Annual Survey (2019), p. 12.',
      '[2] Card-payment data, December 2018 against December 2017.',
      '[3] Sustrans, “Traders’ perceptions”, Graz (2021).',
      '[4] This essay was first given as a talk.',
    ]);
    expect(extracted.notes?.map(english)).toEqual([
      '4 note(s) gathered in a notes section at the end.',
    ]);
  });

  it('lists the headings (Heading 1 and 2 ranked 1 and 2) and the notes heading', async () => {
    const extracted = await read(ESSAY);
    expect(
      extracted.headings!.map((h) => [h.level, h.title, extracted.text.slice(h.start, h.end)]),
    ).toEqual([
      [1, 'The objection', 'The objection'],
      [2, 'What the receipts show', 'What the receipts show'],
      [1, 'Conclusion', 'Conclusion'],
      [1, 'Notes', 'Notes'],
    ]);
  });

  it('numbers notes in the order the text refers to them, whatever their ids', async () => {
    const extracted = await read({
      paragraphs: [{ runs: ['First claim.', { note: 7 }, ' Second claim.', { note: 2 }] }],
      footnotes: { 2: 'Note two.', 7: 'Note seven.' },
    });
    expect(extracted.text).toBe(
      'First claim.[1] Second claim.[2]\n\nNotes\n\n[1] Note seven.\n\n[2] Note two.',
    );
  });

  it('takes title and author from the core properties', async () => {
    const extracted = await read(ESSAY);
    expect(extracted).toMatchObject({
      title: 'Car-free centres: the evidence',
      author: 'Maren Holt',
    });
    const bare = await read({ paragraphs: [{ runs: ['Only text.'] }] });
    expect(bare).toEqual({ text: 'Only text.' });
    const escaped = await read({
      paragraphs: [{ runs: ['x'] }],
      title: 'Cars & <streets>',
      creator: 'Lee',
    });
    expect(escaped.title).toBe('Cars & <streets>');
  });

  it('gathers a Chinese document’s notes under 注释', async () => {
    const extracted = await read({
      paragraphs: [
        { style: 'Heading1', runs: ['一、问题的提出'] },
        { runs: ['2022 年初，日本出现了寻求与美国建立“核共享”机制的言论。', { note: 1 }] },
      ],
      footnotes: { 1: '参见《读卖新闻》2022 年 2 月 28 日报道。' },
    });
    expect(extracted.text).toBe(
      '一、问题的提出\n\n2022 年初，日本出现了寻求与美国建立“核共享”机制的言论。[1]\n\n注释\n\n[1] 参见《读卖新闻》2022 年 2 月 28 日报道。',
    );
    expect(extracted.headings!.map((h) => h.title)).toEqual(['一、问题的提出', '注释']);
  });
});

describe('files that are not Word documents', () => {
  const refusal = async (bytes: Uint8Array) => {
    const result: Extraction = await readDocx(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return undefined;
    expect(result.problems).toHaveLength(1);
    const says = result.problems[0]!.says!;
    expect(MESSAGES_ZH[says.key]).toBeTruthy();
    return { key: says.key, message: result.problems[0]!.message };
  };

  it('refuses a truncated .docx as damaged', async () => {
    const bytes = await buildDocx(ESSAY);
    for (const cut of [0.5, 0.9, 0.99]) {
      const refused = await refusal(bytes.slice(0, Math.floor(bytes.length * cut)));
      expect(refused).toEqual({
        key: 'fmtDocxDamaged',
        message:
          'This Word document is damaged or incomplete (cut off while saving or downloading): its ZIP archive cannot be read.',
      });
    }
  });

  it('refuses a text file renamed .docx, saying it is text', async () => {
    const refused = await refusal(
      new TextEncoder().encode('Cities should close streets.\nDrivers spend more.\n'),
    );
    expect(refused?.key).toBe('fmtDocxIsText');
    expect(refused?.message).toMatch(/text file, not a Word document/);
  });

  it('refuses an old .doc, a ZIP without a document, other binary data and an empty file', async () => {
    const doc = new Uint8Array(512);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refusal(doc))?.key).toBe('fmtDocxOldDoc');

    const zip = new JSZip();
    zip.file('content.xml', '<office:document/>');
    const odt = await zip.generateAsync({ type: 'uint8array' });
    expect((await refusal(odt))?.key).toBe('fmtDocxNoDocument');

    expect((await refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])))?.key).toBe(
      'fmtDocxNotZip',
    );
    expect((await refusal(new Uint8Array()))?.key).toBe('fmtDocxNotZip');
  });

  it('refuses a document whose XML is broken, with the parser’s words', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document><w:body><w:p>cut off here');
    const refused = await refusal(await zip.generateAsync({ type: 'uint8array' }));
    expect(refused?.key).toBe('fmtDocxUnreadable');
    expect(refused?.message).toMatch(/^This Word document could not be read: \S.*[^\n]$/);
  });

  it('refuses a document with no text', async () => {
    expect((await refusal(await buildDocx({ paragraphs: [{ runs: [] }] })))?.key).toBe(
      'fmtDocxNoText',
    );
  });
});
