/**
 * The offline drafter (issue 15, part 1): a first argument map of a text from its discourse cues
 * alone. It cuts the text into units (sentences, then clauses at discourse markers; or the
 * segments it is given), picks the central claim (a title in capitals, stance and recommendation
 * words, a conclusion marker opening a sentence, position first or last; in a text of several
 * paragraphs, within the first paragraph that argues), and attaches every other unit by the marker
 * that opens it — a reason supports what it follows ("Because A, B": A supports B), the opponent's
 * voice or a concession attacks the claim argued for and the clause after "Although A," answers
 * it, a contrast answers the latest objection ("X. But Y" with X unmarked: X is read as the
 * concession Y answers), an example supports what it follows, an addition is a sibling of the
 * sentence before, the items of an enumeration support what announced them, "A, and B" arguing for
 * something are linked premises through a junction. Each paragraph has a main unit that its
 * unmarked units support (a report the claim it backs), and it supports the central claim. The
 * units always form one tree. Every unit is a verbatim span of the text; every unit and link
 * names the cue that made it. Pure: no DOM, shared by the editor and the CLI.
 */
import { say, MessageError } from '../model/messages';
import { sentenceRanges } from '../source/segment';
import {
  ANNOUNCES_COUNT,
  ASSERTIVE,
  BARE_CLAUSE_MARKERS,
  CLAUSE_MARKERS,
  cueLanguage,
  enumerationSeries,
  enumerationWord,
  EVIDENCE,
  leadMarkers,
  MID_ONLY,
  NARRATIVE_TURN,
  NUMBERED,
  OPENING_SUBORDINATE,
  OPPONENT,
  QUESTION,
  RECOMMENDATION,
  REFUTATION,
  REPORTED,
  STANCE,
  SUMMING_UP,
  WEAK_LEADS,
  type CueLanguage,
  type LeadMarker,
} from './cues';
import type {
  Cue,
  DraftInput,
  DraftJunction,
  DraftLink,
  DraftUnit,
  MapDraft,
  UnitKind,
} from './types';

/** A BCP 47 tag for the text: zh-Hans when CJK characters are a good share of its letters. */
export function guessDraftLanguage(text: string): string {
  let cjk = 0;
  let latin = 0;
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) cjk++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  // A Chinese character carries about as much as a Latin word of four letters.
  return cjk > 0 && cjk * 4 >= latin ? 'zh-Hans' : 'en';
}

interface Span {
  start: number;
  end: number;
}

/** What the rules read of one unit. */
interface Unit extends Span {
  text: string;
  sentence: number;
  paragraph: number;
  /** The first unit of its sentence; the last. */
  opens: boolean;
  closes: boolean;
  lead?: { marker: LeadMarker; cue: Cue; weak?: Cue };
  recommendation?: Cue;
  stance?: Cue;
  opponent?: Cue;
  question?: Cue;
  evidence: boolean;
  /** A heading or title: a line of its own without a sentence's final stop, or all in capitals. */
  heading?: Cue;
  capitals: boolean;
  /** Opens by summing up what came before ("These changes …", 这一时期…). */
  sumsUp?: Cue;
  /** Dismisses the other side's point ("this objection is weak"). */
  refutes?: Cue;
  /** Judges what was told with certainty (无疑, undoubtedly). */
  assertive?: boolean;
  /** Reports what someone said (表示, said): a report of words, which a "but" may answer. */
  reports?: boolean;
}

/** Where unit `i` points: a unit, or a junction shared with other premises. */
interface Plan {
  to: number;
  relation: 'supports' | 'attacks';
  cue: Cue;
  junction?: number;
}

/** The offline drafter: the units, central claim, kinds and links that the text's cues propose. */
export function draftText(input: DraftInput): MapDraft {
  const language = input.language ?? guessDraftLanguage(input.text);
  const lang = cueLanguage(language);
  const text = input.text;
  const sentences = sentenceRanges(text, language);
  const spans = input.segments
    ? segmentSpans(text, input.segments)
    : clauseSpans(text, lang, sentences, input.ranges);
  const units = describeUnits(text, lang, spans, sentences, !input.segments);
  if (!units.length)
    return {
      sourceId: input.sourceId,
      language,
      units: [],
      junctions: [],
      links: [],
      central: '',
      by: 'rules',
    };
  const central = centralUnit(units, centralCandidates(units));
  const { plans, junctions } = attach(units, central, lang);
  const roles = rolesOf(plans, junctions, central, units.length);
  const draftUnits: DraftUnit[] = units.map((u, i) => ({
    id: `u${i + 1}`,
    start: u.start,
    end: u.end,
    text: u.text,
    kind: i === central ? 'conclusion' : kindOf(u, plans[i]!, roles, junctions),
    cues: unitCues(u, i === central, !!input.segments),
  }));
  const links: DraftLink[] = [];
  const junctionLinks: DraftLink[] = [];
  plans.forEach((plan, i) => {
    if (!plan) return;
    if (plan.junction === undefined) {
      links.push(link(`u${i + 1}`, `u${plan.to + 1}`, plan.relation, plan.cue));
    } else {
      links.push(link(`u${i + 1}`, `j${plan.junction + 1}`, 'supports', plan.cue));
    }
  });
  const draftJunctions: DraftJunction[] = junctions.map((j, k) => {
    junctionLinks.push(link(`j${k + 1}`, `u${j.to + 1}`, j.relation, j.cue));
    return { id: `j${k + 1}` };
  });
  const allLinks = [...links, ...junctionLinks].map((l, k) => ({ ...l, id: `l${k + 1}` }));
  return {
    sourceId: input.sourceId,
    language,
    units: draftUnits,
    junctions: draftJunctions,
    links: allLinks,
    central: `u${central + 1}`,
    by: 'rules',
  };
}

