/**
 * Where the sync server keeps things (#16): the registry of shared maps (id, key generation,
 * when created) and the Yjs state of each document. One machine: SQLite in the data folder
 * ({@link SqliteStore}). Several instances: Redis (./redisStore.ts), which all of them see.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';

export interface SharedMapRecord {
  id: string;
  /** The key generation: tokens of an older one are refused. Starts at 1. */
  gen: number;
  /** ISO 8601. */
  created: string;
}

export interface ServerStore {
  getMap(id: string): Promise<SharedMapRecord | null>;
  /** Registers a map; null if the id is taken. */
  createMap(id: string): Promise<SharedMapRecord | null>;
  /** Raises the map's generation by one; null for an unknown map. */
  rotate(id: string): Promise<SharedMapRecord | null>;
  fetchDoc(name: string): Promise<Uint8Array | null>;
  /**
   * Stores a document's state, merged with what is stored (so an instance that has not yet
   * received another's edits never overwrites them). Throws when the store refuses (disk full).
   */
  storeDoc(name: string, state: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface SqliteStoreOptions {
  /** Test hook: `PRAGMA max_page_count`, so that SQLite itself answers SQLITE_FULL. */
  maxPageCount?: number;
}

/** The store of one machine: `<dataDir>/maps.sqlite`, in WAL mode. */
export class SqliteStore implements ServerStore {
  private readonly db: Database.Database;

  constructor(dataDir: string, options: SqliteStoreOptions = {}) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'maps.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS maps (
        id TEXT PRIMARY KEY,
        gen INTEGER NOT NULL,
        created TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS documents (
        name TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        updated TEXT NOT NULL
      );
    `);
    if (options.maxPageCount) this.setMaxPageCount(options.maxPageCount);
  }

  /** `PRAGMA max_page_count` (per connection): SQLite answers SQLITE_FULL beyond it. */
  setMaxPageCount(pages: number): void {
    this.db.pragma(`max_page_count = ${Math.max(1, Math.floor(pages))}`);
  }

  async getMap(id: string): Promise<SharedMapRecord | null> {
    const row = this.db.prepare('SELECT id, gen, created FROM maps WHERE id = ?').get(id) as
      SharedMapRecord | undefined;
    return row ?? null;
  }

  async createMap(id: string): Promise<SharedMapRecord | null> {
    const record: SharedMapRecord = { id, gen: 1, created: new Date().toISOString() };
    const result = this.db
      .prepare('INSERT OR IGNORE INTO maps (id, gen, created) VALUES (?, ?, ?)')
      .run(record.id, record.gen, record.created);
    return result.changes === 1 ? record : null;
  }

  async rotate(id: string): Promise<SharedMapRecord | null> {
    const row = this.db
      .prepare('UPDATE maps SET gen = gen + 1 WHERE id = ? RETURNING id, gen, created')
      .get(id) as SharedMapRecord | undefined;
    return row ?? null;
  }

  async fetchDoc(name: string): Promise<Uint8Array | null> {
    const row = this.db.prepare('SELECT state FROM documents WHERE name = ?').get(name) as
      { state: Buffer } | undefined;
    return row ? new Uint8Array(row.state) : null;
  }

  async storeDoc(name: string, state: Uint8Array): Promise<void> {
    const select = this.db.prepare('SELECT state FROM documents WHERE name = ?');
    const upsert = this.db.prepare(
      `INSERT INTO documents (name, state, updated) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated = excluded.updated`,
    );
    this.db.transaction(() => {
      const row = select.get(name) as { state: Buffer } | undefined;
      const merged = row ? Y.mergeUpdates([new Uint8Array(row.state), state]) : state;
      upsert.run(name, Buffer.from(merged), new Date().toISOString());
    })();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
