/**
 * Import of real files made by other tools (OVA3, AIFdb, the AMF pipeline, Argdown), read in
 * place from ../shared/fixtures beside the checkout — never copied into this repository. The
 * suite skips, with a notice, where that folder is absent (e.g. a fresh clone).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAif } from '../../../src/io/importAif';
import { importArgdown } from '../../../src/io/importArgdown';
import { validateMap } from '../../../src/model/validate';
import type { ArgMap } from '../../../src/model/schema';
import type { ImportResult } from '../../../src/io/importText';
import { hasSharedFixtures, sharedFixtures } from './loadFixture';

if (!hasSharedFixtures) {
  console.warn(`Skipping the shared-fixture import tests: ${sharedFixtures} does not exist.`);
}

const read = (path: string) => readFileSync(resolve(sharedFixtures, path), 'utf8');
const aif = (name: string, withText = false) =>
  importAif(JSON.parse(read(`aif/${name}.json`)), {
    now: 'x',
    ...(withText ? { text: read(`aif/${name}.txt`) } : {}),
  });

function mapOf(result: ImportResult): ArgMap {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(validateMap(result.map).ok).toBe(true);
  return result.map;
}

/** "premise texts → junction → conclusion" or "from -relation-> to", by node text. */
function relations(map: ArgMap): string[] {
  const text = new Map(map.nodes.map((n) => [n.id, n.text]));
  const junctionName = (id: string) =>
    `{${map.edges
      .filter((e) => e.to === id && e.relation === 'supports')
      .map((e) => text.get(e.from))
      .sort()
      .join(' & ')}}`;
  const name = (id: string) =>
    map.nodes.find((n) => n.id === id)!.kind === 'inference' ? junctionName(id) : text.get(id)!;
  return map.edges
    .filter(
      (e) =>
        !(map.nodes.find((n) => n.id === e.to)!.kind === 'inference' && e.relation === 'supports'),
    )
    .map((e) => `${name(e.from)} -${e.relation}-> ${name(e.to)}`);
}

describe.skipIf(!hasSharedFixtures)('AIF files from other tools', () => {
  it('AIFdb nodeset542: a linked argument of three premises becomes one junction; the CA an attack', () => {
    const map = mapOf(aif('nodeset542', true));
    const r = relations(map);
    expect(r).toContain(
      "{All we have to do is freely place our trust in Him. & This is a wonderful doctrine because it gets us off the treadmill of trying to earn favor with God and trying to merit salvation. & justification by faith is the wonderful doctrine that God's forgiveness and salvation is a free gift that you can't do anything to merit} -supports-> God therefore excludes no one",
    );
    expect(r).toContain(
      'the first premise is false -attacks-> The Bible teaches that God gives justifying faith to those He arbitrarily chooses and excludes others.',
    );
    expect(map.nodes.filter((n) => n.kind !== 'inference')).toHaveLength(11);
    // The .txt gives the source; all but the analyst's own reconstruction are found in it.
    expect(map.nodes.filter((n) => n.implicit).map((n) => n.text)).toEqual([
      'If it is true that God excludes not one it is false that he excludes somebody',
    ]);
  });

  it('AIFdb nodeset6361: an undercut CA → CA whose attacker has two linked premises', () => {
    const map = mapOf(aif('nodeset6361', true));
    expect(relations(map)).toContain(
      "{But still Germany produces way too much rubbish & and too many resources are lost when what actually should be separated and recycled is burnt.} -attacks-> {Yes, it's annoying and cumbersome to separate your rubbish properly all the time.}",
    );
  });

  it('OVA3 28037: dialogue nodes skipped with notes, layout and text spans used', () => {
    const result = aif('28037');
    const map = mapOf(result);
    const report = result.ok ? result.report.join('\n') : '';
    expect(report).toMatch(/Skipped 26 L \(locution\)/);
    expect(report).toMatch(/Skipped 54 YA/);
    expect(report).toMatch(/Skipped 12 TA/);
    expect(map.nodes.filter((n) => n.kind !== 'inference')).toHaveLength(15);
    expect(map.nodes.every((n) => n.position)).toBe(true);
    expect(map.sources[0]!.text).not.toMatch(/<span|<a /);
    // OVA marks the locution; the I-node is reached through its YA.
    const node = map.nodes.find(
      (n) => n.text === 'Ekrem Imamoglu is starting to run away with the elections',
    )!;
    const source = map.sources[0]!;
    const quoted = node.refs.map(
      (r) => r.quote ?? source.text.slice(...sentenceRange(map, r.sentence)),
    );
    expect(quoted.join(' ')).toContain('Ekrem Imamoglu is starting to run away with the elections');
    expect(map.edges.filter((e) => e.relation === 'elaborates').length).toBeGreaterThan(0);
  });

  it('xAIF data.json: integer ids and null lists', () => {
    const map = mapOf(aif('data'));
    expect(map.nodes.map((n) => n.text)).toEqual([
      'We should go eat',
      '|Wilma: Why',
      "Bob: Because I'm hungry Wilma: Yeah me too",
      "Bob: So let's eat",
    ]);
    expect(map.edges).toHaveLength(4);
  });

  it('AIFdb nodeset7107: an empty map', () => {
    const map = mapOf(aif('nodeset7107'));
    expect(map.nodes).toEqual([]);
  });
});

