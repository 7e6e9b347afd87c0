/**
 * A small deterministic layered layout for exports of maps without stored positions (the CLI
 * can pass ELK's positions instead). Conclusions sit on the top row; each node sits one row below
 * the lowest node it supports, attacks or elaborates; rows keep the map's node order.
 */
import type { ArgMap, Position } from '../model/schema';

export interface LayeredOptions {
  /** Width and height of each node, by id. */
  sizes: Readonly<Record<string, { width: number; height: number }>>;
  gapX?: number;
  gapY?: number;
}

/** Top-left positions for every node of `map`, rows top-down from the conclusions. */
export function layeredPositions(
  map: Pick<ArgMap, 'nodes' | 'edges'>,
  options: LayeredOptions,
): Record<string, Position> {
  const gapX = options.gapX ?? 40;
  const gapY = options.gapY ?? 70;
  const ids = new Set(map.nodes.map((n) => n.id));
  const targets = new Map<string, string[]>();
  for (const e of map.edges) {
    if (!ids.has(e.from) || !ids.has(e.to) || e.from === e.to) continue;
    targets.set(e.from, [...(targets.get(e.from) ?? []), e.to]);
  }
  // Row = longest path to a node with no outgoing edge; a cycle is cut where it is re-entered.
  const row = new Map<string, number>();
  const visiting = new Set<string>();
  const rowOf = (id: string): number => {
    const known = row.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    let r = 0;
    for (const t of targets.get(id) ?? []) r = Math.max(r, rowOf(t) + 1);
    visiting.delete(id);
    row.set(id, r);
    return r;
  };
  const rows: string[][] = [];
  for (const n of map.nodes) (rows[rowOf(n.id)] ??= []).push(n.id);

  const size = (id: string) => options.sizes[id] ?? { width: 240, height: 60 };
  const rowWidth = (r: string[]) =>
    r.reduce((sum, id) => sum + size(id).width, 0) + gapX * Math.max(0, r.length - 1);
  const widest = Math.max(0, ...rows.map((r) => (r ? rowWidth(r) : 0)));
  const positions: Record<string, Position> = {};
  let y = 0;
  for (const r of rows) {
    if (!r) continue;
    let x = Math.round((widest - rowWidth(r)) / 2);
    const height = Math.max(...r.map((id) => size(id).height));
    for (const id of r) {
      const s = size(id);
      positions[id] = { x, y: y + Math.round((height - s.height) / 2) };
      x += s.width + gapX;
    }
    y += height + gapY;
  }
  return positions;
}
