/**
 * A deck as SVG, one document per slide (the slides export's folder of SVGs, and what a browser
 * prints). Text stays text, in the same places as in the PDF deck (both come from
 * {@link layoutSlide}).
 */
import type { ArgMap } from '../model/schema';
import { escapeXml, FONT_FAMILY } from './exportSvg';
import { layoutSlide, type SlideDrawing } from './slideLayout';
import { buildDeck, type SlidesOptions } from './slides';

/** One laid-out slide as a standalone SVG document. */
export function slideSvg(drawing: SlideDrawing, title: string): string {
  const body = drawing.items
    .map((item) =>
      item.type === 'box'
        ? `<rect x="${item.x}" y="${item.y}" width="${item.width}" height="${item.height}" rx="${item.height > 8 ? 4 : 0}" fill="${item.fill}"${item.stroke ? ` stroke="${item.stroke}"` : ''}/>`
        : `<text x="${item.x}" y="${item.y}" font-size="${item.size}" fill="${item.colour}"${item.bold ? ' font-weight="700"' : ''}${item.alignRight ? ' text-anchor="end"' : ''}>${escapeXml(item.text)}</text>`,
    )
    .join('\n  ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${drawing.width} ${drawing.height}" width="${drawing.width}pt" height="${drawing.height}pt" font-family="${escapeXml(FONT_FAMILY)}">
  <title>${escapeXml(title)}</title>
  <rect width="100%" height="100%" fill="#FFFFFF"/>
  ${body}
</svg>
`;
}

/** Every slide of the map's deck as SVG, in order. */
export function exportSlidesSvg(map: ArgMap, options: SlidesOptions = {}): string[] {
  const deck = buildDeck(map, options);
  return deck.slides.map((slide) =>
    slideSvg(layoutSlide(slide, deck.lang), `${deck.title} — ${slide.index}/${slide.total}`),
  );
}
