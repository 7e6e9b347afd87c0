/**
 * The slides as a PDF with real text: every slide of {@link buildDeck}, laid out by
 * {@link layoutSlide}, drawn by PDFKit with Noto Sans CJK embedded as a subset (only the glyphs
 * the deck uses), so Chinese and English can be selected, searched and copied, and the file
 * stays small. One 16:9 page per slide, at the width of A4 landscape. Speaker's notes are not
 * printed on the slides: a class sees the slide, the presenter window shows the notes.
 */
import PDFDocument from 'pdfkit';
import type { ArgMap } from '../model/schema';
import { layoutSlide } from '../io/slideLayout';
import { buildDeck, type SlidesOptions } from '../io/slides';
import { cjkFontFiles } from './rasterize';
import type { WordsLanguage } from '../model/words';

/** The faces inside Noto Sans CJK's collections that the deck uses (simplified Chinese first). */
const FACES = { regular: 'NotoSansCJKsc-Regular', bold: 'NotoSansCJKsc-Bold' } as const;

export class MissingFontError extends Error {}

/** The CJK font collections for the regular and bold faces, and the faces to take from them. */
export function pdfFonts(): {
  regular: string;
  bold: string;
  faces: { regular: string; bold: string };
} {
  const files = cjkFontFiles();
  const regular = files.find((f) => /Regular\.ttc$/.test(f));
  const bold = files.find((f) => /Bold\.ttc$/.test(f)) ?? regular;
  if (!regular || !bold)
    throw new MissingFontError(
      'PDF export needs the Noto Sans CJK fonts (Debian/Ubuntu: apt-get install fonts-noto-cjk); none was found in /usr/share/fonts.',
    );
  return {
    regular,
    bold,
    faces: bold === regular ? { regular: FACES.regular, bold: FACES.regular } : FACES,
  };
}

/**
 * A PDF document titled `title` with the CJK faces registered as 'regular' and 'bold' (pages are
 * added with their own size and margins); `finish` ends it and gives its bytes.
 */
export function openPdf(
  title: string,
  lang: WordsLanguage,
): { doc: PDFKit.PDFDocument; finish: () => Promise<Buffer> } {
  const font = pdfFonts();
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    info: { Title: title, Creator: 'argmap' },
    lang: lang === 'zh' ? 'zh-Hans' : 'en',
    displayTitle: true,
  });
  doc.registerFont('regular', font.regular, font.faces.regular);
  doc.registerFont('bold', font.bold, font.faces.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  return {
    doc,
    finish: async () => {
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
}

/** The deck of `map` as PDF bytes. */
export async function exportSlidesPdf(map: ArgMap, options: SlidesOptions = {}): Promise<Buffer> {
  const deck = buildDeck(map, options);
  const { doc, finish } = openPdf(deck.title, deck.lang);
  for (const slide of deck.slides) {
    const drawing = layoutSlide(slide, deck.lang);
    doc.addPage({ size: [drawing.width, drawing.height], margin: 0 });
    for (const item of drawing.items) {
      if (item.type === 'box') {
        const box = doc.roundedRect(
          item.x,
          item.y,
          item.width,
          item.height,
          item.height > 8 ? 4 : 0,
        );
        if (item.stroke) box.fillAndStroke(item.fill, item.stroke);
        else box.fill(item.fill);
        continue;
      }
      doc
        .font(item.bold ? 'bold' : 'regular')
        .fontSize(item.size)
        .fillColor(item.colour);
      const x = item.alignRight ? item.x - doc.widthOfString(item.text) : item.x;
      doc.text(item.text, x, item.y, { lineBreak: false, baseline: 'alphabetic' });
    }
  }
  return finish();
}
