/**
 * The map as a true vector SVG: nodes as rectangles coloured by kind (inference junctions as
 * small circles), wrapped text as `<text>`/`<tspan>`, edges as `<path>`s with arrowhead
 * `<marker>`s, a title and a legend. The file is self-contained — presentation attributes only,
 * no stylesheet, no external references, no `<foreignObject>`, no script — so it opens the same
 * in browsers, Inkscape and slide software. Every piece of text from the map is XML-escaped.
 */
import { NODE_KINDS, RELATIONS } from '../model/vocabulary';
import type { ArgMap, ArgNode, Position } from '../model/schema';
import { kindStyles, relationStyles } from './kindStyles';
import { layeredPositions } from './layeredPositions';
import { textWidthEm, wrapText } from './wrapText';
import { nodeSize } from '../layout/nodeSize';
import { routeEdges } from '../layout/route';
import { repack } from '../layout/repack';
import { FRAME_PAD, FRAME_TITLE, groupFrames } from '../layout/frames';
import { boundsOf } from '../layout/geometry';
import { translationIn } from '../model/translation';

/** What the export needs of a section: its frame's title. */
interface ExportGroup {
  id: string;
  title: string;
  translations?: Record<string, string>;
  parent?: string;
}

export interface Size {
  width: number;
  height: number;
}

export interface SvgExportOptions {
  /** Export only these nodes (and the edges between them); the whole map when absent. */
  nodeIds?: readonly string[];
  /** Label language: `translations[language]` where a node has one, else its own text. */
  language?: string;
  /** Node sizes measured by the browser; estimated from the text where missing. */
  sizes?: Readonly<Record<string, Size>>;
  /** Positions to use instead of the stored ones (e.g. from ELK); laid out where missing. */
  positions?: Readonly<Record<string, Position>>;
  /** Background fill; 'transparent' leaves it out. Default white. */
  background?: 'white' | 'transparent';
  /** Title shown above the map; the map's title when absent. */
  title?: string;
  /** A number printed before each node's kind ("3 · CLAIM"), matching a handout's list. */
  numbers?: ReadonlyMap<string, number>;
}

export const NODE_WIDTH = 240;
const FONT = 14;
const LINE = 20;
const PAD = 12;
const LABEL_FONT = 11;
const MARGIN = 24;
const TITLE_FONT = 20;
const GROUP_FONT = 16;
export const FONT_FAMILY =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/FFFF). */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML content and attribute values, dropping characters XML cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const num = (n: number) => String(Math.round(n * 10) / 10);

/** The text a node shows in `language` (its own text when it has no such translation). */
export function nodeLabel(node: ArgNode, language?: string): string {
  return translationIn(node.translations, language) || node.text;
}

/** Lines of a node's text wrapped to the inner width of a box `width` wide. */
function nodeLines(node: ArgNode, width: number, language?: string): string[] {
  return wrapText(nodeLabel(node, language), (width - 2 * PAD - 4) / FONT - 0.4);
}

/** The size of a node's box: the canvas's (see layout/nodeSize), so exports match the editor. */
export function estimateSvgNodeSize(node: ArgNode, language?: string): Size {
  return nodeSize(node, nodeLabel(node, language));
}

interface Box extends Size {
  x: number;
  y: number;
}

/** Groups ordered outermost first (a group after its parent). */
function byDepth(groups: readonly ExportGroup[]): ExportGroup[] {
  const parent = new Map(groups.map((g) => [g.id, g.parent]));
  const depth = (id: string) => {
    let d = 0;
    for (let p = parent.get(id); p && d < groups.length; p = parent.get(p)) d++;
    return d;
  };
  return [...groups].sort((a, b) => depth(a.id) - depth(b.id));
}

