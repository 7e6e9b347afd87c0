/**
 * The showcase map's sections (groups), from the article's own headings: every node is in one,
 * every top-level section is there, each section's nodes cite its paragraphs, and the committed
 * map is exactly what `npm run sections:article` writes (so re-running it changes nothing).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_SECTIONS,
  MAP_PATH,
  nodeParagraphs,
  withArticleSections,
  type Section,
} from '../../../src/cli/articleSections';
import { serializeMap } from '../../../src/io/mapFile';
import { groupMembers, groupPath } from '../../../src/model/groups';
import { validateMap } from '../../../src/model/validate';

const text = readFileSync(resolve(__dirname, '../../..', MAP_PATH), 'utf8');
const validated = validateMap(JSON.parse(text));
if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
const map = validated.map;
const groups = map.groups ?? [];
const sections = new Map<string, Section>();
const collect = (list: readonly Section[]) =>
  list.forEach((s) => {
    sections.set(s.id, s);
    collect(s.children ?? []);
  });
collect(ARTICLE_SECTIONS);

describe("the showcase map's sections", () => {
  it('is what the sections script writes, so running it again changes nothing', () => {
    expect(serializeMap(withArticleSections(map))).toBe(text);
  });

  it('has the five top-level sections, in the article’s order, with English titles', () => {
    expect(groups.filter((g) => !g.parent).map((g) => [g.title, g.translations?.en])).toEqual([
      ['摘要', 'Abstract'],
      ['引言', 'Introduction'],
      ['一、战后美日核关系的形成与发展', expect.stringMatching(/^I\. /)],
      ['二、近年来美日核关系中的重要变化', expect.stringMatching(/^II\. /)],
      ['三、与北约核共享的比较及应对策略', expect.stringMatching(/^III\. /)],
    ]);
    for (const g of groups) expect(g.translations?.en, g.id).toMatch(/\w/);
  });

  it('nests the comparison and the countermeasures (with their four parts) in part three', () => {
    const children = (id: string) => groups.filter((g) => g.parent === id).map((g) => g.id);
    expect(children('part3')).toEqual(['part3-nato', 'part3-countermeasures']);
    expect(children('part3-countermeasures')).toEqual([
      'part3-first',
      'part3-second',
      'part3-third',
      'part3-fourth',
    ]);
    expect(groupPath(map, map.nodes.find((n) => n.group === 'part3-second')!.id)).toEqual([
      'part3',
      'part3-countermeasures',
      'part3-second',
    ]);
  });

  it('puts every node in a section', () => {
    const ids = new Set(groups.map((g) => g.id));
    for (const node of map.nodes) expect(ids.has(node.group ?? ''), node.id).toBe(true);
  });

  it('gives each sub-section enough nodes (3; 2 for the four countermeasures)', () => {
    for (const g of groups.filter((g) => g.parent)) {
      const least = g.parent === 'part3-countermeasures' ? 2 : 3;
      expect(groupMembers(map, g.id, true).length, g.id).toBeGreaterThanOrEqual(least);
    }
  });

  it("has each section's nodes cite its paragraphs (and nodes without refs follow their edge)", () => {
    const paragraphs = nodeParagraphs(map);
    for (const g of groups) {
      const { from, to } = sections.get(g.id)!;
      for (const id of groupMembers(map, g.id, true)) {
        let at = id;
        while (!paragraphs.has(at)) at = map.edges.find((e) => e.from === at)!.to;
        const p = paragraphs.get(at)!;
        expect(p >= from && p <= to, `${id} (paragraph ${p}) in ${g.id} (${from}–${to})`).toBe(
          true,
        );
      }
    }
  });

  it('keeps the tagged parts of the argument in their sections', () => {
    const top = (id: string) => groupPath(map, id)[0];
    const byTag: Record<string, string> = {
      abstract: 'abstract',
      intro: 'intro',
      'section-1': 'part1',
      'section-2': 'part2',
      'section-3': 'part3',
    };
    for (const node of map.nodes.filter((n) => n.refs.length)) {
      const tag = node.tags?.find((t) => t in byTag);
      if (tag) expect(top(node.id), node.id).toBe(byTag[tag]);
      // A node of the abstract that also previews the countermeasures stays in the abstract.
      if (node.tags?.includes('countermeasures') && !node.tags.includes('abstract'))
        expect(groupPath(map, node.id)[1], node.id).toBe('part3-countermeasures');
    }
  });
});
