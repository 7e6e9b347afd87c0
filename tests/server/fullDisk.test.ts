/**
 * A full disk at the sync server (#16): SQLite itself answers SQLITE_FULL (the server runs with
 * `PRAGMA max_page_count` set low through its test hook). The server logs a clear error, refuses
 * further edits to that document (the clients keep them, as unconfirmed), tells the clients, keeps
 * what it had stored, and once space returns stores everything the clients kept.
 */
import { afterAll, expect, it } from 'vitest';
import { STORAGE_MESSAGE, contentDocName } from '../../src/collab/protocol';
import { readStoredDoc } from '../setup/storedDocs';
import { createSharedMap, startSyncServer, type RunningSyncServer } from '../setup/syncServer';
import { connect, entries, synced, until, type TestClient } from './clients';

let server: RunningSyncServer | undefined;
const clients: TestClient[] = [];

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.dispose();
});

const told = (client: TestClient, ok: boolean): boolean =>
  client.stateless.some(
    (message) =>
      (message as { type?: string }).type === STORAGE_MESSAGE &&
      (message as { ok: boolean }).ok === ok,
  );

it('refuses writes with a clear error when the disk is full, keeps what it has, and stores the edits once space returns', async () => {
  server = await startSyncServer({
    env: { ARGMAP_SERVER_MAX_PAGES: '12', ARGMAP_SERVER_RETRY_MS: '200' },
  });
  const running = server;
  const { mapId, ownerToken } = await createSharedMap(running.httpUrl, 'full-disk');
  const name = contentDocName(mapId);
  const stored = () => readStoredDoc(running.dataDir, name)?.getMap('nodes').toJSON() ?? {};
  const a = connect(running.url, name, ownerToken);
  const b = connect(running.url, name, ownerToken);
  clients.push(a, b);
  await Promise.all([synced(a), synced(b)]);

  a.doc.getMap('nodes').set('n1', 'small');
  await until(() => stored().n1 === 'small', 'the small edit stored');

  // About 50 pages of text: more than the database may grow.
  const big = 'x'.repeat(200_000);
  a.doc.getMap('nodes').set('big', big);
  await until(() => told(a, false) && told(b, false), 'the clients told that storage failed');
  expect(running.output()).toMatch(
    /Could not store map\/full-disk \(SQLITE_FULL: database or disk is full\)\. Edits to it are refused/,
  );
  // What was stored is intact.
  expect(stored()).toEqual({ n1: 'small' });

  // Further edits are refused at the server: they reach nobody, and the client keeps them.
  a.doc.getMap('nodes').set('n2', 'typed while the disk is full');
  a.provider.setAwarenessField('marker', 'after-edit');
  await until(
    () =>
      [...b.provider.awareness!.getStates().values()].some(
        (state) => state.marker === 'after-edit',
      ),
    "a's awareness at b",
  );
  expect(entries(b.doc).n2).toBeUndefined();
  expect(a.provider.hasUnsyncedChanges).toBe(true);

  // A client that connects now is told too.
  const c = connect(running.url, name, ownerToken);
  clients.push(c);
  await synced(c);
  await until(() => told(c, false), 'the late client told');

  // Space returns: the server stores what it has, says so, and the clients send what they kept.
  running.signal('SIGUSR2');
  await until(() => told(a, true), 'the clients told that storage works again');
  await until(() => stored().n2 === 'typed while the disk is full', 'the kept edit stored');
  expect(stored().big).toBe(big);
  await until(() => entries(b.doc).n2 === 'typed while the disk is full', 'the kept edit at b');
  await until(() => !a.provider.hasUnsyncedChanges, "a's edits all confirmed");
  expect(running.output()).toMatch(/map\/full-disk is stored again/);
});
