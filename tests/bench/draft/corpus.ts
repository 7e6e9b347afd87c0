/**
 * Reads the Argumentative Microtext Corpus, part 2 (`arggraph` XML beside its `.txt`), in place
 * from ../shared/corpora/microtexts-part2/ (see that folder's README): strict, so anything the
 * scorer does not expect stops it with an error naming the file.
 *
 * Each EDU is located in the `.txt` in document order, exactly, or (for an implicit central
 * claim, which the `.txt` writes in capitals) ignoring case. An ADU is made of one or more EDUs
 * (`seg` edges); its position in text order is that of its first EDU. An ADU whose EDUs are
 * adjacent (only whitespace between them) is one span from the first EDU's start to the last's
 * end; an ADU whose EDUs are apart (part 2 has central claims restated at the end) is cited by its
 * first run of adjacent EDUs only. EDUs without an ADU are read but belong to no ADU.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from 'linkedom';

/** Where the corpus lives: ../shared/corpora/microtexts-part2 beside the repository (read in place, never copied). */
export const CORPUS_DIR = fileURLToPath(
  new URL('../../../../shared/corpora/microtexts-part2', import.meta.url),
);

export type EdgeType = 'sup' | 'exa' | 'reb' | 'und' | 'add';
const EDGE_TYPES: readonly string[] = ['sup', 'exa', 'reb', 'und', 'add'];

export interface Edu {
  readonly id: string;
  /** The EDU's text as the XML gives it. */
  readonly xmlText: string;
  /** UTF-16 offsets of the EDU in the `.txt`, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly implicit: boolean;
}

export interface Adu {
  readonly id: string;
  readonly type: 'pro' | 'opp';
  /** Its EDUs in text order. */
  readonly edus: readonly Edu[];
  /** The span given to a drafter as this ADU's segment (its first run of adjacent EDUs). */
  readonly start: number;
  readonly end: number;
  /** Whether its central claim is implicit (written in capitals in the `.txt`). */
  readonly implicit: boolean;
}

/** An argumentative relation: from an ADU to an ADU (`sup`, `exa`, `reb`) or to an edge (`und`, `add`). */
export interface Relation {
  readonly id: string;
  readonly src: string;
  readonly trg: string;
  readonly type: EdgeType;
}

export interface GoldText {
  /** "micro_c001". */
  readonly name: string;
  /** The `.txt` as it stands. */
  readonly text: string;
  /** In text order. */
  readonly edus: readonly Edu[];
  /** In text order (by their first EDU). */
  readonly adus: readonly Adu[];
  readonly relations: readonly Relation[];
}

export class CorpusError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'CorpusError';
  }
}

const isBlank = (s: string): boolean => /^\s*$/.test(s);

/** Finds `needle` in `text` from `from` on: exactly, else ignoring case; -1 when absent. */
function locate(text: string, needle: string, from: number): number {
  const exact = text.indexOf(needle, from);
  if (exact >= 0) return exact;
  return text.toLowerCase().indexOf(needle.toLowerCase(), from);
}

/**
 * Parses one text's gold graph. `file` names it in errors. Throws a {@link CorpusError} on an
 * unknown element or edge type, a dangling id, an EDU not found in order in the text, an ADU
 * without EDUs, or anything else the scorer would have to guess about.
 */
