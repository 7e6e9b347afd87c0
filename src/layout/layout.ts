/**
 * Automatic layout of a map, compact enough to be seen whole.
 *
 * A layered layout alone (ELK, conclusions on top, premises below what they support) draws an
 * argument of 150 statements as a strip some 18,000 px wide: most statements sit in a few layers.
 * So the map is laid out in blocks, and blocks are packed in rows towards a screen's proportions:
 *
 * - each section (a group of the map, nested as the groups are) is a block, framed, in document
 *   order, its own statements above its sub-sections;
 * - a block whose layered layout would be too wide is cut below its heads (the statements that
 *   support nothing else in the block): the heads form a row, and each premise of a head starts a
 *   sub-block holding the branch under it, laid out the same way, packed in rows under the heads.
 *
 * So a parent sits just above its children, every block keeps the layered look, and the whole is
 * at most about as wide as it is high. Edges are then routed around the boxes (see route.ts).
 *
 * Pure: it takes an ELK instance, so the browser can hand it one that runs in a Web Worker and
 * Node one that runs in-process.
 */
import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import type { ArgEdge, ArgNode, Position } from '../model/schema';
import { NODE_WIDTH, nodeSize, type Size } from './nodeSize';
import { FRAME_PAD, FRAME_TITLE } from './frames';

export { NODE_WIDTH, type Size };

/** A node's size showing its own text (see nodeSize for other labels). */
export function estimateNodeSize(node: Pick<ArgNode, 'text' | 'kind'>): Size {
  return nodeSize(node, node.text);
}

/** Above this many nodes in one ELK run, layout speed wins over keeping the model's order. */
export const MODEL_ORDER_LIMIT = 300;
/** The proportions (width ÷ height) a laid-out map aims at: a screen, less the side panes. */
export const TARGET_ASPECT = 1.3;
/** A block laid out in layers is cut when it is wider than this many times its height. */
const MAX_BLOCK_ASPECT = 2.2;
/** Room between packed blocks (edges are routed through it) and below a block's heads. */
const GAP_X = 32;
const GAP_Y = 40;
const HEAD_GAP = 48;
/** How many band widths a packing tries at most. */
const MAX_BAND_TRIES = 24;
/** Spacing inside a layered block. */
const NODE_GAP = 24;
const LAYER_GAP = 48;

/** What the layout needs of a map: nodes (with their section), edges, and the sections. */
export interface LayoutInput {
  nodes: readonly (Pick<ArgNode, 'id' | 'kind' | 'text'> & { group?: string })[];
  edges: readonly Pick<ArgEdge, 'id' | 'from' | 'to'>[];
  groups?: readonly { id: string; parent?: string }[];
}

export interface LayoutOptions {
  /** Sizes by node id (those of the labels shown); estimated from the node's text where missing. */
  sizes?: Readonly<Record<string, Size>>;
}

/** A laid-out block: positions relative to its top-left corner, and its size. */
interface Placed {
  positions: Map<string, Position>;
  width: number;
  height: number;
}

interface Context {
  elk: ELK;
  size: (id: string) => Size;
  /** node → the nodes it points to (supports, attacks, elaborates) */
  out: Map<string, string[]>;
  /** node → the nodes pointing to it (its premises) */
  into: Map<string, string[]>;
  edges: readonly Pick<ArgEdge, 'id' | 'from' | 'to'>[];
}

/** Positions (top-left corners) for every node of the map. */
export async function layoutMap(
  elk: ELK,
  map: LayoutInput,
  options: LayoutOptions = {},
): Promise<Record<string, Position>> {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const edges = map.edges.filter((e) => byId.has(e.from) && byId.has(e.to) && e.from !== e.to);
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  for (const e of edges) {
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
  }
  const ctx: Context = {
    elk,
    size: (id) => options.sizes?.[id] ?? estimateNodeSize(byId.get(id)!),
    out,
    into,
    edges,
  };
  const placed = await layoutSection(ctx, sectionTree(map));
  const positions: Record<string, Position> = {};
  for (const n of map.nodes) {
    const p = placed.positions.get(n.id) ?? { x: 0, y: 0 };
    positions[n.id] = { x: Math.round(p.x), y: Math.round(p.y) };
  }
  return positions;
}

