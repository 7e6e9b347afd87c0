/**
 * The runtime validator: the zod structure first, then every rule of the contract that spans
 * records (unique ids, references, offsets, quotes). It reports every problem it finds, each with
 * the JSON path of the offending value, in plain words.
 */
import type { core } from 'zod';
import {
  edgeSchema,
  mapSchema,
  needsRef,
  nodeSchema,
  type ArgEdge,
  type ArgMap,
  type ArgNode,
} from './schema';
import { splitsPair } from './vocabulary';
import { formatPath, problem, type Problem } from './problem';
import { say, type Message, type MessageArg, type MessageKey } from './messages';

export type Validation = { ok: true; map: ArgMap } | { ok: false; problems: Problem[] };

export function validateMap(doc: unknown): Validation {
  const parsed = mapSchema.safeParse(doc);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.flatMap(issueToProblems) };
  }
  const problems = checkRules(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, map: parsed.data };
}

function issueToProblems(issue: core.$ZodIssue): Problem[] {
  // An unknown field is named at its own path, one problem each.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => problem(formatPath([...issue.path, key]), 'valUnknownField'));
  }
  return [issueToProblem(issue)];
}

function issueToProblem(issue: core.$ZodIssue): Problem {
  const path = formatPath(issue.path);
  // zod does not keep the input on its issues; its message says when the value was absent.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return problem(path, 'valMissing', issue.expected);
  }
  if (issue.code === 'invalid_type') {
    const received = /^Invalid input: expected \w+, received (\w+)$/.exec(issue.message)?.[1];
    if (received) return problem(path, 'valWrongType', issue.expected, received);
  }
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((v) => JSON.stringify(v)).join('|');
    if (lowerFirst(issue.message) === `invalid option: expected one of ${values}`)
      return problem(path, 'valOneOf', values);
    if (lowerFirst(issue.message) === `invalid input: expected ${values}`)
      return problem(path, 'valExpected', values);
  }
  // The schema's own words (`model/schema.ts`), by key.
  const own = SCHEMA_MESSAGES[issue.message];
  if (own) return problem(path, own);
  return { path, message: lowerFirst(issue.message) };
}

/** The messages the schema gives its checks (`model/schema.ts`), and their keys. */
const SCHEMA_MESSAGES: Record<string, MessageKey> = {
  'must not be empty': 'valNotEmpty',
  'is longer than 200 characters': 'valIdTooLong',
  'must be a whole number': 'valWhole',
  'must not be negative': 'valNotNegative',
  'must be within ±10,000,000': 'valCoordinate',
  'must be 1 to 5': 'valRating',
  'must hold at least one source': 'valOneSource',
};

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The rules of the contract that the structural schema cannot express. */
export function checkRules(map: ArgMap): Problem[] {
  const problems: Problem[] = [];
  const add: Add = (path, key, ...args) => problems.push(problem(path, key, ...args));

  checkUnique(map.sources, 'sources', say('wSource'), add);
  checkUnique(map.nodes, 'nodes', say('wNode'), add);
  checkUnique(map.edges, 'edges', say('wEdge'), add);
  checkUnique(map.groups ?? [], 'groups', say('wGroup'), add);
  checkUnique(map.tours, 'tours', say('wTour'), add);
  checkUnique(map.comments ?? [], 'comments', say('wComment'), add);

  /** sentence id → its source's text and range, across all sources */
  const sentences: SentenceTable = new Map();
  map.sources.forEach((source, si) => {
    let previousEnd = 0;
    source.sentences.forEach((sentence, i) => {
      const at = `sources[${si}].sentences[${i}]`;
      if (sentences.has(sentence.id)) {
        add(`${at}.id`, 'valSentenceIdUsed', sentence.id);
      }
      if (sentence.end > source.text.length) {
        add(`${at}.end`, 'valPastEnd', sentence.end, source.text.length);
      }
      for (const key of ['start', 'end'] as const) {
        if (splitsPair(source.text, sentence[key])) add(`${at}.${key}`, SPLITS_PAIR);
      }
      if (sentence.start >= sentence.end) {
        add(at, 'valStartBeforeEnd', sentence.start, sentence.end);
      } else if (sentence.start < previousEnd) {
        add(`${at}.start`, 'valOverlaps', sentence.start, previousEnd);
      }
      previousEnd = Math.max(previousEnd, sentence.end);
      if (!sentences.has(sentence.id)) {
        sentences.set(sentence.id, { text: source.text, start: sentence.start, end: sentence.end });
      }
    });
    let previousPage = 0;
    source.pages?.forEach((page, i) => {
      const at = `sources[${si}].pages[${i}].start`;
      if (page.start > source.text.length) {
        add(at, 'valPastEnd', page.start, source.text.length);
      } else if (page.start < previousPage) {
        add(at, 'valPageBefore', page.start, previousPage);
      } else if (splitsPair(source.text, page.start)) {
        add(at, SPLITS_PAIR);
      }
      previousPage = Math.max(previousPage, page.start);
    });
  });

  const nodeIds = new Set(map.nodes.map((n) => n.id));
  map.nodes.forEach((node, ni) => checkNode(node, `nodes[${ni}]`, sentences, add));
  map.edges.forEach((edge, ei) => checkEdge(edge, `edges[${ei}]`, nodeIds, add));

  checkGroups(map, add);
  map.tours.forEach((tour, ti) => {
    tour.steps.forEach((nodeId, i) => {
      if (!nodeIds.has(nodeId)) add(`tours[${ti}].steps[${i}]`, 'valNotNode', nodeId);
    });
  });
  checkComments(map, nodeIds, add);
  return problems;
}

