/**
 * Argument-shaped maps of any size for the benchmark: one conclusion; claims supporting it;
 * evidence, objections and sub-claims under the claims; rebuttals attacking objections; and a
 * cross-link every tenth node. Labels are Chinese sentences of realistic length with English
 * renderings; every node cites a sentence of one source, some by an exact span. Positions
 * come from a deterministic grid in breadth-first order, so opening a map measures rendering,
 * not layout. Deterministic: the same `n` gives the same map.
 */
import type {
  ArgEdge,
  ArgMap,
  ArgNode,
  Draft,
  NodeKind,
  Relation,
  Sentence,
} from '../../src/model/schema';

/** Horizontal and vertical spacing of the grid (a node is 240 px wide). */
export const GRID_X = 300;
export const GRID_Y = 220;

const SUBJECTS_ZH = [
  '日本政府',
  '美国的延伸威慑',
  '核共享的主张',
  '无核三原则',
  '东亚的安全环境',
  '自民党内的保守派',
  '广岛与长崎的记忆',
  '中国的军力扩张',
  '朝鲜的导弹试射',
  '日美同盟的可信度',
];
const PREDICATES_ZH = [
  '在二〇二二年之后明显改变了国内关于防卫政策的讨论方向',
  '并不足以说明日本会在短期内放弃长期坚持的非核政策',
  '使得公众对于引入美国核武器的态度出现了微妙而持续的变化',
  '被许多评论者视为冲击战后和平主义共识的一个重要信号',
  '与国际原子能机构的核查制度及不扩散条约的义务存在紧张关系',
  '在实际操作层面面临部署地点、指挥权限和国内法律的多重限制',
];
const SUBJECTS_EN = [
  'The Japanese government',
  'US extended deterrence',
  'The nuclear-sharing proposal',
  'The three non-nuclear principles',
  'The East Asian security environment',
  'Conservatives in the LDP',
  'The memory of Hiroshima and Nagasaki',
  "China's military build-up",
  "North Korea's missile tests",
  'The credibility of the alliance',
];
const PREDICATES_EN = [
  'clearly shifted the domestic debate on defence policy after 2022',
  'does not show that Japan will soon abandon its long-held non-nuclear policy',
  'has subtly but steadily changed public attitudes to hosting US nuclear weapons',
  'is seen by many commentators as a challenge to the post-war pacifist consensus',
  'sits uneasily with IAEA safeguards and the obligations of the NPT',
  'faces limits of basing, command authority and domestic law in practice',
];

/** A small seeded PRNG (mulberry32), so maps are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(list: readonly T[], r: () => number): T => list[Math.floor(r() * list.length)]!;

/** The kind of child `k` (0-based) under a parent of kind `parent`. */
function childKind(parent: NodeKind, k: number): NodeKind {
  if (parent === 'objection') return 'rebuttal';
  if (parent === 'conclusion') return k % 5 === 4 ? 'objection' : 'claim';
  if (parent === 'evidence' || parent === 'rebuttal') return k % 2 ? 'context' : 'evidence';
  return (['evidence', 'evidence', 'objection', 'claim'] as const)[k % 4]!;
}

function relationTo(kind: NodeKind): Relation {
  if (kind === 'objection' || kind === 'rebuttal') return 'attacks';
  if (kind === 'context') return 'elaborates';
  return 'supports';
}

/** The section of a benchmark map: a branch of a tenth of its nodes (500 of 5,000). */
export const BENCH_SECTION = 'section-1';

