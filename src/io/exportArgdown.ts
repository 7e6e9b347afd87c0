/**
 * The map as Argdown (https://argdown.org), readable by `@argdown/core`:
 *
 * - every statement node is a statement `[id]: text #kind #tag {data}` (its kind as a tag;
 *   `implicit`, `rating` and the ids it elaborates as data, since Argdown has no elaboration);
 * - an inference junction is an argument `<id>: #inference`; when it has statement premises and
 *   supports a statement, with a premise–conclusion structure `(1) [p1] (2) [p2] ---- (3) [c]`;
 *   otherwise (it attacks, or its premises are junctions) its premises and targets are written as
 *   relations of the argument;
 * - every other support/attack is a relation under its target: `+ [from]`, `- [from]`, and an
 *   attack on a junction is an undercut `<_ [from]`.
 *
 * - groups become headings (`#`, `##` for a group inside it, …), each followed by the statements
 *   and arguments of its nodes; nodes in no group come before the first heading.
 *
 * Titles are the node ids, made safe for Argdown's brackets.
 */
import type { ArgEdge, ArgMap, ArgNode, Group } from '../model/schema';
import { pushTo } from './pushTo';

/**
 * Backslash-escapes what Argdown would read as markup; whitespace runs become one space. An `=`
 * followed by another is escaped too, so no run of `===` is left to open front matter (after an
 * escaped character the lexer would read `=== b ===` as YAML).
 */
export function escapeArgdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\@#*_[\]<>{}/]|[.:](?=\S)|[-=](?=[-=])/g, '\\$&');
}

/** A tag as Argdown writes it: `#word`, or `#(several words)`. */
function tag(name: string): string {
  const clean = name.replace(/[()\s]+/g, ' ').trim();
  if (!clean) return '';
  return /^[a-zA-Z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+$/.test(clean)
    ? `#${clean}`
    : `#(${clean})`;
}

/** Unique bracket-safe titles for the nodes: the id where it is safe, else a cleaned copy. */
function titlesFor(nodes: readonly ArgNode[]): Map<string, string> {
  const titles = new Map<string, string>();
  const used = new Set<string>();
  for (const n of nodes) {
    let title = n.id.replace(/[^\p{L}\p{N}_.-]+/gu, '_') || 'node';
    for (let i = 2; used.has(title); i++) title = `${title}_${i}`;
    used.add(title);
    titles.set(n.id, title);
  }
  return titles;
}

export function exportArgdown(map: ArgMap): string {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const title = titlesFor(map.nodes);
  const isJunction = (id: string) => byId.get(id)?.kind === 'inference';
  const ref = (id: string) => (isJunction(id) ? `<${title.get(id)}>` : `[${title.get(id)}]`);
  const edges = map.edges.filter((e) => byId.has(e.from) && byId.has(e.to) && e.from !== e.to);
  const elaborates = new Map<string, string[]>();
  /** Supports into each junction, and its first support out, found once for all junctions. */
  const supportsInto = new Map<string, ArgEdge[]>();
  const supportOutOf = new Map<string, ArgEdge>();
  for (const e of edges) {
    if (e.relation === 'elaborates') pushTo(elaborates, e.from, e.to);
    if (e.relation !== 'supports') continue;
    pushTo(supportsInto, e.to, e);
    if (!supportOutOf.has(e.from)) supportOutOf.set(e.from, e);
  }
  const nodesOfGroup = new Map<string | undefined, ArgNode[]>();
  const data = (node: ArgNode) => {
    const fields: string[] = [];
    if (node.implicit) fields.push('implicit: true');
    if (node.rating !== undefined) fields.push(`rating: ${node.rating}`);
    const targets = elaborates.get(node.id);
    if (targets)
      fields.push(`elaborates: [${targets.map((t) => JSON.stringify(title.get(t))).join(', ')}]`);
    return fields.length ? ` {${fields.join(', ')}}` : '';
  };

  // JSON is YAML; '=' is escaped so a title cannot close the front matter.
  const yamlTitle = JSON.stringify(map.title).replace(/=/g, '\\u003d');
  const out: string[] = ['===', `title: ${yamlTitle}`, '===', ''];
  /** Edges written by a premise–conclusion structure, so not again as relations. */
  const done = new Set<ArgEdge>();
  /** Statements first, then junctions: the definitions of one group (or of no group). */
  const define = (nodes: readonly ArgNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'inference') continue;
      const tags = [n.kind, ...(n.tags ?? [])].map(tag).filter(Boolean).join(' ');
      out.push(`[${title.get(n.id)}]: ${escapeArgdown(n.text)} ${tags}${data(n)}`, '');
    }
    for (const j of nodes) {
      if (j.kind !== 'inference') continue;
      const tags = ['inference', ...(j.tags ?? [])].map(tag).filter(Boolean).join(' ');
      out.push(`<${title.get(j.id)}>: ${tags}${data(j)}`, '');
      const premises = supportsInto.get(j.id) ?? [];
      const conclusion = supportOutOf.get(j.id);
      const pcs =
        premises.length > 0 &&
        conclusion &&
        !isJunction(conclusion.to) &&
        premises.every((e) => !isJunction(e.from));
      if (!pcs || !conclusion) continue;
      premises.forEach((e, i) => out.push(`(${i + 1}) [${title.get(e.from)}]`));
      out.push('----', `(${premises.length + 1}) [${title.get(conclusion.to)}]`, '');
      for (const e of [...premises, conclusion]) done.add(e);
    }
  };
  // Nodes in no group come before the first heading; each group is a heading (one `#` more per
  // level of nesting) with its own nodes under it, then its inner groups.
  const groups = map.groups ?? [];
  const groupIds = new Set(groups.map((g) => g.id));
  for (const n of map.nodes)
    pushTo(nodesOfGroup, n.group !== undefined && groupIds.has(n.group) ? n.group : undefined, n);
  const childrenOf = new Map<string | undefined, Group[]>();
  for (const g of groups) pushTo(childrenOf, g.parent, g);
  define(nodesOfGroup.get(undefined) ?? []);
  const section = (parent: string | undefined, depth: number, seen: Set<string>) => {
    for (const g of childrenOf.get(parent) ?? []) {
      if (seen.has(g.id)) continue;
      seen.add(g.id);
      out.push(`${'#'.repeat(depth)} ${escapeArgdown(g.title) || escapeArgdown(g.id)}`, '');
      define(nodesOfGroup.get(g.id) ?? []);
      section(g.id, depth + 1, seen);
    }
  };
  section(undefined, 1, new Set());

  // Remaining supports and attacks, grouped under their target.
  const targets = new Map<string, ArgEdge[]>();
  for (const e of edges) {
    if (done.has(e) || e.relation === 'elaborates') continue;
    pushTo(targets, e.to, e);
  }
  for (const [to, list] of targets) {
    out.push(ref(to));
    for (const e of list) {
      const sign = e.relation === 'supports' ? '+' : isJunction(to) ? '<_' : '-';
      out.push(`  ${sign} ${ref(e.from)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
