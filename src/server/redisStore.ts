/**
 * The store of several server instances (#16): the shared-map registry and the documents' Yjs
 * state in Redis, which every instance sees, so a key rotated through one instance is refused by
 * all and a document opened on any instance starts from the same state. (Redis keeps them on its
 * own disk as configured: RDB snapshots or an append-only file.)
 */
import { Redis, type RedisInstance } from '@hocuspocus/extension-redis';
import * as Y from 'yjs';
import type { ServerStore, SharedMapRecord } from './store';

const mapKey = (id: string): string => `argmap:map:${id}`;
const docKey = (name: string): string => `argmap:doc:${name}`;

/** Raises a map's generation only if the map exists (-1 otherwise), in one step. */
const ROTATE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('HINCRBY', KEYS[1], 'gen', 1)
end
return -1`;

/** Registers a map only if the id is free (0 otherwise), in one step. */
const CREATE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'gen', 1, 'created', ARGV[1])
return 1`;

/** Host, port and credentials from a `redis://[user:password@]host[:port][/db]` address. */
export function redisConnection(redisUrl: string): {
  host: string;
  port: number;
  options: { username?: string; password?: string; db?: number };
} {
  const url = new URL(redisUrl);
  if (url.protocol !== 'redis:')
    throw new Error(`REDIS_URL must start with redis:// (got ${redisUrl})`);
  const db = url.pathname.replace(/^\//, '');
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    options: {
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(db ? { db: Number(db) } : {}),
    },
  };
}

export class RedisStore implements ServerStore {
  constructor(private readonly redis: RedisInstance) {}

  async getMap(id: string): Promise<SharedMapRecord | null> {
    const fields = await this.redis.hgetall(mapKey(id));
    if (!fields.created) return null;
    return { id, gen: Number(fields.gen ?? 1), created: fields.created };
  }

  async createMap(id: string): Promise<SharedMapRecord | null> {
    const created = new Date().toISOString();
    const done = await this.redis.eval(CREATE_SCRIPT, 1, mapKey(id), created);
    return done === 1 ? { id, gen: 1, created } : null;
  }

  async rotate(id: string): Promise<SharedMapRecord | null> {
    const gen = Number(await this.redis.eval(ROTATE_SCRIPT, 1, mapKey(id)));
    if (gen < 0) return null;
    return this.getMap(id);
  }

  async fetchDoc(name: string): Promise<Uint8Array | null> {
    const buffer = await this.redis.getBuffer(docKey(name));
    return buffer ? new Uint8Array(buffer) : null;
  }

  /** Stores run one at a time on this connection: WATCH belongs to the connection. */
  private storing: Promise<unknown> = Promise.resolve();

  /**
   * Merges the state into what Redis holds, optimistically: WATCH the key, read, merge, and
   * write in MULTI/EXEC, again if another instance wrote meanwhile. Instances never wait for
   * each other's lock, and none skips its store (the Redis extension's own lock would skip it).
   */
  storeDoc(name: string, state: Uint8Array): Promise<void> {
    const run = this.storing.then(() => this.mergeInto(docKey(name), state));
    this.storing = run.catch(() => undefined);
    return run;
  }

  private async mergeInto(key: string, state: Uint8Array): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      await this.redis.watch(key);
      const stored = await this.redis.getBuffer(key);
      const merged = stored ? Y.mergeUpdates([new Uint8Array(stored), state]) : state;
      const done = await this.redis.multi().set(key, Buffer.from(merged)).exec();
      if (done !== null) {
        const error = done.find(([failure]) => failure)?.[0];
        if (error) throw error;
        return;
      }
    }
    throw new Error(`Could not store ${key}: other instances kept writing it.`);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/**
 * The Redis extension without its store lock. Its lock is taken without retrying, so when two
 * instances store a document at once one of them silently skips its store, and edits made through
 * it may never be stored. {@link RedisStore.storeDoc} merges instead, so every instance stores.
 */
export class RedisRelay extends Redis {
  override async onStoreDocument(): Promise<void> {}
}