/** A map of exactly `n` nodes (n ≥ 1) that passes `validateMap`. */
export function generateMap(n: number, seed = 1): ArgMap {
  if (!Number.isInteger(n) || n < 1) throw new Error(`n must be a positive integer, not ${n}`);
  const r = random(seed + n);
  // The source: one sentence per two nodes, five sentences a paragraph.
  const sentenceCount = Math.max(1, Math.ceil(n / 2));
  const sentences: Sentence[] = [];
  const pieces: string[] = [];
  let length = 0;
  for (let i = 0; i < sentenceCount; i++) {
    const separator = i === 0 ? '' : i % 5 === 0 ? '\n\n' : '';
    const text = `${pick(SUBJECTS_ZH, r)}${pick(PREDICATES_ZH, r)}，这一点在第${i + 1}段的论述中尤为明显。`;
    pieces.push(separator, text);
    length += separator.length;
    sentences.push({ id: `s${i + 1}`, start: length, end: length + text.length });
    length += text.length;
  }
  const sourceText = pieces.join('');

  const nodes: ArgNode[] = [];
  const edges: ArgEdge[] = [];
  const parentOf: number[] = [-1];
  const childCount: number[] = [];
  const columns = Math.max(4, Math.ceil(Math.sqrt(n * 1.5)));
  for (let i = 0; i < n; i++) {
    // Breadth-first tree with branching four: node i hangs under node ⌊(i−1)/4⌋.
    const parent = i === 0 ? -1 : Math.floor((i - 1) / 4);
    parentOf[i] = parent;
    const k = parent < 0 ? 0 : (childCount[parent] = (childCount[parent] ?? 0) + 1) - 1;
    const kind: NodeKind = parent < 0 ? 'conclusion' : childKind(nodes[parent]!.kind, k);
    const subject = Math.floor(r() * SUBJECTS_ZH.length);
    const predicate = Math.floor(r() * PREDICATES_ZH.length);
    const sentence = sentences[Math.floor(i / 2) % sentenceCount]!;
    const node: Draft<ArgNode> = {
      id: `n${i}`,
      kind,
      text: `${SUBJECTS_ZH[subject]}${PREDICATES_ZH[predicate]}（${i}）`,
      translations: { en: `${SUBJECTS_EN[subject]} ${PREDICATES_EN[predicate]} (${i}).` },
      refs:
        i % 3 === 2
          ? [
              {
                sentence: sentence.id,
                start: sentence.start,
                end: sentence.start + 8,
                quote: sourceText.slice(sentence.start, sentence.start + 8),
              },
            ]
          : [{ sentence: sentence.id }],
      position: { x: (i % columns) * GRID_X, y: Math.floor(i / columns) * GRID_Y },
    };
    if (i % 7 === 3) node.rating = 1 + (i % 5);
    if (i % 11 === 5) node.note = `**Note** on node ${i}: see the paragraph it cites.`;
    if (i % 13 === 6) node.tags = ['policy'];
    nodes.push(node);
    if (parent >= 0) {
      edges.push({ id: `e${i}`, from: node.id, to: `n${parent}`, relation: relationTo(kind) });
    }
  }
  // Cross-links: every tenth node also bears on a nearby node of another branch (never the
  // conclusion, so the opening view, the conclusion and its direct premises, stays compact).
  for (let i = 10; i < n; i += 10) {
    const target = Math.max(1, i - 5 - Math.floor(r() * 40));
    if (target === parentOf[i]) continue;
    edges.push({
      id: `x${i}`,
      from: `n${i}`,
      to: `n${target}`,
      relation: i % 20 === 0 ? 'attacks' : 'supports',
    });
  }
  const section = new Set<number>([1]);
  for (let i = 2; i < n && section.size < n / 10; i++)
    if (section.has(parentOf[i]!)) section.add(i);
  return {
    format: 'argmap',
    version: 2,
    id: `bench-${n}`,
    title: `Benchmark map (${n.toLocaleString('en')} nodes)`,
    createdAt: '2026-01-01T00:00:00.000Z',
    sources: [
      {
        id: 'src1',
        title: '日本核共享辩论（基准测试）',
        language: 'zh-Hans',
        text: sourceText,
        sentences,
      },
    ],
    // One section, as a text's section would be: a branch, the first claim and (breadth first)
    // the first tenth of the map under it, for folding.
    ...(n >= 20
      ? {
          groups: [{ id: BENCH_SECTION, title: '第一部分' }],
          nodes: nodes.map((node, i) =>
            section.has(i) ? { ...node, group: BENCH_SECTION } : node,
          ),
        }
      : { nodes }),
    edges,
    tours: [],
  };
}
