/**
 * A printable handout as PDF, for the command line. Page 1 is the whole map on A4 landscape,
 * each node numbered; then, when the map has sections, one page per section, large enough to
 * read; then the numbered list of statements, in real text (selectable and searchable, Noto Sans
 * CJK embedded as a subset): each entry gives the node's kind, its text, the rendering in the
 * chosen language, its relations by number ("supports 3", "attacked by 7") and the author's
 * words with their page where they add to the node's text.
 *
 * The map pages are pictures of the SVG export (rendered by resvg with Noto Sans CJK, so Chinese
 * always renders); the list is text.
 */
import type { ArgMap } from '../model/schema';
import { translationIn } from '../model/translation';
import { sectionsOf } from '../model/groups';
import { wordsLanguage } from '../model/words';
import { exportSvg, type SvgExportOptions } from '../io/exportSvg';
import { kindStyles } from '../io/kindStyles';
import { nodeDescriber, relationsByNumber } from '../io/slides';
import { rasterize } from './rasterize';
import { openPdf } from './exportSlidesPdf';

/** A4 in points. */
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;

const HEADINGS = {
  en: { list: 'The statements', map: 'The map' },
  zh: { list: '论点一览', map: '论证图' },
} as const;

/** The handout of `map` as PDF bytes. */
export async function exportPdf(
  map: ArgMap,
  options: SvgExportOptions & { scale?: number } = {},
): Promise<Uint8Array> {
  const lang = wordsLanguage(options.language);
  const scale = options.scale ?? 2;
  const { numbers, describe } = nodeDescriber(map, lang);
  const { doc, finish } = openPdf(map.title, lang);

  /** A landscape page holding a picture of (part of) the map, fitted inside the margins. */
  const mapPage = (svgOptions: SvgExportOptions) => {
    const svg = exportSvg(map, { ...options, ...svgOptions, numbers, background: 'white' });
    // ~300 dpi on an A4 page is plenty; more only costs time and memory.
    const raster = rasterize(svg, { scale, background: '#FFFFFF', maxPixels: 3508 * 2480 });
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 24 });
    doc.image(Buffer.from(raster.png), 24, 24, {
      fit: [A4.height - 48, A4.width - 48],
      align: 'center',
      valign: 'center',
    });
  };

  mapPage({});
  // One page per top-level section, when there is more than one.
  const sections = sectionsOf(map);
  if (sections.length > 1)
    for (const { group, nodeIds } of sections) {
      const title = translationIn(group.translations, options.language) || group.title;
      mapPage({ nodeIds, title: `${map.title} — ${title}` });
    }

  // The numbered list, flowing over portrait pages.
  doc.addPage({ size: 'A4', margin: MARGIN });
  const width = A4.width - 2 * MARGIN;
  doc.font('bold').fontSize(16).fillColor('#1A1A1A').text(map.title, { width });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(11).fillColor('#555555').text(HEADINGS[lang].list, { width });
  for (const node of map.nodes) {
    if (node.kind === 'inference') continue;
    const d = describe(node);
    doc.moveDown(0.8);
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(kindStyles[node.kind].stroke)
      .text(`${d.number} · ${d.kindName}`, { width });
    doc.font('regular').fontSize(11).fillColor('#1A1A1A').text(d.text, { width });
    if (d.rendering)
      doc.font('regular').fontSize(10).fillColor('#333333').text(d.rendering, { width });
    if (d.relations.length)
      doc
        .font('regular')
        .fontSize(9.5)
        .fillColor('#1A1A1A')
        .text(relationsByNumber(d.relations, lang), { width });
    for (const q of d.quotes) {
      const where = [q.cite, q.page !== undefined ? `p. ${q.page}` : ''].filter(Boolean).join(', ');
      doc
        .font('regular')
        .fontSize(9.5)
        .fillColor('#555555')
        .text(`“${q.text}”${where ? ` — ${where}` : ''}`, { width });
    }
  }
  return new Uint8Array(await finish());
}
