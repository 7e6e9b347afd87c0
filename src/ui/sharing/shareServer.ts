/** The sync server's address for sharing, remembered in this browser. */
const KEY = 'argmap-share-server';
export const DEFAULT_SERVER = 'ws://127.0.0.1:1234';

export function rememberedServer(): string {
  try {
    return localStorage.getItem(KEY) || DEFAULT_SERVER;
  } catch {
    return DEFAULT_SERVER;
  }
}

export function rememberServer(server: string): void {
  try {
    localStorage.setItem(KEY, server);
  } catch {
    // No storage: asked again next time.
  }
}

/** Whether `address` is a WebSocket address a server could be at. */
export function isServerAddress(address: string): boolean {
  try {
    const url = new URL(address);
    return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.host !== '';
  } catch {
    return false;
  }
}