interface Section {
  nodes: string[];
  children: Section[];
}

/** The sections as a tree of blocks; nodes outside any section belong to the root. */
function sectionTree(map: LayoutInput): Section {
  const groups = map.groups ?? [];
  const sections = new Map<string, Section>(groups.map((g) => [g.id, { nodes: [], children: [] }]));
  const root: Section = { nodes: [], children: [] };
  // A parent that does not exist, or a cycle, puts the group at the top level.
  const reachesRoot = (id: string) => {
    const seen = new Set<string>();
    for (
      let g = groups.find((x) => x.id === id);
      g?.parent;
      g = groups.find((x) => x.id === g!.parent)
    ) {
      if (seen.has(g.id) || !sections.has(g.parent)) return false;
      seen.add(g.id);
    }
    return true;
  };
  for (const g of groups) {
    const parent = g.parent && reachesRoot(g.id) ? sections.get(g.parent) : undefined;
    (parent ?? root).children.push(sections.get(g.id)!);
  }
  for (const n of map.nodes) (sections.get(n.group ?? '') ?? root).nodes.push(n.id);
  return root;
}

/** A section: its own nodes on top, its sub-sections framed and packed in rows below. */
async function layoutSection(ctx: Context, section: Section): Promise<Placed> {
  const [head, ...children] = await Promise.all([
    section.nodes.length ? layoutBranch(ctx, section.nodes) : null,
    ...section.children.map((c) => layoutSection(ctx, c)),
  ]);
  const framed = children
    .filter((c): c is Placed => c !== null && c.positions.size > 0)
    .map((c) => ({
      ...c,
      width: c.width + 2 * FRAME_PAD,
      height: c.height + 2 * FRAME_PAD + FRAME_TITLE,
      inset: { x: FRAME_PAD, y: FRAME_PAD + FRAME_TITLE },
    }));
  return arrange(head ?? null, framed);
}

/**
 * Nodes laid out in layers, or — when that would be too wide — cut into a row of heads with the
 * branches under them packed below.
 */
async function layoutBranch(ctx: Context, ids: readonly string[]): Promise<Placed> {
  if (ids.length === 1) {
    const s = ctx.size(ids[0]!);
    return { positions: new Map([[ids[0]!, { x: 0, y: 0 }]]), ...s };
  }
  const inside = new Set(ids);
  const shape = layeredShape(ctx, ids, inside);
  if (shape <= MAX_BLOCK_ASPECT) {
    const whole = await layered(ctx, ids, inside);
    if (whole.width <= MAX_BLOCK_ASPECT * whole.height) return whole;
  }
  const units = cutBelowHeads(ctx, ids, inside);
  if (!units) return layered(ctx, ids, inside);
  const placed = await Promise.all(
    units.map(async ({ head, branches }) => {
      const below = await Promise.all(branches.map((b) => layoutBranch(ctx, b)));
      const top = head ? await layoutBranch(ctx, [head]) : null;
      return { ...arrange(top, below.map(unframed)), inset: { x: 0, y: 0 } };
    }),
  );
  return placed.length === 1 ? placed[0]! : arrange(null, placed);
}

const unframed = (p: Placed): Block => ({ ...p, inset: { x: 0, y: 0 } });

/**
 * Width ÷ height of a layered layout of `ids`, estimated from a longest-path layering, so a
 * block that is far too wide is cut without running ELK on it first.
 */
function layeredShape(ctx: Context, ids: readonly string[], inside: ReadonlySet<string>): number {
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const layerOf = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    let l = 0;
    for (const t of ctx.out.get(id) ?? []) if (inside.has(t)) l = Math.max(l, layerOf(t) + 1);
    visiting.delete(id);
    layer.set(id, l);
    return l;
  };
  const widths: number[] = [];
  const heights: number[] = [];
  for (const id of ids) {
    const l = layerOf(id);
    const s = ctx.size(id);
    widths[l] = (widths[l] ?? 0) + s.width + NODE_GAP;
    heights[l] = Math.max(heights[l] ?? 0, s.height);
  }
  const width = Math.max(...widths.map((w) => w ?? 0));
  const height = heights.reduce((sum, h) => sum + (h ?? 0) + LAYER_GAP, 0);
  return width / Math.max(1, height);
}

