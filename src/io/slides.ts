/**
 * A map as a deck of slides, for presenting and for the slides export: a title slide, then
 * either one slide per stop of a tour (with an overview slide where the tour enters a new
 * section) or one overview slide per section. Each stop says what the node is, how it bears on
 * its neighbours in words ("supports: …", "attacked by: …"), the author's sentence with its page
 * where the source has pages, and the rendering in the other language; the node's note is the
 * speaker's note. Pure: the same map and options give the same deck.
 */
import type { ArgEdge, ArgMap, ArgNode, NodeKind, Relation, Source } from '../model/schema';
import { translationIn } from '../model/translation';
import { pageAt } from '../model/pages';
import { sectionOfGroup } from '../model/groups';
import { bigrams, containment } from '../model/textSimilarity';
import {
  KIND_NAMES,
  RELATION_NAMES,
  RELATION_NAMES_INVERSE,
  type WordsLanguage,
} from '../model/words';
import { pushTo } from './pushTo';

export type SlidesBy = 'tour' | 'section';

export interface SlidesOptions {
  /** One slide per tour stop (the default when the map has a tour) or one per section. */
  by?: SlidesBy;
  /** Which tour, by id; the first tour when absent. */
  tourId?: string;
  /** The language of the slides' own words (kind names, relations, headings). */
  lang?: WordsLanguage;
  /**
   * The languages to look for a node's rendering in, first found first (a rendering that only
   * repeats the node's text is skipped): `[lang]` when absent. The stage asks for `[lang, 'en']`,
   * so a Chinese node shows its English rendering in a Chinese interface too.
   */
  renderings?: readonly string[];
}

/** One neighbour of the presented node, said in words. */
export interface SlideRelation {
  /** "Supports", "Attacked by", … in the slides' language. */
  words: string;
  relation: Relation;
  /** Whether the presented node is the source of the relation. */
  outgoing: boolean;
  nodeId: string;
  /** The neighbour's kind (a thesis is a conclusion). */
  kind: NodeKind;
  /** The neighbour's number in the deck's numbering, when it has one. */
  number?: number;
  text: string;
}

export interface SlideQuote {
  text: string;
  /** The printed page the quote is on, when the source has pages. */
  page?: string;
  /** Author and title of the source. */
  cite: string;
}

export interface SlideItem {
  nodeId: string;
  number: number;
  kind: NodeKind;
  text: string;
}

interface SlideBase {
  /** The section the slide belongs to (a top-level group's title), when the map has sections. */
  chapter?: string;
  /** 1-based position and the deck's length. */
  index: number;
  total: number;
}

export interface TitleSlide extends SlideBase {
  type: 'title';
  title: string;
  /** Author and title of the sources. */
  subtitle: string;
  /** The sections, as a table of contents. */
  contents: string[];
}

export interface SectionSlide extends SlideBase {
  type: 'section';
  title: string;
  /** The section's main points (those not under another node of the section), in map order. */
  items: SlideItem[];
  /** How many nodes the section holds in all. */
  nodeCount: number;
}

export interface StopSlide extends SlideBase {
  type: 'stop';
  nodeId: string;
  number: number;
  kind: NodeKind;
  kindName: string;
  text: string;
  /** The node in the other language, when the map has that rendering. */
  rendering?: string;
  relations: SlideRelation[];
  /** The author's words, when they add to the node's text. */
  quotes: SlideQuote[];
  /** The node's note, for the speaker. */
  notes?: string;
}

export type Slide = TitleSlide | SectionSlide | StopSlide;

/** A slide before the deck numbers it. */
type Unnumbered<S extends Slide = Slide> = S extends Slide ? Omit<S, 'index' | 'total'> : never;

export interface Deck {
  title: string;
  lang: WordsLanguage;
  slides: Slide[];
}

/** Per language, the headings a deck writes. */
export const DECK_WORDS: Readonly<Record<WordsLanguage, Readonly<Record<string, string>>>> = {
  en: { contents: 'Contents', points: 'Main points', nodes: '{0} points', untitled: 'Untitled' },
  zh: { contents: '目录', points: '要点', nodes: '共 {0} 个论点', untitled: '无标题' },
};

/**
 * Whether the quote says little the node does not: three quarters of its character pairs are in
 * the node's text (a node that condenses its sentence).
 */
function repeats(node: string, quote: string): boolean {
  return containment(bigrams(quote), bigrams(node)) >= 0.75;
}

function citeOf(source: Source): string {
  return [source.author, source.title].filter(Boolean).join(', ');
}