export function parseArggraph(xml: string, text: string, file: string): GoldText {
  const fail = (message: string): never => {
    throw new CorpusError(file, message);
  };
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!root || root.tagName !== 'arggraph') fail('the root element is not <arggraph>');
  const name = root!.getAttribute('id') ?? fail('<arggraph> has no id');

  const eduEls: { id: string; text: string; implicit: boolean }[] = [];
  const aduTypes = new Map<string, 'pro' | 'opp'>();
  const segs: { src: string; trg: string }[] = [];
  const relations: Relation[] = [];
  const ids = new Set<string>();
  const claimId = (id: string | null, what: string): string => {
    if (!id) return fail(`${what} without an id`);
    if (ids.has(id)) fail(`duplicate id "${id}"`);
    ids.add(id);
    return id;
  };

  for (const el of Array.from(root!.children)) {
    const tag = el.tagName;
    if (tag === 'edu') {
      const implicit = el.getAttribute('implicit');
      if (implicit !== null && implicit !== 'true' && implicit !== 'false') {
        fail(`edu ${el.getAttribute('id')}: implicit="${implicit}"`);
      }
      const t = (el.textContent ?? '').trim();
      if (!t) fail(`edu ${el.getAttribute('id')} is empty`);
      eduEls.push({
        id: claimId(el.getAttribute('id'), '<edu>'),
        text: t,
        implicit: implicit === 'true',
      });
    } else if (tag === 'adu') {
      const type = el.getAttribute('type');
      if (type !== 'pro' && type !== 'opp') fail(`adu ${el.getAttribute('id')}: type="${type}"`);
      aduTypes.set(claimId(el.getAttribute('id'), '<adu>'), type as 'pro' | 'opp');
    } else if (tag === 'edge') {
      const id = claimId(el.getAttribute('id'), '<edge>');
      const src = el.getAttribute('src') ?? fail(`edge ${id} has no src`);
      const trg = el.getAttribute('trg') ?? fail(`edge ${id} has no trg`);
      const type = el.getAttribute('type') ?? fail(`edge ${id} has no type`);
      if (type === 'seg') segs.push({ src, trg });
      else if (EDGE_TYPES.includes(type)) relations.push({ id, src, trg, type: type as EdgeType });
      else fail(`edge ${id}: unknown type "${type}"`);
    } else {
      fail(`unexpected element <${tag}>`);
    }
  }
  if (eduEls.length === 0) fail('no <edu>');
  if (aduTypes.size === 0) fail('no <adu>');

  // Locate the EDUs in the text, in document order.
  const edus: Edu[] = [];
  let cursor = 0;
  for (const e of eduEls) {
    const at = locate(text, e.text, cursor);
    if (at < 0)
      fail(`edu ${e.id} ("${e.text.slice(0, 40)}…") not found in the text after offset ${cursor}`);
    if (!isBlank(text.slice(cursor, at))) {
      fail(
        `text not covered by any EDU before edu ${e.id}: "${text.slice(cursor, at).slice(0, 40)}"`,
      );
    }
    edus.push({
      id: e.id,
      xmlText: e.text,
      start: at,
      end: at + e.text.length,
      implicit: e.implicit,
    });
    cursor = at + e.text.length;
  }
  if (!isBlank(text.slice(cursor)))
    fail(`text after the last EDU: "${text.slice(cursor).slice(0, 40)}"`);
  const eduIndex = new Map(edus.map((e, i) => [e.id, i]));

  // ADUs from the seg edges.
  const aduEdus = new Map<string, number[]>();
  const eduOwner = new Map<string, string>();
  for (const s of segs) {
    const i = eduIndex.get(s.src);
    if (i === undefined) fail(`seg edge from "${s.src}", not an EDU`);
    if (!aduTypes.has(s.trg)) fail(`seg edge to "${s.trg}", not an ADU`);
    if (eduOwner.has(s.src)) fail(`edu ${s.src} is segmented into two ADUs`);
    eduOwner.set(s.src, s.trg);
    aduEdus.set(s.trg, [...(aduEdus.get(s.trg) ?? []), i!]);
  }
  const adus: Adu[] = [];
  for (const [id, type] of aduTypes) {
    const idx = (aduEdus.get(id) ?? fail(`adu ${id} has no EDU`)).sort((a, b) => a - b);
    const its = idx.map((i) => edus[i]!);
    let last = 0;
    while (last + 1 < idx.length && idx[last + 1] === idx[last]! + 1) last++;
    adus.push({
      id,
      type,
      edus: its,
      start: its[0]!.start,
      end: its[last]!.end,
      implicit: its.some((e) => e.implicit),
    });
  }
  adus.sort((a, b) => a.start - b.start);

  // Relations: sources are ADUs; targets ADUs (sup/exa/reb) or edges (und/add).
  const relIds = new Set(relations.map((r) => r.id));
  const outgoing = new Set<string>();
  for (const r of relations) {
    if (!aduTypes.has(r.src)) fail(`edge ${r.id}: source "${r.src}" is not an ADU`);
    if (outgoing.has(r.src)) fail(`adu ${r.src} has two outgoing relations`);
    outgoing.add(r.src);
    const toEdge = r.type === 'und' || r.type === 'add';
    if (toEdge ? !relIds.has(r.trg) : !aduTypes.has(r.trg)) {
      fail(`edge ${r.id} (${r.type}): target "${r.trg}" is not ${toEdge ? 'an edge' : 'an ADU'}`);
    }
  }
  const roots = [...aduTypes.keys()].filter((a) => !outgoing.has(a));
  if (roots.length !== 1)
    fail(`${roots.length} ADUs without an outgoing relation (expected one central claim)`);

  return { name, text, edus, adus, relations };
}

/** Whether the corpus is present (tests skip with a notice where it is absent). */
export const corpusPresent = (dir: string = CORPUS_DIR): boolean => existsSync(dir);

/** Reads one text of the corpus by name ("micro_c001"). */
export function readText(name: string, dir: string = CORPUS_DIR): GoldText {
  const xmlFile = join(dir, `${name}.xml`);
  const txtFile = join(dir, `${name}.txt`);
  if (!existsSync(txtFile)) throw new CorpusError(xmlFile, `no ${name}.txt beside it`);
  const gold = parseArggraph(readFileSync(xmlFile, 'utf8'), readFileSync(txtFile, 'utf8'), xmlFile);
  if (gold.name !== name) {
    throw new CorpusError(xmlFile, `<arggraph id="${gold.name}"> differs from the file name`);
  }
  return gold;
}

/** Reads every text of the corpus (or the first `limit`), sorted by name. */
export function readCorpus(dir: string = CORPUS_DIR, limit = Infinity): GoldText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => f.slice(0, -'.xml'.length))
    .sort()
    .slice(0, limit)
    .map((n) => readText(n, dir));
}
