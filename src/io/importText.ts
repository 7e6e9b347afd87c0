/**
 * Plain text → a new map: the cleaned text as its one source, segmented into sentences, and no
 * nodes yet. Also the helpers every importer shares: the result type, a language guess from the
 * script, and a source built from text.
 */
import { CURRENT_VERSION, FORMAT, type ArgMap, type Group, type Source } from '../model/schema';
import { problem, rewordProblem, type Problem } from '../model/problem';
import { english, say, type Message } from '../model/messages';
import { mapLimitProblems } from '../model/limits';
import { validateMap } from '../model/validate';
import { cleanText } from '../source/clean';
import { formatCount, INPUT_LIMITS } from './inputLimits';
import { segmentSentences } from '../source/segment';
import { hashId } from '../model/hash';
import { nextId } from '../model/ids';

/**
 * What an importer returns: a new map and notes on what was converted or left out (as messages,
 * `notes`, and in English, `report`), or problems.
 */
export type ImportResult =
  | { ok: true; map: ArgMap; report: string[]; notes: Message[] }
  | { ok: false; problems: Problem[] };

export interface ImportOptions {
  /** BCP 47 tag of the text; guessed from its script when absent. */
  language?: string;
  /** Title of the new map; taken from the input where it has one. */
  title?: string;
  /** Timestamp for createdAt/updatedAt (ISO 8601); now when absent. */
  now?: string;
}

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
const SIMPLIFIED = /[这们国说为对时会经发过后学体关问题实现来个从还见让长门车东语]/g;
const TRADITIONAL = /[這們國說為對時會經發過後學體關問題實現來個從還見讓長門車東語]/g;

/**
 * A BCP 47 tag guessed from the writing system that dominates `text`: zh-Hans / zh-Hant (by
 * characters that differ between the two), ja (kana), ko, ru, el, ar, he, hi, th; else en.
 * Latin-script languages are not told apart.
 */
export function guessLanguage(text: string): string {
  const scripts: [string, number][] = [
    ['ja', count(text, /[\u3040-\u30FF]/g) * 3],
    ['ko', count(text, /[\uAC00-\uD7AF]/g)],
    ['zh', count(text, /[\u3400-\u4DBF\u4E00-\u9FFF]/g)],
    ['ru', count(text, /[\u0400-\u04FF]/g)],
    ['el', count(text, /[\u0370-\u03FF]/g)],
    ['ar', count(text, /[\u0600-\u06FF]/g)],
    ['he', count(text, /[\u0590-\u05FF]/g)],
    ['hi', count(text, /[\u0900-\u097F]/g)],
    ['th', count(text, /[\u0E00-\u0E7F]/g)],
    ['en', count(text, /[A-Za-z\u00C0-\u024F]/g) / 4],
  ];
  const [best, score] = scripts.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (score === 0) return 'en';
  if (best === 'zh')
    return count(text, TRADITIONAL) > count(text, SIMPLIFIED) ? 'zh-Hant' : 'zh-Hans';
  return best;
}

export { hashId } from '../model/hash';

/** A source from already-cleaned text, segmented into sentences s1, s2, … */
export function sourceFromText(
  text: string,
  language: string,
  fields: Partial<Source> = {},
): Source {
  return { id: 'src1', ...fields, language, text, sentences: segmentSentences(text, language) };
}

/** A new, empty map document around one source. */
export function newMap(id: string, title: string, source: Source, now: string): ArgMap {
  return {
    format: FORMAT,
    version: CURRENT_VERSION,
    id,
    title,
    createdAt: now,
    updatedAt: now,
    sources: [source],
    nodes: [],
    edges: [],
    tours: [],
  };
}

/** Validates an imported map, so an importer bug surfaces as problems, never as a bad map. */
export function finishImport(map: ArgMap, notes: Message[]): ImportResult {
  const over = mapLimitProblems(map);
  if (over.length) {
    return { ok: false, problems: over.map((p) => rewordProblem(p, 'inConvertedMap')) };
  }
  const checked = validateMap(map);
  if (!checked.ok) {
    return { ok: false, problems: checked.problems.map((p) => rewordProblem(p, 'inConvertedMap')) };
  }
  return { ok: true, map: checked.map, report: notes.map(english), notes };
}

/**
 * The problem of a text longer than a source may be ({@link INPUT_LIMITS}.sourceChars), if it is;
 * `what` names it ("The text", "The text of the document").
 */
export function sourceTooLong(text: string, what: Message): Problem | undefined {
  if (text.length <= INPUT_LIMITS.sourceChars) return undefined;
  return problem(
    '',
    'textTooLong',
    what,
    formatCount(text.length),
    formatCount(INPUT_LIMITS.sourceChars),
  );
}

/** The title a text gives itself: its first line, cut to 80 characters. */
export function titleOfText(text: string): string {
  const end = text.indexOf('\n');
  const firstLine = (end === -1 ? text : text.slice(0, end)).trim();
  return firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
}

/** Plain text → a new map with the cleaned, segmented text as its source and no nodes. */
export function importText(raw: string, options: ImportOptions = {}): ImportResult {
  const tooLong = sourceTooLong(raw, say('textWhatText'));
  if (tooLong) return { ok: false, problems: [tooLong] };
  const text = cleanText(raw);
  if (!text) return { ok: false, problems: [problem('', 'textEmpty')] };
  const language = options.language ?? guessLanguage(text);
  const title = options.title ?? titleOfText(text);
  const source = sourceFromText(text, language, { title });
  const report = [
    say(
      options.language ? 'txtSentences' : 'txtSentencesGuessed',
      source.sentences.length,
      language,
    ),
  ];
  return finishImport(
    newMap(`text-${hashId(text)}`, title, source, options.now ?? new Date().toISOString()),
    report,
  );
}

/**
 * `map` with `source` added after its sources: the source gets a free id (`src2`, …) and its
 * sentences ids past every sentence id of the map, so sentence ids stay unique across sources.
 */
export function withSourceAdded(map: ArgMap, source: Source): ArgMap {
  const sourceId = nextId(
    'src',
    map.sources.map((s) => s.id),
  );
  const taken = map.sources.flatMap((s) => s.sentences.map((x) => x.id));
  let n = Number(nextId('s', taken).slice(1));
  const sentences = source.sentences.map((s) => ({ ...s, id: `s${n++}` }));
  return { ...map, sources: [...map.sources, { ...source, id: sourceId, sentences }] };
}

/** The map with the groups it was offered taken (or as it is, when they are not). */
export function withOfferedGroups(map: ArgMap, groups: readonly Group[] | undefined): ArgMap {
  if (!groups?.length) return map;
  return { ...map, groups: [...(map.groups ?? []), ...groups] };
}
