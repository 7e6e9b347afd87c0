import { describe, expect, it } from 'vitest';
import { hasUnclosedPair, segmentSentences, sentenceRanges } from '../../../src/source/segment';

const texts = (text: string, language: string) =>
  sentenceRanges(text, language).map((r) => text.slice(r.start, r.end));

describe('segmentSentences', () => {
  it('splits Chinese at 。！？ and keeps closing quotes with their sentence (article, introduction)', () => {
    const text =
      '那么，回到东亚，第二次世界大战后美日之间的核关系是怎样形成与发展的? 近年来出现了哪些值得关注的变化? 该如何应对? 本文将结合对历史进程的分析，对这些问题进行初步的探讨。';
    expect(texts(text, 'zh-Hans')).toEqual([
      '那么，回到东亚，第二次世界大战后美日之间的核关系是怎样形成与发展的?',
      '近年来出现了哪些值得关注的变化?',
      '该如何应对?',
      '本文将结合对历史进程的分析，对这些问题进行初步的探讨。',
    ]);
  });

  it('does not cut inside numbers, book titles or quotations', () => {
    const text =
      '1953年10月，艾森豪威尔政府制定国安会NSC162 /2文件，提出“新面貌”安保战略。陆地核武器总量约3200枚，增长3.5%。《旧金山和约》(简称“旧安保条约”)生效。';
    expect(texts(text, 'zh-Hans')).toEqual([
      '1953年10月，艾森豪威尔政府制定国安会NSC162 /2文件，提出“新面貌”安保战略。',
      '陆地核武器总量约3200枚，增长3.5%。',
      '《旧金山和约》(简称“旧安保条约”)生效。',
    ]);
  });

  it('keeps a quoted sentence ending in 。” together', () => {
    const text = '他说：“讨论绝对必要。”随后提出建议。';
    expect(texts(text, 'zh-Hans')).toEqual(['他说：“讨论绝对必要。”', '随后提出建议。']);
  });

  it('splits English and does not break after common abbreviations or initials', () => {
    const text =
      'Mr. Kishi met Pres. Eisenhower in 1960. The U.S. agreed to consult Japan, e.g. on deployments. J. F. Dulles disagreed! Why?';
    expect(texts(text, 'en')).toEqual([
      'Mr. Kishi met Pres. Eisenhower in 1960.',
      'The U.S. agreed to consult Japan, e.g. on deployments.',
      'J. F. Dulles disagreed!',
      'Why?',
    ]);
  });

  it('never lets a sentence cross a paragraph break, and trims whitespace out of sentences', () => {
    const text = '  First paragraph without a full stop\n\nSecond one.  Third one.';
    const sentences = segmentSentences(text, 'en');
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'First paragraph without a full stop',
      'Second one.',
      'Third one.',
    ]);
    expect(sentences.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
  });

  it('handles mixed Chinese and English text and numbers ids from a given start', () => {
    const text =
      '美国宣布“既不承认也不否认”( Neither Confirm Nor Deny)的方针。It held until 1991. 冷战终结。';
    const sentences = segmentSentences(text, 'zh-Hans', 40);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      '美国宣布“既不承认也不否认”( Neither Confirm Nor Deny)的方针。',
      'It held until 1991.',
      '冷战终结。',
    ]);
    expect(sentences[0]!.id).toBe('s40');
  });

  it('falls back to a default segmenter for an invalid language tag', () => {
    expect(texts('One. Two.', 'not a tag!')).toEqual(['One.', 'Two.']);
  });
});

describe('repairs of the segmenter', () => {
  const texts = (text: string, language = 'zh-Hans') =>
    sentenceRanges(text, language).map((r) => text.slice(r.start, r.end));

  it('keeps a quotation whole and moves a trailing footnote marker back to its sentence', () => {
    expect(texts('表述是:“甲不可或缺。乙适当应对。”③与以往相比，有变化。')).toEqual([
      '表述是:“甲不可或缺。乙适当应对。”③',
      '与以往相比，有变化。',
    ]);
  });

  it('never merges across a line or paragraph break, nor past a quote never closed', () => {
    expect(texts('“未闭合。\n\n下一段。')).toEqual(['“未闭合。', '下一段。']);
    expect(texts('他说“未闭合。甲。乙。丙。丁。戊。')).toHaveLength(6);
  });

  it('keeps an English parenthesis whole', () => {
    expect(texts('Costs rose (see the report. It is long). Then they fell.', 'en')).toEqual([
      'Costs rose (see the report. It is long).',
      'Then they fell.',
    ]);
  });

  it('knows unclosed quotes, titles and parentheses', () => {
    expect(hasUnclosedPair('他说“甲。')).toBe(true);
    expect(hasUnclosedPair('《书名')).toBe(true);
    expect(hasUnclosedPair('(简称')).toBe(true);
    expect(hasUnclosedPair('他说“甲”，《书》(注)。')).toBe(false);
  });
});
