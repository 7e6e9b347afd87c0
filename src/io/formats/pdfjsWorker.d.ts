/** pdf.js's worker module, loaded into the reading thread by `pdf.ts` (it ships no types). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
