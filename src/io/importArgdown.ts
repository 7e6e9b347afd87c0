/**
 * Argdown → a new map, parsed by the real Argdown parser (`@argdown/core`):
 *
 * - each statement (equivalence class) becomes a node; a tag naming a kind sets its kind, other
 *   tags stay tags; data `{implicit, rating, elaborates}` (as our export writes it) is honoured;
 *   untagged statements get a kind from the structure (no outgoing relation: conclusion;
 *   no relation at all: context; else claim);
 * - each argument with a premise–conclusion structure becomes one inference junction per
 *   inference step (premises → junction → conclusion; an intermediate conclusion is a premise of
 *   the next step); its title and description go into the junction's note; an argument without
 *   one becomes a node of its own (an inference junction when tagged `#inference`);
 * - support/entails → supports; attack/undercut → attacks (an undercut attacks the junction);
 *   contrary/contradictory → attacks both ways.
 *
 * - headings (`#`, `##`, …) become nested groups; a statement or argument joins the group of the
 *   heading under which it is first defined (a file without headings gets no groups).
 *
 * The source is built from the statements' texts, one paragraph each, so every stated node cites
 * its sentence(s). Syntax errors are problems with line numbers.
 */
import { ArgdownApplication, ModelPlugin, ParserPlugin } from '@argdown/core';
import type {
  HasSection,
  IArgdownResponse,
  IArgument,
  IEquivalenceClass,
  IRelation,
  ISection,
  RelationMember,
} from '@argdown/core';
import {
  NODE_KINDS,
  type ArgEdge,
  type Group,
  type ArgNode,
  type Draft,
  type NodeKind,
  type Relation,
} from '../model/schema';
import { problem, type Problem } from '../model/problem';
import { say, type Message } from '../model/messages';
import {
  finishImport,
  guessLanguage,
  hashId,
  newMap,
  sourceFromText,
  type ImportOptions,
  type ImportResult,
} from './importText';
import { INPUT_LIMITS } from './inputLimits';
import { BoundedDataPlugin } from './argdownData';

/**
 * The real Argdown parser (`@argdown/core`), wired as the Argdown CLI wires it, except that YAML
 * is read by {@link BoundedDataPlugin}; `dataProblems` lists the YAML it refused.
 */
export function parseArgdown(input: string): IArgdownResponse & { dataProblems: Problem[] } {
  const app = new ArgdownApplication();
  const data = new BoundedDataPlugin();
  app.addPlugin(new ParserPlugin(), 'parse-input');
  app.addPlugin(data, 'build-model');
  app.addPlugin(new ModelPlugin(), 'build-model');
  const response = app.run({
    input,
    process: ['parse-input', 'build-model'],
    logLevel: 'none',
    model: { removeTagsFromText: true },
  });
  return Object.assign(response, { dataProblems: data.problems });
}

const isKind = (tag: string): tag is NodeKind => (NODE_KINDS as readonly string[]).includes(tag);
const clean = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The first non-empty text among a statement's or argument's members. */
function canonicalText(members: readonly { text?: string }[]): string {
  for (const m of members) if (clean(m.text)) return clean(m.text);
  return '';
}

function mergedData(members: readonly { data?: unknown }[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of members) if (m.data && typeof m.data === 'object') Object.assign(out, m.data);
  return out;
}

/** The line where relations first nest more than `max` levels deep (by indentation), if any. */
function tooDeepLine(input: string, max: number): number | undefined {
  const open: number[] = []; // indentation widths of the enclosing lines
  const lines = input.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    while (open.length && open[open.length - 1]! >= indent) open.pop();
    open.push(indent);
    if (open.length > max + 1) return i + 1; // the first line is a root, not a relation
  }
  return undefined;
}

