/**
 * The sync server (#16) as a real process: its HTTP API, who may connect and what each role may
 * write (checked at the server: another client and the stored document), key rotation, restarts.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentsDocName, contentDocName } from '../../src/collab/protocol';
import { readStoredDoc } from '../setup/storedDocs';
import {
  createSharedMap,
  expiresIn,
  makeLink,
  mintToken,
  rotateKey,
  startSyncServer,
  type RunningSyncServer,
} from '../setup/syncServer';
import { connect, entries, synced, until, type TestClient } from './clients';

let server: RunningSyncServer;
const clients: TestClient[] = [];
const open = (name: string, token: string): TestClient => {
  const client = connect(server.url, name, token);
  clients.push(client);
  return client;
};
let mapCount = 0;
/** A fresh shared map and its owner's token. */
const newMap = async (): Promise<{ mapId: string; ownerToken: string }> =>
  createSharedMap(server.httpUrl, `map-${++mapCount}-${Date.now()}`);

beforeAll(async () => {
  server = await startSyncServer();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.dispose();
});

describe('HTTP API', () => {
  it('answers health, CORS preflights, and clear errors', async () => {
    const health = await fetch(`${server.httpUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('access-control-allow-origin')).toBe('*');
    expect(await health.json()).toEqual({ ok: true });

    const preflight = await fetch(`${server.httpUrl}/api/maps`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://example.org', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);

    const notJson = await fetch(`${server.httpUrl}/api/maps`, { method: 'POST', body: '{nope' });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()) as { error: string }).toEqual({
      error: expect.stringMatching(/JSON/),
    });
    const badId = await fetch(`${server.httpUrl}/api/maps`, {
      method: 'POST',
      body: JSON.stringify({ mapId: 'no spaces/or slashes' }),
    });
    expect(badId.status).toBe(400);
    expect((await fetch(`${server.httpUrl}/api/nothing`)).status).toBe(404);
    expect((await fetch(`${server.httpUrl}/api/maps`)).status).toBe(405);
  });

  it('creates a map once, with an owner token for it; links need that token', async () => {
    const { mapId, ownerToken } = await newMap();
    expect(ownerToken.split('.')).toHaveLength(3);
    await expect(createSharedMap(server.httpUrl, mapId)).rejects.toThrow(/^409 /);

    const link = await makeLink(server.httpUrl, mapId, ownerToken, 'editor', 3600);
    expect(link.role).toBe('editor');
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(3500_000);

    await expect(makeLink(server.httpUrl, mapId, link.token, 'editor')).rejects.toThrow(/^403 /);
    const other = await newMap();
    await expect(makeLink(server.httpUrl, mapId, other.ownerToken, 'viewer')).rejects.toThrow(
      /^401 .*another map/,
    );
    const noToken = await fetch(`${server.httpUrl}/api/maps/${mapId}/links`, {
      method: 'POST',
      body: JSON.stringify({ role: 'viewer' }),
    });
    expect(noToken.status).toBe(401);
    await expect(makeLink(server.httpUrl, mapId, ownerToken, 'admin' as 'owner')).rejects.toThrow(
      /^400 /,
    );
    await expect(makeLink(server.httpUrl, mapId, ownerToken, 'viewer', -5)).rejects.toThrow(
      /^400 /,
    );
  });
});

describe('roles, enforced by the server', () => {
  it("an editor's edit reaches another client and is stored", async () => {
    const { mapId, ownerToken } = await newMap();
    const editor = await makeLink(server.httpUrl, mapId, ownerToken, 'editor');
    const a = open(contentDocName(mapId), editor.token);
    const b = open(contentDocName(mapId), ownerToken);
    expect(await a.authenticated).toBe('read-write');
    await Promise.all([synced(a), synced(b)]);

    a.doc.getMap('nodes').set('n1', 'Claim typed by the editor');
    await until(
      () => entries(b.doc).n1 === 'Claim typed by the editor',
      'the edit at the other client',
    );
    await until(() => !a.provider.hasUnsyncedChanges, 'the server to confirm the edit');
    await until(
      () =>
        readStoredDoc(server.dataDir, contentDocName(mapId))?.getMap('nodes').get('n1') ===
        'Claim typed by the editor',
      'the edit to be stored',
    );
  });

  it("a viewer's edits never reach the stored document or other clients", async () => {
    const { mapId, ownerToken } = await newMap();
    const owner = open(contentDocName(mapId), ownerToken);
    await synced(owner);
    owner.doc.getMap('nodes').set('n1', 'original');
    await until(() => !owner.provider.hasUnsyncedChanges, "the owner's edit confirmed");

    const viewerLink = await makeLink(server.httpUrl, mapId, ownerToken, 'viewer');
    const viewer = open(contentDocName(mapId), viewerLink.token);
    const viewerComments = open(commentsDocName(mapId), viewerLink.token);
    expect(await viewer.authenticated).toBe('readonly');
    expect(await viewerComments.authenticated).toBe('readonly');
    await synced(viewer);
    expect(entries(viewer.doc).n1).toBe('original');

    viewer.doc.getMap('nodes').set('n1', 'vandalised');
    viewer.doc.getMap('nodes').set('n2', 'added by a viewer');
    // Messages of one connection are handled in order: once the viewer's later awareness reaches
    // the owner, the server has handled (and refused) its edits.
    viewer.provider.setAwarenessField('marker', 'after-edits');
    await until(
      () =>
        [...owner.provider.awareness!.getStates().values()].some((s) => s.marker === 'after-edits'),
      "the viewer's awareness at the owner",
    );
    expect(entries(owner.doc)).toEqual({ n1: 'original' });
    expect(viewer.provider.hasUnsyncedChanges).toBe(true);

    // And a client that connects afterwards gets the document without them.
    const late = open(contentDocName(mapId), ownerToken);
    await synced(late);
    expect(entries(late.doc)).toEqual({ n1: 'original' });
    await until(
      () =>
        readStoredDoc(server.dataDir, contentDocName(mapId))?.getMap('nodes').has('n1') === true,
      'the document stored',
    );
    expect(readStoredDoc(server.dataDir, contentDocName(mapId))?.getMap('nodes').toJSON()).toEqual({
      n1: 'original',
    });
  });

  it('a commenter writes the comments document and nothing else', async () => {
    const { mapId, ownerToken } = await newMap();
    const link = await makeLink(server.httpUrl, mapId, ownerToken, 'commenter');
    const content = open(contentDocName(mapId), link.token);
    const comments = open(commentsDocName(mapId), link.token);
    expect(await content.authenticated).toBe('readonly');
    expect(await comments.authenticated).toBe('read-write');
    const ownerContent = open(contentDocName(mapId), ownerToken);
    const ownerComments = open(commentsDocName(mapId), ownerToken);
    await Promise.all([content, comments, ownerContent, ownerComments].map(synced));

    content.doc.getMap('nodes').set('n1', 'a commenter editing the map');
    comments.doc.getMap('comments').set('c1', 'A comment');
    await until(
      () => entries(ownerComments.doc, 'comments').c1 === 'A comment',
      'the comment at the owner',
    );
    content.provider.setAwarenessField('marker', 'after-edits');
    await until(
      () =>
        [...ownerContent.provider.awareness!.getStates().values()].some(
          (s) => s.marker === 'after-edits',
        ),
      "the commenter's awareness at the owner",
    );
    expect(entries(ownerContent.doc)).toEqual({});
    expect(content.provider.hasUnsyncedChanges).toBe(true);
    await until(() => !comments.provider.hasUnsyncedChanges, 'the comment confirmed');
  });
});

describe('tokens the server refuses', () => {
  it('refuses forged, expired, tampered, wrong-map, unknown-map and malformed tokens, saying why', async () => {
    const { mapId, ownerToken } = await newMap();
    const other = await newMap();
    const viewer = await makeLink(server.httpUrl, mapId, ownerToken, 'viewer');
    const [header, payload, signature] = viewer.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const tampered = [
      header,
      Buffer.from(JSON.stringify({ ...claims, role: 'editor' })).toString('base64url'),
      signature,
    ].join('.');

    const cases: [string, string, string][] = [
      [
        'forged',
        await mintToken('not-the-server-secret-at-all', {
          map: mapId,
          role: 'owner',
          gen: 1,
          exp: expiresIn(3600),
        }),
        'invalid-token',
      ],
      [
        'expired',
        await mintToken(server.secret, { map: mapId, role: 'editor', gen: 1, exp: expiresIn(-60) }),
        'expired',
      ],
      ['tampered', tampered, 'invalid-token'],
      ['wrong map', other.ownerToken, 'wrong-map'],
      [
        'unknown map',
        await mintToken(server.secret, {
          map: 'never-shared',
          role: 'owner',
          gen: 1,
          exp: expiresIn(3600),
        }),
        'unknown-map',
      ],
      ['not a token', 'hello', 'invalid-token'],
    ];
    for (const [what, token, reason] of cases) {
      const name = what === 'unknown map' ? contentDocName('never-shared') : contentDocName(mapId);
      const client = open(name, token);
      expect(await client.refused, what).toBe(reason);
      expect(client.doc.getMap('nodes').size, what).toBe(0);
    }
    // The server is still fine after all that.
    const good = open(contentDocName(mapId), ownerToken);
    expect(await good.authenticated).toBe('read-write');
  });

  it('rotating the key revokes every earlier link and closes their open connections', async () => {
    const { mapId, ownerToken } = await newMap();
    const editorLink = await makeLink(server.httpUrl, mapId, ownerToken, 'editor');
    const oldEditor = open(contentDocName(mapId), editorLink.token);
    await synced(oldEditor);

    const rotated = await rotateKey(server.httpUrl, mapId, ownerToken);
    expect(rotated.ownerToken).not.toBe(ownerToken);
    expect(await oldEditor.closed).toBe('revoked');

    // Its edits no longer reach anyone.
    const owner = open(contentDocName(mapId), rotated.ownerToken);
    await synced(owner);
    oldEditor.doc.getMap('nodes').set('n1', 'after revocation');
    const again = open(contentDocName(mapId), editorLink.token);
    expect(await again.refused).toBe('revoked');
    await expect(makeLink(server.httpUrl, mapId, ownerToken, 'viewer')).rejects.toThrow(
      /^401 .*revoked/,
    );
    await expect(rotateKey(server.httpUrl, mapId, ownerToken)).rejects.toThrow(/^401 /);

    // New links work; the revoked editor's edit never arrived.
    const newEditor = await makeLink(server.httpUrl, mapId, rotated.ownerToken, 'editor');
    const fresh = open(contentDocName(mapId), newEditor.token);
    await synced(fresh);
    expect(entries(fresh.doc)).toEqual({});
    expect(entries(owner.doc)).toEqual({});
  });
});

describe('restarts', () => {
  it('a restarted server keeps maps, keys and documents; clients reconnect and merge', async () => {
    const { mapId, ownerToken } = await newMap();
    const editorLink = await makeLink(server.httpUrl, mapId, ownerToken, 'editor');
    const a = open(contentDocName(mapId), editorLink.token);
    await synced(a);
    a.doc.getMap('nodes').set('n1', 'before the restart');
    await until(() => !a.provider.hasUnsyncedChanges, 'the edit confirmed');

    await server.restart();
    // Made while the server is gone: kept by the client, merged on reconnect.
    a.doc.getMap('nodes').set('n2', 'while the server was away');
    const b = open(contentDocName(mapId), editorLink.token);
    await synced(b);
    await until(() => entries(b.doc).n2 === 'while the server was away', 'the offline edit merged');
    expect(entries(b.doc).n1).toBe('before the restart');

    // Killed hard (no chance to store what was waiting): the clients still have it and resend it.
    a.doc.getMap('nodes').set('n3', 'just before a crash');
    await server.restart({ hard: true });
    const c = open(contentDocName(mapId), editorLink.token);
    await synced(c);
    await until(
      () => entries(c.doc).n3 === 'just before a crash',
      'the edit lost by the crash resent',
    );
    expect(await makeLink(server.httpUrl, mapId, ownerToken, 'viewer')).toMatchObject({
      role: 'viewer',
    });
  });

  it('without ARGMAP_SERVER_SECRET, makes a key once and keeps it (mode 0600) so links survive restarts', async () => {
    const own = await startSyncServer({ env: { ARGMAP_SERVER_SECRET: '' } });
    try {
      const secretFile = join(own.dataDir, 'secret');
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);
      const key = readFileSync(secretFile, 'utf8');
      expect(key.trim().length).toBeGreaterThanOrEqual(32);
      expect(own.output()).toContain(`data folder ${own.dataDir}`);
      const { mapId, ownerToken } = await createSharedMap(own.httpUrl, 'kept-key');
      await own.restart();
      expect(readFileSync(secretFile, 'utf8')).toBe(key);
      expect(await makeLink(own.httpUrl, mapId, ownerToken, 'viewer')).toMatchObject({
        role: 'viewer',
      });
    } finally {
      await own.dispose();
    }
  });
});
