/**
 * `argmap import` through the importer registry: a Markdown document becomes a map whose source
 * keeps its origin and whose headings are taken as groups; a `.pdf` that is a web page is refused
 * saying what it is (the readers table has a PDF reader here).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/argmap';
import { parseMapText } from '../../../src/io/mapFile';
import { documentReaders } from '../../../src/io/registry';
import { fakeIo } from './fakeIo';

const saved = { ...documentReaders };
afterEach(() => {
  Object.assign(documentReaders, saved);
});

describe('argmap import <document>', () => {
  it('imports Markdown with its headings as groups and its origin', async () => {
    const t = fakeIo({
      'essay.md': '# Trees\n\nTrees cool streets. They cost money.\n\n## Costs\n\nWater is dear.\n',
    });
    expect(await run(['import', 'essay.md', '--out', 'essay.argmap.json'], t.io)).toBe(0);
    const parsed = parseMapText(t.written.get('essay.argmap.json') as string);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const { map } = parsed;
    expect(map.title).toBe('Trees');
    expect(map.groups).toEqual([
      { id: 'g1', title: 'Trees' },
      { id: 'g2', title: 'Costs', parent: 'g1' },
    ]);
    expect(map.sources[0]!.origin).toMatchObject({ kind: 'markdown', fileName: 'essay.md' });
    expect(map.sources[0]!.text).toBe(
      'Trees\n\nTrees cool streets. They cost money.\n\nCosts\n\nWater is dear.',
    );
    expect(t.stderr()).toContain('note: 2 heading(s) taken as groups.');
  });

  it('refuses a .pdf that is a web page, saying so', async () => {
    documentReaders.pdf = async () => {
      throw new Error('not to be called');
    };
    const t = fakeIo({ 'article.pdf': '<!doctype html><html><body>Saved page</body></html>' });
    expect(await run(['import', 'article.pdf'], t.io)).toBe(1);
    expect(t.stderr()).toContain(
      'article.pdf is named as a PDF document, but it is not one: its content looks like a web page (HTML).',
    );
  });
});
