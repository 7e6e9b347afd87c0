/**
 * The optional model-made draft (issue 15, part 4): the text is sent to an OpenAI-compatible chat
 * endpoint the user configured (for example a local server), the answer is forced into a JSON
 * schema, and what comes back is checked against the text before it is proposed: every unit must
 * be a passage of the text (the others are dropped and listed), and the units must form one tree
 * rooted at the central claim (links to dropped units, cycles and extra roots are repaired and
 * listed; with no usable central claim or no units the draft is refused). The result has the same
 * shape as the offline drafter's (`./types`), so the editor reviews it the same way.
 *
 * Pure: no DOM, no storage; `fetch` is injected (the browser's by default). The key is sent in
 * the Authorization header of requests to the configured endpoint and nowhere else.
 *
 * A unit's text is looked for verbatim from a cursor that moves on after each unit found (so a
 * phrase that occurs twice is taken at its next occurrence); failing that, anywhere in the text
 * not yet taken (models sometimes reorder). One tolerance: runs of whitespace may differ (models
 * often rewrite line breaks and double spaces); the unit then cites the text's own span, so it is
 * still verbatim, and the repair is listed.
 */
import type { Cue, DraftJunction, DraftLink, DraftUnit, MapDraft, UnitKind } from './types';
import { say, type Message } from '../model/messages';
import { NODE_KINDS } from '../model/vocabulary';

/** Where the model is and how to reach it. */
export interface ModelSettings {
  /** The API's base URL, e.g. `http://localhost:8080/v1` (`/chat/completions` is appended). */
  readonly endpoint: string;
  /** The model's name as the server knows it. */
  readonly model: string;
  /** Sent as `Authorization: Bearer <key>` to the endpoint only; none when empty. */
  readonly key?: string;
}

/** What to draft: a source's text (or some parts of it). */
export interface ModelDraftInput {
  readonly sourceId: string;
  readonly text: string;
  /** BCP 47; guessed from the text when absent. */
  readonly language?: string;
  /** Parts of the text to draft from, [start, end) in text order; the whole text when absent. */
  readonly ranges?: readonly (readonly [number, number])[];
}

export interface ModelCallOptions {
  /** The browser's `fetch` by default. */
  readonly fetch?: typeof fetch;
  /** How long to wait for the whole answer, in milliseconds (2 minutes by default). */
  readonly timeoutMs?: number;
  /** Cancels the request (the user closed the dialog). */
  readonly signal?: AbortSignal;
}

/** Why a call failed; each reason has its own message. */
export type ModelFailure =
  | 'endpoint'
  | 'model'
  | 'text'
  | 'unreachable'
  | 'key'
  | 'notFound'
  | 'rateLimited'
  | 'server'
  | 'http'
  | 'timeout'
  | 'cancelled'
  | 'notJson'
  | 'notSchema'
  | 'refused'
  | 'truncated'
  | 'noUnits'
  | 'noCentral';

/** A unit of the model's answer that is not proposed, and why. */
export interface DroppedUnit {
  readonly text: string;
  readonly why: 'notInText' | 'outsideRanges' | 'overlaps' | 'empty' | 'duplicateId';
  readonly says: Message;
}

/** A change made to the model's answer so that it is one tree of passages of the text. */
export interface Repair {
  readonly why:
    | 'whitespace'
    | 'kind'
    | 'extraConclusion'
    | 'centralKind'
    | 'centralLink'
    | 'secondLink'
    | 'unknownTarget'
    | 'relation'
    | 'attached';
  readonly says: Message;
}

export interface ModelDraftReport {
  readonly dropped: readonly DroppedUnit[];
  readonly repaired: readonly Repair[];
}

export type ModelDraftResult =
  | { readonly ok: true; readonly draft: MapDraft; readonly report: ModelDraftReport }
  | {
      readonly ok: false;
      readonly failure: ModelFailure;
      readonly says: Message;
      /** What was dropped, when the draft was refused for want of units or a central claim. */
      readonly report?: ModelDraftReport;
    };

/** The kinds the model may give a unit (every node kind but the junction). */
export const MODEL_UNIT_KINDS: readonly UnitKind[] = NODE_KINDS.filter(
  (kind): kind is UnitKind => kind !== 'inference',
);