/**
 * `ids` cut below their heads (nodes pointing to nothing inside): each head with the branches
 * under it, where each direct premise of the head starts a branch that takes every premise below
 * it not taken yet (by this head or an earlier one). Null when there is nothing to cut.
 */
function cutBelowHeads(
  ctx: Context,
  ids: readonly string[],
  inside: ReadonlySet<string>,
): { head: string | null; branches: string[][] }[] | null {
  const isHead = (id: string) => !(ctx.out.get(id) ?? []).some((t) => inside.has(t));
  const premises = (id: string) => (ctx.into.get(id) ?? []).filter((p) => inside.has(p));
  const owner = new Map<string, string[]>();
  const units: { head: string | null; branches: string[][] }[] = [];
  for (const head of ids.filter(isHead)) {
    const branches: string[][] = [];
    const queue: string[] = [];
    for (const p of premises(head)) {
      if (owner.has(p) || isHead(p)) continue;
      const branch = [p];
      owner.set(p, branch);
      branches.push(branch);
      queue.push(p);
    }
    // Breadth first, so a premise shared by two branches goes to the nearer one.
    for (let i = 0; i < queue.length; i++) {
      const branch = owner.get(queue[i]!)!;
      for (const p of premises(queue[i]!)) {
        if (owner.has(p) || isHead(p)) continue;
        owner.set(p, branch);
        branch.push(p);
        queue.push(p);
      }
    }
    units.push({ head, branches });
  }
  // Nodes only on a cycle reach no head: they stay together as one more unit.
  const rest = ids.filter((id) => !owner.has(id) && !isHead(id));
  if (rest.length) units.push({ head: null, branches: [rest] });
  if (units.length === 1 && units[0]!.branches.length <= 1 && units[0]!.head === null) return null;
  // Keep each branch in the map's order.
  const order = new Map(ids.map((id, i) => [id, i]));
  for (const u of units)
    for (const b of u.branches) b.sort((x, y) => order.get(x)! - order.get(y)!);
  return units;
}

/** ELK's layered layout of `ids` and the edges among them, conclusions on top. */
async function layered(
  ctx: Context,
  ids: readonly string[],
  inside: ReadonlySet<string>,
): Promise<Placed> {
  // Following the map's node order keeps siblings where they were between runs, but makes ELK
  // several times slower on big graphs (measured: 19 s instead of ~6 s at 1,000 nodes).
  const modelOrder: Record<string, string> =
    ids.length <= MODEL_ORDER_LIMIT
      ? { 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES' }
      : { 'elk.layered.thoroughness': '3' };
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'UP',
      'elk.spacing.nodeNode': String(NODE_GAP),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
      // Room for a routed edge between a long edge's lane and the boxes beside it.
      'elk.spacing.edgeNode': '24',
      'elk.layered.spacing.edgeNodeBetweenLayers': '24',
      ...modelOrder,
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
      // The greedy switch pass after the layer sweep changed nothing on our maps (same layout)
      // but took ~40% of the crossing minimisation (measured at 1,000 nodes).
      'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.separateConnectedComponents': 'true',
      'elk.aspectRatio': String(TARGET_ASPECT),
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
      // Our boxes have fixed sizes and no labels or ports: ELK's per-node size and label pass
      // has nothing to do, yet cost ~0.7 s at 1,000 nodes.
      'elk.omitNodeMicroLayout': 'true',
    },
    children: ids.map((id) => ({ id, ...ctx.size(id) })),
    edges: ctx.edges
      .filter((e) => inside.has(e.from) && inside.has(e.to))
      .map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
  const result = await ctx.elk.layout(graph);
  const positions = new Map<string, Position>();
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const child of result.children ?? []) {
    const x = child.x ?? 0;
    const y = child.y ?? 0;
    const s = ctx.size(child.id);
    positions.set(child.id, { x, y });
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + s.width);
    maxY = Math.max(maxY, y + s.height);
  }
  for (const [id, p] of positions) positions.set(id, { x: p.x - minX, y: p.y - minY });
  return { positions, width: maxX - minX, height: maxY - minY };
}

