/**
 * How big one map may be: the one definition of the limits that every importer (native JSON, a
 * backup's maps, AIF, Argdown, plain text) and every edit applies, so no map that gets stored can
 * be refused later (a backup holding it restores). The file-level limits that come before
 * parsing (bytes, characters, nesting) are in `io/inputLimits.ts` and are set from these.
 */
import { formatPath, problem, problemMessage, type Problem } from './problem';
import { say, type Message } from './messages';
import type { ArgMap } from './schema';

export const MAP_LIMITS = {
  /** A source's text (`sources[i].text`), in UTF-16 code units: about a 700-page book. */
  sourceChars: 2_000_000,
  /** Any other string of a map: a node's text, a note, a quote, a title, a translation, a key. */
  stringChars: 100_000,
  /** All strings of one map together (source texts included). */
  mapChars: 10_000_000,
  sources: 20,
  /** Sentences of all sources together. */
  sentences: 100_000,
  nodes: 10_000,
  edges: 30_000,
  groups: 2_000,
  tours: 50,
  comments: 10_000,
  /** Entries of any other list or record of a map (a node's refs or tags, a tour's steps, …). */
  listItems: 10_000,
} as const;

/** `12,345,678`, for sizes in messages. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

const LIST_LIMITS: Record<string, number> = {
  sources: MAP_LIMITS.sources,
  nodes: MAP_LIMITS.nodes,
  edges: MAP_LIMITS.edges,
  groups: MAP_LIMITS.groups,
  tours: MAP_LIMITS.tours,
  comments: MAP_LIMITS.comments,
};

/** `sources[i].text` (the only strings allowed {@link MAP_LIMITS}.sourceChars). */
function isSourceText(path: readonly (string | number)[]): boolean {
  return path.length === 3 && path[0] === 'sources' && path[2] === 'text';
}

interface Walk {
  problems: Problem[];
  /** Characters of every string and field name (and the positions nodes do not have yet). */
  chars: number;
  sentences: number;
}

/** The field names of a node's position (`"position": { "x": …, "y": … }`). */
export const POSITION_CHARS = 'position'.length + 'x'.length + 'y'.length;

/** The limits' problems of `value`, found at `base` in a map (iterative, linear in its size). */
function walk(value: unknown, base: (string | number)[]): Walk {
  const out: Walk = { problems: [], chars: 0, sentences: 0 };
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: base }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      out.chars += value.length;
      const source = isSourceText(path);
      const limit = source ? MAP_LIMITS.sourceChars : MAP_LIMITS.stringChars;
      if (value.length > limit)
        out.problems.push(stringTooLong(formatPath(path), value.length, source));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    // A node without a position is counted as if it had one, so that laying the map out (as
    // opening a map without positions does) or dragging a node never takes it over the limit.
    if (path.length === 2 && path[0] === 'nodes' && !Array.isArray(value) && !('position' in value))
      out.chars += POSITION_CHARS;
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    const isSentences = path.length === 3 && path[0] === 'sources' && path[2] === 'sentences';
    if (isSentences) out.sentences += entries.length;
    const limit =
      path.length === 1 && typeof path[0] === 'string' && path[0] in LIST_LIMITS
        ? LIST_LIMITS[path[0]]!
        : isSentences
          ? MAP_LIMITS.sentences
          : path.length === 0
            ? Infinity
            : MAP_LIMITS.listItems;
    if (entries.length > limit)
      out.problems.push(
        problem(
          formatPath(path),
          'limTooManyEntries',
          formatCount(entries.length),
          formatCount(limit),
        ),
      );
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i]!;
      if (typeof k === 'string') {
        out.chars += k.length;
        if (k.length > MAP_LIMITS.stringChars)
          out.problems.push(fieldNameTooLong(formatPath(path), k.length));
      }
      stack.push({ value: child, path: [...path, k] });
    }
  }
  return out;
}

/** A string of `length` characters at `path`, over its limit (a source text's when `source`). */
export function stringTooLong(path: string, length: number, source: boolean): Problem {
  return source
    ? problem(path, 'limSourceTooLong', formatCount(length), formatCount(MAP_LIMITS.sourceChars))
    : problem(
        path,
        'limFieldTooLong',
        formatCount(length),
        formatCount(MAP_LIMITS.stringChars),
        formatCount(MAP_LIMITS.sourceChars),
      );
}

