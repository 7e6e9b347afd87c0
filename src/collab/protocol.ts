/**
 * What the editor and the sync server agree on for shared maps (#16): the roles, what each may
 * do, the documents a shared map is made of, the signed token a share link carries, and the
 * server's small HTTP API. Pure: imported by the browser (app/), the server (server/) and the
 * load script (tests/bench/), so the three cannot drift apart.
 */

/** The roles a share link grants, strongest first. */
export const ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Editing the map's content (nodes, edges, sources, groups, tours…). */
export const mayEdit = (role: Role): boolean => role === 'owner' || role === 'editor';
/** Writing comments and replies, resolving and reopening them. */
export const mayComment = (role: Role): boolean => role !== 'viewer';
/** Making links for others, rotating the map's key (revoking every link), unsharing. */
export const mayShare = (role: Role): boolean => role === 'owner';

/**
 * A shared map is two Yjs documents on the server: its content, and its comments kept apart so
 * the server can let commenters write the one and not the other.
 */
export const contentDocName = (mapId: string): string => `map/${mapId}`;
export const commentsDocName = (mapId: string): string => `comments/${mapId}`;

/** Parses a document name back into its map and part; null for a name that is neither. */
export function parseDocName(name: string): { mapId: string; part: 'content' | 'comments' } | null {
  const match = /^(map|comments)\/([A-Za-z0-9._-]{1,200})$/.exec(name);
  if (!match) return null;
  return { mapId: match[2]!, part: match[1] === 'map' ? 'content' : 'comments' };
}

/**
 * The claims of a share token (a JWT signed with HS256 by the server). `gen` is the map's key
 * generation: rotating the map's key raises it, and every token of an older generation is
 * refused from then on.
 */
export interface ShareClaims {
  /** The map this token opens, and only it. */
  map: string;
  role: Role;
  gen: number;
  /** Expiry, seconds since the epoch (JWT `exp`). */
  exp: number;
}

/**
 * The server's HTTP API, on the same port as its WebSocket (`http://host:port`). Requests and
 * answers are JSON; errors answer `{ error: string }` with a 4xx/5xx status.
 * - `POST /api/maps` `{ mapId }` → {@link CreateSharedMapAnswer}: registers a map to share (the
 *   caller becomes its owner); 409 if the id is taken.
 * - `POST /api/maps/:mapId/links` `{ role, expiresInSeconds? }`, `Authorization: Bearer <owner
 *   token>` → {@link LinkAnswer}.
 * - `POST /api/maps/:mapId/rotate`, `Authorization: Bearer <owner token>` →
 *   {@link CreateSharedMapAnswer}: a new key generation; every earlier token stops working and
 *   connections holding one are closed.
 * - `GET /api/health` → `{ ok: true }`.
 */
export interface CreateSharedMapAnswer {
  mapId: string;
  ownerToken: string;
}
export interface LinkAnswer {
  token: string;
  role: Role;
  /** ISO 8601. */
  expiresAt: string;
}

/** How long a link lasts unless asked otherwise: a school term. */
export const DEFAULT_LINK_SECONDS = 120 * 24 * 3600;

/**
 * A share link: the editor's address with `?server=<ws(s)://host:port>&shared=<mapId>` and the
 * token after `#token=` (a fragment, so the static host serving the editor never sees it).
 */
export function shareLink(editorUrl: string, server: string, mapId: string, token: string): string {
  const url = new URL(editorUrl);
  url.search = '';
  url.searchParams.set('server', server);
  url.searchParams.set('shared', mapId);
  url.hash = `token=${encodeURIComponent(token)}`;
  return url.toString();
}

/** Reads a share link (or the current address); null when it is not one. */
export function readShareLink(
  address: string,
): { server: string; mapId: string; token: string } | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  const server = url.searchParams.get('server');
  const mapId = url.searchParams.get('shared');
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  if (!server || !mapId || !token || !parseDocName(contentDocName(mapId))) return null;
  if (!/^wss?:\/\//.test(server)) return null;
  return { server, mapId, token };
}

/**
 * Why the server refused a share token: the reason of a refused connection (the provider's
 * `authenticationFailed` event), of a connection closed by a key rotation (`revoked`, the
 * provider's `close` event), and the start of HTTP error messages about tokens.
 */
export const REFUSALS = [
  /** Not a token of this server: forged, tampered with, malformed or missing. */
  'invalid-token',
  'expired',
  /** A valid token, for another map. */
  'wrong-map',
  /** No such shared map on this server. */
  'unknown-map',
  /** The map's key was rotated after this token was made. */
  'revoked',
  /** An owner's token was needed (HTTP API). */
  'not-owner',
  /** A document name that is not `map/<id>` or `comments/<id>`. */
  'bad-document',
] as const;
export type Refusal = (typeof REFUSALS)[number];

/**
 * A stateless message (JSON, the provider's `stateless` event) the server sends on a document's
 * connections when storing it fails (`ok: false`: the server refuses further edits to it, and
 * the client keeps them as waiting) and when it works again (`ok: true`: the server then closes
 * the socket so the provider reconnects and sends what it kept).
 */
export const STORAGE_MESSAGE = 'argmap/storage';
export interface StorageMessage {
  type: typeof STORAGE_MESSAGE;
  ok: boolean;
  error?: string;
}