/** Renders the map (or the chosen nodes) as an SVG document. Pure and deterministic. */
export function exportSvg(map: ArgMap, options: SvgExportOptions = {}): string {
  const { language } = options;
  const chosen = options.nodeIds ? new Set(options.nodeIds) : undefined;
  const nodes = chosen ? map.nodes.filter((n) => chosen.has(n.id)) : map.nodes;
  const ids = new Set(nodes.map((n) => n.id));
  const edges = map.edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);

  const sizes: Record<string, Size> = {};
  for (const n of nodes) sizes[n.id] = options.sizes?.[n.id] ?? estimateSvgNodeSize(n, language);
  const boxes = placeBoxes(nodes, edges, sizes, options.positions);
  // Labels of another language may have grown boxes onto their neighbours: re-pack, as the canvas does.
  for (const [id, p] of Object.entries(repack(boxes))) Object.assign(boxes.get(id)!, p);
  const groups = (map as { groups?: readonly ExportGroup[] }).groups ?? [];
  const framesOf = () => groupFrames({ groups, nodes }, boxes);

  // Shift so the map (frames included) starts at the margin, below the title.
  const all = [...boxes.values()];
  const extent = boundsOf([...all, ...framesOf().values()]) ?? { x: 0, y: 0, width: 0, height: 0 };
  const { x: minX, y: minY, width: mapWidth, height: mapHeight } = extent;
  const width = Math.max(mapWidth + 2 * MARGIN, 480);
  const titleLines = wrapText(options.title ?? map.title, (width - 2 * MARGIN) / TITLE_FONT);
  const top = MARGIN + titleLines.length * (TITLE_FONT + 6) + 12;
  for (const b of all) {
    b.x += MARGIN - minX;
    b.y += top - minY;
  }
  const frames = framesOf();
  const routes = routeEdges(boxes, edges);
  const legend = renderLegend(nodes, edges, MARGIN, top + mapHeight + 32, width - 2 * MARGIN);
  const height = legend.bottom + MARGIN;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${FONT_FAMILY}" role="img">`,
  );
  out.push(`<title>${escapeXml(options.title ?? map.title)}</title>`);
  out.push('<defs>');
  for (const r of RELATIONS) {
    out.push(
      `<marker id="arrow-${r}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" markerUnits="strokeWidth" orient="auto"><path d="M0,0L10,5L0,10z" fill="${relationStyles[r].stroke}"/></marker>`,
    );
  }
  out.push('</defs>');
  if (options.background !== 'transparent') {
    out.push(`<rect width="${num(width)}" height="${num(height)}" fill="#FFFFFF"/>`);
  }
  out.push(`<text x="${MARGIN}" font-size="${TITLE_FONT}" font-weight="bold" fill="#1A1A1A">`);
  titleLines.forEach((line, i) => {
    out.push(
      `<tspan x="${MARGIN}" y="${num(MARGIN + TITLE_FONT + i * (TITLE_FONT + 6))}">${escapeXml(line)}</tspan>`,
    );
  });
  out.push('</text>');

  out.push('<g class="groups">');
  // Outer frames first, so a nested frame is drawn on top of its parent's.
  for (const g of byDepth(groups)) {
    const f = frames.get(g.id);
    if (!f) continue;
    const title = translationIn(g.translations, language) || g.title;
    out.push(
      `<g data-group="${escapeXml(g.id)}"><rect x="${num(f.x)}" y="${num(f.y)}" width="${num(f.width)}" height="${num(f.height)}" rx="10" fill="#F6F7F9" fill-opacity="0.6" stroke="#8A94A6" stroke-width="1.5"/>`,
      `<text x="${num(f.x + FRAME_PAD)}" y="${num(f.y + FRAME_TITLE - 10)}" font-size="${GROUP_FONT}" font-weight="bold" fill="#3B4556">${escapeXml(wrapText(title, (f.width - 2 * FRAME_PAD) / GROUP_FONT)[0] ?? '')}</text></g>`,
    );
  }
  out.push('</g>');

  out.push('<g class="edges" fill="none" stroke-width="1.5">');
  for (const e of edges) {
    const points = routes[e.id];
    if (!points) continue;
    const style = relationStyles[e.relation];
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${num(p.x)},${num(p.y)}`).join('');
    out.push(
      `<path data-edge="${escapeXml(e.id)}" data-relation="${e.relation}" d="${d}" stroke="${style.stroke}"${dash} marker-end="url(#arrow-${e.relation})"/>`,
    );
  }
  out.push('</g>');

  out.push('<g class="nodes">');
  for (const n of nodes)
    out.push(renderNode(n, boxes.get(n.id)!, language, options.numbers?.get(n.id)));
  out.push('</g>');
  out.push(legend.svg);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Boxes for the nodes: given positions, then stored ones; the rest laid out below them. */
function placeBoxes(
  nodes: readonly ArgNode[],
  edges: ArgMap['edges'],
  sizes: Record<string, Size>,
  given: Readonly<Record<string, Position>> | undefined,
): Map<string, Box> {
  const boxes = new Map<string, Box>();
  const missing: ArgNode[] = [];
  for (const n of nodes) {
    const p = given?.[n.id] ?? n.position;
    if (p) boxes.set(n.id, { x: p.x, y: p.y, ...sizes[n.id]! });
    else missing.push(n);
  }
  if (missing.length) {
    const placed = [...boxes.values()];
    const below = placed.length ? Math.max(...placed.map((b) => b.y + b.height)) + 70 : 0;
    const left = placed.length ? Math.min(...placed.map((b) => b.x)) : 0;
    const laid = layeredPositions({ nodes: missing, edges }, { sizes });
    for (const n of missing) {
      const p = laid[n.id]!;
      boxes.set(n.id, { x: left + p.x, y: below + p.y, ...sizes[n.id]! });
    }
  }
  return boxes;
}

function renderNode(node: ArgNode, box: Box, language?: string, number?: number): string {
  const style = kindStyles[node.kind];
  const data = `data-id="${escapeXml(node.id)}" data-kind="${node.kind}"`;
  if (node.kind === 'inference') {
    const r = Math.min(box.width, box.height) / 2;
    return `<g ${data}><circle cx="${num(box.x + box.width / 2)}" cy="${num(box.y + box.height / 2)}" r="${num(r)}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="1.5"/></g>`;
  }
  const dash = node.implicit ? ' stroke-dasharray="5 3"' : '';
  const parts = [
    `<g ${data}>`,
    `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="6" fill="${style.fill}" stroke="${style.stroke}" stroke-width="1.5"${dash}/>`,
    `<text x="${num(box.x + PAD)}" y="${num(box.y + PAD + LABEL_FONT - 1)}" font-size="${LABEL_FONT}" font-weight="bold" fill="${style.text}">${number !== undefined ? `${number} · ` : ''}${escapeXml(style.label.toUpperCase())}${node.implicit ? ' (IMPLICIT)' : ''}</text>`,
    `<text font-size="${FONT}" fill="${style.text}">`,
  ];
  nodeLines(node, box.width, language).forEach((line, i) => {
    const y = box.y + PAD + LABEL_FONT + 6 + FONT - 1 + i * LINE;
    parts.push(`<tspan x="${num(box.x + PAD)}" y="${num(y)}">${escapeXml(line)}</tspan>`);
  });
  parts.push('</text>', '</g>');
  return parts.join('\n');
}