/** The JSON schema the answer is forced into (strict mode: every field required, no others). */
export const ANSWER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['units', 'central', 'links'],
  properties: {
    units: {
      type: 'array',
      description: 'The argumentative units, in the order they occur in the text.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'text', 'kind'],
        properties: {
          id: { type: 'string', description: 'a1, a2, …' },
          text: { type: 'string', description: 'Copied verbatim from the text.' },
          kind: { type: 'string', enum: MODEL_UNIT_KINDS },
        },
      },
    },
    central: { type: 'string', description: 'The id of the central claim’s unit.' },
    links: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['premises', 'to', 'relation'],
        properties: {
          premises: {
            type: 'array',
            description:
              'One unit id, or several that support or attack the target only jointly (linked premises).',
            items: { type: 'string' },
          },
          to: { type: 'string', description: 'The id of the unit the premises bear on.' },
          relation: { type: 'string', enum: ['supports', 'attacks'] },
        },
      },
    },
  },
} as const;

const INSTRUCTIONS = [
  'You analyse the argumentation of a text and answer in JSON following the schema.',
  '1. Cut the text into argumentative units. Copy each unit VERBATIM from the text: the exact characters, punctuation and spacing, nothing paraphrased, added, shortened or translated. Units are in text order and do not overlap. Leave out passages that argue nothing.',
  '2. Give each unit an id ("a1", "a2", …) and a kind: "conclusion" for the central claim only; "claim" for an intermediate claim argued for; "evidence" for facts, figures, examples or quotations given as grounds; "objection" for a position the text answers or that opposes a claim; "rebuttal" for an answer to an objection; "recommendation" for a practical or policy proposal; "context" for background stated without arguing.',
  '3. Put the id of the central claim (the thesis the whole text argues for) in "central".',
  '4. Link every unit except the central claim exactly once: "premises" lists the unit (or several units that support or attack the target only jointly, as linked premises), "to" the unit they bear on, "relation" is "supports" or "attacks". The links form one tree rooted at the central claim: no cycles, and the central claim has no link of its own.',
].join('\n');

/** Whether a host is this computer (plain http is allowed there only; the page's CSP allows these two). */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1';
}

/**
 * The endpoint's base URL, checked: http(s), no user name or password in it, plain http only to
 * this computer; a URL pasted with its `/chat/completions` (or `/models`) is taken back to its base.
 */
export function endpointBase(
  endpoint: string,
): { ok: true; base: string } | { ok: false; says: Message } {
  const given = endpoint.trim();
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return { ok: false, says: say('modelEndpointInvalid', given) };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    return { ok: false, says: say('modelEndpointInvalid', given) };
  if (url.protocol === 'http:' && !isLoopback(url.hostname))
    return { ok: false, says: say('modelEndpointInsecure', given) };
  url.search = '';
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '').replace(/\/(chat\/completions|models)$/, '');
  return { ok: true, base: `${url.origin}${path}` };
}

/** A text's language when none is given: Chinese when a fair share of its letters are CJK. */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, 5000);
  const cjk = sample.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const latin = sample.match(/[A-Za-z]/g)?.length ?? 0;
  return cjk > 0 && cjk * 3 >= latin ? 'zh-Hans' : 'en';
}

/** The parts of the text the model is shown: the whole text, or the given ranges. */
function parts(input: ModelDraftInput): (readonly [number, number])[] {
  if (!input.ranges) return [[0, input.text.length]];
  return input.ranges
    .map(([s, e]) => [Math.max(0, s), Math.min(input.text.length, e)] as const)
    .filter(([s, e]) => e > s && input.text.slice(s, e).trim() !== '');
}

/** The chat completion request for a draft of `input` (the URL and the fetch init). */
export function chatRequest(
  settings: ModelSettings,
  base: string,
  input: ModelDraftInput,
): { url: string; init: RequestInit } {
  const language = input.language ?? guessLanguage(input.text);
  const shown = input.ranges
    ? parts(input)
        .map(([s, e]) => input.text.slice(s, e))
        .join('\n…\n')
    : input.text;
  const user = input.ranges
    ? `Language: ${language}. Draft from these parts of the text only (separated by lines "…"):\n\n${shown}`
    : `Language: ${language}. The text:\n\n${shown}`;
  const body = {
    model: settings.model.trim(),
    messages: [
      { role: 'system', content: INSTRUCTIONS },
      { role: 'user', content: user },
    ],
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'argument_map_draft', strict: true, schema: ANSWER_SCHEMA },
    },
    temperature: 0,
    stream: false,
  };
  return {
    url: `${base}/chat/completions`,
    init: { method: 'POST', headers: headers(settings, true), body: JSON.stringify(body) },
  };
}

