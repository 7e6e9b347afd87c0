/**
 * `npm run source:article [-- --check]`: rebuilds the cleaned source text of the showcase map
 * (`maps/us-japan-nuclear-sharing.argmap.json`, `sources[0]`) from the raw PDF extract committed
 * in `maps/sources/us-japan-nuclear-relations.zh.txt`, so the map and the text cannot drift.
 *
 * The pipeline: footnote blocks moved out of the body (`source/footnotes.ts`, with this
 * article's footnote-start patterns below), the body cleaned (`cleanText`), the notes appended as
 * a numbered section, the whole segmented into sentences (`segmentSentences`, zh-Hans, which
 * keeps quotations whole and footnote markers with the sentence they annotate).
 *
 * Without flags it writes the rebuilt text and sentences into the map in place, keeping every
 * node's refs valid: a sentence keeps its id when its text (ignoring whitespace) is unchanged, a
 * span is re-anchored by its quote (ignoring whitespace if need be), and the command fails,
 * writing nothing, if a ref would break.
 * With `--check` it writes nothing and exits 1 when the committed source differs from a rebuild.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArgMap, Sentence } from '../model/schema';
import { cleanText } from '../source/clean';
import { appendNotes, splitFootnotes, type FootnoteRules } from '../source/footnotes';
import { segmentSentences } from '../source/segment';

export const RAW_PATH = 'maps/sources/us-japan-nuclear-relations.zh.txt';
export const MAP_PATH = 'maps/us-japan-nuclear-sharing.argmap.json';
export const LANGUAGE = 'zh-Hans';

/**
 * How this extract's footnotes begin (tested without the line's leading whitespace): the
 * funding note, a Japanese title 「…」, a Chinese title 《…》, a translated author 〔美〕/〔日〕,
 * a reference introduced by 参见, an English title in quotes, and the White House as author.
 * A line led by a marker ①… always opens a note; inside a block of notes, a line after one that
 * ends a note (。 or .) opens the next (e.g. the note `2017 年 9 月，冲绳县…`).
 */
export const ARTICLE_FOOTNOTES: FootnoteRules = {
  noteStarts: [/^本文系/, /^「/, /^《/, /^〔[^〕]+〕/, /^参见/, /^“[A-Za-z]/, /^The White House，/],
};

/** The cleaned text and its sentences, with ids `s1`, `s2`, … in order. */
export interface ArticleSource {
  text: string;
  sentences: Sentence[];
}

/** Rebuilds the cleaned source from the raw extract. Pure. */
export function buildArticleSource(raw: string): ArticleSource {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const { body, notes } = splitFootnotes(lines, ARTICLE_FOOTNOTES);
  const text = appendNotes(
    cleanText(body.join('\n')),
    notes.map((note) => note.text),
  );
  return { text, sentences: segmentSentences(text, LANGUAGE) };
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Finds a quote in a sentence: exactly, or else ignoring whitespace (a cleaner that now drops an
 * extraction space must not break the link); returns where, and the quote as the text now has it.
 */
export function findQuote(
  sentence: string,
  quote: string,
): { at: number; quote: string } | undefined {
  const at = sentence.indexOf(quote);
  if (at >= 0) return { at, quote };
  const chars = [...squash(quote)].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!chars.length) return undefined;
  const match = new RegExp(chars.join('\\s*')).exec(sentence);
  return match ? { at: match.index, quote: match[0] } : undefined;
}

/**
 * Puts a rebuilt source into a map, keeping its refs valid. Sentence ids are kept where a
 * sentence's text (ignoring whitespace) is unchanged and fresh ones given to the rest; spans are
 * re-anchored by their quote. Throws, listing every ref that would break.
 */
export function applySource(map: ArgMap, rebuilt: ArticleSource): ArgMap {
  const old = map.sources[0]!;
  const oldText = (s: Sentence) => squash(old.text.slice(s.start, s.end));
  const pool = new Map<string, string[]>();
  for (const s of old.sentences) pool.set(oldText(s), [...(pool.get(oldText(s)) ?? []), s.id]);
  let next =
    Math.max(
      0,
      ...map.sources.flatMap((src) =>
        src.sentences.map((s) => Number(/^s(\d+)$/.exec(s.id)?.[1] ?? 0)),
      ),
    ) + 1;
  const sentences = rebuilt.sentences.map((s) => {
    const kept = pool.get(squash(rebuilt.text.slice(s.start, s.end)))?.shift();
    return { id: kept ?? `s${next++}`, start: s.start, end: s.end };
  });
  const byId = new Map(sentences.map((s) => [s.id, s]));
  const broken: string[] = [];
  const nodes = map.nodes.map((node) => ({
    ...node,
    refs: node.refs.map((ref) => {
      const sentence = byId.get(ref.sentence);
      if (!sentence) {
        broken.push(`${node.id}: sentence ${ref.sentence} is gone`);
        return ref;
      }
      if (ref.quote === undefined) return ref;
      const found = findQuote(rebuilt.text.slice(sentence.start, sentence.end), ref.quote);
      if (!found) {
        broken.push(`${node.id}: "${ref.quote}" is no longer in ${ref.sentence}`);
        return ref;
      }
      const start = sentence.start + found.at;
      return { ...ref, start, end: start + found.quote.length, quote: found.quote };
    }),
  }));
  if (broken.length)
    throw new Error(`the rebuilt source would break these refs:\n  ${broken.join('\n  ')}`);
  const source = { ...old, text: rebuilt.text, sentences };
  return { ...map, sources: [source, ...map.sources.slice(1)], nodes };
}

/** Does the map's first source hold exactly the rebuilt text and sentence ranges? */
export function sourceMatches(map: ArgMap, rebuilt: ArticleSource): boolean {
  const source = map.sources[0];
  if (!source || source.text !== rebuilt.text) return false;
  if (source.sentences.length !== rebuilt.sentences.length) return false;
  return source.sentences.every(
    (s, i) => s.start === rebuilt.sentences[i]!.start && s.end === rebuilt.sentences[i]!.end,
  );
}

function main(args: string[]): number {
  const root = process.cwd();
  const rebuilt = buildArticleSource(readFileSync(resolve(root, RAW_PATH), 'utf8'));
  const map = JSON.parse(readFileSync(resolve(root, MAP_PATH), 'utf8')) as ArgMap;
  if (args.includes('--check')) {
    if (sourceMatches(map, rebuilt)) {
      console.log(`${MAP_PATH}: source matches the rebuild from ${RAW_PATH}`);
      return 0;
    }
    console.error(
      `${MAP_PATH}: source differs from the rebuild from ${RAW_PATH}; run npm run source:article`,
    );
    return 1;
  }
  if (sourceMatches(map, rebuilt)) {
    console.log(`${MAP_PATH}: source already up to date`);
    return 0;
  }
  const updated = applySource(map, rebuilt);
  writeFileSync(
    resolve(root, MAP_PATH),
    `${JSON.stringify({ ...updated, updatedAt: new Date().toISOString() }, null, 2)}\n`,
  );
  console.log(`${MAP_PATH}: source rewritten (${rebuilt.sentences.length} sentences)`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
