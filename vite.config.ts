import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';

/**
 * The built app's Content-Security-Policy: scripts only from the app's own origin (no inline
 * scripts, no eval), so nothing that arrives inside a map file can run. Styles allow inline
 * `style` attributes, which React Flow uses to place nodes. Maps opened by URL may come from
 * other https origins; a drafting model the user configures may also be a server on this computer
 * (plain http on the loopback address: issue 15's model-made draft). Added to the build only:
 * Vite's dev server injects inline scripts.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' https: wss: http://localhost:* http://127.0.0.1:* ws://localhost:* ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'argmap-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * In a worker there is no `document`: a package with a build for workers (the `worker` export
 * condition) gets that one. The Markdown reader's entity decoder, whose browser build makes an
 * element to decode with, is the one met so far.
 */
function workerBuilds(): Plugin {
  const require = createRequire(import.meta.url);
  const forWorkers = new Set(['decode-named-character-reference']);
  return {
    name: 'argmap-worker-builds',
    enforce: 'pre',
    resolveId: (id) => (forWorkers.has(id) ? require.resolve(id) : null),
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // Workers are ES modules, so that what one loads on demand (pdf.js in the I/O worker, read only
  // for a PDF) stays in a chunk of its own.
  worker: { format: 'es', plugins: () => [workerBuilds()] },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // The editor's own modules that the first page needs and that lazy views share:
              // one chunk instead of a score of small ones.
              name: 'core',
              priority: 5,
              test: /[\\/]src[\\/](model[\\/](ids|vocabulary|operations|messages|problem|limits|tours|translation|hash|pages|groups|words)|store[\\/]|app[\\/](session|ioClient)|ui[\\/](i18n|i18nMessages|useDialogFocus)|io[\\/](importFormats|inputLimits|migrations)|source[\\/]footnotes|layout[\\/](nodeSize|repack)|ui[\\/]draft[\\/](draftStore|proposals)|app[\\/](runLayout|placement)|model[\\/]schemes)\.tsx?$/,
            },
            {
              name: 'vendor',
              priority: 10,
              test: /node_modules[\\/](react|react-dom|scheduler|@xyflow|d3-[a-z]+|dexie|zustand|zundo|use-sync-external-store|classcat)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
