/**
 * The sync server's HTTP API (src/collab/protocol.ts): create a shared map, make links, rotate
 * a map's key, health. JSON in and out; errors are `{ error }` with a 4xx/5xx status. CORS allows
 * any origin: the editor may be served from another host or port than the server, and the API is
 * authorised by bearer tokens, never by cookies, so a foreign page gains nothing a token would
 * not give it anyway.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DEFAULT_LINK_SECONDS,
  ROLES,
  contentDocName,
  parseDocName,
  type CreateSharedMapAnswer,
  type LinkAnswer,
  type Role,
} from '../collab/protocol';
import type { ServerStore } from './store';
import { RefusedError, mintShareToken, readShareToken } from './tokens';

/** An owner's token lasts this long (rotating the key replaces it). */
export const OWNER_TOKEN_SECONDS = 5 * 365 * 24 * 3600;
/** The longest link one may ask for. */
export const MAX_LINK_SECONDS = 5 * 365 * 24 * 3600;
const MAX_BODY_BYTES = 16 * 1024;

export interface ApiDeps {
  store: ServerStore;
  secret: string;
  /** Called after a rotation, to close connections holding an older generation. */
  rotated(mapId: string, gen: number): Promise<void>;
  log(line: string, level?: 'info' | 'error'): void;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    ...CORS_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request body is too large.');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

async function ownerToken(secret: string, mapId: string, gen: number): Promise<string> {
  return mintShareToken(secret, {
    map: mapId,
    role: 'owner',
    gen,
    exp: nowSeconds() + OWNER_TOKEN_SECONDS,
  });
}

/** Checks that the request carries a current owner token of `mapId`. */
async function requireOwner(deps: ApiDeps, request: IncomingMessage, mapId: string): Promise<void> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new HttpError(401, 'An owner token is needed: Authorization: Bearer <token>.');
  try {
    const claims = await readShareToken(deps.secret, match[1]!);
    if (claims.map !== mapId) throw new RefusedError('wrong-map', 'this token is for another map');
    const record = await deps.store.getMap(mapId);
    if (!record) throw new HttpError(404, `No shared map ${mapId} on this server.`);
    if (claims.gen < record.gen) {
      throw new RefusedError('revoked', "this token was revoked by rotating the map's key");
    }
    if (claims.gen > record.gen) throw new RefusedError('invalid-token', 'unknown key generation');
    if (claims.role !== 'owner') {
      throw new RefusedError('not-owner', 'only the owner may make links or rotate the key');
    }
  } catch (error) {
    if (error instanceof RefusedError) {
      throw new HttpError(error.reason === 'not-owner' ? 403 : 401, error.message);
    }
    throw error;
  }
}

function mapIdOf(raw: string): string {
  let mapId: string;
  try {
    mapId = decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'The map id is not valid.');
  }
  if (!parseDocName(contentDocName(mapId))) {
    throw new HttpError(400, 'A map id is 1–200 letters, digits, dots, dashes or underscores.');
  }
  return mapId;
}

async function route(deps: ApiDeps, request: IncomingMessage): Promise<[number, unknown]> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const method = request.method ?? 'GET';
  const only = (allowed: string) => {
    if (method !== allowed) throw new HttpError(405, `Use ${allowed} for ${path}.`);
  };

  if (path === '/api/health') {
    only('GET');
    return [200, { ok: true }];
  }
  if (path === '/api/maps') {
    only('POST');
    const body = await readJson(request);
    if (typeof body.mapId !== 'string')
      throw new HttpError(400, 'Give the map id: { "mapId": "…" }.');
    const mapId = mapIdOf(body.mapId);
    const record = await deps.store.createMap(mapId);
    if (!record) throw new HttpError(409, `The map id ${mapId} is already shared on this server.`);
    deps.log(`Shared map ${mapId} created.`);
    const answer: CreateSharedMapAnswer = {
      mapId,
      ownerToken: await ownerToken(deps.secret, mapId, record.gen),
    };
    return [201, answer];
  }
  const match = /^\/api\/maps\/([^/]+)\/(links|rotate)$/.exec(path);
  if (match) {
    only('POST');
    const mapId = mapIdOf(match[1]!);
    await requireOwner(deps, request, mapId);
    if (match[2] === 'links') {
      const body = await readJson(request);
      const role = body.role;
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
        throw new HttpError(400, `The role must be one of ${ROLES.join(', ')}.`);
      }
      const seconds = body.expiresInSeconds ?? DEFAULT_LINK_SECONDS;
      if (
        typeof seconds !== 'number' ||
        !Number.isInteger(seconds) ||
        seconds < 1 ||
        seconds > MAX_LINK_SECONDS
      ) {
        throw new HttpError(
          400,
          `expiresInSeconds must be a whole number from 1 to ${MAX_LINK_SECONDS}.`,
        );
      }
      const record = await deps.store.getMap(mapId);
      if (!record) throw new HttpError(404, `No shared map ${mapId} on this server.`);
      const exp = nowSeconds() + seconds;
      const answer: LinkAnswer = {
        token: await mintShareToken(deps.secret, {
          map: mapId,
          role: role as Role,
          gen: record.gen,
          exp,
        }),
        role: role as Role,
        expiresAt: new Date(exp * 1000).toISOString(),
      };
      return [201, answer];
    }
    const record = await deps.store.rotate(mapId);
    if (!record) throw new HttpError(404, `No shared map ${mapId} on this server.`);
    await deps.rotated(mapId, record.gen);
    deps.log(`Shared map ${mapId}: key rotated (generation ${record.gen}); earlier links revoked.`);
    const answer: CreateSharedMapAnswer = {
      mapId,
      ownerToken: await ownerToken(deps.secret, mapId, record.gen),
    };
    return [200, answer];
  }
  if (path.startsWith('/api/')) throw new HttpError(404, `No such API: ${method} ${path}.`);
  return [404, { error: 'This is the argument-map sync server: connect with a share link.' }];
}

/** Answers one HTTP request; always handles it (true), so Hocuspocus adds nothing. */
export async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  deps: ApiDeps,
): Promise<boolean> {
  if (request.method === 'OPTIONS') {
    response.writeHead(204, CORS_HEADERS);
    response.end();
    return true;
  }
  try {
    const [status, body] = await route(deps, request);
    send(response, status, body);
  } catch (error) {
    if (error instanceof HttpError) {
      send(response, error.status, { error: error.message });
    } else {
      const message = error instanceof Error ? error.message : String(error);
      deps.log(`HTTP ${request.method} ${request.url}: ${message}`, 'error');
      send(response, 503, { error: `The server could not do that: ${message}` });
    }
  }
  return true;
}
