/**
 * Opening a map file named in the address (`?open=<url>`), for sharing and embedding maps in
 * course pages. The file is fetched (same origin, or another origin that allows it by CORS),
 * checked for size, and read through the one load path ({@link parseMapText}); nothing is
 * stored: the caller shows it read-only and offers to copy it into the library.
 */
import { MAX_FILE_CHARS, parseMapText } from '../io/mapFile';
import { mapLimitProblems } from '../model/limits';
import { describeProblem } from '../model/problem';
import type { ArgMap } from '../model/schema';

export type UrlLoad = { ok: true; map: ArgMap } | { ok: false; message: string };

/** The `?open=` parameter of the address (or of `search`), or null when absent or blank. */
export function openUrlParam(search: string = globalThis.location?.search ?? ''): string | null {
  const value = new URLSearchParams(search).get('open');
  return value && value.trim() ? value.trim() : null;
}

/** Fetches and validates the map file at `url` (relative URLs resolve against the page). */
export async function loadMapFromUrl(url: string): Promise<UrlLoad> {
  let target: URL;
  try {
    target = new URL(url, globalThis.location?.href);
  } catch {
    return { ok: false, message: `“${url}” is not a web address.` };
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return { ok: false, message: `Only http and https addresses can be opened, not “${url}”.` };
  }
  const sameOrigin = globalThis.location !== undefined && target.origin === location.origin;
  let response: Response;
  try {
    response = await fetch(target, { credentials: 'omit' });
  } catch {
    // fetch gives no detail on purpose; a cross-origin failure is almost always CORS.
    return {
      ok: false,
      message: sameOrigin
        ? `The map at ${target.href} could not be downloaded (network error). Check the connection and try again.`
        : `The map at ${target.href} could not be downloaded: the network failed, or its site does not allow other sites to read it (CORS: it must send “Access-Control-Allow-Origin”).`,
    };
  }
  if (!response.ok) {
    const why =
      response.status === 404
        ? 'there is no file at that address (404 Not Found)'
        : `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { ok: false, message: `The map at ${target.href} could not be opened: ${why}.` };
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  // UTF-8 takes at least one byte per character, at most four.
  if (declared > MAX_FILE_CHARS * 4) {
    return {
      ok: false,
      message: `The map at ${target.href} is too large (${Math.round(declared / 1e6)} MB).`,
    };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return {
      ok: false,
      message: `The map at ${target.href} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const parsed = parseMapText(text);
  // The map limits too: a map opened by address can be copied into the library.
  const over = parsed.ok ? mapLimitProblems(parsed.map) : [];
  const result = over.length ? { ok: false as const, problems: over } : parsed;
  if (!result.ok) {
    const lines = result.problems.slice(0, 10).map(describeProblem);
    if (result.problems.length > 10) lines.push(`…and ${result.problems.length - 10} more.`);
    return {
      ok: false,
      message: `The file at ${target.href} is not a valid argument map:\n${lines.join('\n')}`,
    };
  }
  return { ok: true, map: result.map };
}
