/**
 * A map is named by its document where the document names itself: Argdown's front matter
 * `title`, else its first heading; AIF/OVA's metadata (`analysis.documentTitle`, `title`); else
 * by its file's name — never "Imported AIF" or "Imported Argdown". The real files are read in
 * place from ../shared/fixtures; those tests skip, with a notice, where the folder is absent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/io/importFile';
import { withFileTitle } from '../../../src/app/importFiles';
import { hasSharedFixtures, sharedFixtures } from './loadFixture';

if (!hasSharedFixtures) {
  console.warn(`Skipping the shared-fixture title tests: ${sharedFixtures} does not exist.`);
}

/** The title a file's map gets when imported in the editor (document, else file name). */
function titleOf(name: string, text: string, sidecarText?: string): string {
  const result = importFile(name, text, sidecarText !== undefined ? { sidecarText } : {});
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return withFileTitle(result.map, name).title;
}

const read = (path: string) => readFileSync(resolve(sharedFixtures, path), 'utf8');

describe.skipIf(!hasSharedFixtures)('titles of real files', () => {
  it("Argdown: the front matter's title, else the first heading, else the file name", () => {
    expect(titleOf('x.argdown', read('argdown/legalisation-softdrugs.argdown'))).toBe(
      'Pros and Cons Legalisation of Soft Drugs',
    );
    expect(titleOf('x.argdown', read('argdown/state-censorship.argdown'))).toBe(
      'Censorship from the State',
    );
    expect(titleOf('x.argdown', read('argdown/argdown-primer.argdown'))).toBe(
      '❤ Welcome to Argdown! ❤',
    );
    expect(titleOf('parser-arguments.argdown', read('argdown/parser-arguments.argdown'))).toBe(
      'parser arguments',
    );
  });

  it('AIF and OVA files that name themselves nowhere take their file name', () => {
    expect(titleOf('28037.json', read('aif/28037.json'))).toBe('28037');
    expect(
      titleOf('nodeset542.json', read('aif/nodeset542.json'), read('aif/nodeset542.txt')),
    ).toBe('nodeset542');
  });

  it('no real file becomes "Imported AIF" or "Imported Argdown"', () => {
    for (const folder of ['aif', 'argdown']) {
      for (const name of readdirSync(resolve(sharedFixtures, folder))) {
        if (!/\.(json|argdown)$/.test(name) || name.endsWith('-cli.json')) continue;
        const title = titleOf(name, read(`${folder}/${name}`));
        expect(title, name).not.toMatch(/^Imported (AIF|Argdown)$/);
        expect(title, name).not.toBe('');
      }
    }
  });
});

describe('titles from AIF and OVA metadata', () => {
  const aif = { nodes: [{ nodeID: '1', text: 'A claim.', type: 'I' }], edges: [] };
  it("takes OVA's analysis title, or a title at the top, as the map's and its source's", () => {
    const ova = { AIF: aif, analysis: { documentTitle: '  School   start ', txt: '' } };
    const result = importFile('ova.json', JSON.stringify(ova));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.map.title).toBe('School start');
    expect(result.map.sources[0]!.title).toBe('School start');
    expect(titleOf('x.json', JSON.stringify({ ...aif, title: 'Nodeset 9' }))).toBe('Nodeset 9');
    expect(titleOf('nodeset1.json', JSON.stringify({ ...aif, title: ' ' }))).toBe('nodeset1');
  });

  it('takes the first heading of an Argdown file without front matter', () => {
    const text = '[A]: A claim.\n\n# 学校 start\n\n[B]: Another.\n  + [A]\n';
    expect(titleOf('x.argdown', text)).toBe('学校 start');
  });
});