/** The legend: a swatch per kind shown and a line per relation shown, flowed into rows. */
function renderLegend(
  nodes: readonly ArgNode[],
  edges: ArgMap['edges'],
  x0: number,
  y0: number,
  maxWidth: number,
): { svg: string; bottom: number } {
  const kinds = NODE_KINDS.filter((k) => nodes.some((n) => n.kind === k));
  const relations = RELATIONS.filter((r) => edges.some((e) => e.relation === r));
  const items: { width: number; draw: (x: number, y: number) => string }[] = [];
  for (const k of kinds) {
    const s = kindStyles[k];
    items.push({
      width: 22 + textWidthEm(s.label) * 12 + 18,
      draw: (x, y) =>
        (k === 'inference'
          ? `<circle cx="${num(x + 7)}" cy="${num(y - 4)}" r="7" fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.5"/>`
          : `<rect x="${num(x)}" y="${num(y - 11)}" width="14" height="14" rx="3" fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.5"/>`) +
        `<text x="${num(x + 22)}" y="${num(y)}" font-size="12" fill="#1A1A1A">${escapeXml(s.label)}</text>`,
    });
  }
  for (const r of relations) {
    const s = relationStyles[r];
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
    items.push({
      width: 40 + textWidthEm(s.label) * 12 + 18,
      draw: (x, y) =>
        `<path d="M${num(x)},${num(y - 4)}L${num(x + 32)},${num(y - 4)}" stroke="${s.stroke}" stroke-width="1.5"${dash} fill="none" marker-end="url(#arrow-${r})"/>` +
        `<text x="${num(x + 40)}" y="${num(y)}" font-size="12" fill="#1A1A1A">${escapeXml(s.label)}</text>`,
    });
  }
  const parts = ['<g class="legend">'];
  let x = x0;
  let y = y0;
  for (const item of items) {
    if (x > x0 && x + item.width > x0 + maxWidth) {
      x = x0;
      y += 22;
    }
    parts.push(item.draw(x, y));
    x += item.width;
  }
  parts.push('</g>');
  return { svg: parts.join('\n'), bottom: items.length ? y + 8 : y0 - 24 };
}
