/** pdf.js's worker module, loaded into the reading thread by `pdf.ts` (it ships no types). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

/** Its modern build, loaded for its effect (it takes over the worker it is loaded in). */
declare module 'pdfjs-dist/build/pdf.worker.mjs';
