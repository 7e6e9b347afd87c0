import { describe, expect, it } from 'vitest';
import { cleanText, joinBroken, tidySpaces } from '../../../src/source/clean';

describe('cleanText', () => {
  it('rejoins a Chinese sentence broken across lines without adding spaces (article, abstract)', () => {
    const raw =
      ' ［摘 要］世界百年未有之大变局加速演进，在冷战思维、极限施压、集团政治明显抬头的背景下，2022 年\n\n年初日本出现了寻求与美国建立“核共享”机制的言论。这是基于冷战时期北约核共享及美日核关系的历史经验，\n';
    expect(cleanText(raw)).toBe(
      '［摘 要］世界百年未有之大变局加速演进，在冷战思维、极限施压、集团政治明显抬头的背景下，2022年年初日本出现了寻求与美国建立“核共享”机制的言论。这是基于冷战时期北约核共享及美日核关系的历史经验，',
    );
  });

  it('drops lone page numbers such as ·98· and 12', () => {
    const raw =
      '冲绳成为美军在亚太地区最大的核弹药库、核补给基地①。这一时期，\n·98·\n面对全球冷战和地区热战的国际形势。\n12\n';
    expect(cleanText(raw)).toBe(
      '冲绳成为美军在亚太地区最大的核弹药库、核补给基地①。这一时期，面对全球冷战和地区热战的国际形势。',
    );
  });

  it('joins Latin words with one space and mends hyphenated breaks', () => {
    const raw = 'The alliance was re-\nvised in 1960 and the new treaty\nwas signed by Kishi.\n';
    expect(cleanText(raw)).toBe(
      'The alliance was revised in 1960 and the new treaty was signed by Kishi.',
    );
  });

  it('closes spaced decimals so they are not sentence breaks', () => {
    expect(cleanText('Support rose to 45. 5 percent in 2022.')).toBe(
      'Support rose to 45.5 percent in 2022.',
    );
    expect(tidySpaces('增长了 3. 2%')).toBe('增长了3.2%');
  });

  it('keeps paragraphs apart: a short line ending a sentence, or a heading, starts a new one', () => {
    const raw = [
      '本文将结合对历史进程的分析，对这些问题进行初步的探讨。',
      '',
      '一、战后美日核关系的形成与发展',
      '',
      '美日核关系缘起于第二次世界大战末期，起先是针对苏联后来又加上中国，其根本目的是为',
      '了遏制社会主义国家。',
    ].join('\n');
    expect(cleanText(raw).split('\n\n')).toEqual([
      '本文将结合对历史进程的分析，对这些问题进行初步的探讨。',
      '一、战后美日核关系的形成与发展',
      '美日核关系缘起于第二次世界大战末期，起先是针对苏联后来又加上中国，其根本目的是为了遏制社会主义国家。',
    ]);
  });

  it('removes extraction spaces around CJK punctuation but keeps separators between words', () => {
    expect(tidySpaces('外宣网站 “日本网”以 《安倍和桥下》发表')).toBe(
      '外宣网站“日本网”以《安倍和桥下》发表',
    );
    expect(tidySpaces('［关键词］核共享 美日同盟 美日核关系')).toBe(
      '［关键词］核共享 美日同盟 美日核关系',
    );
  });

  it('joins mixed script pieces by the character on each side', () => {
    expect(joinBroken('波兰总统安杰伊·杜达', 'Andrzej Duda')).toBe(
      '波兰总统安杰伊·杜达Andrzej Duda',
    );
    expect(joinBroken('(Andrzej', 'Duda)')).toBe('(Andrzej Duda)');
    expect(joinBroken('in the', 'Pacific')).toBe('in the Pacific');
    expect(joinBroken('在日本', '部署')).toBe('在日本部署');
  });
});
