import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

/**
 * The built app's Content-Security-Policy: scripts only from the app's own origin (no inline
 * scripts, no eval), so nothing that arrives inside a map file can run. Styles allow inline
 * `style` attributes, which React Flow uses to place nodes. Maps opened by URL may come from
 * other https origins; a drafting model the user configures may also be a server on this computer
 * (plain http on the loopback address: issue 15's model-made draft). A shared map talks to its
 * sync server over WebSockets: `wss:` anywhere, plain `ws:` only on this computer (a class's server
 * run for a try-out). The service worker (`/sw.js`, its Workbox script beside it) and the web app
 * manifest come from the app's own origin. Added to the build only: Vite's dev server injects
 * inline scripts.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:* wss: ws://localhost:* ws://127.0.0.1:*",
  "manifest-src 'self'",
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

/**
 * The installed app's icons, drawn from one SVG kept beside the update prompt (the repository has
 * no `public/` folder): the SVG itself and PNGs at the two sizes browsers ask for, rendered at
 * build time and written to the site's root, where the service worker precaches them.
 */
function appIcons(): Plugin {
  return {
    name: 'argmap-app-icons',
    apply: 'build',
    async generateBundle() {
      const svg = readFileSync(new URL('./src/app/pwa/icon.svg', import.meta.url), 'utf8');
      const { Resvg } = await import('@resvg/resvg-js');
      this.emitFile({ type: 'asset', fileName: 'icon.svg', source: svg });
      for (const size of ICON_SIZES) {
        const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
        this.emitFile({ type: 'asset', fileName: `icon-${size}.png`, source: png });
      }
    },
  };
}

const ICON_SIZES = [192, 512];

/**
 * Offline and installable (issue 16): a generated service worker precaches the whole site, the
 * page's scripts, every chunk loaded on demand (the importers, the views, the workers) and the
 * shipped map (a chunk of its own), so that once loaded the editor opens with no network. A new
 * version waits (`prompt`): the page says it is ready and reloads only when the person chooses.
 * The app registers the worker itself, lazily (src/app/pwa), and never in the dev server.
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  includeManifestIcons: false,
  manifest: {
    name: 'Argument map editor',
    short_name: 'Argument maps',
    description: 'A local-first argument-map editor linked to its source text.',
    lang: 'en',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0072B2',
    icons: [
      ...ICON_SIZES.map((size) => ({
        src: `/icon-${size}.png`,
        sizes: `${size}x${size}`,
        type: 'image/png',
      })),
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    // The manifest is added by the plugin itself.
    globPatterns: ['**/*.{js,css,html,png,svg}'],
    // The layout and PDF workers are over a megabyte each; the site is about 10 MB in all.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    // A link to a shared map (`/?server=…&shared=…`) opens the cached page; the sync server's
    // HTTP API, should it be served on the same origin, is never answered from the cache.
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/api\//],
    cleanupOutdatedCaches: true,
  },
  devOptions: { enabled: false },
});

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), appIcons(), pwa],
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