function link(from: string, to: string, relation: 'supports' | 'attacks', cue: Cue): DraftLink {
  return { id: '', from, to, relation, cue };
}

// ——— Units ———

const clip = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * The spans of given segments, found in order from a moving cursor: exactly, else with any run
 * of spaces matching any run of spaces and case ignored (an importer's cleaning joins spaces; a
 * title may be written in capitals). Each is trimmed of surrounding whitespace.
 */
function segmentSpans(text: string, segments: readonly string[]): Span[] {
  const spans: Span[] = [];
  let cursor = 0;
  segments.forEach((segment, n) => {
    const wanted = segment.trim();
    if (!wanted) throw new MessageError(say('draftSegmentEmpty', n + 1));
    let start = text.indexOf(wanted, cursor);
    let end = start + wanted.length;
    if (start < 0) {
      const loose = new RegExp(
        wanted
          .split(/\s+/)
          .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('\\s+'),
        'giu',
      );
      loose.lastIndex = cursor;
      const found = loose.exec(text);
      if (found) {
        start = found.index;
        end = start + found[0].length;
      }
    }
    if (start < 0) throw new MessageError(say('draftSegmentNotFound', n + 1, clip(wanted)));
    spans.push({ start, end });
    cursor = end;
  });
  return spans;
}

