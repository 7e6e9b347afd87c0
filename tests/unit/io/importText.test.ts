import { describe, expect, it } from 'vitest';
import { guessLanguage, importText } from '../../../src/io/importText';
import { importFile } from '../../../src/io/importFile';
import { sampleMap } from '../model/sampleMap';

describe('guessLanguage', () => {
  it.each([
    ['日本不应与美国实行核共享，这是我们的观点。', 'zh-Hans'],
    ['日本不應與美國實行核共享，這是我們的觀點。', 'zh-Hant'],
    ['日本はアメリカと核共有をすべきではない。', 'ja'],
    ['한국은 핵을 공유해서는 안 된다.', 'ko'],
    ['Япония не должна делиться ядерным оружием.', 'ru'],
    ['Japan should not share nuclear weapons.', 'en'],
    ['', 'en'],
  ])('%s → %s', (text, language) => {
    expect(guessLanguage(text)).toBe(language);
  });
});

describe('importText', () => {
  it('makes a new map with the cleaned, segmented text as its source and no nodes', () => {
    const result = importText('标题\n\n日本不应与美国实行核\n共享。核共享会削弱条约的信誉。', {
      now: '2026-11-26T00:00:00.000Z',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { map } = result;
    expect(map.nodes).toEqual([]);
    expect(map.title).toBe('标题');
    const source = map.sources[0]!;
    expect(source.language).toBe('zh-Hans');
    expect(source.text).toBe('标题\n\n日本不应与美国实行核共享。核共享会削弱条约的信誉。');
    expect(source.sentences.map((s) => source.text.slice(s.start, s.end))).toEqual([
      '标题',
      '日本不应与美国实行核共享。',
      '核共享会削弱条约的信誉。',
    ]);
    expect(result.report[0]).toMatch(/guessed/);
  });

  it('takes the language and title given', () => {
    const result = importText('Ceci est un texte. Deux phrases.', {
      language: 'fr',
      title: 'T',
      now: 'x',
    });
    expect(result.ok && [result.map.sources[0]!.language, result.map.title]).toEqual(['fr', 'T']);
  });

  it('refuses empty text', () => {
    expect(importText(' \n\n ').ok).toBe(false);
  });

  it('refuses a text longer than a source may be, pasted or from a file alike, saying the limit', () => {
    const result = importText('A sentence. '.repeat(200_000));
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          path: '',
          message:
            'The text is 2,400,000 characters long; the limit for a source text is 2,000,000.',
        }),
      ],
    });
  });
});

describe('importFile: where the source came from', () => {
  const origin = (name: string, text: string) => {
    const result = importFile(name, text, { now: 'x' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.map.version).toBe(2);
    expect(result.map.tours).toEqual([]);
    return result.map.sources[0]!.origin;
  };

  it('records the kind of file and its name on the new source', () => {
    expect(origin('notes.txt', 'One sentence. Another one.')).toEqual({
      kind: 'text',
      fileName: 'notes.txt',
    });
    expect(origin('essay.md', '# Essay\n\nOne sentence.')).toEqual({
      kind: 'markdown',
      fileName: 'essay.md',
    });
    expect(
      origin('debate.argdown', '[A]: Trees help. #claim\n  + [B]: Shade cools. #evidence'),
    ).toEqual({
      kind: 'argdown',
      fileName: 'debate.argdown',
    });
    const aif = {
      nodes: [
        { nodeID: '1', type: 'I', text: 'Cats purr.' },
        { nodeID: '2', type: 'I', text: 'Cats are happy.' },
        { nodeID: '3', type: 'RA', text: 'Default Inference' },
      ],
      edges: [
        { edgeID: '1', fromID: '1', toID: '3' },
        { edgeID: '2', fromID: '3', toID: '2' },
      ],
      locutions: [],
    };
    expect(origin('cats.json', JSON.stringify(aif))).toEqual({
      kind: 'aif',
      fileName: 'cats.json',
    });
  });

  it('leaves a native map as it is', () => {
    const result = importFile('trees.argmap.json', JSON.stringify(sampleMap()));
    expect(result.ok && result.map).toEqual(sampleMap());
  });
});
