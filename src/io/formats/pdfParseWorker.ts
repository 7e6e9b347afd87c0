/**
 * pdf.js's own worker (its parser: decompression, fonts, text layout), started by `pdf.ts` from
 * the I/O worker as a worker of its own, so that parsing a PDF and cleaning its pages run side by
 * side. Loaded in a worker, the module takes that worker over: it listens to its messages and
 * posts "ready". Its modern build: this runs only in browsers (Node reads PDFs with the legacy
 * build, in its own thread).
 */
import 'pdfjs-dist/build/pdf.worker.mjs';
