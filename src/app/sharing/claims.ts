/**
 * What a share token claims, read without checking its signature: the editor shows the role it
 * names and lets the server judge (a forged or tampered token is refused when it connects).
 */
import { ROLES, type ShareClaims } from '../../collab/protocol';

export function readClaims(token: string): ShareClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Partial<ShareClaims>;
    if (
      typeof claims.map !== 'string' ||
      !ROLES.includes(claims.role as ShareClaims['role']) ||
      typeof claims.gen !== 'number' ||
      typeof claims.exp !== 'number'
    )
      return null;
    return claims as ShareClaims;
  } catch {
    return null;
  }
}
