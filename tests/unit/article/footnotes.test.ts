import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/source/clean';
import {
  appendNotes,
  joinNoteLines,
  mendUrls,
  splitFootnotes,
  type FootnoteRules,
} from '../../../src/source/footnotes';
import { findQuote } from '../../../src/cli/buildArticleSource';

const rules: FootnoteRules = { noteStarts: [/^本文系/, /^「/, /^〔[^〕]+〕/, /^参见/] };

describe('splitFootnotes', () => {
  it('lifts a page-foot block out of a sentence it interrupts, so the sentence joins up again', () => {
    const lines = [
      '日本部分政客妄言修改非核三原则，调唆',
      ' 本文系某项目的阶段性成果。',
      '',
      '「核共有の議論」、http: / /www. nippon. com / ja /。',
      ' 美国使用核武器等危险言行，影响深刻。',
    ];
    const { body, notes, loneMarkers } = splitFootnotes(lines, rules);
    expect(notes.map((n) => n.text)).toEqual([
      '本文系某项目的阶段性成果。',
      '「核共有の議論」、http://www.nippon.com/ja/。',
    ]);
    expect(loneMarkers).toEqual([]);
    expect(cleanText(body.join('\n'))).toBe(
      '日本部分政客妄言修改非核三原则，调唆美国使用核武器等危险言行，影响深刻。',
    );
  });

  it('continues a note across lines until a line ends it, then starts the next', () => {
    const lines = [
      '正文第一行',
      ' 〔美〕约翰·刘易斯·加迪斯: 《遏制战略》，北京: 商务印书馆，2019',
      '年，第 5 页。',
      '2017 年 9 月，冲绳县市民团体提出请愿，请求县议会进行相关核查。',
      ' 正文继续。',
    ];
    const { body, notes } = splitFootnotes(lines, rules);
    expect(notes).toHaveLength(2);
    expect(notes[0]!.lines).toHaveLength(2);
    expect(notes[0]!.text).toBe(
      '〔美〕约翰·刘易斯·加迪斯:《遏制战略》，北京:商务印书馆，2019年，第5页。',
    );
    expect(notes[1]!.text).toBe('2017年9月，冲绳县市民团体提出请愿，请求县议会进行相关核查。');
    expect(body).toEqual(['正文第一行', ' 正文继续。']);
  });

  it('drops lone marker lines and the blank lines around a page break; page numbers stay for the cleaner', () => {
    const first = '由威廉·佩里和詹姆斯·罗德';
    const last = ' 尼·施莱辛格两位前国防部长担任主席。';
    const lines = [first, '', '·19·', '', '①', '', '②', '参见某书，第1页。', last];
    const { body, notes, loneMarkers } = splitFootnotes(lines, rules);
    expect(loneMarkers).toEqual([4, 6]);
    expect(notes.map((n) => n.text)).toEqual(['参见某书，第1页。']);
    expect(body).toEqual([first, '·19·', last]);
    expect(cleanText(body.join('\n'))).toBe(
      '由威廉·佩里和詹姆斯·罗德尼·施莱辛格两位前国防部长担任主席。',
    );
  });

  it('opens a block only at a block start: a body line that merely begins like a note stays in the body', () => {
    const lines = [
      '第一段。',
      '参见上文所述的两条主线。',
      ' 「新たな提言」、http: / /www. jimin. jp /。',
    ];
    const { body, notes } = splitFootnotes(lines, rules);
    expect(body).toEqual(['第一段。', '参见上文所述的两条主线。']);
    expect(notes.map((n) => n.text)).toEqual(['「新たな提言」、http://www.jimin.jp/。']);
  });

  it('always treats a marker-led block start as a note, and keeps the marker', () => {
    const { notes } = splitFootnotes(
      [' ① 〔美〕福斯特: 《乌克兰危机》，观察者网 2022 年 5 月 18 日。'],
      {
        noteStarts: [],
      },
    );
    expect(notes.map((n) => n.text)).toEqual([
      '①〔美〕福斯特:《乌克兰危机》，观察者网2022年5月18日。',
    ]);
  });
});

describe('note text', () => {
  it('mends the spaces a PDF put inside a URL, up to CJK punctuation', () => {
    expect(mendUrls('「題」、http: / /www. jimin. jp /news /policy /203401. html。')).toBe(
      '「題」、http://www.jimin.jp/news/policy/203401.html。',
    );
    expect(mendUrls('“Title”，https: / / japan2. usembassy. gov /pdfs /x1978. pdf.')).toBe(
      '“Title”，https://japan2.usembassy.gov/pdfs/x1978.pdf.',
    );
    expect(mendUrls('no url here. ok')).toBe('no url here. ok');
  });

  it('rejoins Latin lines with a space and CJK lines without', () => {
    expect(joinNoteLines(['“Guidelines for', 'Defense Cooperation”，北京', '：出版社。'])).toBe(
      '“Guidelines for Defense Cooperation”，北京：出版社。',
    );
  });

  it('appends a heading and numbered notes as their own paragraphs', () => {
    expect(appendNotes('正文。', ['甲。', '乙。'])).toBe('正文。\n\n注释\n\n[1] 甲。\n\n[2] 乙。');
    expect(appendNotes('正文。', [])).toBe('正文。');
  });
});

describe('findQuote', () => {
  it('finds a quote exactly, or else ignoring whitespace, and returns it as the text now has it', () => {
    expect(
      findQuote('坚持“既不承认也不否认”( Neither Confirm)的方针', '“既不承认也不否认”'),
    ).toEqual({ at: 2, quote: '“既不承认也不否认”' });
    expect(
      findQuote('坚持“既不承认也不否认”(Neither Confirm)的方针', '( Neither Confirm)'),
    ).toEqual({
      at: 12,
      quote: '(Neither Confirm)',
    });
    expect(findQuote('甲乙丙', '丁')).toBeUndefined();
    expect(findQuote('甲乙丙', ' ')).toBeUndefined();
  });
});