/** The author's words a node cites, one per ref, leaving out those the node's text repeats. */
function quotesOf(node: ArgNode, sources: ReadonlyMap<string, [Source, number]>): SlideQuote[] {
  const out: SlideQuote[] = [];
  for (const ref of node.refs) {
    const found = sources.get(ref.sentence);
    if (!found) continue;
    const [source, i] = found;
    const sentence = source.sentences[i]!;
    const whole = ref.start === undefined || ref.end === undefined;
    const start = whole ? sentence.start : ref.start!;
    const text = (
      whole ? source.text.slice(sentence.start, sentence.end) : source.text.slice(start, ref.end)
    ).trim();
    if (repeats(node.text, text)) continue;
    const previous = out[out.length - 1];
    const page = pageAt(source, start);
    // Neighbouring sentences of one passage read as one quote.
    if (previous && previous.cite === citeOf(source) && previous.page === page) {
      previous.text += (source.language.startsWith('zh') ? '' : ' ') + text;
      continue;
    }
    out.push({ text, cite: citeOf(source), ...(page !== undefined ? { page } : {}) });
  }
  return out;
}

/**
 * The neighbours of a node, looking through inference junctions: a premise of a junction bears
 * on what the junction bears on, and a node a junction bears on is borne on by its premises.
 */
function relationsOf(
  id: string,
  byId: ReadonlyMap<string, ArgNode>,
  out: ReadonlyMap<string, ArgEdge[]>,
  into: ReadonlyMap<string, ArgEdge[]>,
): { relation: Relation; outgoing: boolean; nodeId: string }[] {
  const found: { relation: Relation; outgoing: boolean; nodeId: string }[] = [];
  const seen = new Set<string>();
  const add = (relation: Relation, outgoing: boolean, nodeId: string) => {
    const key = `${relation} ${outgoing} ${nodeId}`;
    if (nodeId === id || seen.has(key)) return;
    seen.add(key);
    found.push({ relation, outgoing, nodeId });
  };
  const isJunction = (nodeId: string) => byId.get(nodeId)?.kind === 'inference';
  for (const e of out.get(id) ?? []) {
    if (isJunction(e.to))
      for (const onward of out.get(e.to) ?? []) add(onward.relation, true, onward.to);
    else add(e.relation, true, e.to);
  }
  for (const e of into.get(id) ?? []) {
    if (isJunction(e.from))
      for (const premise of into.get(e.from) ?? []) add(e.relation, false, premise.from);
    else add(e.relation, false, e.from);
  }
  // What the node bears on first, then what bears on it; supports before attacks.
  const rank = { supports: 0, attacks: 1, elaborates: 2 } as const;
  return found.sort(
    (a, b) => Number(b.outgoing) - Number(a.outgoing) || rank[a.relation] - rank[b.relation],
  );
}

/** What a slide or a handout says about one node. */
export type NodeDescription = Omit<StopSlide, 'type' | 'chapter' | 'index' | 'total'>;

/**
 * The numbers of a map's nodes, 1, 2, 3… in map order with junctions left out: the numbers a
 * deck and a handout print, on the map and in the list, so that one finds the other.
 */
export function nodeNumbers(map: Pick<ArgMap, 'nodes'>): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const node of map.nodes)
    if (node.kind !== 'inference') numbers.set(node.id, numbers.size + 1);
  return numbers;
}

/** Describes the nodes of `map` in `lang`: kind, number, relations in words, quotes, notes. */
export function nodeDescriber(
  map: ArgMap,
  lang: WordsLanguage,
  renderings: readonly string[] = [lang],
) {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const numbers = nodeNumbers(map);
  const out = new Map<string, ArgEdge[]>();
  const into = new Map<string, ArgEdge[]>();
  for (const e of map.edges) {
    if (!byId.has(e.from) || !byId.has(e.to)) continue;
    pushTo(out, e.from, e);
    pushTo(into, e.to, e);
  }
  const sentences = new Map<string, [Source, number]>();
  for (const source of map.sources)
    source.sentences.forEach((s, i) => sentences.set(s.id, [source, i]));
  const describe = (node: ArgNode): NodeDescription => {
    const rendering = renderings
      .map((language) => translationIn(node.translations, language))
      .find((text) => !!text && text !== node.text);
    return {
      nodeId: node.id,
      number: numbers.get(node.id) ?? 0,
      kind: node.kind,
      kindName: KIND_NAMES[lang][node.kind],
      text: node.text,
      ...(rendering ? { rendering } : {}),
      relations: relationsOf(node.id, byId, out, into).map((r) => {
        const neighbour = byId.get(r.nodeId)!;
        const number = numbers.get(r.nodeId);
        return {
          ...r,
          words: (r.outgoing ? RELATION_NAMES : RELATION_NAMES_INVERSE)[lang][r.relation],
          kind: neighbour.kind,
          text: neighbour.label ?? neighbour.text,
          ...(number !== undefined ? { number } : {}),
        };
      }),
      quotes: quotesOf(node, sentences),
      ...(node.note?.trim() ? { notes: node.note.trim() } : {}),
    };
  };
  return { byId, numbers, out, into, describe };
}