/** A field name of `length` characters in the object at `path`, over its limit. */
export function fieldNameTooLong(path: string, length: number): Problem {
  return problem(
    path,
    'limLongFieldName',
    formatCount(length),
    formatCount(MAP_LIMITS.stringChars),
  );
}

const tooManySentences = (n: number): Problem =>
  problem('sources', 'limSentences', formatCount(n), formatCount(MAP_LIMITS.sentences));
const tooManyChars = (n: number): Problem =>
  problem('', 'limMapChars', formatCount(n), formatCount(MAP_LIMITS.mapChars));

/** Characters of text of maps already measured (each map object is measured once). */
const measured = new WeakMap<object, number>();

/**
 * Every way `map` (a map document, or any JSON meant as one) is over {@link MAP_LIMITS}, each at
 * its JSON path; empty when it is within them. Linear in the map's size.
 */
export function mapLimitProblems(map: unknown): Problem[] {
  const { problems, chars, sentences } = walk(map, []);
  if (sentences > MAP_LIMITS.sentences) problems.push(tooManySentences(sentences));
  if (chars > MAP_LIMITS.mapChars) problems.push(tooManyChars(chars));
  if (typeof map === 'object' && map !== null) measured.set(map, chars);
  return problems;
}

const LISTS = ['sources', 'nodes', 'edges', 'groups', 'tours', 'comments'] as const;

/**
 * Why an edit from `before` to `after` is refused by the limits (its first problem), or undefined. Only
 * what the edit changed is measured (records compared by identity, as the autosaver does), so a
 * keystroke costs little on a big map, and a map already over a limit can still be made smaller.
 */
export function editLimitMessage(before: ArgMap, after: ArgMap): Message | undefined {
  const problems: Problem[] = [];
  const beforeTotal = measured.get(before) ?? walk(before, []).chars;
  let total = beforeTotal;
  for (const list of LISTS) {
    const old: readonly object[] = before[list] ?? [];
    const now: readonly object[] = after[list] ?? [];
    if (old === now) continue;
    const oldSet = new Set(old);
    const nowSet = new Set(now);
    if (now.length > old.length && now.length > LIST_LIMITS[list]!)
      problems.push(
        problem(
          list,
          'limWouldHaveEntries',
          formatCount(now.length),
          formatCount(LIST_LIMITS[list]!),
        ),
      );
    now.forEach((item, i) => {
      if (oldSet.has(item)) return;
      const found = walk(item, [list, i]);
      problems.push(...found.problems);
      total += found.chars;
    });
    for (const item of old) if (!nowSet.has(item)) total -= walk(item, [list, 0]).chars;
  }
  for (const key of Object.keys(after) as (keyof ArgMap)[]) {
    const value = after[key];
    if ((LISTS as readonly string[]).includes(key) || value === before[key]) continue;
    const found = walk(value, [key]);
    problems.push(...found.problems);
    total += found.chars - walk(before[key], []).chars;
  }
  if (after.sources !== before.sources) {
    const count = (m: ArgMap) => m.sources.reduce((n, s) => n + s.sentences.length, 0);
    const sentences = count(after);
    if (sentences > MAP_LIMITS.sentences && sentences > count(before))
      problems.push(tooManySentences(sentences));
  }
  if (total > MAP_LIMITS.mapChars && total > beforeTotal) problems.push(tooManyChars(total));
  measured.set(after, total);
  const [first] = problems;
  if (!first) return undefined;
  return say(
    'limEditRefused',
    first.path ? say('limFieldSays', first.path, problemMessage(first)) : problemMessage(first),
  );
}

/**
 * The characters of text in `map` as the limits count them, measured once per map object. The
 * stored-map worker measures the map it reads, and the page takes the count in with
 * {@link rememberMapChars}, so that the first edit of a big map (the layout a map without
 * positions gets when it opens, or a keystroke) does not walk all of it on the page: 10 million
 * characters took a quarter of a second in one task.
 */
export function mapChars(map: object): number {
  const known = measured.get(map);
  if (known !== undefined) return known;
  const { chars } = walk(map, []);
  measured.set(map, chars);
  return chars;
}

/** Takes in the count {@link mapChars} made of `map` elsewhere (of a copy of it, in a worker). */
export function rememberMapChars(map: object, chars: number): void {
  measured.set(map, chars);
}
