/**
 * The sync server of shared maps (#16): Hocuspocus 3.4 (the Node 20 line) with its database
 * extension on SQLite (one machine) or Redis (several instances, with the Redis extension so they
 * share documents and awareness). It checks every connection's share token, gives viewers
 * read-only connections and commenters a writable comments document only, answers the small HTTP
 * API of src/collab/protocol.ts, and refuses writes (keeping what it has) when storage fails.
 */
import { Database } from '@hocuspocus/extension-database';
import { Server, type Document, type Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import {
  STORAGE_MESSAGE,
  mayComment,
  mayEdit,
  parseDocName,
  type Role,
  type StorageMessage,
} from '../collab/protocol';
import { handleApi } from './http';
import { RedisRelay, RedisStore, redisConnection } from './redisStore';
import { SqliteStore, type ServerStore } from './store';
import { RefusedError, readShareToken } from './tokens';

export interface SyncServerOptions {
  /** Loopback unless told otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where SQLite keeps the maps (`maps.sqlite`). */
  dataDir: string;
  /** The HMAC key share tokens are signed with. */
  secret: string;
  /** With it, maps and documents live in Redis and instances share documents and awareness. */
  redisUrl?: string;
  /** Test hook for a full disk: SQLite's `PRAGMA max_page_count`. */
  maxPageCount?: number;
  /** How often a document that could not be stored is tried again (ms). */
  retryMs?: number;
  /** Where log lines go (default: console.log / console.error). */
  log?: (line: string, level?: 'info' | 'error') => void;
}

export interface SyncServer {
  /** `ws://host:port`: what share links and the editor's provider use. */
  url: string;
  /** `http://host:port`: the HTTP API. */
  httpUrl: string;
  port: number;
  stop(): Promise<void>;
  /**
   * Test hook for a full disk (SQLite only): sets `PRAGMA max_page_count` on the server's
   * connection, e.g. to lift the limit so that "space returns".
   */
  setMaxPageCount(pages: number): void;
}

/** What a connection was allowed when it authenticated (Hocuspocus passes it as `context`). */
interface ConnectionContext {
  mapId: string;
  role: Role;
  gen: number;
  /** Read-only by role (a connection may also be read-only for a while because storage fails). */
  roleReadOnly: boolean;
}

const ROTATION_CHANNEL = 'argmap:rotated';

export async function createSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const host = options.host ?? '127.0.0.1';
  const retryMs = options.retryMs ?? 5000;
  const log =
    options.log ??
    ((line: string, level: 'info' | 'error' = 'info') =>
      level === 'error' ? console.error(line) : console.log(line));

  const extensions: Extension[] = [];
  let store: ServerStore;
  let redis: RedisRelay | undefined;
  let rotationSubscriber: ReturnType<RedisRelay['pub']['duplicate']> | undefined;
  if (options.redisUrl) {
    redis = new RedisRelay({ ...redisConnection(options.redisUrl), prefix: 'argmap-sync' });
    store = new RedisStore(redis.pub.duplicate());
    extensions.push(redis);
  } else {
    store = new SqliteStore(options.dataDir, { maxPageCount: options.maxPageCount });
  }

  /** Documents whose last store failed, with the error and the retry timer. */
  const unstorable = new Map<string, { error: string; timer: NodeJS.Timeout }>();

  const documentsOf = (mapId: string): Document[] =>
    [...server.hocuspocus.documents.values()].filter(
      (doc) => parseDocName(doc.name)?.mapId === mapId,
    );

  const storageMessage = (ok: boolean, error?: string): string =>
    JSON.stringify({ type: STORAGE_MESSAGE, ok, error } satisfies StorageMessage);

  /** Closes the connections of a map that hold a generation older than `gen`. */
  function closeOlderThan(mapId: string, gen: number): void {
    for (const doc of documentsOf(mapId)) {
      for (const connection of doc.getConnections()) {
        const context = connection.context as ConnectionContext | undefined;
        if (!context || context.gen < gen) {
          connection.close({ code: 4403, reason: 'revoked' });
        }
      }
    }
  }

  async function storeFailed(name: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown } | null)?.code;
    const known = unstorable.get(name);
    if (known) {
      known.error = message;
      return;
    }
    log(
      `Could not store ${name} (${typeof code === 'string' ? `${code}: ` : ''}${message}). ` +
        `Edits to it are refused (clients keep them) and the last stored state is kept; ` +
        `trying again every ${retryMs >= 1000 ? `${retryMs / 1000} s` : `${retryMs} ms`}.`,
      'error',
    );
    const timer = setInterval(() => void retry(name), retryMs);
    timer.unref();
    unstorable.set(name, { error: message, timer });
    const doc = server.hocuspocus.documents.get(name);
    if (!doc) return;
    for (const connection of doc.getConnections()) connection.readOnly = true;
    doc.broadcastStateless(storageMessage(false, message));
  }

  async function retry(name: string): Promise<void> {
    const entry = unstorable.get(name);
    if (!entry) return;
    const doc = server.hocuspocus.documents.get(name);
    if (!doc) {
      // Nobody has it open: what is stored is what the server has; clients kept their edits.
      clearInterval(entry.timer);
      unstorable.delete(name);
      return;
    }
    try {
      await store.storeDoc(name, Y.encodeStateAsUpdate(doc));
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
      return;
    }
    recovered(name, doc);
  }

  function recovered(name: string, doc: Document): void {
    const entry = unstorable.get(name);
    if (!entry) return;
    clearInterval(entry.timer);
    unstorable.delete(name);
    log(`${name} is stored again; edits to it are accepted.`);
    doc.broadcastStateless(storageMessage(true));
    for (const connection of doc.getConnections()) {
      const context = connection.context as ConnectionContext;
      connection.readOnly = context.roleReadOnly;
      // The edits refused meanwhile are still in the client, counted as unconfirmed. Closing
      // its socket makes the provider reconnect at once and sync afresh: it sends them, the
      // server stores them, and its count of waiting edits starts again from what is true.
      if (!context.roleReadOnly) connection.webSocket.close(4000, 'storage-recovered');
    }
  }

  const database = new Database({
    fetch: async ({ documentName }) => store.fetchDoc(documentName),
    store: async ({ documentName, state, document }) => {
      try {
        await store.storeDoc(documentName, state);
      } catch (error) {
        // Not rethrown: Hocuspocus would only log it, and an unhandled rejection ends the process.
        await storeFailed(documentName, error);
        return;
      }
      recovered(documentName, document);
    },
  });
  extensions.push(database);

  const server: Server = new Server({
    name: 'argmap-sync',
    address: host,
    port: options.port ?? 1234,
    quiet: true,
    stopOnSignals: false,
    extensions,
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const doc = parseDocName(documentName);
      if (!doc) throw new RefusedError('bad-document', `no such document: ${documentName}`);
      const claims = await readShareToken(options.secret, token);
      if (claims.map !== doc.mapId) {
        throw new RefusedError('wrong-map', 'this link opens another map');
      }
      const record = await store.getMap(doc.mapId);
      if (!record) throw new RefusedError('unknown-map', 'this server does not share that map');
      if (claims.gen < record.gen) {
        throw new RefusedError('revoked', "the map's owner has revoked this link");
      }
      if (claims.gen > record.gen)
        throw new RefusedError('invalid-token', 'unknown key generation');
      const roleReadOnly =
        doc.part === 'content' ? !mayEdit(claims.role) : !mayComment(claims.role);
      connectionConfig.readOnly = roleReadOnly || unstorable.has(documentName);
      const context: ConnectionContext = {
        mapId: doc.mapId,
        role: claims.role,
        gen: claims.gen,
        roleReadOnly,
      };
      return context;
    },
    async connected({ connection, documentName }) {
      const entry = unstorable.get(documentName);
      if (entry) connection.sendStateless(storageMessage(false, entry.error));
    },
    async onRequest({ request, response }) {
      const handled = await handleApi(request, response, {
        store,
        secret: options.secret,
        rotated: async (mapId, gen) => {
          closeOlderThan(mapId, gen);
          if (redis) await redis.pub.publish(ROTATION_CHANNEL, JSON.stringify({ mapId, gen }));
        },
        log,
      });
      // Hocuspocus stops its default answer when a hook rejects with nothing.
      if (handled) throw null;
    },
  });

  if (redis) {
    // Rotation on any instance closes the old connections on every instance.
    rotationSubscriber = redis.pub.duplicate();
    await rotationSubscriber.subscribe(ROTATION_CHANNEL);
    rotationSubscriber.on('message', (channel: string, message: string) => {
      if (channel !== ROTATION_CHANNEL) return;
      try {
        const { mapId, gen } = JSON.parse(message) as { mapId: string; gen: number };
        closeOlderThan(mapId, gen);
      } catch {
        // Not ours: ignore.
      }
    });
  }

  // Not server.listen(): Hocuspocus 3.4 passes `address` where Node's listen wants `host`, so it
  // would listen on every interface instead of loopback.
  const httpServer = server.httpServer;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port: options.port ?? 1234, host }, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = server.address.port;
  await server.hocuspocus.hooks('onListen', {
    instance: server.hocuspocus,
    configuration: server.hocuspocus.configuration,
    port,
  });
  const url = `ws://${host}:${port}`;
  const httpUrl = `http://${host}:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const hocuspocus = server.hocuspocus;
      // Store what waits in the debouncer before the connections close.
      await Promise.allSettled(
        [...hocuspocus.documents.keys()].map((name) => {
          const id = `onStoreDocument-${name}`;
          return hocuspocus.debouncer.isDebounced(id) ? hocuspocus.debouncer.executeNow(id) : null;
        }),
      );
      await server.destroy();
      for (const entry of unstorable.values()) clearInterval(entry.timer);
      if (rotationSubscriber) rotationSubscriber.disconnect();
      if (redis) {
        redis.pub.disconnect();
        redis.sub.disconnect();
      }
      await store.close();
    })();
    return stopping;
  };

  const setMaxPageCount = (pages: number): void => {
    if (store instanceof SqliteStore) store.setMaxPageCount(pages);
  };

  return { url, httpUrl, port, stop, setMaxPageCount };
}
