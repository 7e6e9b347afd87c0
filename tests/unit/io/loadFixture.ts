/** Shared helpers for the io tests: the small fixture map, and where the shared fixtures live. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseMapText } from '../../../src/io/mapFile';
import type { ArgMap } from '../../../src/model/schema';

/** Vitest runs from the repository root (where vitest.config.ts is). */
export const repoRoot = process.cwd();
export const ioFixtures = resolve(repoRoot, 'tests/fixtures/io');
/** Real files from other tools, read in place beside the checkout (never copied into the repo). */
export const sharedFixtures = resolve(repoRoot, '../shared/fixtures');
export const hasSharedFixtures = existsSync(sharedFixtures);

export function loadMap(name = 'small.argmap.json'): ArgMap {
  const result = parseMapText(readFileSync(resolve(ioFixtures, name), 'utf8'));
  if (!result.ok) throw new Error(`fixture ${name} is invalid: ${JSON.stringify(result.problems)}`);
  return result.map;
}

/**
 * A map reduced to what a round trip must keep: statement texts with their kinds, and relations
 * between statements (an inference junction written as the sorted texts of its premises).
 */
export function signature(map: ArgMap): { statements: string[]; relations: string[] } {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const name = (id: string): string => {
    const node = byId.get(id)!;
    if (node.kind !== 'inference') return node.text;
    const premises = map.edges
      .filter((e) => e.to === id && e.relation === 'supports')
      .map((e) => name(e.from));
    return `{${premises.sort().join(' & ')}}`;
  };
  return {
    statements: map.nodes
      .filter((n) => n.kind !== 'inference')
      .map((n) => `${n.kind}: ${n.text}`)
      .sort(),
    relations: map.edges
      .filter((e) => !(byId.get(e.to)?.kind === 'inference' && e.relation === 'supports'))
      .map((e) => `${name(e.from)} -${e.relation}-> ${name(e.to)}`)
      .sort(),
  };
}
