/** A PDF read back as a reader sees it, with pdf.js (Firefox's PDF reader): pages, text, sizes. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

export interface PageText {
  width: number;
  height: number;
  items: { text: string; size: number; top: number }[];
}

/** Each page's size and its text items, with their font size and distance from the top. */
export async function readPdf(bytes: Uint8Array): Promise<PageText[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: PageText[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    pages.push({
      width,
      height,
      items: (content.items as TextItem[])
        .filter((it) => it.str.trim())
        .map((it) => ({
          text: it.str,
          size: Math.hypot(it.transform[2]!, it.transform[3]!),
          top: height - it.transform[5]!,
        })),
    });
  }
  return pages;
}
