/**
 * `npm run sections:article [-- --check]`: gives the showcase map
 * (`maps/us-japan-nuclear-sharing.argmap.json`) the article's own sections as nested groups, and
 * brings the file to the current format version on the way (it goes through the load path).
 *
 * The sections are ranges of the source's paragraphs (the text split on "\n\n"). Each node joins
 * the innermost section of the paragraph its first ref's sentence lies in; a node without refs
 * (an inference junction, an implicit premise) joins the section of the node its first outgoing
 * edge points to. A sub-section is kept only when it gets enough nodes ({@link Section.min});
 * otherwise its nodes stay with its parent. Running it again gives the same map (idempotent);
 * node positions are never touched. With `--check` it writes nothing and exits 1 when the
 * committed map differs from what it would write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArgMap, ArgNode, Group } from '../model/schema';
import { loadMapDocument, serializeMap } from '../io/mapFile';
import { describeProblem } from '../model/problem';
import { validateMap } from '../model/validate';

export const MAP_PATH = 'maps/us-japan-nuclear-sharing.argmap.json';

/** A section of the article: its group, and the paragraphs it spans (inclusive). */
export interface Section {
  id: string;
  /** The article's own heading, or a short title in its words. */
  title: string;
  en: string;
  from: number;
  to: number;
  children?: Section[];
  /** Least number of nodes a sub-section needs (in it or its sub-sections) to be kept (default 3). */
  min?: number;
  /** Keep these children only if every one of them reaches its `min`. */
  allOrNone?: boolean;
}

/** The article's sections, outermost first, as ranges of paragraphs of `sources[0].text`. */
export const ARTICLE_SECTIONS: readonly Section[] = [
  { id: 'abstract', title: '摘要', en: 'Abstract', from: 0, to: 1 },
  { id: 'intro', title: '引言', en: 'Introduction', from: 2, to: 3 },
  {
    id: 'part1',
    title: '一、战后美日核关系的形成与发展',
    en: 'I. How postwar US–Japan nuclear relations formed and developed',
    from: 4,
    to: 15,
    children: [
      { id: 'part1-origins', title: '美日核关系缘起', en: 'Origins', from: 5, to: 6 },
      { id: 'part1-1945', title: '1945年—1955年', en: '1945–1955', from: 7, to: 8 },
      { id: 'part1-1956', title: '1956年至1976年', en: '1956–1976', from: 9, to: 12 },
      {
        id: 'part1-1970s',
        title: '20世纪70年代中期以后',
        en: 'From the mid-1970s',
        from: 13,
        to: 15,
      },
    ],
  },
  {
    id: 'part2',
    title: '二、近年来美日核关系中的重要变化',
    en: 'II. Important changes in US–Japan nuclear relations in recent years',
    from: 16,
    to: 24,
    children: [
      {
        id: 'part2-after-cold-war',
        title: '苏联解体、东欧剧变之后',
        en: 'After the Cold War',
        from: 17,
        to: 17,
      },
      {
        id: 'part2-first',
        title: '第一，美日开始延伸威慑对话',
        en: 'First: an extended-deterrence dialogue begins',
        from: 18,
        to: 19,
      },
      {
        id: 'part2-second',
        title: '第二，日本主体性意识和对美影响力明显增强',
        en: 'Second: Japan’s autonomy and its influence on the US grow markedly',
        from: 20,
        to: 22,
      },
      {
        id: 'part2-third',
        title: '第三，日本国内涉核法律出现军事解禁动向',
        en: 'Third: Japan’s nuclear-related laws move towards military use',
        from: 23,
        to: 24,
      },
    ],
  },
  {
    id: 'part3',
    title: '三、与北约核共享的比较及应对策略',
    en: 'III. Comparison with NATO nuclear sharing, and countermeasures',
    from: 25,
    to: 34,
    children: [
      {
        id: 'part3-nato',
        title: '与北约核共享的比较',
        en: 'Comparison with NATO nuclear sharing',
        from: 26,
        to: 27,
      },
      {
        id: 'part3-countermeasures',
        title: '应对策略',
        en: 'Countermeasures',
        from: 28,
        to: 34,
        allOrNone: true,
        children: [
          {
            id: 'part3-first',
            title: '第一，密切关注美日相关政策文件的最新动态',
            en: 'First: follow the latest US and Japanese policy documents closely',
            from: 29,
            to: 29,
            min: 2,
          },
          {
            id: 'part3-second',
            title: '第二，做好外交、军事的两手准备',
            en: 'Second: prepare both diplomatically and militarily',
            from: 30,
            to: 32,
            min: 2,
          },
          {
            id: 'part3-third',
            title:
              '第三，以总体国家安全观为指引，确立系统应对包括核威慑在内的美西方安全挑战的综合方略',
            en: 'Third: a comprehensive strategy against Western security challenges, nuclear deterrence included, guided by the holistic view of national security',
            from: 33,
            to: 33,
            min: 2,
          },
          {
            id: 'part3-fourth',
            title: '第四，以中国式现代化的创新实践，促进维护国家安全与推动国际公平正义的有机统一',
            en: 'Fourth: Chinese modernisation that unites national security with international fairness and justice',
            from: 34,
            to: 34,
            min: 2,
          },
        ],
      },
    ],
  },
];

