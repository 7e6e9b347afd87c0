/** The sync server's HTTP API (see collab/protocol.ts), called from the editor. */
import type { CreateSharedMapAnswer, LinkAnswer, Role } from '../../collab/protocol';

/** The server's HTTP address from its WebSocket address (same host and port). */
export function httpOf(server: string): string {
  return server.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '');
}

async function call<T>(server: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${httpOf(server)}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(answer.error ?? `${response.status} ${response.statusText}`);
  return answer;
}

export const createSharedMap = (server: string, mapId: string) =>
  call<CreateSharedMapAnswer>(server, '/api/maps', { mapId });

export const createLink = (
  server: string,
  mapId: string,
  ownerToken: string,
  role: Role,
  expiresInSeconds?: number,
) =>
  call<LinkAnswer>(
    server,
    `/api/maps/${encodeURIComponent(mapId)}/links`,
    { role, ...(expiresInSeconds ? { expiresInSeconds } : {}) },
    ownerToken,
  );

export const rotateKey = (server: string, mapId: string, ownerToken: string) =>
  call<CreateSharedMapAnswer>(
    server,
    `/api/maps/${encodeURIComponent(mapId)}/rotate`,
    {},
    ownerToken,
  );
