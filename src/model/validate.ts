/**
 * The runtime validator: the zod structure first, then every rule of the contract that spans
 * records (unique ids, references, offsets, quotes). It reports every problem it finds, each with
 * the JSON path of the offending value, in plain words.
 */
import type { core } from 'zod';
import { mapSchema, needsRef, type ArgMap } from './schema';
import { formatPath, type Problem } from './problem';

export type Validation = { ok: true; map: ArgMap } | { ok: false; problems: Problem[] };

export function validateMap(doc: unknown): Validation {
  const parsed = mapSchema.safeParse(doc);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map(issueToProblem) };
  }
  const problems = checkRules(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, map: parsed.data };
}

function issueToProblem(issue: core.$ZodIssue): Problem {
  const path = formatPath(issue.path);
  // zod does not keep the input on its issues; its message says when the value was absent.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return { path, message: `is missing (expected ${issue.expected})` };
  }
  if (issue.code === 'unrecognized_keys') {
    return { path, message: `has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
  }
  return { path, message: lowerFirst(issue.message) };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The rules of the contract that the structural schema cannot express. */
export function checkRules(map: ArgMap): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  checkUnique(map.sources, 'sources', 'source', add);
  checkUnique(map.nodes, 'nodes', 'node', add);
  checkUnique(map.edges, 'edges', 'edge', add);

  /** sentence id → its source's text and range, across all sources */
  const sentences = new Map<string, { text: string; start: number; end: number }>();
  map.sources.forEach((source, si) => {
    let previousEnd = 0;
    source.sentences.forEach((sentence, i) => {
      const at = `sources[${si}].sentences[${i}]`;
      if (sentences.has(sentence.id)) {
        add(`${at}.id`, `"${sentence.id}" is used by another sentence of this map`);
      }
      if (sentence.end > source.text.length) {
        add(`${at}.end`, `${sentence.end} is past the end of the text (${source.text.length})`);
      }
      if (sentence.start >= sentence.end) {
        add(at, `start ${sentence.start} must be before end ${sentence.end}`);
      } else if (sentence.start < previousEnd) {
        add(
          `${at}.start`,
          `${sentence.start} overlaps the sentence before it (which ends at ${previousEnd})`,
        );
      }
      previousEnd = Math.max(previousEnd, sentence.end);
      if (!sentences.has(sentence.id)) {
        sentences.set(sentence.id, { text: source.text, start: sentence.start, end: sentence.end });
      }
    });
  });

  const nodeIds = new Set(map.nodes.map((n) => n.id));
  map.nodes.forEach((node, ni) => {
    const at = `nodes[${ni}]`;
    if (node.refs.length === 0 && needsRef(node)) {
      add(
        `${at}.refs`,
        `a ${node.kind} node needs at least one ref (only inference junctions and implicit premises may have none)`,
      );
    }
    node.refs.forEach((ref, ri) => {
      const rat = `${at}.refs[${ri}]`;
      const sentence = sentences.get(ref.sentence);
      if (!sentence) {
        add(`${rat}.sentence`, `"${ref.sentence}" is not a sentence of this map`);
        return;
      }
      const hasStart = ref.start !== undefined;
      const hasEnd = ref.end !== undefined;
      if (hasStart !== hasEnd) {
        add(rat, 'a span needs both start and end');
        return;
      }
      if (ref.start === undefined || ref.end === undefined) {
        if (ref.quote !== undefined)
          add(`${rat}.quote`, 'a quote needs the start and end of its span');
        return;
      }
      if (ref.start >= ref.end) {
        add(rat, `start ${ref.start} must be before end ${ref.end}`);
      } else if (ref.start < sentence.start || ref.end > sentence.end) {
        add(
          rat,
          `span ${ref.start}–${ref.end} lies outside sentence "${ref.sentence}" (${sentence.start}–${sentence.end})`,
        );
      } else if (ref.quote !== undefined) {
        const actual = sentence.text.slice(ref.start, ref.end);
        if (actual !== ref.quote) {
          add(
            `${rat}.quote`,
            `"${clip(ref.quote)}" does not match the text at ${ref.start}–${ref.end} ("${clip(actual)}")`,
          );
        }
      }
    });
  });

  map.edges.forEach((edge, ei) => {
    const at = `edges[${ei}]`;
    if (!nodeIds.has(edge.from)) add(`${at}.from`, `"${edge.from}" is not a node of this map`);
    if (!nodeIds.has(edge.to)) add(`${at}.to`, `"${edge.to}" is not a node of this map`);
    if (edge.from === edge.to) add(at, `joins node "${edge.from}" to itself`);
  });

  map.tour?.forEach((nodeId, i) => {
    if (!nodeIds.has(nodeId)) add(`tour[${i}]`, `"${nodeId}" is not a node of this map`);
  });
  return problems;
}

function checkUnique(
  items: readonly { id: string }[],
  list: string,
  what: string,
  add: (path: string, message: string) => void,
) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) add(`${list}[${i}].id`, `"${item.id}" is used by another ${what}`);
    seen.add(item.id);
  });
}

function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