type Add = (path: string, key: MessageKey, ...args: (MessageArg | number)[]) => void;

type SentenceTable = Map<string, { text: string; start: number; end: number }>;

/** A node's own rules: it has a ref unless exempt, and each ref resolves, in range, quote matching. */
function checkNode(node: ArgNode, at: string, sentences: SentenceTable, add: Add) {
  if (node.refs.length === 0 && needsRef(node)) {
    add(`${at}.refs`, 'valNeedsRef', node.kind);
  }
  node.refs.forEach((ref, ri) => {
    const rat = `${at}.refs[${ri}]`;
    const sentence = sentences.get(ref.sentence);
    if (!sentence) {
      add(`${rat}.sentence`, 'valNotSentence', ref.sentence);
      return;
    }
    const hasStart = ref.start !== undefined;
    const hasEnd = ref.end !== undefined;
    if (hasStart !== hasEnd) {
      add(rat, 'valSpanEnds');
      return;
    }
    if (ref.start === undefined || ref.end === undefined) {
      if (ref.quote !== undefined) add(`${rat}.quote`, 'valQuoteSpan');
      return;
    }
    for (const key of ['start', 'end'] as const) {
      if (splitsPair(sentence.text, ref[key]!)) add(`${rat}.${key}`, SPLITS_PAIR);
    }
    if (ref.start >= ref.end) {
      add(rat, 'valStartBeforeEnd', ref.start, ref.end);
    } else if (ref.start < sentence.start || ref.end > sentence.end) {
      add(rat, 'valSpanOutside', ref.start, ref.end, ref.sentence, sentence.start, sentence.end);
    } else if (ref.quote !== undefined) {
      const actual = sentence.text.slice(ref.start, ref.end);
      if (actual !== ref.quote) {
        add(`${rat}.quote`, 'valQuoteMismatch', clip(ref.quote), ref.start, ref.end, clip(actual));
      }
    }
  });
}

/** An edge's own rules: both ends are nodes of the map, and differ. */
function checkEdge(edge: ArgEdge, at: string, nodeIds: ReadonlySet<string>, add: Add) {
  if (!nodeIds.has(edge.from)) add(`${at}.from`, 'valNotNode', edge.from);
  if (!nodeIds.has(edge.to)) add(`${at}.to`, 'valNotNode', edge.to);
  if (edge.from === edge.to) add(at, 'valSelfEdge', edge.from);
}

export type RecordCheck<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * Validates single node and edge records against a valid map's frame (its sources and groups),
 * each on its own: for reading stored records back one by one, so a damaged record is left out by
 * its own validation, never found by reading another's error paths. Paths are relative to the
 * record (`refs[0].sentence`).
 */