/**
 * A node's relations said briefly by number, one phrase per kind of relation, as a handout lists
 * them: "supports 1; supported by 3, 4, 5".
 */
export function relationsByNumber(
  relations: readonly Pick<SlideRelation, 'words' | 'number' | 'nodeId'>[],
  lang: WordsLanguage,
): string {
  const byWords = new Map<string, string[]>();
  for (const r of relations) pushTo(byWords, r.words, String(r.number ?? r.nodeId));
  return [...byWords]
    .map(([words, numbers]) => `${words} ${numbers.join(lang === 'zh' ? '、' : ', ')}`)
    .join(lang === 'zh' ? '；' : '; ');
}

/**
 * The deck for `map`. Nodes are numbered in map order (junctions left out), the same numbers a
 * handout uses, so a slide's "supports 3" can be found on the printed map.
 */
export function buildDeck(map: ArgMap, options: SlidesOptions = {}): Deck {
  const lang = options.lang ?? 'en';
  const words = DECK_WORDS[lang];
  const { byId, numbers, out, into, describe } = nodeDescriber(map, lang, options.renderings);
  const groups = map.groups ?? [];
  const groupTitle = new Map(
    groups.map((g) => [g.id, translationIn(g.translations, lang) ?? g.title]),
  );
  const topGroups = groups.filter((g) => g.parent === undefined || !groupTitle.has(g.parent));
  const sectionOf = sectionOfGroup(map);
  const section = (node: ArgNode) => sectionOf(node.group);

  const stop = (node: ArgNode, chapter: string | undefined): Unnumbered<StopSlide> => ({
    type: 'stop',
    ...describe(node),
    ...(chapter !== undefined ? { chapter } : {}),
  });

  const sectionSlide = (groupId: string): Unnumbered<SectionSlide> => {
    const members = map.nodes.filter((n) => n.kind !== 'inference' && section(n) === groupId);
    const inside = new Set(members.map((n) => n.id));
    // A main point bears on nothing else in its section (junctions looked through).
    const main = members.filter(
      (n) => !relationsOf(n.id, byId, out, into).some((r) => r.outgoing && inside.has(r.nodeId)),
    );
    const title = groupTitle.get(groupId) ?? words.untitled!;
    return {
      type: 'section',
      title,
      chapter: title,
      nodeCount: members.length,
      items: main.map((n) => ({
        nodeId: n.id,
        number: numbers.get(n.id)!,
        kind: n.kind,
        text: n.label ?? n.text,
      })),
    };
  };

  const subtitle = [...new Set(map.sources.map(citeOf).filter(Boolean))].join(' · ');
  const slides: Unnumbered[] = [
    {
      type: 'title',
      title: map.title || words.untitled!,
      subtitle,
      contents: topGroups.map((g) => groupTitle.get(g.id)!),
    },
  ];
  const tour = options.tourId
    ? map.tours.find((t) => t.id === options.tourId)
    : map.tours.find((t) => t.steps.length > 0);
  const by: SlidesBy = options.by ?? (tour?.steps.length ? 'tour' : 'section');
  if (by === 'tour') {
    let current: string | undefined;
    for (const id of tour?.steps ?? []) {
      const node = byId.get(id);
      if (!node) continue;
      const groupId = section(node);
      if (groupId !== undefined && groupId !== current) slides.push(sectionSlide(groupId));
      current = groupId;
      slides.push(stop(node, groupId === undefined ? undefined : groupTitle.get(groupId)));
    }
  } else {
    for (const g of topGroups) slides.push(sectionSlide(g.id));
    const loose = map.nodes.filter((n) => n.kind !== 'inference' && section(n) === undefined);
    if (!topGroups.length || loose.length) {
      slides.push({
        type: 'section',
        title: topGroups.length ? words.points! : map.title || words.untitled!,
        nodeCount: loose.length,
        items: loose
          .filter((n) => !relationsOf(n.id, byId, out, into).some((r) => r.outgoing))
          .map((n) => ({
            nodeId: n.id,
            number: numbers.get(n.id)!,
            kind: n.kind,
            text: n.label ?? n.text,
          })),
      });
    }
  }
  const total = slides.length;
  return {
    title: map.title,
    lang,
    slides: slides.map((s, i) => ({ ...s, index: i + 1, total }) as Slide),
  };
}

/** A deck heading in `lang`, with `{0}` filled in by `n`. */
export function deckWord(lang: WordsLanguage, key: 'contents' | 'points' | 'nodes', n = 0): string {
  return (DECK_WORDS[lang][key] ?? '').replace('{0}', String(n));
}
