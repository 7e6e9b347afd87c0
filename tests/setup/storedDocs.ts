/**
 * Reads what a sync server stored in its SQLite data folder, from outside the server process
 * (WAL mode lets a reader in while the server writes).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import * as Y from 'yjs';

/** The stored Yjs document `name`, or null when nothing is stored for it. */
export function readStoredDoc(dataDir: string, name: string): Y.Doc | null {
  const db = new Database(join(dataDir, 'maps.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT state FROM documents WHERE name = ?').get(name) as
      { state: Buffer } | undefined;
    if (!row) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(row.state));
    return doc;
  } finally {
    db.close();
  }
}
