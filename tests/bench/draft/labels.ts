/**
 * The four labels the field scores a structure by (Peldszus & Stede 2015; see the corpus README),
 * per ADU in text order, read alike from a gold graph and from a {@link MapDraft}:
 *
 * - **cc**: whether it is the central claim (the one unit without an outgoing relation);
 * - **ro**: proponent or opponent;
 * - **fu**: `cc`, `sup` (gold `sup`, `exa`), `att` (gold `reb`, `und`) or `link` (gold `add`, an
 *   extra premise of a linked group); scored with `link` counted as support (the README's three
 *   classes), and also apart (`fu4`);
 * - **at**: the index of the unit its relation points to (null for the central claim). An undercut
 *   attaches to the source of the edge it attacks; an extra linked premise to the first premise
 *   of its group (the source of the edge its `add` points to).
 *
 * In a draft, a link into an inference junction with `supports` makes a premise of it, one with
 * `attacks` an undercut (as src/model/compare.ts reads a map). The junction's premises are taken in
 * text order: the first bears the junction's outgoing relation on its target (fu `sup`/`att`, at
 * the target); every other is a `link` attached to the first; an undercut of the junction is an
 * `att` attached to its first premise. A draft's role is derived: the central claim is proponent,
 * and every unit has its target's role, flipped when its function is an attack (the gold graphs
 * carry their role as `type="pro|opp"`; the same derivation agrees with it, see `deriveRoles`).
 */
import type { MapDraft } from '../../../src/draft/types';
import type { GoldText } from './corpus';

export type Role = 'pro' | 'opp';
export type Fu = 'cc' | 'sup' | 'att' | 'link';

/** Labels of the units of one text, index i = the i-th unit in text order. */
export interface Labels {
  readonly cc: readonly boolean[];
  readonly ro: readonly Role[];
  readonly fu: readonly Fu[];
  /** Index of the unit it attaches to; null for the central claim. */
  readonly at: readonly (number | null)[];
}

/** Roles from attachment and function: the root is proponent, every attack flips. */
export function deriveRoles(
  fu: readonly Fu[],
  at: readonly (number | null)[],
  where: string,
): Role[] {
  const roles: (Role | undefined)[] = new Array(fu.length).fill(undefined);
  const visiting = new Set<number>();
  const role = (i: number): Role => {
    const known = roles[i];
    if (known) return known;
    if (visiting.has(i))
      throw new Error(`${where}: the relations form a cycle through unit ${i + 1}`);
    visiting.add(i);
    const t = at[i];
    let r: Role;
    if (t === null || t === undefined) r = 'pro';
    else {
      const up = role(t);
      r = fu[i] === 'att' ? (up === 'pro' ? 'opp' : 'pro') : up;
    }
    visiting.delete(i);
    roles[i] = r;
    return r;
  };
  return fu.map((_, i) => role(i));
}

/** The gold labels of a text's ADUs (roles as annotated). */
export function goldLabels(gold: GoldText): Labels {
  const index = new Map(gold.adus.map((a, i) => [a.id, i]));
  const edges = new Map(gold.relations.map((r) => [r.id, r]));
  const out = new Map(gold.relations.map((r) => [r.src, r]));
  const fu: Fu[] = [];
  const at: (number | null)[] = [];
  for (const a of gold.adus) {
    const r = out.get(a.id);
    if (!r) {
      fu.push('cc');
      at.push(null);
      continue;
    }
    fu.push(r.type === 'sup' || r.type === 'exa' ? 'sup' : r.type === 'add' ? 'link' : 'att');
    const target = r.type === 'und' || r.type === 'add' ? edges.get(r.trg)!.src : r.trg;
    at.push(index.get(target)!);
  }
  return { cc: fu.map((f) => f === 'cc'), ro: gold.adus.map((a) => a.type), fu, at };
}

/**
 * The labels of a draft's units, in the draft's order (text order). Throws, naming `where`, if
 * the draft is not one tree as src/draft/types.ts requires.
 */
export function draftLabels(draft: MapDraft, where: string): Labels {
  const fail = (m: string): never => {
    throw new Error(`${where}: ${m}`);
  };
  const index = new Map(draft.units.map((u, i) => [u.id, i]));
  if (index.size !== draft.units.length) fail('two units share an id');
  const junctions = new Set(draft.junctions.map((j) => j.id));
  for (const j of junctions) if (index.has(j)) fail(`id ${j} is both a unit and a junction`);
  if (!index.has(draft.central)) fail(`the central "${draft.central}" is not a unit`);
  const out = new Map<string, (typeof draft.links)[number]>();
  const into = new Map<string, (typeof draft.links)[number][]>();
  for (const l of draft.links) {
    if (!index.has(l.from) && !junctions.has(l.from)) fail(`link ${l.id} from unknown "${l.from}"`);
    if (!index.has(l.to) && !junctions.has(l.to)) fail(`link ${l.id} to unknown "${l.to}"`);
    if (junctions.has(l.from) && !index.has(l.to))
      fail(`link ${l.id} from a junction to a junction`);
    if (out.has(l.from)) fail(`"${l.from}" has two outgoing links`);
    out.set(l.from, l);
    into.set(l.to, [...(into.get(l.to) ?? []), l]);
  }
  const premisesOf = (j: string): number[] =>
    (into.get(j) ?? [])
      .filter((l) => l.relation === 'supports')
      .map((l) => index.get(l.from)!)
      .sort((a, b) => a - b);

  const fu: Fu[] = [];
  const at: (number | null)[] = [];
  draft.units.forEach((u, i) => {
    const l = out.get(u.id);
    if (u.id === draft.central) {
      if (l) fail(`the central unit ${u.id} has an outgoing link`);
      fu.push('cc');
      at.push(null);
      return;
    }
    if (!l) return fail(`unit ${u.id} is not the central one and has no outgoing link`);
    if (index.has(l.to)) {
      fu.push(l.relation === 'supports' ? 'sup' : 'att');
      at.push(index.get(l.to)!);
      return;
    }
    const premises = premisesOf(l.to);
    const first =
      premises[0] ?? fail(`junction ${l.to} has no premise (no supporting link into it)`);
    if (l.relation === 'attacks') {
      fu.push('att'); // an undercut
      at.push(first);
    } else if (first === i) {
      const o = out.get(l.to) ?? fail(`junction ${l.to} has no outgoing link`);
      fu.push(o.relation === 'supports' ? 'sup' : 'att');
      at.push(index.get(o.to)!);
    } else {
      fu.push('link');
      at.push(first);
    }
  });
  const ro = deriveRoles(fu, at, where);
  return { cc: fu.map((f) => f === 'cc'), ro, fu, at };
}
