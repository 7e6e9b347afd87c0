/**
 * Shared maps in browser tests: a real sync server (tests/setup/syncServer.ts), a map put on it
 * from Node through its HTTP API and a Node client, share links minted by the server, and the
 * server's copy read back from Node (what the server holds, not what a page shows).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  readCommentsFromDoc,
  withComments,
  writeCommentsToDoc,
} from '../../src/collab/commentsDoc';
import { readMapFromDoc, writeMapToDoc } from '../../src/collab/mapDoc';
import { commentsDocName, contentDocName, shareLink, type Role } from '../../src/collab/protocol';
import type { ArgMap } from '../../src/model/schema';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openPage } from './browser';
import {
  createSharedMap,
  makeLink,
  startSyncServer,
  type RunningSyncServer,
} from '../setup/syncServer';

/** A client of the server in Node, holding both documents of a shared map. */
export interface NodeClient {
  content: Y.Doc;
  comments: Y.Doc;
  /** The map as this client's documents hold it. */
  map(): ArgMap;
  /** Resolves once the server has confirmed every change this client made. */
  confirmed(): Promise<void>;
  close(): void;
}

const until = async (test: () => boolean, what: string, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

export async function nodeClient(
  server: RunningSyncServer,
  mapId: string,
  token: string,
): Promise<NodeClient> {
  const socket = new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: WebSocket });
  const content = new Y.Doc();
  const comments = new Y.Doc();
  let refused = '';
  const providers = [
    new HocuspocusProvider({
      websocketProvider: socket,
      name: contentDocName(mapId),
      document: content,
      token,
    }),
    new HocuspocusProvider({
      websocketProvider: socket,
      name: commentsDocName(mapId),
      document: comments,
      token,
      awareness: null,
    }),
  ];
  for (const p of providers) {
    p.on('authenticationFailed', ({ reason }: { reason: string }) => (refused = reason));
    p.attach();
  }
  await until(() => !!refused || providers.every((p) => p.isSynced), 'the Node client to sync');
  if (refused) throw new Error(`refused: ${refused}`);
  return {
    content,
    comments,
    map: () => withComments(readMapFromDoc(content), readCommentsFromDoc(comments)),
    confirmed: () => until(() => providers.every((p) => !p.hasUnsyncedChanges), 'confirmation'),
    close() {
      for (const p of providers) p.destroy();
      socket.destroy();
    },
  };
}

export interface SharedOnServer {
  mapId: string;
  ownerToken: string;
  /** A share link to the editor at `editorUrl` giving `role`. */
  link(editorUrl: string, role: Role): Promise<string>;
  /** The map as the server holds it now (read by a fresh Node client). */
  stored(): Promise<ArgMap>;
}

/** Registers `map` on the server (as `mapId`) and writes it there, as an owner sharing it does. */
export async function putOnServer(
  server: RunningSyncServer,
  map: ArgMap,
  mapId: string,
): Promise<SharedOnServer> {
  const { ownerToken } = await createSharedMap(server.httpUrl, mapId);
  const owner = await nodeClient(server, mapId, ownerToken);
  writeMapToDoc({ ...map, id: mapId }, owner.content);
  writeCommentsToDoc(map.comments, owner.comments);
  await owner.confirmed();
  owner.close();
  return {
    mapId,
    ownerToken,
    async link(editorUrl, role) {
      const { token } = await makeLink(server.httpUrl, mapId, ownerToken, role);
      return shareLink(editorUrl, server.url, mapId, token);
    },
    async stored() {
      const reader = await nodeClient(server, mapId, ownerToken);
      try {
        return reader.map();
      } finally {
        reader.close();
      }
    },
  };
}

/**
 * Registers hooks giving a test file one Chromium and one real sync server, and each test as
 * many people (browser contexts, each with its own IndexedDB) as it opens; closed after it.
 */
export function sharingSession() {
  const state = {
    browser: null as unknown as Browser,
    server: null as unknown as RunningSyncServer,
    contexts: [] as BrowserContext[],
    maps: 0,
  };
  beforeAll(async () => {
    [state.browser, state.server] = await Promise.all([launchChromium(), startSyncServer()]);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.dispose();
  });
  afterEach(async () => {
    await Promise.all(state.contexts.map((c) => c.close()));
    state.contexts = [];
  });
  return {
    get server() {
      return state.server;
    },
    /** A browser context of its own (a person), with nothing open yet. */
    async context(): Promise<BrowserContext> {
      const context = await state.browser.newContext({ viewport: { width: 1400, height: 900 } });
      state.contexts.push(context);
      return context;
    },
    /** A person with `link` open and the shared map (titled `title`) shown. */
    async person(link: string, title = 'Urban trees'): Promise<Page> {
      const { page } = await openPage(await this.context(), link);
      await page.waitForFunction(
        (t) => document.querySelector('.toolbar h1')?.textContent === t,
        title,
      );
      return page;
    },
    /** A fresh map on the server, as its owner shared it. */
    share: (map: ArgMap): Promise<SharedOnServer> =>
      putOnServer(state.server, map, `${map.id}-${++state.maps}`),
  };
}