function sentenceRange(map: ArgMap, id: string): [number, number] {
  const s = map.sources[0]!.sentences.find((x) => x.id === id)!;
  return [s.start, s.end];
}

describe.skipIf(!hasSharedFixtures)('Argdown files from the Argdown project', () => {
  it('state-censorship: same statements and relations as the Argdown CLI’s JSON export', () => {
    const map = mapOf(importArgdown(read('argdown/state-censorship.argdown'), { now: 'x' }));
    const expected = JSON.parse(read('argdown/state-censorship.argdown-cli.json')) as {
      statements: Record<string, { members: { text?: string }[] }>;
      arguments: Record<string, { pcs: { title: string; role: string }[] }>;
      relations: { from: string; to: string; relationType: string }[];
    };
    const textOf = (title: string) =>
      expected.statements[title]!.members.find((m) => m.text)!.text!.trim();
    const statements = map.nodes.filter((n) => n.kind !== 'inference').map((n) => n.text);
    expect(statements.sort()).toEqual(Object.keys(expected.statements).map(textOf).sort());
    const r = relations(map);
    for (const rel of expected.relations) {
      expect(rel.relationType).toBe('attack');
      expect(r).toContain(`${textOf(rel.from)} -attacks-> ${textOf(rel.to)}`);
    }
    // Every inference step of every PCS is a junction from its premises to its conclusion.
    for (const argument of Object.values(expected.arguments)) {
      let premises: string[] = [];
      for (const s of argument.pcs) {
        if (s.role === 'premise') {
          premises.push(textOf(s.title));
          continue;
        }
        expect(r).toContain(`{${premises.sort().join(' & ')}} -supports-> ${textOf(s.title)}`);
        premises = [textOf(s.title)];
      }
    }
    expect(map.title).toBe('Censorship from the State');
    expect(map.sources[0]!.author).toBe('Gregor Betz');
    expect(map.nodes.filter((n) => n.kind === 'inference').map((n) => n.tags)).toContainEqual([
      'con',
    ]);
  });

  it.each(['argdown-primer', 'parser-arguments', 'legalisation-softdrugs'])(
    '%s imports into a valid map',
    (name) => {
      const map = mapOf(importArgdown(read(`argdown/${name}.argdown`), { now: 'x' }));
      expect(map.nodes.length).toBeGreaterThan(5);
      expect(map.edges.length).toBeGreaterThan(5);
    },
  );

  it('argdown-primer: its three nested headings become nested groups', () => {
    const result = importArgdown(read('argdown/argdown-primer.argdown'), { now: 'x' });
    const map = mapOf(result);
    expect(map.groups).toEqual([
      { id: 'g1', title: '❤ Welcome to Argdown! ❤' },
      { id: 'g2', title: 'Argdown Basics', parent: 'g1' },
      { id: 'g3', title: 'Argument reconstructions', parent: 'g2' },
    ]);
    const groupOf = (start: string) => map.nodes.find((n) => n.text.startsWith(start))?.group;
    expect(groupOf('Argdown is a simple syntax')).toBe('g1');
    expect(groupOf('Another statement (after a blank line)')).toBe('g2');
    expect(groupOf('First premise')).toBe('g3');
    // Mentioned in "Argdown Basics", reconstructed under "Argument reconstructions".
    expect(map.nodes.find((n) => n.kind === 'inference' && n.note === 'Argument 1')?.group).toBe(
      'g3',
    );
    expect(map.nodes.every((n) => n.group)).toBe(true);
    expect(result.ok && result.report).toContain('3 heading(s) became groups.');
  });

  it.each(['legalisation-softdrugs', 'parser-arguments', 'state-censorship'])(
    '%s: a file without headings gets no groups',
    (name) => {
      const map = mapOf(importArgdown(read(`argdown/${name}.argdown`), { now: 'x' }));
      expect(map.groups).toBeUndefined();
      expect(map.nodes.some((n) => n.group !== undefined)).toBe(false);
    },
  );

  it('legalisation-softdrugs: undercuts attack an inference', () => {
    const map = mapOf(importArgdown(read('argdown/legalisation-softdrugs.argdown'), { now: 'x' }));
    const poor = map.nodes.find((n) => n.note === 'Poor reason')!;
    expect(poor.text).toMatch(/^In any case, the fact that/);
    const target = map.edges.find((e) => e.from === poor.id && e.relation === 'attacks')?.to;
    // "// undercuts the analogy", as the file's own comment says.
    expect(map.nodes.find((n) => n.id === target)?.note).toBe('Alcohol and tobacco analogy');
  });
});
