/**
 * The map as a true vector SVG: nodes as rectangles coloured by kind (inference junctions as
 * small circles), wrapped text as `<text>`/`<tspan>`, edges as `<path>`s with arrowhead
 * `<marker>`s, a title and a legend. The file is self-contained — presentation attributes only,
 * no stylesheet, no external references, no `<foreignObject>`, no script — so it opens the same
 * in browsers, Inkscape and slide software. Every piece of text from the map is XML-escaped.
 */
import { NODE_KINDS, RELATIONS, type ArgMap, type ArgNode, type Position } from '../model/schema';
import { kindStyles, relationStyles } from './kindStyles';
import { layeredPositions } from './layeredPositions';
import { textWidthEm, wrapText } from './wrapText';

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
}

export const NODE_WIDTH = 240;
const FONT = 14;
const LINE = 20;
const PAD = 12;
const LABEL_FONT = 11;
const JUNCTION = 36;
const MARGIN = 24;
const TITLE_FONT = 20;
const FONT_FAMILY =
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
  return (language && node.translations?.[language]) || node.text;
}

/** Lines of a node's text wrapped to the inner width of a box `width` wide. */
function nodeLines(node: ArgNode, width: number, language?: string): string[] {
  return wrapText(nodeLabel(node, language), (width - 2 * PAD) / FONT);
}

/** Estimated size of a node box: its wrapped lines under a kind label. */
export function estimateSvgNodeSize(node: ArgNode, language?: string): Size {
  if (node.kind === 'inference') return { width: JUNCTION, height: JUNCTION };
  const lines = nodeLines(node, NODE_WIDTH, language).length;
  return { width: NODE_WIDTH, height: PAD * 2 + LABEL_FONT + 6 + lines * LINE };
}

interface Box extends Size {
  x: number;
  y: number;
}

/** The point where the segment from the box centre towards (tx, ty) leaves the box. */
function borderPoint(box: Box, tx: number, ty: number, round: boolean): [number, number] {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  if (round) {
    const r = box.width / 2 / Math.hypot(dx, dy);
    return [cx + dx * r, cy + dy * r];
  }
  const scale = Math.min(
    dx === 0 ? Infinity : box.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.height / 2 / Math.abs(dy),
  );
  return [cx + dx * scale, cy + dy * scale];
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

  // Shift so the map starts at the margin, below the title.
  const all = [...boxes.values()];
  const minX = all.length ? Math.min(...all.map((b) => b.x)) : 0;
  const minY = all.length ? Math.min(...all.map((b) => b.y)) : 0;
  const mapWidth = all.length ? Math.max(...all.map((b) => b.x + b.width)) - minX : 0;
  const mapHeight = all.length ? Math.max(...all.map((b) => b.y + b.height)) - minY : 0;
  const width = Math.max(mapWidth + 2 * MARGIN, 480);
  const titleLines = wrapText(options.title ?? map.title, (width - 2 * MARGIN) / TITLE_FONT);
  const top = MARGIN + titleLines.length * (TITLE_FONT + 6) + 12;
  for (const b of all) {
    b.x += MARGIN - minX;
    b.y += top - minY;
  }
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

  out.push('<g class="edges" fill="none" stroke-width="1.5">');
  const kindOf = new Map(nodes.map((n) => [n.id, n.kind]));
  for (const e of edges) {
    const from = boxes.get(e.from)!;
    const to = boxes.get(e.to)!;
    const [x1, y1] = borderPoint(
      from,
      to.x + to.width / 2,
      to.y + to.height / 2,
      kindOf.get(e.from) === 'inference',
    );
    const [x2, y2] = borderPoint(
      to,
      from.x + from.width / 2,
      from.y + from.height / 2,
      kindOf.get(e.to) === 'inference',
    );
    const style = relationStyles[e.relation];
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    out.push(
      `<path data-edge="${escapeXml(e.id)}" data-relation="${e.relation}" d="M${num(x1)},${num(y1)}L${num(x2)},${num(y2)}" stroke="${style.stroke}"${dash} marker-end="url(#arrow-${e.relation})"/>`,
    );
  }
  out.push('</g>');

  out.push('<g class="nodes">');
  for (const n of nodes) out.push(renderNode(n, boxes.get(n.id)!, language));
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

function renderNode(node: ArgNode, box: Box, language?: string): string {
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
    `<text x="${num(box.x + PAD)}" y="${num(box.y + PAD + LABEL_FONT - 1)}" font-size="${LABEL_FONT}" font-weight="bold" fill="${style.text}">${escapeXml(style.label.toUpperCase())}${node.implicit ? ' (IMPLICIT)' : ''}</text>`,
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
