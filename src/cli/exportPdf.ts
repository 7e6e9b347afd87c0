/**
 * A printable handout as PDF, for the command line: page 1 is the map fitted to an A4 landscape
 * page; the following A4 pages are an appendix listing every statement with its kind, its
 * English rendering and the author's quoted sentence(s), with the source cited.
 *
 * Honest limits: every page is an image (the SVG rendered by resvg with Noto Sans CJK, so
 * Chinese always renders), embedded in a minimal hand-written PDF — text is not selectable or
 * searchable. The browser's print stylesheet is the route to a text PDF.
 */
import { deflateSync } from 'node:zlib';
import type { ArgMap } from '../model/schema';
import { escapeXml, exportSvg, nodeLabel, type SvgExportOptions } from '../io/exportSvg';
import { kindStyles } from '../io/kindStyles';
import { wrapText } from '../io/wrapText';
import { rasterize, type Raster } from './rasterize';

const A4 = { width: 595, height: 842 };
const MARGIN = 48;

interface AppendixLine {
  text: string;
  size: number;
  bold?: boolean;
  colour?: string;
  gapBefore?: number;
}

/** The appendix as lines of text, wrapped to the page width. */
function appendixLines(map: ArgMap, language: string): AppendixLine[] {
  const width = A4.width - 2 * MARGIN;
  const sentence = new Map<string, { text: string; start: number; end: number; cite: string }>();
  for (const source of map.sources) {
    const cite = [source.author, source.title].filter(Boolean).join(', ') || source.id;
    for (const s of source.sentences)
      sentence.set(s.id, { text: source.text, start: s.start, end: s.end, cite });
  }
  const lines: AppendixLine[] = [
    { text: `Appendix: the statements of “${map.title}”`, size: 15, bold: true },
  ];
  const wrap = (text: string, size: number, extra: Omit<AppendixLine, 'text' | 'size'> = {}) =>
    wrapText(text, width / size).forEach((t, i) =>
      lines.push({ text: t, size, ...(i === 0 ? extra : { ...extra, gapBefore: 0 }) }),
    );
  map.nodes.forEach((node) => {
    if (node.kind === 'inference') return;
    const label = `${node.id} · ${kindStyles[node.kind].label}${node.implicit ? ' (implicit premise)' : ''}`;
    lines.push({
      text: label,
      size: 10,
      bold: true,
      colour: kindStyles[node.kind].stroke,
      gapBefore: 12,
    });
    wrap(node.text, 11);
    const english = nodeLabel(node, language);
    if (english !== node.text)
      wrap(`${language.toUpperCase()}: ${english}`, 10, { colour: '#333333' });
    for (const ref of node.refs) {
      const s = sentence.get(ref.sentence);
      if (!s) continue;
      const quote = ref.quote ?? s.text.slice(ref.start ?? s.start, ref.end ?? s.end);
      wrap(`“${quote}” — ${s.cite}`, 9, { colour: '#555555' });
    }
  });
  return lines;
}

/** Appendix pages as SVG documents (A4 portrait, in points). */
export function appendixPages(map: ArgMap, language = 'en'): string[] {
  const pages: string[][] = [[]];
  let y = MARGIN;
  for (const line of appendixLines(map, language)) {
    const advance = (line.gapBefore ?? 4) + line.size * 1.35;
    if (y + advance > A4.height - MARGIN) {
      pages.push([]);
      y = MARGIN;
    }
    y += advance;
    const weight = line.bold ? ' font-weight="bold"' : '';
    pages[pages.length - 1]!.push(
      `<text x="${MARGIN}" y="${y.toFixed(1)}" font-size="${line.size}"${weight} fill="${line.colour ?? '#1A1A1A'}">${escapeXml(line.text)}</text>`,
    );
  }
  return pages.map(
    (body, i) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="${A4.width}" height="${A4.height}" viewBox="0 0 ${A4.width} ${A4.height}" font-family="'Noto Sans CJK SC', sans-serif"><rect width="100%" height="100%" fill="#FFFFFF"/>${body.join('')}<text x="${A4.width / 2}" y="${A4.height - 24}" font-size="9" text-anchor="middle" fill="#777777">${i + 2}</text></svg>`,
  );
}

interface PdfPage {
  raster: Raster;
  /** Page size in points. */
  width: number;
  height: number;
  /** White space kept around the image, in points. */
  margin: number;
}

/** RGB rows, composited on white. */
function rgbOnWhite(raster: Raster): Buffer {
  const rgb = Buffer.alloc(raster.width * raster.height * 3);
  for (let i = 0, j = 0; i < raster.rgba.length; i += 4, j += 3) {
    const a = raster.rgba[i + 3]! / 255;
    for (let c = 0; c < 3; c++) rgb[j + c] = Math.round(raster.rgba[i + c]! * a + 255 * (1 - a));
  }
  return rgb;
}

/** A PDF text string in UTF-16BE hex, so any title survives. */
function pdfString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++)
    hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** A minimal PDF 1.4: one image per page, drawn fitted inside the margins. */
export function imagesToPdf(pages: PdfPage[], title: string): Uint8Array {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) =>
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  const kids = pages.map((_, i) => `${4 + i * 3} 0 R`).join(' ');
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add(`<< /Title ${pdfString(title)} /Producer (argmap CLI) >>`);
  pages.forEach((page, i) => {
    const base = 4 + i * 3;
    const fit = Math.min(
      (page.width - 2 * page.margin) / page.raster.width,
      (page.height - 2 * page.margin) / page.raster.height,
    );
    const w = page.raster.width * fit;
    const h = page.raster.height * fit;
    const x = (page.width - w) / 2;
    const y = page.height - page.margin - h;
    const content = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} ${x.toFixed(2)} ${y.toFixed(2)} cm /Im Do Q`;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /XObject << /Im ${base + 2} 0 R >> >> /Contents ${base + 1} 0 R >>`,
    );
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const data = deflateSync(rgbOnWhite(page.raster));
    add(
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${page.raster.width} /Height ${page.raster.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
          'latin1',
        ),
        data,
        Buffer.from('\nendstream', 'latin1'),
      ]),
    );
  });
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  chunks.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
      'latin1',
    ),
  );
  return new Uint8Array(Buffer.concat(chunks));
}

/** The handout PDF: the map page, then the appendix. */
export function exportPdf(
  map: ArgMap,
  options: SvgExportOptions & { scale?: number } = {},
): Uint8Array {
  const scale = options.scale ?? 2;
  // ~300 dpi on an A4 page is plenty; more only costs time and memory.
  const mapRaster = rasterize(exportSvg(map, { ...options, background: 'white' }), {
    scale,
    background: '#FFFFFF',
    maxPixels: 3508 * 2480,
  });
  const pages: PdfPage[] = [{ raster: mapRaster, width: A4.height, height: A4.width, margin: 24 }];
  for (const svg of appendixPages(map, options.language ?? 'en')) {
    pages.push({
      raster: rasterize(svg, { scale: Math.max(2, scale) }),
      width: A4.width,
      height: A4.height,
      margin: 0,
    });
  }
  return imagesToPdf(pages, map.title);
}