function headers(settings: ModelSettings, json: boolean): Record<string, string> {
  const key = settings.key?.trim();
  return {
    Accept: 'application/json',
    ...(json ? { 'Content-Type': 'application/json' } : {}),
    ...(key ? { Authorization: `Bearer ${key}` } : {}),
  };
}

type Failure = Extract<ModelDraftResult, { ok: false }>;
const fail = (failure: ModelFailure, says: Message, report?: ModelDraftReport): Failure =>
  report ? { ok: false, failure, says, report } : { ok: false, failure, says };

/** The failure an HTTP status means. */
function httpFailure(status: number, base: string, model: string): Failure {
  if (status === 401 || status === 403) return fail('key', say('modelKeyRefused', base, status));
  if (status === 404) return fail('notFound', say('modelNotFound', base, model));
  if (status === 429) return fail('rateLimited', say('modelRateLimited', base));
  if (status >= 500) return fail('server', say('modelServerError', base, status));
  return fail('http', say('modelHttpError', base, status));
}

/**
 * One request with a time limit: the response's JSON body, or the failure. The body is read
 * under the same limit (a server may send its headers and then stall).
 */
async function call(
  url: string,
  init: RequestInit,
  base: string,
  settings: ModelSettings,
  options: ModelCallOptions,
): Promise<{ ok: true; body: unknown } | Failure> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const cancel = () => controller.abort();
  options.signal?.addEventListener('abort', cancel);
  const aborted = (): Failure =>
    timedOut
      ? fail('timeout', say('modelTimeout', base, Math.round(timeoutMs / 1000)))
      : fail('cancelled', say('modelCancelled'));
  try {
    if (options.signal?.aborted) return aborted();
    let response: Response;
    try {
      response = await doFetch(url, {
        ...init,
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch {
      return controller.signal.aborted
        ? aborted()
        : fail('unreachable', say('modelUnreachable', base));
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return httpFailure(response.status, base, settings.model.trim());
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      return controller.signal.aborted
        ? aborted()
        : fail('unreachable', say('modelUnreachable', base));
    }
    try {
      return { ok: true, body: JSON.parse(text) as unknown };
    } catch {
      return fail('notJson', say('modelAnswerNotJson'));
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The model's answer as the schema has it (checked field by field). */
export interface ModelAnswer {
  units: { id: string; text: string; kind: string }[];
  central: string;
  links: { premises: string[]; to: string; relation: string }[];
}

/** The answer checked against the schema's shape: the answer, or the path of the first mismatch. */
export function checkAnswer(
  value: unknown,
): { ok: true; answer: ModelAnswer } | { ok: false; at: string } {
  if (!isObject(value)) return { ok: false, at: '(the answer)' };
  const { units, central, links } = value;
  if (!Array.isArray(units)) return { ok: false, at: 'units' };
  for (const [i, u] of units.entries()) {
    if (!isObject(u)) return { ok: false, at: `units[${i}]` };
    for (const field of ['id', 'text', 'kind'])
      if (typeof u[field] !== 'string') return { ok: false, at: `units[${i}].${field}` };
  }
  if (typeof central !== 'string') return { ok: false, at: 'central' };
  if (!Array.isArray(links)) return { ok: false, at: 'links' };
  for (const [i, l] of links.entries()) {
    if (!isObject(l)) return { ok: false, at: `links[${i}]` };
    if (!Array.isArray(l.premises)) return { ok: false, at: `links[${i}].premises` };
    for (const [j, p] of l.premises.entries())
      if (typeof p !== 'string') return { ok: false, at: `links[${i}].premises[${j}]` };
    if (typeof l.to !== 'string') return { ok: false, at: `links[${i}].to` };
    if (typeof l.relation !== 'string') return { ok: false, at: `links[${i}].relation` };
  }
  return { ok: true, answer: value as unknown as ModelAnswer };
}

/** The content of a chat completion's first choice, parsed, or the failure. */
export function answerOf(body: unknown): { ok: true; answer: ModelAnswer } | Failure {
  const choice =
    isObject(body) && Array.isArray(body.choices) ? (body.choices[0] as unknown) : undefined;
  const message = isObject(choice) ? choice.message : undefined;
  if (!isObject(choice) || !isObject(message))
    return fail('notSchema', say('modelAnswerNotSchema', 'choices[0].message'));
  if (typeof message.refusal === 'string' && message.refusal)
    return fail('refused', say('modelRefused', message.refusal));
  if (typeof message.content !== 'string')
    return fail('notSchema', say('modelAnswerNotSchema', 'choices[0].message.content'));
  // A server that does not enforce the schema may wrap the JSON in a Markdown code fence.
  const content = message.content.trim().replace(/^```(?:json)?\s*\n([\s\S]*)\n```$/, '$1');
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return choice.finish_reason === 'length'
      ? fail('truncated', say('modelTruncated'))
      : fail('notJson', say('modelAnswerNotJson'));
  }
  const checked = checkAnswer(parsed);
  return checked.ok ? checked : fail('notSchema', say('modelAnswerNotSchema', checked.at));
}

/** A unit's words as a message shows them: clipped to 80 characters. */
function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds a unit's text in `text` from `from` on, inside one of `allowed` and clear of `taken`:
 * verbatim first, then with whitespace runs allowed to differ.
 */
function findSpan(
  text: string,
  wanted: string,
  from: number,
  allowed: readonly (readonly [number, number])[],
  taken: readonly (readonly [number, number])[],
): { start: number; end: number; loose: boolean } | 'overlaps' | undefined {
  const fits = (s: number, e: number) => allowed.some(([a, b]) => s >= a && e <= b);
  const clear = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  let overlapping = false;
  const exact = (start: number) => {
    for (let at = text.indexOf(wanted, start); at >= 0; at = text.indexOf(wanted, at + 1)) {
      const end = at + wanted.length;
      if (!fits(at, end)) continue;
      if (clear(at, end)) return { start: at, end, loose: false };
      overlapping = true;
    }
    return undefined;
  };
  const words = wanted.split(/\s+/).filter(Boolean).map(escapeRegExp);
  const pattern = new RegExp(words.join('\\s+'), 'g');
  const loose = (start: number) => {
    pattern.lastIndex = start;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const end = m.index + m[0].length;
      if (fits(m.index, end)) {
        if (clear(m.index, end)) return { start: m.index, end, loose: true };
        overlapping = true;
      }
      pattern.lastIndex = m.index + 1;
    }
    return undefined;
  };
  const found = exact(from) ?? loose(from) ?? exact(0) ?? loose(0);
  return found ?? (overlapping ? 'overlaps' : undefined);
}

/**
 * The model's answer checked against the text and made one tree: the draft and what was dropped
 * and repaired, or the refusal. Pure; `model` names the cue of every proposal.
 */
export function draftFromAnswer(
  input: ModelDraftInput,
  answer: ModelAnswer,
  model: string,
): ModelDraftResult {
  const { text } = input;
  const allowed = parts(input);
  const dropped: DroppedUnit[] = [];
  const repaired: Repair[] = [];
  const drop = (text: string, why: DroppedUnit['why'], says: Message) =>
    dropped.push({ text, why, says });
  const repair = (why: Repair['why'], says: Message) => repaired.push({ why, says });

  // 1. Units: passages of the text, found from a moving cursor.
  interface Found {
    modelId: string;
    start: number;
    end: number;
    kind: string;
  }
  const found: Found[] = [];
  const seenIds = new Set<string>();
  const droppedIds = new Set<string>();
  const taken: [number, number][] = [];
  let cursor = allowed[0]?.[0] ?? 0;
  for (const unit of answer.units) {
    const wanted = unit.text.trim();
    if (seenIds.has(unit.id)) {
      drop(unit.text, 'duplicateId', say('modelDroppedDuplicate', unit.id, clip(unit.text)));
      continue;
    }
    seenIds.add(unit.id);
    if (!wanted) {
      droppedIds.add(unit.id);
      drop(unit.text, 'empty', say('modelDroppedEmpty'));
      continue;
    }
    const span = findSpan(text, wanted, cursor, allowed, taken);
    if (span === undefined || span === 'overlaps') {
      droppedIds.add(unit.id);
      const everywhere = span === undefined && input.ranges && text.includes(wanted);
      if (span === 'overlaps')
        drop(unit.text, 'overlaps', say('modelDroppedOverlap', clip(wanted)));
      else if (everywhere)
        drop(unit.text, 'outsideRanges', say('modelDroppedOutside', clip(wanted)));
      else drop(unit.text, 'notInText', say('modelDroppedNotInText', clip(wanted)));
      continue;
    }
    if (span.loose) repair('whitespace', say('modelRepairWhitespace', clip(wanted)));
    taken.push([span.start, span.end]);
    cursor = span.end;
    found.push({ modelId: unit.id, start: span.start, end: span.end, kind: unit.kind });
  }
  const report = (): ModelDraftReport => ({ dropped, repaired });
  if (!found.length) return fail('noUnits', say('modelNoUnits'), report());

  // Ids in text order.
  found.sort((a, b) => a.start - b.start);
  const idOf = new Map(found.map((f, i) => [f.modelId, `u${i + 1}`]));
  const unitText = (id: string) => {
    const f = found[Number(id.slice(1)) - 1]!;
    return clip(text.slice(f.start, f.end));
  };
  const central = idOf.get(answer.central);
  if (!central) return fail('noCentral', say('modelNoCentral'), report());

  // 2. Kinds: the central claim is the conclusion, and no other unit is one.
  const kinds = new Map<string, UnitKind>();
  for (const f of found) {
    const id = idOf.get(f.modelId)!;
    let kind: UnitKind;
    if (id === central) {
      kind = 'conclusion';
      if (f.kind !== 'conclusion')
        repair('centralKind', say('modelRepairCentralKind', unitText(id), f.kind));
    } else if (f.kind === 'conclusion') {
      kind = 'claim';
      repair('extraConclusion', say('modelRepairExtraConclusion', unitText(id)));
    } else if ((MODEL_UNIT_KINDS as readonly string[]).includes(f.kind)) {
      kind = f.kind as UnitKind;
    } else {
      kind = 'claim';
      repair('kind', say('modelRepairKind', unitText(id), f.kind));
    }
    kinds.set(id, kind);
  }

  // 3. Links: one outgoing link per unit (to a unit, or to a junction of linked premises).
  type Relation = 'supports' | 'attacks';
  interface Junction {
    premises: string[];
    to: string;
    relation: Relation;
  }
  const out = new Map<string, { to: string; relation: Relation } | { junction: Junction }>();
  const junctions: Junction[] = [];
  /** Why a unit without a link has none (it is then attached to the central claim). */
  const rootWhy = new Map<string, 'toDropped' | 'cycle'>();
  for (const link of answer.links) {
    if (link.relation !== 'supports' && link.relation !== 'attacks') {
      repair('relation', say('modelRepairRelation', link.relation));
      continue;
    }
    const relation: Relation = link.relation;
    const to = idOf.get(link.to);
    const premises: string[] = [];
    for (const p of new Set(link.premises)) {
      const id = idOf.get(p);
      if (!id) continue; // a dropped unit, or no unit at all
      if (!to) {
        if (droppedIds.has(link.to)) rootWhy.set(id, 'toDropped');
        continue;
      }
      if (id === to) continue;
      if (id === central) {
        repair('centralLink', say('modelRepairCentralLink', unitText(id)));
        continue;
      }
      if (out.has(id)) {
        repair('secondLink', say('modelRepairSecondLink', unitText(id)));
        continue;
      }
      premises.push(id);
    }
    if (!to) {
      if (!droppedIds.has(link.to))
        repair('unknownTarget', say('modelRepairUnknownTarget', link.to));
      continue;
    }
    if (premises.length === 1) out.set(premises[0]!, { to, relation });
    else if (premises.length > 1) {
      const junction = { premises, to, relation };
      junctions.push(junction);
      for (const p of premises) out.set(p, { junction });
    }
  }

  // 4. Cycles broken: the unit latest in the text of each cycle loses its link.
  const order = found.map((f) => idOf.get(f.modelId)!);
  const parent = (id: string): string | undefined => {
    const o = out.get(id);
    return o ? ('junction' in o ? o.junction.to : o.to) : undefined;
  };
  const done = new Set<string>();
  for (const start of order) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let at: string | undefined = start;
    while (at !== undefined && !done.has(at)) {
      if (onPath.has(at)) {
        const cycle = path.slice(path.indexOf(at));
        const cut = cycle.reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a));
        const o = out.get(cut)!;
        if ('junction' in o) o.junction.premises = o.junction.premises.filter((p) => p !== cut);
        out.delete(cut);
        rootWhy.set(cut, 'cycle');
        break;
      }
      path.push(at);
      onPath.add(at);
      at = parent(at);
    }
    for (const p of path) done.add(p);
  }

  // 5. Every other root is attached to the central claim.
  for (const id of order) {
    if (id === central || out.has(id)) continue;
    const relation: Relation = kinds.get(id) === 'objection' ? 'attacks' : 'supports';
    out.set(id, { to: central, relation });
    const why = rootWhy.get(id);
    const key =
      why === 'toDropped'
        ? 'modelRepairAttachedDropped'
        : why === 'cycle'
          ? 'modelRepairAttachedCycle'
          : 'modelRepairAttached';
    repair('attached', say(key, unitText(id)));
  }

  // 6. The draft.
  const cue: Cue = { family: 'model', marker: model.trim() };
  const units: DraftUnit[] = found.map((f) => {
    const id = idOf.get(f.modelId)!;
    return {
      id,
      start: f.start,
      end: f.end,
      text: text.slice(f.start, f.end),
      kind: kinds.get(id)!,
      cues: [cue],
    };
  });
  const links: DraftLink[] = [];
  const draftJunctions: DraftJunction[] = [];
  const link = (from: string, to: string, relation: Relation) =>
    links.push({ id: `l${links.length + 1}`, from, to, relation, cue });
  const junctionIds = new Map<Junction, string>();
  for (const id of order) {
    const o = out.get(id);
    if (!o) continue;
    if (!('junction' in o)) {
      link(id, o.to, o.relation);
      continue;
    }
    const { junction } = o;
    if (junction.premises.length === 1) {
      link(id, junction.to, junction.relation);
      continue;
    }
    let jid = junctionIds.get(junction);
    if (!jid) {
      jid = `j${draftJunctions.length + 1}`;
      junctionIds.set(junction, jid);
      draftJunctions.push({ id: jid });
      link(jid, junction.to, junction.relation);
    }
    link(id, jid, 'supports');
  }
  return {
    ok: true,
    draft: {
      sourceId: input.sourceId,
      language: input.language ?? guessLanguage(text),
      units,
      junctions: draftJunctions,
      links,
      central,
      by: 'model',
    },
    report: report(),
  };
}

