/**
 * Opening a map file named in the address (`?open=<url>`), for sharing and embedding maps in
 * course pages. The file is fetched (same origin, or another origin that allows it by CORS),
 * checked for size, and read through the one load path ({@link parseMapText}); nothing is
 * stored: the caller shows it read-only and offers to copy it into the library.
 */
import { INPUT_LIMITS } from '../io/inputLimits';
import { mapLimitProblems } from '../model/limits';
import { problemMessages } from '../model/problem';
import { english, say, type Message, type MessageArg, type MessageKey } from '../model/messages';
import type { ArgMap } from '../model/schema';

/** A map, or why it could not be opened: in English (`message`), and by key (`says`). */
export type UrlLoad = { ok: true; map: ArgMap } | { ok: false; message: string; says: Message };

const fail = (key: MessageKey, ...args: (MessageArg | number)[]): UrlLoad => {
  const says = say(key, ...args);
  return { ok: false, message: english(says), says };
};

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
    return fail('urlNotAddress', url);
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return fail('urlNotHttp', url);
  }
  const sameOrigin = globalThis.location !== undefined && target.origin === location.origin;
  let response: Response;
  try {
    response = await fetch(target, { credentials: 'omit' });
  } catch {
    // fetch gives no detail on purpose; a cross-origin failure is almost always CORS.
    return fail(sameOrigin ? 'urlNetwork' : 'urlCors', target.href);
  }
  if (!response.ok) {
    return response.status === 404
      ? fail('url404', target.href)
      : fail(
          'urlStatus',
          target.href,
          `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        );
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  // UTF-8 takes at least one byte per character, at most four.
  if (declared > INPUT_LIMITS.chars * 4) {
    return fail('urlTooLarge', target.href, Math.round(declared / 1e6));
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return fail(
      'urlUnreadable',
      target.href,
      error instanceof Error ? error.message : String(error),
    );
  }
  const { parseMapText } = await import('../io/mapFile');
  const parsed = parseMapText(text);
  // The map limits too: a map opened by address can be copied into the library.
  const over = parsed.ok ? mapLimitProblems(parsed.map) : [];
  const result = over.length ? { ok: false as const, problems: over } : parsed;
  if (!result.ok) {
    // One problem a line, the first ten.
    const lines = [say('urlInvalid', target.href), ...problemMessages(result.problems, 10)];
    return fail(
      'plain',
      lines.reduce((above, line) => say('twoLines', above, line)),
    );
  }
  return { ok: true, map: result.map };
}
