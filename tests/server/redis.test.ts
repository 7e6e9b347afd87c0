/**
 * Several sync-server instances behind one Redis (#16): a real `redis-server` and two server
 * processes, started and stopped here. Edits and awareness made through one instance reach the
 * clients of the other, both converge, the map registry (and so a key rotation) is the same on
 * both, and the documents outlive the instances.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsDocName, contentDocName } from '../../src/collab/protocol';
import {
  createSharedMap,
  makeLink,
  rotateKey,
  startRedis,
  startSyncServer,
  type RunningRedis,
  type RunningSyncServer,
} from '../setup/syncServer';
import { connect, entries, synced, until, type TestClient } from './clients';

let redis: RunningRedis;
let a: RunningSyncServer;
let b: RunningSyncServer;
const servers: RunningSyncServer[] = [];
const clients: TestClient[] = [];
const secret = randomBytes(24).toString('base64url');

const open = (server: RunningSyncServer, name: string, token: string): TestClient => {
  const client = connect(server.url, name, token);
  clients.push(client);
  return client;
};
/** Same updates seen and the same contents (key order aside: it follows each doc's history). */
const sameState = (x: Y.Doc, y: Y.Doc): boolean => {
  const sorted = (doc: Y.Doc) =>
    JSON.stringify(Object.entries(entries(doc)).sort(([k1], [k2]) => k1.localeCompare(k2)));
  return (
    Buffer.from(Y.encodeStateVector(x)).equals(Buffer.from(Y.encodeStateVector(y))) &&
    sorted(x) === sorted(y)
  );
};

beforeAll(async () => {
  redis = await startRedis();
  const env = { REDIS_URL: redis.url, ARGMAP_SERVER_SECRET: secret };
  [a, b] = await Promise.all([startSyncServer({ env }), startSyncServer({ env })]);
  servers.push(a, b);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await Promise.all(servers.map((server) => server.dispose()));
  await redis?.stop();
});

it('edits and awareness cross between two instances through Redis, and both converge', async () => {
  // Registered through A, linked through B: the registry is Redis's, not an instance's.
  const { mapId, ownerToken } = await createSharedMap(a.httpUrl, 'two-instances');
  const editor = await makeLink(b.httpUrl, mapId, ownerToken, 'editor');
  await expect(createSharedMap(b.httpUrl, mapId)).rejects.toThrow(/^409 /);

  const onA = open(a, contentDocName(mapId), ownerToken);
  const onB = open(b, contentDocName(mapId), editor.token);
  await Promise.all([synced(onA), synced(onB)]);

  onA.doc.getMap('nodes').set('n1', 'typed at A');
  await until(() => entries(onB.doc).n1 === 'typed at A', "A's edit at B's client");
  onB.doc.getMap('nodes').set('n2', 'typed at B');
  await until(() => entries(onA.doc).n2 === 'typed at B', "B's edit at A's client");

  // Concurrent edits on both sides converge.
  for (let i = 0; i < 20; i++) {
    onA.doc.getMap('nodes').set(`a${i}`, i);
    onB.doc.getMap('nodes').set(`b${i}`, i);
    onB.doc.getMap('nodes').set('same', `b${i}`);
    onA.doc.getMap('nodes').set('same', `a${i}`);
  }
  await until(() => sameState(onA.doc, onB.doc) && entries(onA.doc).b19 === 19, 'both converged');
  expect(Object.keys(entries(onB.doc))).toHaveLength(2 + 40 + 1);

  // Awareness: who is here, from the other instance.
  onA.provider.setAwarenessField('user', { name: 'Ada', color: '#e11d48' });
  await until(
    () =>
      [...onB.provider.awareness!.getStates().values()].some((state) => state.user?.name === 'Ada'),
    "A's client's presence at B",
  );
  onB.provider.setAwarenessField('user', { name: 'Bo', color: '#2563eb' });
  await until(
    () =>
      [...onA.provider.awareness!.getStates().values()].some((state) => state.user?.name === 'Bo'),
    "B's client's presence at A",
  );
  await until(
    () => !onA.provider.hasUnsyncedChanges && !onB.provider.hasUnsyncedChanges,
    'all confirmed',
  );
});

it('roles hold on every instance, and a key rotated through one is refused by the other', async () => {
  const { mapId, ownerToken } = await createSharedMap(a.httpUrl, 'rotate-across');
  const viewer = await makeLink(a.httpUrl, mapId, ownerToken, 'viewer');
  const commenter = await makeLink(a.httpUrl, mapId, ownerToken, 'commenter');
  const viewerOnB = open(b, contentDocName(mapId), viewer.token);
  const commenterOnB = open(b, commentsDocName(mapId), commenter.token);
  expect(await viewerOnB.authenticated).toBe('readonly');
  expect(await commenterOnB.authenticated).toBe('read-write');
  await synced(viewerOnB);

  const rotated = await rotateKey(a.httpUrl, mapId, ownerToken);
  // Open connections on B holding the old key are closed, and new ones refused.
  expect(await viewerOnB.closed).toBe('revoked');
  expect(await commenterOnB.closed).toBe('revoked');
  expect(await open(b, contentDocName(mapId), viewer.token).refused).toBe('revoked');
  await expect(makeLink(b.httpUrl, mapId, ownerToken, 'viewer')).rejects.toThrow(/^401 .*revoked/);
  expect(await open(b, contentDocName(mapId), rotated.ownerToken).authenticated).toBe('read-write');
});

it('documents outlive the instances: edits made through both at once are all stored in Redis', async () => {
  const { mapId, ownerToken } = await createSharedMap(a.httpUrl, 'outlives');
  const onA = open(a, contentDocName(mapId), ownerToken);
  const onB = open(b, contentDocName(mapId), ownerToken);
  await Promise.all([synced(onA), synced(onB)]);
  // Bursts through both instances at once, so that both store the document at the same time.
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < 10; i++) {
      onA.doc.getMap('nodes').set(`a${round}-${i}`, 'kept in Redis');
      onB.doc.getMap('nodes').set(`b${round}-${i}`, 'kept in Redis');
    }
    await until(
      () => !onA.provider.hasUnsyncedChanges && !onB.provider.hasUnsyncedChanges,
      'both bursts confirmed',
    );
  }
  await until(() => sameState(onA.doc, onB.doc), 'both converged');
  onA.destroy();
  onB.destroy();
  await Promise.all([a.stop(), b.stop()]);

  const c = await startSyncServer({ env: { REDIS_URL: redis.url, ARGMAP_SERVER_SECRET: secret } });
  servers.push(c);
  const reader = open(c, contentDocName(mapId), ownerToken);
  await synced(reader);
  expect(Object.keys(entries(reader.doc))).toHaveLength(100);
});