/** The parser's wording without its token markers: `expected (Number) but found the end of the text`. */
function parserMessage(message: string): string {
  const plain = message
    .replace(/--> ?(.*?) ?<--/g, '$1')
    .replace(/but found ''$/, 'but found the end of the text')
    // @argdown/core loses its backslashes ("use _ (you can use  to escape …").
    .replace(/use (\S) \(you can use {2}to escape/, 'use \\$1 (you can use \\ to escape');
  return `${plain.charAt(0).toLowerCase()}${plain.slice(1)}`;
}

const place = (line: number | undefined, column: number | undefined) =>
  line === undefined || Number.isNaN(line)
    ? ''
    : column === undefined || Number.isNaN(column)
      ? `line ${line}`
      : `line ${line}, column ${column}`;

/**
 * Argdown's headings as nested groups (ids g1, g2, … in document order, titles from the
 * headings), and the group of a statement or argument: the section of its first definition (a
 * member that is not a mere reference), else the parser's section for it (for an argument, where
 * its premise–conclusion structure is), else that of its first mention.
 */
function groupsFromSections(sections: readonly ISection[]): {
  groups: Draft<Group>[];
  groupOf: (
    item: { members: readonly (HasSection & { isReference?: boolean })[] } & HasSection,
  ) => {
    group?: string;
  };
} {
  const groups: Draft<Group>[] = [];
  const idOf = new Map<string, string>();
  const visit = (section: ISection, parent?: string) => {
    const id = `g${groups.length + 1}`;
    idOf.set(section.id, id);
    groups.push({
      id,
      title: clean(section.title) || `Section ${groups.length + 1}`,
      ...(parent ? { parent } : {}),
    });
    for (const child of section.children ?? []) visit(child, id);
  };
  for (const section of sections) visit(section);
  return {
    groups,
    groupOf: (item) => {
      // An argument only mentioned, then reconstructed, has its section where its PCS is.
      const section =
        item.members.find((m) => !m.isReference)?.section ??
        item.section ??
        item.members[0]?.section;
      const group = section ? idOf.get(section.id) : undefined;
      return group ? { group } : {};
    },
  };
}

export function importArgdown(input: string, options: ImportOptions = {}): ImportResult {
  const deep = tooDeepLine(input, INPUT_LIMITS.argdownDepth);
  if (deep !== undefined) {
    return {
      ok: false,
      problems: [problem(`line ${deep}`, 'adTooDeep', INPUT_LIMITS.argdownDepth)],
    };
  }
  let response: ReturnType<typeof parseArgdown>;
  try {
    response = parseArgdown(input);
  } catch (error) {
    return {
      ok: false,
      problems: [problem('', 'adParserFailed', (error as Error).message)],
    };
  }
  const problems: Problem[] = [];
  for (const e of response.lexerErrors ?? []) {
    problems.push({ path: place(e.line, e.column), message: parserMessage(e.message) });
  }
  for (const e of response.parserErrors ?? []) {
    problems.push({
      path: place(e.token.startLine, e.token.startColumn),
      message: parserMessage(e.message),
    });
  }
  problems.push(...response.dataProblems);
  // Without syntax errors, an exception is the parser giving up (it names no line).
  if (!problems.length) {
    for (const e of response.exceptions ?? []) {
      problems.push(
        /no "ast"/i.test(e.message)
          ? problem('', 'adNoLine')
          : problem('', 'adCannotRead', e.message),
      );
    }
  }
  if (problems.length) return { ok: false, problems };

  const report: Message[] = [];
  const { groups, groupOf } = groupsFromSections(response.sections ?? []);
  const nodes: Draft<ArgNode>[] = [];
  const edges: Draft<ArgEdge>[] = [];
  const nodeOf = new Map<string, string>(); // 'S:title' / 'A:title' → node id
  const junctionOf = new Map<string, string>(); // 'argument#conclusionIndex' → junction id
  const mainJunction = new Map<string, string>();
  const mainConclusion = new Map<string, string>();
  const guessKind = new Set<string>();
  const elaborations: [string, unknown][] = [];
  let n = 0;
  const addNode = (fields: Omit<Draft<ArgNode>, 'id' | 'refs'>): Draft<ArgNode> => {
    const node: Draft<ArgNode> = { id: `n${++n}`, ...fields, refs: [] };
    nodes.push(node);
    return node;
  };
  const edgeKeys = new Set<string>();
  const addEdge = (from: string | undefined, to: string | undefined, relation: Relation) => {
    if (!from || !to || from === to) return;
    const key = JSON.stringify([from, to, relation]);
    if (edgeKeys.has(key)) return;
    edgeKeys.add(key);
    edges.push({ id: `e${edges.length + 1}`, from, to, relation });
  };
  const applyTagsAndData = (
    node: Draft<ArgNode>,
    tags: readonly string[],
    data: Record<string, unknown>,
  ) => {
    const kindTag = tags.find(isKind);
    const rest = tags.filter((t) => t !== kindTag);
    if (kindTag && node.kind !== 'inference') node.kind = kindTag;
    else if (node.kind !== 'inference') guessKind.add(node.id);
    if (rest.length) node.tags = rest;
    if (data.implicit === true) node.implicit = true;
    if (
      Number.isInteger(data.rating) &&
      (data.rating as number) >= 1 &&
      (data.rating as number) <= 5
    ) {
      node.rating = data.rating as number;
    }
    if (data.elaborates !== undefined) elaborations.push([node.id, data.elaborates]);
  };

  for (const [title, ec] of Object.entries<IEquivalenceClass>(response.statements ?? {})) {
    const node = addNode({
      kind: 'claim',
      text: canonicalText(ec.members) || title,
      ...groupOf(ec),
    });
    applyTagsAndData(node, ec.tags ?? [], mergedData(ec.members));
    nodeOf.set(`S:${title}`, node.id);
  }

  for (const [title, argument] of Object.entries<IArgument>(response.arguments ?? {})) {
    const description = canonicalText(argument.members);
    const tags = argument.tags ?? [];
    const data = mergedData(argument.members);
    if (!argument.pcs?.length) {
      const inference = tags.includes('inference');
      const node = addNode({
        kind: inference ? 'inference' : 'claim',
        text: inference ? description : description || title,
        note: title,
        ...groupOf(argument),
      });
      applyTagsAndData(
        node,
        tags.filter((t) => t !== 'inference'),
        data,
      );
      nodeOf.set(`A:${title}`, node.id);
      continue;
    }
    const note = description ? `${title}: ${description}` : title;
    let premises: string[] = [];
    argument.pcs.forEach((statement, index) => {
      const id = nodeOf.get(`S:${statement.title}`);
      if (!id) return;
      if (statement.role === 'premise') {
        premises.push(id);
        return;
      }
      const junction = addNode({ kind: 'inference', text: '', note, ...groupOf(argument) });
      applyTagsAndData(
        junction,
        tags.filter((t) => t !== 'inference'),
        data,
      );
      for (const p of premises) addEdge(p, junction.id, 'supports');
      addEdge(junction.id, id, 'supports');
      junctionOf.set(`${title}#${index}`, junction.id);
      mainJunction.set(title, junction.id);
      mainConclusion.set(title, id);
      premises = [id];
    });
  }

  const resolve = (member: RelationMember | undefined, as: 'from' | 'to'): string | undefined => {
    if (!member) return undefined;
    if (member.type === 'equivalence-class') return nodeOf.get(`S:${member.title}`);
    if (member.type === 'argument') {
      const own = nodeOf.get(`A:${member.title}`);
      if (own) return own;
      const title = member.title ?? '';
      return as === 'from' ? mainConclusion.get(title) : mainJunction.get(title);
    }
    const title = member.argumentTitle ?? '';
    return (
      junctionOf.get(`${title}#${member.conclusionIndex}`) ??
      mainJunction.get(title) ??
      nodeOf.get(`A:${title}`)
    );
  };
  let onArguments = 0;
  let converted = 0;
  for (const r of response.relations ?? ([] as IRelation[])) {
    const from = resolve(r.from, 'from');
    const to = resolve(r.to, 'to');
    if (!from || !to) {
      report.push(
        say('adSkippedRelation', String(r.relationType), r.from?.title ?? '?', r.to?.title ?? '?'),
      );
      continue;
    }
    if (r.to?.type === 'argument' && !nodeOf.has(`A:${r.to.title}`)) onArguments++;
    switch (r.relationType) {
      case 'support':
      case 'entails':
        if (r.relationType === 'entails') converted++;
        addEdge(from, to, 'supports');
        break;
      case 'attack':
      case 'undercut':
        addEdge(from, to, 'attacks');
        break;
      default:
        converted++;
        addEdge(from, to, 'attacks');
        addEdge(to, from, 'attacks');
    }
  }
  if (onArguments) {
    report.push(say('adOnArguments', onArguments));
  }
  if (converted) report.push(say('adConverted', converted));

  const byTitle = new Map<string, string>();
  for (const [key, id] of nodeOf) byTitle.set(key.slice(2), id);
  for (const [from, targets] of elaborations) {
    for (const t of Array.isArray(targets) ? targets : [targets]) {
      const to = byTitle.get(String(t));
      if (to) addEdge(from, to, 'elaborates');
      else report.push(say('adElaboratesNone', String(t)));
    }
  }

  // Kinds for statements without a kind tag, from their place in the structure.
  let guessed = 0;
  const hasOut = new Set(edges.filter((e) => e.relation !== 'elaborates').map((e) => e.from));
  const hasIn = new Set(edges.map((e) => e.to));
  for (const node of nodes) {
    if (!guessKind.has(node.id)) continue;
    guessed++;
    const out = hasOut.has(node.id);
    const any = out || hasIn.has(node.id);
    node.kind = !any ? 'context' : out ? 'claim' : 'conclusion';
  }
  if (guessed) report.push(say('adGuessed', guessed));

  // The source: one paragraph per stated node, so each cites its own sentence(s).
  const stated = nodes.filter((node) => node.kind !== 'inference' && !node.implicit && node.text);
  const paragraphs: { node: Draft<ArgNode>; start: number; end: number }[] = [];
  let text = '';
  for (const node of stated) {
    if (text) text += '\n\n';
    paragraphs.push({ node, start: text.length, end: text.length + node.text.length });
    text += node.text;
  }
  const front = (response.frontMatter ?? {}) as Record<string, unknown>;
  // The document's own title: its front matter's, else its first heading (`# …`).
  const heading = clean(response.sections?.[0]?.title).slice(0, 200);
  const title =
    options.title ??
    (typeof front.title === 'string' && front.title.trim()
      ? clean(front.title).slice(0, 200)
      : heading || 'Imported Argdown');
  const language = options.language ?? guessLanguage(text);
  const source = sourceFromText(text, language, {
    title,
    ...(typeof front.author === 'string' ? { author: front.author } : {}),
  });
  // Paragraphs and sentences are both in text order: one pass over the two.
  let next = 0;
  for (const p of paragraphs) {
    while (next < source.sentences.length && source.sentences[next]!.start < p.start) next++;
    const refs: { sentence: string }[] = [];
    for (; next < source.sentences.length && source.sentences[next]!.end <= p.end; next++)
      refs.push({ sentence: source.sentences[next]!.id });
    p.node.refs = refs;
  }
  for (const node of nodes) {
    if (node.kind !== 'inference' && node.refs.length === 0 && !node.implicit) {
      node.implicit = true;
      node.note ??= 'Imported from Argdown: the statement has no text to cite.';
      report.push(say('adNoCiteText', node.text.slice(0, 40)));
    }
  }
  if (!text) {
    return {
      ok: false,
      problems: [problem('', 'adNoStatements')],
    };
  }
  const map = {
    ...newMap(`argdown-${hashId(input)}`, title, source, options.now ?? new Date().toISOString()),
    nodes,
    edges,
    ...(groups.length ? { groups } : {}),
  };
  if (groups.length) report.push(say('adHeadings', groups.length));
  report.unshift(
    say(
      'adCounts',
      nodes.length,
      edges.length,
      Object.keys(response.statements ?? {}).length,
      Object.keys(response.arguments ?? {}).length,
    ),
  );
  return finishImport(map, report);
}