/** The paragraph (index in `text.split("\n\n")`) each UTF-16 offset of `text` lies in. */
export function paragraphAt(text: string): (offset: number) => number {
  const starts: number[] = [];
  let at = 0;
  for (const paragraph of text.split('\n\n')) {
    starts.push(at);
    at += paragraph.length + 2;
  }
  return (offset) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
    return i;
  };
}

/** The paragraph of the source each node's first ref cites (undefined: the node has no ref). */
export function nodeParagraphs(map: ArgMap): Map<string, number> {
  const source = map.sources[0]!;
  const paragraph = paragraphAt(source.text);
  const starts = new Map(source.sentences.map((s) => [s.id, s.start]));
  const result = new Map<string, number>();
  for (const node of map.nodes) {
    const start = node.refs[0] && starts.get(node.refs[0].sentence);
    if (start !== undefined) result.set(node.id, paragraph(start));
  }
  return result;
}

/** The innermost section (of all, before pruning) holding `paragraph`, and its ancestors. */
function sectionPath(sections: readonly Section[], paragraph: number): Section[] {
  const found = sections.find((s) => s.from <= paragraph && paragraph <= s.to);
  return found ? [found, ...sectionPath(found.children ?? [], paragraph)] : [];
}

/** `map` with the article's sections as its groups and every node in one (positions untouched). */
export function withArticleSections(map: ArgMap): ArgMap {
  const paragraphs = nodeParagraphs(map);
  /** node id → its path of candidate sections, outermost first */
  const paths = new Map<string, Section[]>();
  for (const node of map.nodes) {
    const p = paragraphs.get(node.id);
    if (p === undefined) continue;
    const path = sectionPath(ARTICLE_SECTIONS, p);
    if (!path.length) throw new Error(`Node "${node.id}" cites paragraph ${p}, in no section.`);
    paths.set(node.id, path);
  }
  // Nodes without refs follow the node their first outgoing edge points to (junction chains too).
  const target = (node: ArgNode, seen = new Set<string>()): Section[] | undefined => {
    const own = paths.get(node.id);
    if (own || seen.has(node.id)) return own;
    seen.add(node.id);
    const edge = map.edges.find((e) => e.from === node.id);
    const next = edge && map.nodes.find((n) => n.id === edge.to);
    return next && target(next, seen);
  };
  for (const node of map.nodes) {
    const path = target(node);
    if (!path) throw new Error(`Node "${node.id}" has no ref and leads to no node that has one.`);
    paths.set(node.id, path);
  }

  // Prune sub-sections with too few nodes, innermost first, moving their nodes to the parent.
  const kept = new Set<Section>();
  const count = (section: Section) =>
    [...paths.values()].filter((path) => path.includes(section)).length;
  const prune = (section: Section, depth: number) => {
    const children = section.children ?? [];
    for (const child of children) prune(child, depth + 1);
    const fails = (s: Section) => count(s) < (s.min ?? 3);
    const drop = section.allOrNone && children.some(fails) ? children : children.filter(fails);
    for (const child of drop) {
      kept.delete(child);
      for (const path of paths.values()) if (path.includes(child)) path.splice(depth + 1);
    }
    kept.add(section);
  };
  for (const section of ARTICLE_SECTIONS) prune(section, 0);

  const groups: Group[] = [];
  const addGroups = (sections: readonly Section[], parent?: string) => {
    for (const s of sections) {
      if (!kept.has(s)) continue;
      groups.push({
        id: s.id,
        title: s.title,
        translations: { en: s.en },
        ...(parent ? { parent } : {}),
      });
      addGroups(s.children ?? [], s.id);
    }
  };
  addGroups(ARTICLE_SECTIONS);
  const grouped = validateMap({
    ...map,
    groups,
    nodes: map.nodes.map((node) => ({ ...node, group: paths.get(node.id)!.at(-1)!.id })),
  });
  // Validation also puts every field in the schema's order, so a second run writes the same text.
  if (!grouped.ok) throw new Error(grouped.problems.map(describeProblem).join('\n'));
  return grouped.map;
}

function main(args: string[]): number {
  const path = resolve(process.cwd(), MAP_PATH);
  const text = readFileSync(path, 'utf8');
  const loaded = loadMapDocument(JSON.parse(text));
  if (!loaded.ok) throw new Error(loaded.problems.map(describeProblem).join('\n'));
  const next = serializeMap(withArticleSections(loaded.map));
  if (next === text) {
    console.log(`${MAP_PATH}: sections already up to date`);
    return 0;
  }
  if (args.includes('--check')) {
    console.error(`${MAP_PATH}: sections differ; run npm run sections:article`);
    return 1;
  }
  writeFileSync(path, next);
  console.log(`${MAP_PATH}: sections written`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
