/**
 * The showcase map's source text against the raw PDF extract it was cleaned from: the rebuild
 * reproduces it, and it differs from the raw article only in whitespace, dropped page numbers,
 * dropped lone footnote markers, and footnotes moved (whole, in order) to a numbered notes section.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArgMap } from '../../../src/model/schema';
import { validateMap } from '../../../src/model/validate';
import {
  applySource,
  buildArticleSource,
  MAP_PATH,
  RAW_PATH,
  sourceMatches,
} from '../../../src/cli/buildArticleSource';
import { hasUnclosedPair } from '../../../src/source/segment';

const root = resolve(__dirname, '../../..');
const raw = readFileSync(resolve(root, RAW_PATH), 'utf8');
const map = JSON.parse(readFileSync(resolve(root, MAP_PATH), 'utf8')) as ArgMap;
const source = map.sources[0]!;
const text = source.text;
const squash = (s: string) => s.replace(/\s+/g, '');

const HEADING = '\n\n注释\n\n';
const body = text.slice(0, text.indexOf(HEADING));
const noteParagraphs = text.slice(text.indexOf(HEADING) + HEADING.length).split('\n\n');

const PAGE_NUMBER_LINE = /^\s*·\d+·\s*$/;
const LONE_MARKER_LINE = /^\s*[\u2460-\u2473]\s*$/;
const rawLines = raw.split('\n');

describe('rebuilding the source', () => {
  it('reproduces the committed text and sentences exactly', () => {
    const rebuilt = buildArticleSource(raw);
    expect(rebuilt.text).toBe(text);
    expect(rebuilt.sentences).toEqual(source.sentences);
    expect(sourceMatches(map, rebuilt)).toBe(true);
  });

  it('notices a drifted text, and refuses to write a rebuild that would break a ref', () => {
    const rebuilt = buildArticleSource(raw);
    const drifted = { ...map, sources: [{ ...source, text: `${text} ` }] };
    expect(sourceMatches(drifted, rebuilt)).toBe(false);
    const node = map.nodes.find((n) => n.refs.some((r) => r.quote !== undefined))!;
    const broken = {
      ...map,
      nodes: [
        {
          ...node,
          refs: [{ ...node.refs.find((r) => r.quote !== undefined)!, quote: '不在文中的引文' }],
        },
      ],
    };
    expect(() => applySource(broken, rebuilt)).toThrow(/不在文中的引文/);
    expect(applySource(map, rebuilt)).toEqual(map);
  });
});

describe('writing a rebuilt source into the map', () => {
  it('keeps sentence ids by their text, gives new sentences fresh ids, and re-anchors spans', () => {
    const rebuilt = buildArticleSource(raw);
    const prefix = '新增的一句。\n\n';
    const shifted = {
      text: prefix + rebuilt.text,
      sentences: [
        { id: 's1', start: 0, end: 6 },
        ...rebuilt.sentences.map((s, i) => ({
          id: `s${i + 2}`,
          start: s.start + prefix.length,
          end: s.end + prefix.length,
        })),
      ],
    };
    const updated = applySource(map, shifted);
    const sentences = updated.sources[0]!.sentences;
    expect(sentences.slice(1).map((s) => s.id)).toEqual(source.sentences.map((s) => s.id));
    expect(sentences[0]!.id).toBe(`s${source.sentences.length + 1}`);
    const before = map.nodes.flatMap((n) => n.refs);
    const after = updated.nodes.flatMap((n) => n.refs);
    after.forEach((ref, i) => {
      expect(ref.sentence).toBe(before[i]!.sentence);
      if (ref.start !== undefined) {
        expect(ref.start).toBe(before[i]!.start! + prefix.length);
        expect(updated.sources[0]!.text.slice(ref.start, ref.end)).toBe(ref.quote);
      }
    });
    expect(validateMap(updated).ok).toBe(true);
  });
});

describe('the cleaned text against the raw article', () => {
  it('has the heading paragraph and 17 notes, numbered [1]…[17] in order', () => {
    expect(text.split(HEADING)).toHaveLength(2);
    expect(noteParagraphs).toHaveLength(17);
    noteParagraphs.forEach((p, i) => expect(p.startsWith(`[${i + 1}] `)).toBe(true));
  });

  it('drops only page-number lines and lone marker lines, and exactly these ones', () => {
    expect(rawLines.filter((l) => PAGE_NUMBER_LINE.test(l)).map((l) => l.trim())).toEqual([
      '·98·',
      '·19·',
    ]);
    expect(rawLines.filter((l) => LONE_MARKER_LINE.test(l)).map((l) => l.trim())).toEqual([
      '①',
      '②',
      '③',
    ]);
    expect(text).not.toMatch(/·98·|·19·/);
  });

  it('is, whitespace aside, the raw characters with each footnote moved out whole and in order', () => {
    let rest = squash(
      rawLines.filter((l) => !PAGE_NUMBER_LINE.test(l) && !LONE_MARKER_LINE.test(l)).join('\n'),
    );
    let from = 0;
    for (const paragraph of noteParagraphs) {
      const note = squash(paragraph.replace(/^\[\d+\] /, ''));
      const at = rest.indexOf(note, from);
      expect(at, `note not found in the raw text, in order: ${note}`).toBeGreaterThanOrEqual(0);
      rest = rest.slice(0, at) + rest.slice(at + note.length);
      from = at;
    }
    expect(rest).toBe(squash(body));
  });

  it('changes only whitespace inside each paragraph: no character is added, dropped or replaced', () => {
    const chars = (s: string) => [...squash(s)].sort().join('');
    const notesText = noteParagraphs.map((p) => p.replace(/^\[\d+\] /, '')).join('');
    const kept = rawLines
      .filter((l) => !PAGE_NUMBER_LINE.test(l) && !LONE_MARKER_LINE.test(l))
      .join('');
    expect(chars(body + notesText)).toBe(chars(kept));
  });

  it('rejoins the sentence that a page of footnotes interrupted', () => {
    expect(raw).toMatch(/调唆\n 本文系/);
    const s = source.sentences
      .map((r) => text.slice(r.start, r.end))
      .find((t) => t.includes('调唆'))!;
    expect(s).toContain(
      '妄言修改非核三原则，调唆美国使用核武器等危险言行，无疑将对当前及未来的国际与东亚地区安全局势造成深刻影响。',
    );
  });

  it('keeps the section headings, the keywords and the author line as paragraphs of their own', () => {
    const paragraphs = body.split('\n\n');
    for (const heading of [
      '一、战后美日核关系的形成与发展',
      '二、近年来美日核关系中的重要变化',
      '三、与北约核共享的比较及应对策略',
    ]) {
      expect(paragraphs).toContain(heading);
    }
    expect(paragraphs).toContain('［关键词］核共享 美日同盟 美日核关系 亚太版“北约”');
    expect(paragraphs[paragraphs.length - 1]).toBe('(金嬴系中国社会科学院日本研究所研究员)');
  });
});

describe('sentences', () => {
  const sentences = source.sentences.map((r) => ({ ...r, text: text.slice(r.start, r.end) }));
  const paragraphEnd = (end: number) => end === text.length || text.startsWith('\n\n', end);

  it('end at sentence punctuation (optionally closed by a quote and a footnote marker), or at a paragraph end', () => {
    const terminal = /[。！？?!][”’」』）)]*[\u2460-\u2473]?$/;
    const cut = sentences.filter((s) => !paragraphEnd(s.end) && !terminal.test(s.text));
    expect(cut.map((s) => s.text)).toEqual([]);
  });

  it('are never cut inside a quotation, book title or parenthesis', () => {
    expect(sentences.filter((s) => hasUnclosedPair(s.text)).map((s) => s.text)).toEqual([]);
  });

  it('do not start with a footnote marker, closing punctuation or a digit continuing a number', () => {
    const bad = sentences.filter((s, i) => {
      if (/^[\u2460-\u2473”’」』》）)，、。]/.test(s.text)) return true;
      const previous = sentences[i - 1];
      return (
        previous !== undefined &&
        !paragraphEnd(previous.end) &&
        /\d[.．]?$/.test(previous.text) &&
        /^\d/.test(s.text)
      );
    });
    expect(bad.map((s) => s.text)).toEqual([]);
  });

  it('keep abbreviations and decimals whole', () => {
    const all = sentences.map((s) => s.text);
    expect(all.some((s) => s.includes('45.5吨'))).toBe(true);
    expect(
      all.some((s) => s.includes('U. S. -JAPAN Joint Announcement') && s.endsWith('.pdf.')),
    ).toBe(true);
    expect(all.some((s) => s.startsWith('[11] “Japan-U. S. Joint Statement'))).toBe(true);
  });

  it('keep the quoted two-sentence passage of the 2010 defence outline in one sentence, with its marker', () => {
    const s = sentences.find((x) => x.text.includes('不可或缺。为了维持'))!;
    expect(s.text.startsWith('2010年版《防卫计划大纲》的具体表述是')).toBe(true);
    expect(s.text.endsWith('适当应对。”③')).toBe(true);
  });
});
