/**
 * PDFs made in the tests by real engines: Chromium's print to PDF (a real typesetter: line
 * breaking, columns, hyphens, running headers and page numbers) and pdfkit (a scanned page, an
 * encrypted file).
 */
import PDFDocument from 'pdfkit';
import type { Browser } from 'playwright-core';

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface PrintOptions {
  /** The running header's text (on every page). */
  header?: string;
  /** The footer's template around the page number, e.g. `- {n} -`. */
  footer?: string;
  format?: 'A4' | 'A5';
}

/** Prints an HTML document to PDF with Chromium (one page per call, closed afterwards). */
export async function printPdf(
  browser: Browser,
  html: string,
  options: PrintOptions = {},
): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    const small = 'font-size:9px;width:100%;text-align:center;font-family:serif';
    const footer = (options.footer ?? '{n}').replace('{n}', '<span class="pageNumber"></span>');
    const pdf = await page.pdf({
      format: options.format ?? 'A4',
      displayHeaderFooter: options.header !== undefined || options.footer !== undefined,
      headerTemplate: `<div style="${small}">${escapeHtml(options.header ?? '')}</div>`,
      footerTemplate: `<div style="${small}">${options.footer !== undefined ? footer : ''}</div>`,
      margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

/** A pdfkit document's bytes. */
export function pdfkitBytes(
  options: PDFKit.PDFDocumentOptions,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Uint8Array> {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  draw(doc);
  doc.end();
  return done;
}
