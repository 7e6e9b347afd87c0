/**
 * The Markdown reader: headings (ATX and setext), markup removed, lists and quotes as paragraphs,
 * footnotes gathered into a notes section with [n] markers, front matter as citation fields.
 */
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../../../src/io/formats/markdown';
import type { ExtractedText } from '../../../../src/io/formats/extracted';
import { english } from '../../../../src/model/messages';
import { importText } from '../../../../src/io/importText';

function read(markdown: string): ExtractedText {
  const result = readMarkdown(markdown);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.extracted;
}

const ESSAY = `---
title: "Car-free centres: the evidence"
author: [Maren Holt, Bo Chen]
date: 2024-03-05
lang: en
---

Car-free centres
================

The **argument** against closing streets is *simple*: customers who drive
spend more.[^survey] It is also [mostly wrong](https://example.org/evidence "Evidence").
![A chart of spending](chart.png)

## What the receipts show

Spending in Madrid Central rose by 9.5% after the ban,[^cards] against 3.3% in the
city as a whole. Shops use \`POS-2\` terminals.

- Pedestrians visit more often.
- Traders overestimate how many customers drive.[^graz]

1. Close streets in stages.
2. Publish the numbers.

> “We didn't take the cars away. We gave the street back,”
> the mayor said.

What the numbers do not show
----------------------------

\`\`\`
[^survey]: this is code, not a note
total = sum(receipts)
\`\`\`

***

[^survey]: Retail Council, *Annual Survey* (2019),
p. 12.
[^cards]: Card-payment data.

    December 2018 against December 2017.
[^graz]: See [the Graz survey](https://example.org/graz).
[^unused]: A note nobody cites.
`;

describe('a Markdown essay with headings, emphasis, links and footnotes', () => {
  const extracted = read(ESSAY);

  it('gives the text with the markup removed, one paragraph per block, list item or line of code', () => {
    expect(extracted.text.split('\n\n')).toEqual([
      'Car-free centres',
      'The argument against closing streets is simple: customers who drive spend more.[1] It is also mostly wrong.',
      'What the receipts show',
      'Spending in Madrid Central rose by 9.5% after the ban,[2] against 3.3% in the city as a whole. Shops use POS-2 terminals.',
      'Pedestrians visit more often.',
      'Traders overestimate how many customers drive.[3]',
      'Close streets in stages.',
      'Publish the numbers.',
      "“We didn't take the cars away. We gave the street back,” the mayor said.",
      'What the numbers do not show',
      '[^survey]: this is code, not a note',
      'total = sum(receipts)',
      'Notes',
      '[1] Retail Council, Annual Survey (2019), p. 12.',
      '[2] Card-payment data. December 2018 against December 2017.',
      '[3] See the Graz survey.',
      '[4] A note nobody cites.',
    ]);
  });

  it('lists setext and ATX headings, ranked, and the notes heading', () => {
    expect(
      extracted.headings!.map((h) => [h.level, h.title, extracted.text.slice(h.start, h.end)]),
    ).toEqual([
      [1, 'Car-free centres', 'Car-free centres'],
      [2, 'What the receipts show', 'What the receipts show'],
      [2, 'What the numbers do not show', 'What the numbers do not show'],
      [1, 'Notes', 'Notes'],
    ]);
  });

  it('takes the citation fields from the front matter and reports the notes', () => {
    expect(extracted).toMatchObject({
      title: 'Car-free centres: the evidence',
      author: 'Maren Holt',
      date: '2024-03-05',
      language: 'en',
    });
    expect(extracted.notes?.map(english)).toEqual([
      '4 note(s) gathered in a notes section at the end.',
      '1 note(s) that the text never refers to were put at the end of the notes.',
    ]);
  });
});

describe('Markdown as the plain-text import read it', () => {
  it('joins broken lines as importText does: no space between Chinese characters', () => {
    const markdown =
      '# 一、问题的提出\n\n2022年初，日本出现了\n寻求与美国建立“核共享”机制的言论。[^1]\n\n[^1]: 参见\n《读卖新闻》。\n';
    const extracted = read(markdown);
    expect(extracted.text).toBe(
      '一、问题的提出\n\n2022年初，日本出现了寻求与美国建立“核共享”机制的言论。[1]\n\n注释\n\n[1] 参见《读卖新闻》。',
    );
    expect(extracted.title).toBe('一、问题的提出');
    // The body as the plain-text import joins it (which keeps the markup). Unlike that import,
    // the reader keeps a space typed between Chinese and Latin (`2022 年`): a PDF adds those,
    // an author of Markdown types them.
    const plain = importText('2022年初，日本出现了\n寻求与美国建立“核共享”机制的言论。');
    expect(plain.ok && plain.map.sources[0]!.text).toBe(
      extracted.text.split('\n\n')[1]!.replace('[1]', ''),
    );
  });

  it('keeps the spaces an author typed between Chinese and Latin words', () => {
    expect(read('在 2022 年，\nNATO 的核共享\n机制').text).toBe('在 2022 年，NATO 的核共享机制');
  });

  it('keeps a reference to a note that does not exist as written, and says so', () => {
    const extracted = read('A claim.[^missing] Another.[^1]\n\n[^1]: The note.');
    expect(extracted.text).toBe('A claim.[^missing] Another.[1]\n\nNotes\n\n[1] The note.');
    expect(extracted.notes?.map((n) => n.key)).toEqual(['fmtNotesGathered', 'fmtNoteMissing']);
  });

  it('keeps hard line breaks as joins, HTML blocks as text, and drops images and rules', () => {
    const extracted = read(
      'Line one  \nline two<br>line three\n\n<div class="note"><p>An <b>HTML</b> block.</p></div>\n\n---\n\n![only an image](x.png)\n',
    );
    expect(extracted.text).toBe('Line one line two line three\n\nAn HTML block.');
    expect(extracted.headings).toBeUndefined();
  });

  it('reads a table as a paragraph per row, its cells joined by a middle dot', () => {
    const extracted = read(
      [
        'Results by city:',
        '',
        '| City | Change in spending | Source |',
        '|:-----|-------------------:|:------:|',
        '| Madrid | **+9.5%** | [card data](https://example.org)[^cards] |',
        '| Graz | +4% | |',
        '| Oslo | `n/a \\| pending` |',
        '',
        'A line | with a bar is no table.',
        '',
        '[^cards]: Card payments, 2019.',
      ].join('\n'),
    );
    expect(extracted.text.split('\n\n')).toEqual([
      'Results by city:',
      'City · Change in spending · Source',
      'Madrid · +9.5% · card data[1]',
      'Graz · +4%',
      'Oslo · n/a | pending',
      'A line | with a bar is no table.',
      'Notes',
      '[1] Card payments, 2019.',
    ]);
  });

  it('joins a Chinese table’s cells with a full-width semicolon', () => {
    const markdown =
      '各国立场如下。\n\n| 国家 | 立场 |\n| --- | --- |\n| 日本 | 寻求“核共享”。 |\n| 美国 | 态度谨慎 |\n';
    const extracted = read(markdown);
    expect(extracted.text).toBe(
      '各国立场如下。\n\n国家；立场\n\n日本；寻求“核共享”。\n\n美国；态度谨慎',
    );
  });

  it('refuses Markdown with no text once the markup is removed', () => {
    for (const markdown of ['', '\n\n', '![chart](c.png)\n\n---\n', '[ref]: https://example.org']) {
      const result = readMarkdown(markdown);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.map((p) => p.says?.key)).toEqual(['fmtMdNoText']);
    }
  });
});
