/**
 * Share tokens (#16): JWTs signed with HS256 by the server's secret, carrying the claims of
 * {@link ShareClaims}. A token opens one map, with one role, until it expires or the map's key
 * generation moves past it (rotation = revocation).
 */
import { SignJWT, errors, jwtVerify } from 'jose';
import { ROLES, type Refusal, type Role, type ShareClaims } from '../collab/protocol';

/** A token refused, with the reason the client is sent ({@link Refusal}). */
export class RefusedError extends Error {
  /** Hocuspocus sends `reason` to the client when onAuthenticate throws. */
  readonly reason: Refusal;
  constructor(reason: Refusal, detail: string) {
    super(`${reason}: ${detail}`);
    this.reason = reason;
  }
}

const keyOf = (secret: string): Uint8Array => new TextEncoder().encode(secret);

export async function mintShareToken(secret: string, claims: ShareClaims): Promise<string> {
  return new SignJWT({ map: claims.map, role: claims.role, gen: claims.gen })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(claims.exp)
    .sign(keyOf(secret));
}

/**
 * Checks the signature, the expiry and the shape of a token; the map and generation are checked
 * by the caller against its registry. Throws {@link RefusedError}.
 */
export async function readShareToken(secret: string, token: string): Promise<ShareClaims> {
  if (!token) throw new RefusedError('invalid-token', 'no token');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), { algorithms: ['HS256'] }));
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw new RefusedError('expired', 'the link has expired');
    throw new RefusedError('invalid-token', 'the token is not signed by this server');
  }
  const { map, role, gen, exp } = payload;
  if (
    typeof map !== 'string' ||
    typeof role !== 'string' ||
    !(ROLES as readonly string[]).includes(role) ||
    typeof gen !== 'number' ||
    !Number.isInteger(gen) ||
    typeof exp !== 'number'
  ) {
    throw new RefusedError('invalid-token', 'the token lacks its map, role, generation or expiry');
  }
  return { map, role: role as Role, gen, exp };
}