export function recordValidator(frame: ArgMap) {
  const sentences: SentenceTable = new Map();
  for (const source of frame.sources)
    for (const s of source.sentences)
      if (!sentences.has(s.id))
        sentences.set(s.id, { text: source.text, start: s.start, end: s.end });
  const groupIds = new Set((frame.groups ?? []).map((g) => g.id));
  const collect = () => {
    const problems: Problem[] = [];
    const add: Add = (path, key, ...args) =>
      problems.push(problem(path.replace(/^record\.?/, ''), key, ...args));
    return { problems, add };
  };
  return {
    node(raw: unknown): RecordCheck<ArgNode> {
      const parsed = nodeSchema.safeParse(raw);
      if (!parsed.success)
        return { ok: false, problems: parsed.error.issues.flatMap(issueToProblems) };
      const { problems, add } = collect();
      checkNode(parsed.data, 'record', sentences, add);
      const { group } = parsed.data;
      if (group !== undefined && !groupIds.has(group)) add('record.group', 'valNotGroup', group);
      return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
    },
    edge(raw: unknown, nodeIds: ReadonlySet<string>): RecordCheck<ArgEdge> {
      const parsed = edgeSchema.safeParse(raw);
      if (!parsed.success)
        return { ok: false, problems: parsed.error.issues.flatMap(issueToProblems) };
      const { problems, add } = collect();
      checkEdge(parsed.data, 'record', nodeIds, add);
      return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
    },
  };
}

const SPLITS_PAIR = 'valSplitsPair' as const;

/** Nodes and groups name existing groups, and no group is inside itself. */
function checkGroups(map: ArgMap, add: Add) {
  const groups = map.groups ?? [];
  const parentOf = new Map(groups.map((g) => [g.id, g.parent]));
  map.nodes.forEach((node, ni) => {
    if (node.group !== undefined && !parentOf.has(node.group))
      add(`nodes[${ni}].group`, 'valNotGroup', node.group);
  });
  groups.forEach((group, gi) => {
    if (group.parent !== undefined && !parentOf.has(group.parent))
      add(`groups[${gi}].parent`, 'valNotGroup', group.parent);
  });
  // Each group's chain of parents is walked once (finished groups are not walked again), so
  // even a chain of thousands of nested groups is checked in linear time.
  const indexOf = new Map<string, number>();
  groups.forEach((g, i) => {
    if (!indexOf.has(g.id)) indexOf.set(g.id, i);
  });
  const state = new Map<string, 'walking' | 'done'>();
  const cycles: { at: number; chain: string[] }[] = [];
  for (const group of groups) {
    const walk: string[] = [];
    let at: string | undefined = group.id;
    while (at !== undefined && parentOf.has(at) && !state.has(at)) {
      state.set(at, 'walking');
      walk.push(at);
      at = parentOf.get(at);
    }
    if (at !== undefined && state.get(at) === 'walking') {
      // A cycle: reported once, at its first group in list order, followed round to itself.
      const cycle = walk.slice(walk.indexOf(at));
      let first = 0;
      cycle.forEach((id, i) => {
        if (indexOf.get(id)! < indexOf.get(cycle[first]!)!) first = i;
      });
      const chain = [...cycle.slice(first), ...cycle.slice(0, first)];
      cycles.push({ at: indexOf.get(chain[0]!)!, chain: [...chain, chain[0]!] });
    }
    for (const id of walk) state.set(id, 'done');
  }
  cycles.sort((a, b) => a.at - b.at);
  for (const { at, chain } of cycles)
    add(`groups[${at}].parent`, 'valGroupCycle', chain.join(' → '));
}

/** Comments are on existing nodes or edges and answer existing comments. */
function checkComments(map: ArgMap, nodeIds: Set<string>, add: Add) {
  const comments = map.comments ?? [];
  const edgeIds = new Set(map.edges.map((e) => e.id));
  const commentIds = new Set(comments.map((c) => c.id));
  comments.forEach((comment, ci) => {
    const at = `comments[${ci}]`;
    if (!nodeIds.has(comment.target) && !edgeIds.has(comment.target))
      add(`${at}.target`, 'valNotTarget', comment.target);
    if (comment.replyTo === undefined) return;
    if (comment.replyTo === comment.id) add(`${at}.replyTo`, 'valSelfReply');
    else if (!commentIds.has(comment.replyTo))
      add(`${at}.replyTo`, 'valNotComment', comment.replyTo);
  });
}

function checkUnique(items: readonly { id: string }[], list: string, what: Message, add: Add) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) add(`${list}[${i}].id`, 'valIdUsed', item.id, what);
    seen.add(item.id);
  });
}

function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
