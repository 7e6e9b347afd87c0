/**
 * What an exchange format cannot hold of a map, so the exporter says so instead of dropping it
 * silently (the README's list of format limits is this list). Each line counts what is left out.
 */
import type { ArgMap } from '../model/schema';
import { aifUnheldSchemes } from './aifSchemes';

type Count = (map: ArgMap) => number;

const count =
  <T>(items: (map: ArgMap) => readonly T[], has: (item: T) => boolean): Count =>
  (map) =>
    items(map).filter(has).length;

const nodes = (map: ArgMap) => map.nodes;
const edges = (map: ArgMap) => map.edges;

/** Fields neither Argdown nor AIF holds, and how to count them. */
const SHARED: [string, Count][] = [
  [
    'translation(s) of node texts',
    count(nodes, (n) => Object.keys(n.translations ?? {}).length > 0),
  ],
  ['node label(s)', count(nodes, (n) => n.label !== undefined)],
  ['tour(s)', (map) => map.tours.length],
  ['comment(s)', (map) => map.comments?.length ?? 0],
  ['edge note(s)', count(edges, (e) => e.note !== undefined)],
  ['edge rating(s)', count(edges, (e) => e.rating !== undefined)],
];

const ARGDOWN: [string, Count][] = [
  ['edge scheme(s)', count(edges, (e) => e.scheme !== undefined)],
  ['node scheme(s)', count(nodes, (n) => n.scheme !== undefined)],
  ['note(s)', count(nodes, (n) => n.note !== undefined)],
  [
    'statement text(s) with line breaks or runs of spaces (written on one line)',
    count(nodes, (n) => n.kind !== 'inference' && /\s\s|[^\S ]|^\s|\s$/.test(n.text)),
  ],
  [
    'text(s) with the character U+0000 (not allowed in a text file)',
    count(nodes, (n) => n.text.includes('\u0000')),
  ],
  [
    'link(s) into the source (refs): the source is rebuilt from the statements',
    (map) => map.nodes.reduce((n, node) => n + node.refs.length, 0),
  ],
  ['node position(s)', count(nodes, (n) => n.position !== undefined)],
  ['folded group(s)', (map) => (map.groups ?? []).filter((g) => g.collapsed).length],
  ['group title translation(s)', (map) => (map.groups ?? []).filter((g) => g.translations).length],
];

const AIF: [string, Count][] = [
  ['scheme(s) on an edge or node that is no RA/CA/MA node', aifUnheldSchemes],
  ['note(s)', count(nodes, (n) => n.note !== undefined)],
  ['tag(s)', count(nodes, (n) => (n.tags?.length ?? 0) > 0)],
  ['node rating(s)', count(nodes, (n) => n.rating !== undefined)],
  ['group(s) (AIF has no sections)', (map) => map.groups?.length ?? 0],
  ['source(s) after the first (AIF holds one analysed text)', (map) => map.sources.length - 1],
];

function losses(map: ArgMap, format: string, table: [string, Count][]): string[] {
  const lines: string[] = [];
  for (const [what, counter] of [...SHARED, ...table]) {
    const n = counter(map);
    if (n > 0) lines.push(`${format} cannot hold ${n} ${what}; left out.`);
  }
  return lines;
}

/** What an Argdown export of `map` leaves out, one line each (empty when nothing). */
export function argdownLosses(map: ArgMap): string[] {
  return losses(map, 'Argdown', ARGDOWN);
}

/** What an AIF export of `map` leaves out, one line each (empty when nothing). */
export function aifLosses(map: ArgMap): string[] {
  return losses(map, 'AIF', AIF);
}
