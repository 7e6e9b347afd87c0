/**
 * Hocuspocus clients in Node for the server tests: one WebSocket (the `ws` package: Node 20 has
 * none of its own) per client, a Y.Doc per document, and promises for what the server answers.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves with the scope the server granted ('read-write' or 'readonly'). */
  authenticated: Promise<string>;
  /** Resolves with the reason when the server refuses the token. */
  refused: Promise<string>;
  /** Resolves with the reason when the server closes this document's connection. */
  closed: Promise<string>;
  /** Stateless messages received, parsed. */
  stateless: unknown[];
  destroy(): void;
}

export function connect(url: string, name: string, token: string, doc = new Y.Doc()): TestClient {
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    // Reconnect quickly after a server restart.
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
  });
  let onAuthenticated!: (scope: string) => void;
  let onRefused!: (reason: string) => void;
  let onClosed!: (reason: string) => void;
  const authenticated = new Promise<string>((resolve) => (onAuthenticated = resolve));
  const refused = new Promise<string>((resolve) => (onRefused = resolve));
  const closed = new Promise<string>((resolve) => (onClosed = resolve));
  const stateless: unknown[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onAuthenticated: ({ scope }) => onAuthenticated(scope),
    onAuthenticationFailed: ({ reason }) => onRefused(reason),
    onClose: ({ event }) => onClosed(event.reason),
    onStateless: ({ payload }) => stateless.push(JSON.parse(payload)),
  });
  provider.attach();
  return {
    doc,
    provider,
    authenticated,
    refused,
    closed,
    stateless,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Waits for `check` to hold (polling; no fixed sleep), with a clear failure. */
export async function until(check: () => boolean, what: string, timeout = 20_000): Promise<void> {
  await vi.waitFor(
    () => {
      if (!check()) throw new Error(`Timed out waiting for ${what}`);
    },
    { timeout, interval: 20 },
  );
}

/** Resolves when the client has synced with the server. */
export function synced(client: TestClient): Promise<void> {
  return until(() => client.provider.isSynced, 'the first sync');
}

/** The plain-map contents of a document (server tests use the shape loosely). */
export const entries = (doc: Y.Doc, map = 'nodes'): Record<string, unknown> =>
  doc.getMap(map).toJSON();
