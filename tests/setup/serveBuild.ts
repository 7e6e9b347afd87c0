/**
 * Serves a built app (Vite's preview server) on a free loopback port, for the browser tests, the
 * benchmark and the screenshot script.
 */
import { preview, type PreviewServer } from 'vite';

export async function serveBuild(
  outDir: string,
  /** Another Vite root with no config file (the benchmark's bare React Flow page). */
  root?: string,
): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    ...(root ? { root, configFile: false } : {}),
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port.');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}
