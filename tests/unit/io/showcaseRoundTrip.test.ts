/**
 * The shipped showcase map (maps/*.argmap.json: 150 nodes in Chinese with English renderings)
 * through every exchange format and back: statements, kinds and relations survive.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMapText } from '../../../src/io/mapFile';
import { exportArgdown } from '../../../src/io/exportArgdown';
import { importArgdown } from '../../../src/io/importArgdown';
import { exportAif } from '../../../src/io/exportAif';
import { importAif } from '../../../src/io/importAif';
import { exportMarkdown, outlineOrder } from '../../../src/io/exportMarkdown';
import { repoRoot, signature } from './loadFixture';

const mapsDir = resolve(repoRoot, 'maps');
const files = existsSync(mapsDir)
  ? readdirSync(mapsDir).filter((f) => f.endsWith('.argmap.json'))
  : [];

describe.each(files)('%s', (file) => {
  const loaded = parseMapText(readFileSync(resolve(mapsDir, file), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} is invalid`);
  const map = loaded.map;

  it('→ Argdown → native keeps statements, kinds and relations', () => {
    const back = importArgdown(exportArgdown(map), { now: 'x' });
    if (!back.ok) throw new Error(JSON.stringify(back.problems.slice(0, 3)));
    expect(signature(back.map)).toEqual(signature(map));
  });

  it('→ AIF → native keeps statements, kinds, relations and positions', () => {
    const back = importAif(JSON.parse(JSON.stringify(exportAif(map))), { now: 'x' });
    if (!back.ok) throw new Error(JSON.stringify(back.problems.slice(0, 3)));
    expect(signature(back.map)).toEqual(signature(map));
    const placed = (m: typeof map) =>
      m.nodes.map((n) => n.position && `${n.position.x},${n.position.y}`);
    expect(placed(back.map)).toEqual(placed(map));
  });

  it('→ Markdown shows every statement once', () => {
    const md = exportMarkdown(map, { language: 'en' });
    const items = md
      .split('\n')
      .filter(
        (l) => /^\s*- \*\*/.test(l) && !l.includes('*(see above)*') && !l.endsWith(', jointly:**'),
      );
    expect(items).toHaveLength(map.nodes.filter((n) => n.kind !== 'inference').length);
  });

  it('has an outline order that visits every statement once', () => {
    const order = outlineOrder(map);
    expect(new Set(order).size).toBe(order.length);
    expect(order.sort()).toEqual(
      map.nodes
        .filter((n) => n.kind !== 'inference')
        .map((n) => n.id)
        .sort(),
    );
  });
});