interface Block extends Placed {
  /** Where the content sits inside the block (frames leave room for their title). */
  inset: Position;
}

/**
 * `head` on top, centred, and `blocks` packed below it in reading order, each at the lowest place
 * left free in a band of some width (a skyline, so short blocks fill in beside tall ones); of the
 * band widths tried, the one whose whole is smallest and closest to TARGET_ASPECT wins.
 */
function arrange(head: Placed | null, blocks: readonly Block[]): Placed {
  if (!blocks.length) return head ?? { positions: new Map(), width: 0, height: 0 };
  const headHeight = head ? head.height + HEAD_GAP : 0;
  const widest = Math.max(...blocks.map((b) => b.width));
  let best: { spots: Position[]; width: number; height: number; score: number } | null = null;
  // Band widths to try: where a row of the first k blocks ends. With many blocks (thousands of
  // loose branches), a few dozen of those, spread evenly, keep the packing near-linear.
  const ends: number[] = [];
  let limit = 0;
  for (let i = 0; i < blocks.length; i++) {
    limit += (i ? GAP_X : 0) + blocks[i]!.width;
    if (limit >= widest) ends.push(limit);
  }
  const stride = Math.max(1, Math.ceil(ends.length / MAX_BAND_TRIES));
  for (let i = 0; i < ends.length; i += stride) {
    const packed = skyline(blocks, Math.max(ends[i]!, head?.width ?? 0));
    const width = Math.max(head?.width ?? 0, packed.width);
    const height = headHeight + packed.height;
    const aspect = width / height;
    const score = width * height * Math.max(aspect / TARGET_ASPECT, TARGET_ASPECT / aspect) ** 2;
    if (!best || score < best.score) best = { ...packed, width, height, score };
  }
  const { spots, width, height } = best!;
  const positions = new Map<string, Position>();
  if (head) {
    const dx = (width - head.width) / 2;
    for (const [id, p] of head.positions) positions.set(id, { x: p.x + dx, y: p.y });
  }
  const packedWidth = Math.max(...blocks.map((b, i) => spots[i]!.x + b.width));
  const dx = (width - packedWidth) / 2;
  blocks.forEach((b, i) => {
    const at = spots[i]!;
    for (const [id, p] of b.positions)
      positions.set(id, { x: dx + at.x + b.inset.x + p.x, y: headHeight + at.y + b.inset.y + p.y });
  });
  return { positions, width, height };
}

/** Bottom-left packing of `blocks` in a band `limit` wide: each goes where its top is lowest. */
function skyline(
  blocks: readonly Block[],
  limit: number,
): { spots: Position[]; width: number; height: number } {
  // The skyline: runs of x with the lowest free y over them, left to right, covering the band.
  let runs = [{ x: 0, width: limit + GAP_X, y: 0 }];
  const spots: Position[] = [];
  let width = 0;
  let height = 0;
  for (const b of blocks) {
    const w = b.width + GAP_X;
    let spot: Position | null = null;
    for (let i = 0; i < runs.length; i++) {
      const x = runs[i]!.x;
      if (x + w > limit + GAP_X + 1e-6) break;
      let y = 0;
      for (let k = i; k < runs.length && runs[k]!.x < x + w - 1e-6; k++)
        y = Math.max(y, runs[k]!.y);
      if (!spot || y < spot.y) spot = { x, y };
    }
    spot ??= { x: 0, y: Math.max(...runs.map((r) => r.y)) };
    spots.push(spot);
    const top = spot.y + b.height + GAP_Y;
    const next: typeof runs = [];
    for (const r of runs) {
      const end = r.x + r.width;
      if (end <= spot.x || r.x >= spot.x + w) next.push(r);
      else {
        if (r.x < spot.x) next.push({ x: r.x, width: spot.x - r.x, y: r.y });
        if (end > spot.x + w) next.push({ x: spot.x + w, width: end - spot.x - w, y: r.y });
      }
    }
    next.push({ x: spot.x, width: w, y: top });
    runs = next.sort((a, c) => a.x - c.x);
    width = Math.max(width, spot.x + b.width);
    height = Math.max(height, spot.y + b.height);
  }
  return { spots, width, height };
}
