/** Opening a map by address: fetched, checked and parsed, with a clear message for each failure. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMapFromUrl, openUrlParam } from '../../../src/app/openByUrl';
import { serializeMap } from '../../../src/io/mapFile';
import { generateMap } from '../../bench/generateMap';

const respond = (body: string, init: ResponseInit = {}) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, init)),
  );

describe('loadMapFromUrl', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads a valid map', async () => {
    respond(serializeMap(generateMap(5)));
    const result = await loadMapFromUrl('https://example.org/m.argmap.json');
    expect(result.ok && result.map.nodes).toHaveLength(5);
  });

  it('refuses a map over the map limits, naming what is too big', async () => {
    respond(serializeMap(generateMap(10_001)));
    const result = await loadMapFromUrl('https://example.org/huge.argmap.json');
    expect(result.ok ? '' : result.message).toMatch(
      /nodes: has 10,001 entries; the limit is 10,000/,
    );
  });

  it('says when there is no file at the address', async () => {
    respond('nope', { status: 404 });
    const result = await loadMapFromUrl('https://example.org/missing.json');
    expect(result.ok ? '' : result.message).toMatch(/404 Not Found/);
  });

  it('names CORS when another site cannot be read', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const result = await loadMapFromUrl('https://example.org/m.json');
    expect(result.ok ? '' : result.message).toMatch(/CORS/);
  });

  it('lists the problems of an invalid map, and refuses what is not JSON', async () => {
    respond(JSON.stringify({ ...generateMap(2), nodes: [{ id: 'a' }] }));
    const invalid = await loadMapFromUrl('https://example.org/bad.json');
    expect(invalid.ok ? '' : invalid.message).toMatch(/not a valid argument map:\nnodes\[0\]/);
    respond('<html>');
    const html = await loadMapFromUrl('https://example.org/page.html');
    expect(html.ok ? '' : html.message).toMatch(/not valid JSON/);
  });

  it('refuses addresses that are not http(s)', async () => {
    const result = await loadMapFromUrl('javascript:alert(1)');
    expect(result.ok ? '' : result.message).toMatch(/Only http and https/);
  });
});

describe('openUrlParam', () => {
  it('reads ?open=, or null', () => {
    expect(openUrlParam('?open=https%3A%2F%2Fexample.org%2Fm.json')).toBe(
      'https://example.org/m.json',
    );
    expect(openUrlParam('?map=x')).toBeNull();
    expect(openUrlParam('?open=')).toBeNull();
  });
});