/** The settings checked: the endpoint's base, or why it cannot be used. */
function checkSettings(settings: ModelSettings): { ok: true; base: string } | Failure {
  const base = endpointBase(settings.endpoint);
  if (!base.ok) return fail('endpoint', base.says);
  if (!settings.model.trim()) return fail('model', say('modelNoModel'));
  return base;
}

/** Asks the configured model for a draft of `input` and checks its answer against the text. */
export async function modelDraft(
  input: ModelDraftInput,
  settings: ModelSettings,
  options: ModelCallOptions = {},
): Promise<ModelDraftResult> {
  const checked = checkSettings(settings);
  if (!checked.ok) return checked;
  if (!parts(input).length) return fail('text', say('modelTextEmpty'));
  const { url, init } = chatRequest(settings, checked.base, input);
  const called = await call(url, init, checked.base, settings, options);
  if (!called.ok) return called;
  const answer = answerOf(called.body);
  if (!answer.ok) return answer;
  return draftFromAnswer(input, answer.answer, settings.model);
}

/**
 * "Test connection": asks the endpoint for its models (`GET <endpoint>/models`, with the key) and
 * says whether the configured model is among them.
 */
export async function testConnection(
  settings: ModelSettings,
  options: ModelCallOptions = {},
): Promise<{ ok: true; listed: boolean; says: Message } | Failure> {
  const checked = checkSettings(settings);
  if (!checked.ok) return checked;
  const { base } = checked;
  const url = `${base}/models`;
  const called = await call(
    url,
    { method: 'GET', headers: headers(settings, false) },
    base,
    settings,
    options,
  );
  if (!called.ok) return called;
  const body = called.body;
  const data = isObject(body) && Array.isArray(body.data) ? body.data : undefined;
  if (!data) return fail('notSchema', say('modelAnswerNotSchema', 'data'));
  const names = data.flatMap((m) => (isObject(m) && typeof m.id === 'string' ? [m.id] : []));
  const model = settings.model.trim();
  if (names.includes(model))
    return { ok: true, listed: true, says: say('modelConnected', base, model) };
  const listed = names.slice(0, 10).join(', ') + (names.length > 10 ? ', …' : '');
  return { ok: true, listed: false, says: say('modelConnectedNotListed', base, model, listed) };
}