/** The sentences of the text (inside `ranges`, when given), cut further into clauses. */
function clauseSpans(
  text: string,
  lang: CueLanguage,
  sentences: readonly Span[],
  ranges: DraftInput['ranges'],
): Span[] {
  const pieces: Span[] = [];
  for (const s of sentences) {
    if (!ranges) {
      pieces.push(s);
      continue;
    }
    for (const [from, to] of ranges) {
      const start = Math.max(from, s.start);
      const end = Math.min(to, s.end);
      if (start < end) pieces.push(trimSpan(text, { start, end }));
    }
  }
  return pieces
    .filter((p) => p.start < p.end && /[\p{L}\p{N}]/u.test(text.slice(p.start, p.end)))
    .flatMap((p) => splitClauses(text, p, lang));
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

const clauseCache = new Map<CueLanguage, RegExp>();

/**
 * A regular expression matching the places to cut a sentence: a comma, semicolon, colon or dash
 * and spaces before a clause marker; a bare marker after a space; and (Chinese) every "；".
 */
function clausePattern(lang: CueLanguage): RegExp {
  let re = clauseCache.get(lang);
  if (re) return re;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const byLength = (words: readonly string[]) =>
    [...words]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|');
  re =
    lang === 'zh'
      ? new RegExp(`(?:[，,：:]\\s*)(?=(?:${byLength(CLAUSE_MARKERS.zh)}))|[；;]\\s*`, 'g')
      : new RegExp(
          `(?:[,;:]|\\s[—–-])\\s+(?=(?:${byLength(CLAUSE_MARKERS.en)})\\b)|;\\s+|(?<!\\b(?:and|or|not|just|partly|only|simply|mainly|largely|precisely|exactly|because|and so))\\s(?=(?:${byLength(BARE_CLAUSE_MARKERS.en)})\\s)`,
          'gi',
        );
  clauseCache.set(lang, re);
  return re;
}

/** The smallest clause worth a unit: three words, or six Chinese characters. */
function bigEnough(s: string, lang: CueLanguage): boolean {
  if (lang === 'zh') return (s.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 6;
  return (s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 3;
}

function splitClauses(text: string, span: Span, lang: CueLanguage): Span[] {
  const sentence = text.slice(span.start, span.end);
  const re = clausePattern(lang);
  re.lastIndex = 0;
  const cuts: { at: number; next: number }[] = [];
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    // The punctuation stays with the clause before; the next clause starts at the marker.
    const punct = /^[,;:，；：,]/.test(m[0]) ? 1 : 0;
    cuts.push({ at: m.index + punct, next: m.index + m[0].length });
  }
  const opening = OPENING_SUBORDINATE[lang].exec(sentence);
  if (opening && !cuts.some((c) => c.at === opening[0].length)) {
    cuts.push({ at: opening[0].length, next: opening[0].length });
    cuts.sort((a, b) => a.at - b.at);
  }
  const out: Span[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut.at < from) continue;
    const head = sentence.slice(from, cut.at);
    const tail = sentence.slice(cut.next);
    if (!bigEnough(head, lang) || !bigEnough(tail, lang) || unbalanced(head)) continue;
    out.push(trimSpan(text, { start: span.start + from, end: span.start + cut.at }));
    from = cut.next;
  }
  out.push(trimSpan(text, { start: span.start + from, end: span.end }));
  return out.filter((s) => s.start < s.end);
}

/** Whether a clause would leave a quotation or parenthesis open. */
function unbalanced(s: string): boolean {
  const pairs = [
    ['(', ')'],
    ['（', '）'],
    ['“', '”'],
    ['《', '》'],
    ['「', '」'],
  ] as const;
  if (pairs.some(([a, b]) => s.split(a).length !== s.split(b).length)) return true;
  return (s.match(/"/g)?.length ?? 0) % 2 === 1;
}

function describeUnits(
  text: string,
  lang: CueLanguage,
  spans: readonly Span[],
  sentences: readonly Span[],
  ownCut: boolean,
): Unit[] {
  let si = 0;
  let paragraph = 0;
  let lastEnd = 0;
  const units: Unit[] = spans.map((span) => {
    while (si < sentences.length - 1 && sentences[si]!.end <= span.start) si++;
    if (/\n\s*\n/.test(text.slice(lastEnd, span.start))) paragraph++;
    lastEnd = span.end;
    const unitText = text.slice(span.start, span.end);
    return {
      ...span,
      text: unitText,
      sentence: si,
      paragraph,
      opens: true,
      closes: true,
      ...cuesOf(unitText, span.start, lang),
      heading: headingCue(text, span, lang, ownCut),
      capitals: isCapitals(unitText),
      ...summingUp(unitText, span.start, lang),
      ...refuting(unitText, span.start, lang),
    };
  });
  units.forEach((u, i) => {
    u.opens = i === 0 || units[i - 1]!.sentence !== u.sentence;
    u.closes = i === units.length - 1 || units[i + 1]!.sentence !== u.sentence;
    if (u.lead && MID_ONLY.has(u.lead.cue.marker.toLowerCase()) && u.opens) delete u.lead;
    // "但是，正当…之际", "But just as …": a story's turn, not an objection.
    if (u.lead?.marker.family === 'contrast') {
      const after = u.lead.cue.at! - u.start + u.lead.cue.marker.length;
      if (NARRATIVE_TURN[lang].test(u.text.slice(after))) delete u.lead;
    }
  });
  return units;
}

function summingUp(unit: string, at: number, lang: CueLanguage): { sumsUp?: Cue } {
  const m = SUMMING_UP[lang].exec(unit);
  return m
    ? { sumsUp: { family: 'conclusion', marker: m[0].replace(/^["'“‘(「（]+/, ''), at } }
    : {};
}

function refuting(unit: string, at: number, lang: CueLanguage): { refutes?: Cue } {
  const m = REFUTATION[lang].exec(unit);
  return m ? { refutes: { family: 'contrast', marker: m[0], at: at + m.index } } : {};
}

function isCapitals(s: string): boolean {
  const letters = s.match(/\p{L}/gu) ?? [];
  return (
    letters.length >= 8 && letters.every((c) => c === c.toUpperCase() && c !== c.toLowerCase())
  );
}

/** A line of its own, short, without a sentence's final stop: a heading or a title. */
function headingCue(text: string, span: Span, lang: CueLanguage, ownCut: boolean): Cue | undefined {
  const line = text.slice(span.start, span.end);
  const short = lang === 'zh' ? line.length <= 30 : line.split(/\s+/).length <= 12;
  if (!short || /[.!?。！？；;:：…"”]$/.test(line)) return undefined;
  // A line of its own: only spaces between it and the line breaks (or the text's ends) around it.
  let before = span.start;
  while (before > 0 && /[^\S\n]/.test(text.charAt(before - 1))) before--;
  let after = span.end;
  while (after < text.length && /[^\S\n]/.test(text.charAt(after))) after++;
  const opensLine = before === 0 || text.charAt(before - 1) === '\n';
  const closesLine = after === text.length || text.charAt(after) === '\n';
  if (!opensLine || !closesLine) return undefined;
  if (!ownCut && before === 0 && after === text.length) return undefined;
  return { family: 'position', marker: 'heading', at: span.start };
}

function cuesOf(
  unit: string,
  at: number,
  lang: CueLanguage,
): Partial<Unit> & { evidence: boolean } {
  const out: Partial<Unit> & { evidence: boolean } = { evidence: EVIDENCE[lang].test(unit) };
  const lead = leadOf(unit, at, lang);
  if (lead) out.lead = lead;
  const rec = RECOMMENDATION[lang].exec(unit);
  // Someone else's words: after a reporting verb (市长表示，…应该; "said that … should"), or
  // inside quotation marks or a title (《…有必要…》, "… must …"): the unit reports them.
  if (rec && (REPORTED[lang].test(unit.slice(0, rec.index)) || quoted(unit, rec.index)))
    out.evidence = true;
  else if (rec)
    out.recommendation = { family: 'recommendation', marker: rec[0], at: at + rec.index };
  if (ASSERTIVE[lang].test(unit)) out.assertive = true;
  if (REPORTED[lang].test(unit) && EVIDENCE[lang].test(unit)) out.reports = true;
  const stance = STANCE[lang].exec(unit);
  if (stance) out.stance = { family: 'position', marker: stance[0], at: at + stance.index };
  const opp = OPPONENT[lang].exec(unit);
  if (opp) {
    const marker = opp[0].replace(/^.*?\b(?=\w+(?:\s\w+)?$)/s, '');
    const where = unit.indexOf(marker);
    out.opponent = { family: 'concession', marker, at: at + Math.max(0, where) };
  }
  const q = QUESTION[lang].exec(unit);
  if (q) out.question = { family: 'question', marker: q[0].trim() || '?', at: at + q.index };
  return out;
}

/** Whether offset `at` of `unit` lies inside quotation marks or a title's brackets. */
function quoted(unit: string, at: number): boolean {
  const before = unit.slice(0, at);
  const count = (re: RegExp) => before.match(re)?.length ?? 0;
  return (
    count(/[“「『《]/g) > count(/[”」』》]/g) ||
    count(/"/g) % 2 === 1 ||
    (count(/‘/g) > count(/’/g) && /‘/.test(before))
  );
}

/** The marker that opens a unit (after quotes and numbering); a weak one looks for a stronger. */
function leadOf(unit: string, at: number, lang: CueLanguage): Unit['lead'] {
  const numbered = NUMBERED.exec(unit);
  let offset = 0;
  while (offset < unit.length && /[\s"'“‘「『《(（\-–—*•·]/.test(unit.charAt(offset))) offset++;
  if (numbered && numbered.index === 0) {
    const rank = numbered[1] ?? numbered[2] ?? numbered[3] ?? numbered[4];
    const n = rankOf(rank!);
    offset = numbered[0].length;
    const found = markerAt(unit, offset, lang);
    if (found) return { marker: found.marker, cue: { ...found.cue, at: at + found.cue.at! } };
    return {
      marker: { family: 'enumeration', words: [numbered[0].trim()], rank: n },
      cue: { family: 'enumeration', marker: numbered[0].trim(), at },
    };
  }
  const first = markerAt(unit, offset, lang);
  if (!first) return undefined;
  const cue = { ...first.cue, at: at + first.cue.at! };
  if (WEAK_LEADS.has(first.word.toLowerCase())) {
    let next = first.cue.at! + first.word.length;
    while (next < unit.length && /[\s,，]/.test(unit.charAt(next))) next++;
    const second = markerAt(unit, next, lang);
    if (second && !WEAK_LEADS.has(second.word.toLowerCase()))
      return { marker: second.marker, cue: { ...second.cue, at: at + second.cue.at! }, weak: cue };
  }
  return { marker: first.marker, cue };
}

function rankOf(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const circled = '①②③④⑤⑥⑦⑧⑨⑩'.indexOf(s);
  if (circled >= 0) return circled + 1;
  const digits = '一二三四五六七八九十';
  return s.length === 1 ? digits.indexOf(s) + 1 : 10;
}

function markerAt(
  unit: string,
  offset: number,
  lang: CueLanguage,
): { word: string; marker: LeadMarker; cue: Cue } | undefined {
  const rest =
    lang === 'zh' ? unit.slice(offset, offset + 12) : unit.slice(offset, offset + 40).toLowerCase();
  for (const { word, marker } of leadMarkers(lang)) {
    if (!rest.startsWith(word)) continue;
    if (lang === 'en' && /[\p{L}\p{N}'’-]/u.test(rest.charAt(word.length))) continue;
    // 第二 opens an item when a pause or 是 follows, not in 第二次世界大战, 第一次, 第三方.
    if (marker.family === 'enumeration' && /^第[一二三四五六七八九十]$/.test(word))
      if (!/^(?:[,，、:：;；.。\s]|是)/.test(rest.charAt(word.length) || '。')) continue;
    return {
      word,
      marker,
      cue: { family: marker.family, marker: unit.slice(offset, offset + word.length), at: offset },
    };
  }
  return undefined;
}

// ——— The central claim ———

/**
 * The unit most likely to be the central claim: a heading in capitals, the author's stance, a
 * recommendation, a conclusion marker, position first or last; not a reason, example, concession
 * or addition.
 */
function centralUnit(all: readonly Unit[], among?: readonly number[]): number {
  const indices = among ?? all.map((_, i) => i);
  let best = indices[0]!;
  let bestScore = -Infinity;
  const first = indices[0]!;
  const last = indices[indices.length - 1]!;
  indices.forEach((i) => {
    const u = all[i]!;
    let score = 0;
    if (u.capitals) score += 6;
    if (u.stance) score += 2.5;
    if (u.recommendation) score += 2;
    const family = u.lead?.marker.family;
    // "A, so B" concludes a step; "Therefore, B." opening a sentence may conclude the whole.
    if (family === 'conclusion') score += u.opens ? 2.5 : 0.5;
    if (family === 'reason' || family === 'example' || family === 'concession') score -= 3;
    // An enumeration's item or an addition opens a paragraph of its own as its topic.
    if ((family === 'addition' || family === 'enumeration') && !(among && i === first)) score -= 2;
    if (family === 'contrast') score -= 0.5;
    if (u.opponent) score -= 3;
    if (u.heading && i > 0) score -= 2;
    if (u.question) score -= 1;
    if (i === first) score += 1.5;
    else if (i === last) score += 1;
    if (u.evidence && !u.recommendation) score -= 0.5;
    // Within a paragraph, a sentence summing up the ones before it is the paragraph's main one.
    if (among && u.sumsUp && !u.question && i !== first) score += 2.5;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/**
 * Where the central claim is looked for: in a text of several paragraphs, the first paragraph
 * that argues (two units or more: an abstract, an introduction), as an article puts its thesis
 * first; a marker deep inside a long text concludes a step, not the whole. Else everywhere.
 */
function centralCandidates(units: readonly Unit[]): number[] | undefined {
  if (units[units.length - 1]!.paragraph < 2) return undefined;
  const count = new Map<number, number>();
  for (const u of units) count.set(u.paragraph, (count.get(u.paragraph) ?? 0) + 1);
  const first = [...count].find(([, c]) => c >= 2)?.[0];
  if (first === undefined) return undefined;
  return units.flatMap((u, i) => (u.paragraph === first ? [i] : []));
}

// ——— Links ———

interface Junction {
  to: number;
  relation: 'supports' | 'attacks';
  cue: Cue;
}

const DEFAULT_CUE: Cue = { family: 'default', marker: 'next to it' };

/** Every unit but the central one is given one target, so that the units form one tree. */
function attach(
  units: readonly Unit[],
  central: number,
  lang: CueLanguage,
): { plans: (Plan | undefined)[]; junctions: Junction[] } {
  const n = units.length;
  const plans: (Plan | undefined)[] = new Array(n).fill(undefined);
  const junctions: Junction[] = [];
  const opponent: boolean[] = new Array(n).fill(false);
  const centralCue: Cue = { family: 'position', marker: 'central claim' };
  // Each paragraph's main unit, chosen as the central claim is but within the paragraph; the
  // other units of a paragraph default to it, and it to the central claim.
  const heads = paragraphHeads(units, central);
  const home = (i: number) => (heads[i] === i ? central : heads[i]!);
  const headCue: Cue = { family: 'position', marker: 'main sentence of its paragraph' };
  // In a text of several paragraphs an unmarked sentence goes on from the one before it (a
  // narrative or expository chain); in a short text it argues for the main claim.
  const longText = units[n - 1]!.paragraph >= 2;
  // "Although A, B": B, unmarked, answers the concession A.
  const answers: number[] = new Array(n).fill(-1);
  // Each series of enumeration markers (第一/第二, 首先/其次, 一是/二是, …) counts apart, so a
  // list nested in another's item does not end the outer list.
  const lists = new Map<string, { head: number; rank: number }>();
  let enumHead = -1;
  let lastOpponent = -1;
  // "X. Therefore Y": X supports Y.
  const concluded: (Cue | undefined)[] = new Array(n).fill(undefined);
  units.forEach((u, i) => {
    if (i > 0 && u.lead?.marker.family === 'conclusion' && i - 1 !== central)
      concluded[i - 1] = u.lead.cue;
  });
  const set = (i: number, to: number, relation: 'supports' | 'attacks', cue: Cue) => {
    if (to < 0 || to >= n || to === i) {
      to = home(i);
      if (to === i) return;
    }
    plans[i] = { to, relation, cue };
    opponent[i] =
      to < i || to === central
        ? opponent[to]! !== (relation === 'attacks')
        : relation === 'attacks';
    if (opponent[i]) lastOpponent = i;
  };
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    const family = u.lead?.marker.family;
    if (family === 'enumeration') {
      const rank = u.lead!.marker.rank ?? 1;
      const series = enumerationSeries(u.lead!.cue.marker, lang);
      const list = lists.get(series);
      if (list && rank > list.rank) enumHead = list.head;
      else {
        // "…有三点：第一，A。" then "第二，B。": the list opened inside that earlier sentence.
        const opened =
          rank > 1 ? openedInside(units, i, enumerationWord(series, rank - 1, lang)) : -1;
        enumHead =
          opened >= 0
            ? opened
            : i > 0 && i - 1 !== central && announces(units[i - 1]!, lang)
              ? i - 1
              : home(i);
      }
      lists.set(series, { head: enumHead, rank });
    }
    if (i === central) continue;
    const cue = u.lead?.cue ?? DEFAULT_CUE;
    const prev = i - 1;
    if (u.refutes && lastOpponent >= 0 && i - lastOpponent <= 3) {
      set(i, lastOpponent, 'attacks', u.refutes);
      continue;
    }
    if (answers[i]! >= 0) {
      set(i, answers[i]!, 'attacks', plans[answers[i]!]!.cue);
      continue;
    }
    if (concluded[i] && (!family || family === 'addition' || family === 'enumeration')) {
      set(i, i + 1, 'supports', concluded[i]!);
      continue;
    }
    if (u.opponent || family === 'concession') {
      const c = u.opponent ?? cue;
      // The opponent's voice attacks the claim argued for; "Although A, B": B answers A.
      const next = units[i + 1];
      set(i, home(i), 'attacks', c);
      if (!u.closes && next && !next.lead && i + 1 !== central) answers[i + 1] = i;
      continue;
    }
    switch (family) {
      case 'reason': {
        // "Because A, B": A supports B — unless B adds another reason ("因为A，而且B").
        const next = units[i + 1];
        const another =
          next !== undefined &&
          next.sentence === u.sentence &&
          next.lead?.marker.family === 'addition';
        if (u.opens && !u.closes && !another) set(i, i + 1, 'supports', cue);
        else if (prev >= 0) set(i, prev, 'supports', cue);
        else set(i, home(i), 'supports', cue);
        continue;
      }
      case 'example':
        set(i, prev >= 0 ? prev : home(i), 'supports', cue);
        continue;
      case 'contrast': {
        // The latest objection, if near and in this paragraph (a new paragraph's "but" turns
        // against what its own paragraph said).
        const answered =
          lastOpponent >= 0 &&
          i - lastOpponent <= 3 &&
          units[lastOpponent]!.paragraph === u.paragraph
            ? lastOpponent
            : -1;
        if (answered >= 0) set(i, answered, 'attacks', cue);
        else if (prev >= 0 && prev !== central && units[prev]!.reports && u.opens)
          // "The manager said it was hard. But hard is not impossible": Y answers those words.
          set(i, prev, 'attacks', cue);
        else if (prev >= 0 && prev !== central && conceded(units[prev]!, plans[prev])) {
          // "X, but Y" with X unmarked: X was the concession, which Y answers.
          const target = plans[prev]!.to;
          set(prev, target, 'attacks', { family: 'concession', marker: cue.marker, at: cue.at! });
          set(i, prev, 'attacks', cue);
        } else if (
          prev >= 0 &&
          prev !== central &&
          plans[prev]?.relation === 'supports' &&
          plans[prev]!.junction === undefined
        )
          // "C. X (for C). However, Y": Y objects to what X argued for.
          set(i, plans[prev]!.to, 'attacks', cue);
        else if (prev >= 0) set(i, prev, 'attacks', cue);
        else set(i, home(i), 'attacks', cue);
        continue;
      }
      case 'enumeration':
        set(i, enumHead >= 0 ? enumHead : home(i), 'supports', cue);
        continue;
      case 'addition': {
        const before = prev >= 0 ? plans[prev] : undefined;
        if (
          u.lead!.marker.joins &&
          before &&
          !u.opens &&
          (units[prev]!.lead?.marker.family === 'reason' ||
            (prev !== central && before.relation === 'supports'))
        ) {
          // "because A, and B", "A, and B" (for something): a linked premise with A.
          const target = before.junction !== undefined ? junctions[before.junction]! : undefined;
          if (target) plans[i] = { ...before, cue };
          else {
            junctions.push({ to: before.to, relation: before.relation, cue: before.cue });
            const j = junctions.length - 1;
            plans[prev] = { ...before, junction: j };
            plans[i] = { to: before.to, relation: before.relation, cue, junction: j };
          }
          opponent[i] = opponent[prev]!;
          continue;
        }
        // A new sentence is a sibling of the previous sentence's head, not of a clause inside it.
        let sibling = prev;
        while (
          u.opens &&
          sibling !== central &&
          plans[sibling] &&
          plans[sibling]!.junction === undefined &&
          plans[sibling]!.to < sibling &&
          units[plans[sibling]!.to]!.sentence === units[sibling]!.sentence
        )
          sibling = plans[sibling]!.to;
        const like = sibling >= 0 ? plans[sibling] : undefined;
        if (like && like.to !== i) set(i, like.to, like.relation, cue);
        else set(i, home(i), 'supports', cue);
        continue;
      }
      case 'conclusion':
        set(i, home(i), 'supports', cue);
        continue;
      default: {
        // The unit before, unless it points here ("Because A, B": B is the main clause).
        const before = prev >= 0 && plans[prev]?.to !== i ? prev : -1;
        if (before >= 0 && units[before]!.sentence === u.sentence && before !== central)
          set(i, prev, 'supports', cue);
        else if (longText && i !== heads[i])
          set(i, evidenceTarget(units, i, heads[i]!), 'supports', cue);
        else if (i < home(i)) set(i, home(i), 'supports', cue);
        // After "A because B", the next sentence, unmarked, goes on about B.
        else if (
          before >= 0 &&
          before !== central &&
          plans[before]?.to === home(i) &&
          plans[before]?.relation === 'supports' &&
          units[before]!.lead?.marker.family === 'reason'
        )
          set(i, before, 'supports', cue);
        else if (
          before >= 0 &&
          opponent[before] &&
          plans[before]?.relation === 'attacks' &&
          !units[before]!.opponent
        )
          set(i, before, 'supports', cue);
        else set(i, home(i), 'supports', home(i) === central ? centralCue : headCue);
      }
    }
  }
  makeTree(plans, junctions, central, centralCue);
  return { plans, junctions };
}

/** For each unit, the main unit of its paragraph (the central claim in its own paragraph). */
function paragraphHeads(units: readonly Unit[], central: number): number[] {
  const heads: number[] = new Array(units.length).fill(central);
  let from = 0;
  for (let i = 1; i <= units.length; i++) {
    if (i < units.length && units[i]!.paragraph === units[from]!.paragraph) continue;
    const members = Array.from({ length: i - from }, (_, k) => from + k);
    const head = members.includes(central) ? central : centralUnit(units, members);
    for (const m of members) heads[m] = head;
    from = i;
  }
  return heads;
}

/**
 * In a long text, what an unmarked unit of a paragraph supports: a report (figures, dates,
 * sources) the nearest claim after it that sums up or judges the reports, else the nearest claim
 * before it in the paragraph, else the nearest after it; a claim the paragraph's main unit.
 */
function evidenceTarget(units: readonly Unit[], i: number, head: number): number {
  const u = units[i]!;
  if (!u.evidence) return head;
  let after = -1;
  const reach = 24; // a report looks this many units either way, no further
  for (
    let k = i + 1;
    k < units.length && k <= i + reach && units[k]!.paragraph === u.paragraph;
    k++
  )
    if (!units[k]!.evidence) {
      after = k;
      break;
    }
  // Reports followed by a sentence summing them up support it.
  if (after >= 0 && units[after]!.sumsUp) return after;
  let before = -1;
  for (let k = i - 1; k >= 0 && k >= i - reach && units[k]!.paragraph === u.paragraph; k--)
    if (!units[k]!.evidence) {
      before = k;
      break;
    }
  // Reports followed by a sentence judging them (无疑, undoubtedly) support it rather than a
  // plain sentence before them; not rather than the paragraph's main one or a summing up.
  const plain = (k: number) => k !== head && !units[k]!.sumsUp && !units[k]!.assertive;
  if (after >= 0 && units[after]!.assertive && (before < 0 || plain(before))) return after;
  if (before >= 0) return before;
  return after >= 0 ? after : head;
}

/** Whether a unit before a "but" can be read as the concession it answers: unmarked, supporting. */
function conceded(u: Unit, plan: Plan | undefined): boolean {
  if (!plan || plan.relation !== 'supports' || plan.junction !== undefined) return false;
  const family = u.lead?.marker.family;
  // A report (a study, figures) argues for the author's side, not against it.
  return (
    (family === undefined || family === 'addition') && !u.evidence && !u.recommendation && !u.stance
  );
}

/**
 * The unit, a little before unit `i` and not opening with it, in which the enumeration word
 * `word` opens a clause ("主要表现在三个方面：第一，…", "in three ways: first, …"); -1 if none.
 */
function openedInside(units: readonly Unit[], i: number, word: string | undefined): number {
  if (!word) return -1;
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`[:：,，;；]\\s*${escaped}(?:[,，、:：]|\\s)`, 'i');
  for (let k = i - 1; k >= 0 && k >= i - 40; k--) if (re.test(units[k]!.text)) return k;
  return -1;
}

/** A unit that announces a list: ends with a colon (其原因有三：), or names the list's count. */
function announces(u: Unit, lang: CueLanguage): boolean {
  return endsAnnouncing(u) || ANNOUNCES_COUNT[lang].test(u.text);
}

/** A unit that announces what follows: ends with a colon (其原因有三：). */
function endsAnnouncing(u: Unit): boolean {
  return (
    /[:：]$/.test(u.text) ||
    /(?:如下|以下|几点|有[二三四五六七八九两几]|the following|as follows|reasons?|several)[^。.]{0,6}[:：。.]?$/i.test(
      u.text,
    )
  );
}

/** Redirects to the central claim any unit whose chain of targets would not reach it. */
function makeTree(plans: (Plan | undefined)[], junctions: Junction[], central: number, cue: Cue) {
  const n = plans.length;
  const target = (i: number) => {
    const p = plans[i]!;
    return p.junction !== undefined ? junctions[p.junction]!.to : p.to;
  };
  const state = new Uint8Array(n); // 0 unknown, 1 on the current walk, 2 reaches the centre
  state[central] = 2;
  for (let i = 0; i < n; i++) {
    const walk: number[] = [];
    let at = i;
    while (state[at] === 0) {
      state[at] = 1;
      walk.push(at);
      at = target(at);
    }
    if (state[at] === 1) {
      // A cycle: cut it at the unit where it closes.
      const p = plans[at]!;
      if (p.junction !== undefined)
        junctions[p.junction] = { ...junctions[p.junction]!, to: central };
      else plans[at] = { to: central, relation: p.relation, cue };
    }
    for (const w of walk) state[w] = 2;
  }
}

/** Each unit's side: the central claim is the proponent's; every attack on the way up flips it. */
function rolesOf(
  plans: readonly (Plan | undefined)[],
  junctions: readonly Junction[],
  central: number,
  n: number,
): boolean[] {
  const opp: (boolean | undefined)[] = new Array(n).fill(undefined);
  opp[central] = false;
  const step = (i: number) => {
    const p = plans[i]!;
    const j = p.junction !== undefined ? junctions[p.junction]! : undefined;
    return { to: j ? j.to : p.to, attacks: (j ? j.relation : p.relation) === 'attacks' };
  };
  // Walk up to a unit whose side is known, then fill in the walk on the way back (no recursion:
  // a long text's chains can be deep).
  for (let i = 0; i < n; i++) {
    const walk: number[] = [];
    for (let at = i; opp[at] === undefined; at = step(at).to) walk.push(at);
    for (let k = walk.length - 1; k >= 0; k--) {
      const { to, attacks } = step(walk[k]!);
      opp[walk[k]!] = opp[to]! !== attacks;
    }
  }
  return opp as boolean[];
}

function kindOf(
  u: Unit,
  plan: Plan,
  roles: readonly boolean[],
  junctions: readonly Junction[],
): UnitKind {
  const j = plan.junction !== undefined ? junctions[plan.junction]! : undefined;
  const relation = j ? j.relation : plan.relation;
  const to = j ? j.to : plan.to;
  if (relation === 'attacks') return roles[to] ? 'rebuttal' : 'objection';
  if (u.heading) return 'context';
  if (u.recommendation && !roles[to]) return 'recommendation';
  if (u.lead?.marker.family === 'example' || u.evidence) return 'evidence';
  return 'claim';
}

function unitCues(u: Unit, central: boolean, given: boolean): Cue[] {
  const cues: Cue[] = [];
  if (u.lead) cues.push(u.lead.cue);
  if (u.opponent) cues.push(u.opponent);
  if (u.recommendation) cues.push(u.recommendation);
  if (u.stance) cues.push(u.stance);
  if (u.question) cues.push(u.question);
  if (u.heading) cues.push(u.heading);
  if (u.refutes) cues.push(u.refutes);
  if (central && u.capitals) cues.push({ family: 'position', marker: 'capitals', at: u.start });
  if (central && !cues.length)
    cues.push({ family: 'position', marker: 'first or last', at: u.start });
  if (!cues.length) cues.push({ family: 'default', marker: given ? 'given segment' : 'sentence' });
  // One cue per place: the opponent's voice often is the opening marker too.
  return cues.filter((c, k) => cues.findIndex((d) => d.family === c.family && d.at === c.at) === k);
}
