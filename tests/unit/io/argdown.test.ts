import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeArgdown, exportArgdown } from '../../../src/io/exportArgdown';
import { importArgdown, parseArgdown } from '../../../src/io/importArgdown';
import { groupPath } from '../../../src/model/groups';
import type { ArgMap } from '../../../src/model/schema';
import { loadMap, signature } from './loadFixture';

const parse = parseArgdown;

const text = (ec: { members: { text?: string }[] }) =>
  ec.members.map((m) => (m.text ?? '').trim()).find(Boolean) ?? '';

describe('exportArgdown, read by @argdown/core', () => {
  const map = loadMap();
  const response = parse(exportArgdown(map));

  it('parses without errors', () => {
    expect(response.lexerErrors).toEqual([]);
    expect(response.parserErrors).toEqual([]);
  });

  it('has one statement per statement node, with its text and its kind as a tag', () => {
    const statements = response.statements!;
    const expected = map.nodes.filter((n) => n.kind !== 'inference');
    expect(Object.keys(statements).sort()).toEqual(expected.map((n) => n.id).sort());
    for (const node of expected) {
      expect(text(statements[node.id]!)).toBe(node.text);
      expect(statements[node.id]!.tags).toContain(node.kind);
    }
    expect(statements.n9!.tags).toContain('history');
  });

  it('writes the inference junction as an argument whose PCS has its premises and conclusion', () => {
    const argument = response.arguments!.n8!;
    expect(argument.pcs.map((s) => [s.role, s.title])).toEqual([
      ['premise', 'n3'],
      ['premise', 'n7'],
      ['main-conclusion', 'n1'],
    ]);
  });

  it('has the same support and attack relations', () => {
    const relations = response
      .relations!.map((r) => `${r.from!.title} ${r.relationType} ${r.to!.title}`)
      .sort();
    expect(relations).toEqual(['n2 support n1', 'n4 attack n1', 'n5 attack n4']);
  });

  it('keeps elaboration and implicit premises as data', () => {
    expect(response.statements!.n9!.data).toEqual({ elaborates: ['n2'] });
    expect(response.statements!.n7!.data).toEqual({ implicit: true });
  });

  it('writes an attacking junction and an undercut as argument relations', () => {
    const attacking = {
      ...map,
      nodes: [...map.nodes, { id: 'n10', kind: 'inference' as const, text: '', refs: [] }],
      edges: [
        ...map.edges,
        { id: 'e8', from: 'n5', to: 'n10', relation: 'supports' as const },
        { id: 'e9', from: 'n9', to: 'n10', relation: 'supports' as const },
        { id: 'e10', from: 'n10', to: 'n6', relation: 'attacks' as const },
        { id: 'e11', from: 'n4', to: 'n8', relation: 'attacks' as const },
      ],
    };
    const parsed = parse(exportArgdown(attacking));
    expect(parsed.parserErrors).toEqual([]);
    const relations = parsed.relations!.map(
      (r) => `${r.from!.title} ${r.relationType} ${r.to!.title ?? r.to!.type}`,
    );
    expect(relations).toEqual(
      expect.arrayContaining([
        'n5 support n10',
        'n9 support n10',
        'n10 attack n6',
        'n4 undercut inference',
      ]),
    );
    const back = importArgdown(exportArgdown(attacking), { now: 'x' });
    expect(back.ok && signature(back.map)).toEqual(signature(attacking));
  });

  it('escapes a run of "=" so no text can open front matter (a\\ === b === c)', () => {
    for (const input of ['a\\ === b === c', '=== x ===', 'a\\ ==== b', 'x ==']) {
      const parsed = parse(`[s]: ${escapeArgdown(input)}\n`);
      expect(parsed.parserErrors).toEqual([]);
      expect(text(parsed.statements!.s!)).toBe(input);
    }
  });

  it('escapes any text so the parser reads it back unchanged', () => {
    const chars = fc.constantFrom(
      ...'ab 核。[]<>{}#@*_-/.:,;()+\\!?\'"=`~'.split(''),
      '===',
      'x.y',
      '--',
      '//',
      '/*',
      '<!--',
      ':)',
    );
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 25 }), (parts) => {
        const input = parts.join('').replace(/\s+/g, ' ').trim();
        fc.pre(input.length > 0);
        const parsed = parse(`[s]: ${escapeArgdown(input)}\n`);
        expect(parsed.parserErrors).toEqual([]);
        expect(text(parsed.statements!.s!)).toBe(input);
      }),
      { numRuns: 150 },
    );
  });
});

describe('native → Argdown → native', () => {
  it('keeps statements, kinds and relations', () => {
    const map = loadMap();
    const back = importArgdown(exportArgdown(map), { now: '2026-11-26T12:00:00.000Z' });
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(signature(back.map)).toEqual(signature(map));
    expect(back.map.title).toBe(map.title);
    expect(back.map.nodes.find((n) => n.text.startsWith('A policy'))?.implicit).toBe(true);
    expect(back.map.nodes.find((n) => n.kind === 'context')?.tags).toEqual(['history']);
  });

  it('keeps the tags of an inference junction', () => {
    const map = loadMap();
    const tagged = {
      ...map,
      nodes: map.nodes.map((n) =>
        n.kind === 'inference' ? { ...n, tags: ['con', 'two words'] } : n,
      ),
    };
    const back = importArgdown(exportArgdown(tagged), { now: 'x' });
    expect(back.ok && back.map.nodes.find((n) => n.kind === 'inference')?.tags).toEqual([
      'con',
      'two words',
    ]);
  });

  it('gives every stated node a sentence of the built source', () => {
    const back = importArgdown(exportArgdown(loadMap()), { now: 'x' });
    if (!back.ok) throw new Error('import failed');
    const source = back.map.sources[0]!;
    for (const node of back.map.nodes.filter((n) => n.kind !== 'inference' && !n.implicit)) {
      const quoted = node.refs.map((r) => {
        const s = source.sentences.find((x) => x.id === r.sentence)!;
        return source.text.slice(s.start, s.end);
      });
      expect(quoted.join('')).toBe(node.text);
    }
  });
});

describe('groups as Argdown headings', () => {
  /** The small map with n1, n2 in "一、Part one", n3 and the junction n8 in "Sub" inside it, n4 and n5 in "二". */
  function grouped(): ArgMap {
    const map = loadMap();
    const groupOf: Record<string, string> = {
      n1: 'g1',
      n2: 'g1',
      n3: 'g2',
      n8: 'g2',
      n4: 'g3',
      n5: 'g3',
    };
    return {
      ...map,
      groups: [
        { id: 'g1', title: '一、Part one' },
        { id: 'g2', title: 'Sub #part [one]', parent: 'g1' },
        { id: 'g3', title: '二、Part two' },
        { id: 'g4', title: 'Empty' },
      ],
      nodes: map.nodes.map((n) => (groupOf[n.id] ? { ...n, group: groupOf[n.id] } : n)),
    };
  }
  /** Each node (by text, a junction by its kind) with the titles of its groups, outermost first. */
  const placed = (map: ArgMap) =>
    map.nodes
      .map(
        (n) =>
          `${n.kind === 'inference' ? '<junction>' : n.text} @ ${groupPath(map, n.id)
            .map((g) => map.groups!.find((x) => x.id === g)!.title)
            .join(' / ')}`,
      )
      .sort();

  it('writes headings, one # per level, with their members under them', () => {
    const out = exportArgdown(grouped());
    expect(out.match(/^#+ .*$/gm)).toEqual([
      '# 一、Part one',
      '## Sub \\#part \\[one\\]',
      '# 二、Part two',
      '# Empty',
    ]);
    // Nodes in no group come before the first heading.
    expect(out.indexOf('[n6]:')).toBeLessThan(out.indexOf('# 一'));
    expect(out.indexOf('<n8>:')).toBeGreaterThan(out.indexOf('## Sub'));
    expect(out.indexOf('<n8>:')).toBeLessThan(out.indexOf('# 二'));
    expect(parse(out).parserErrors ?? []).toEqual([]);
  });

  it('round-trips: the same groups, nested the same way, with the same members', () => {
    const map = grouped();
    const back = importArgdown(exportArgdown(map), { now: 'x' });
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.map.groups).toEqual([
      { id: 'g1', title: '一、Part one' },
      { id: 'g2', title: 'Sub #part [one]', parent: 'g1' },
      { id: 'g3', title: '二、Part two' },
      { id: 'g4', title: 'Empty' },
    ]);
    expect(placed(back.map)).toEqual(placed(map));
    expect(signature(back.map)).toEqual(signature(map));
    expect(back.report).toContain('4 heading(s) became groups.');
  });

  it('writes a map without groups without headings, and reads it back without groups', () => {
    const out = exportArgdown(loadMap());
    expect(out).not.toMatch(/^#/m);
    const back = importArgdown(out, { now: 'x' });
    expect(back.ok && back.map.groups).toBeUndefined();
  });
});

describe('importArgdown', () => {
  it('reports syntax errors with line numbers', () => {
    const result = importArgdown('[a]: fine\n\n<b>\n\n(1) premise\n----\n', { now: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toMatch(/^line \d+, column \d+$/);
  });

  it('turns a multi-step PCS into a chain of junctions and an undercut into an attack on one', () => {
    const input = [
      '<A>: An argument.',
      '',
      '(1) P one',
      '(2) P two',
      '----',
      '(3) Middle',
      '(4) P three',
      '----',
      '(5) End',
      '',
      '[U]: Undercutter.',
      '  _> <A>',
      '',
    ].join('\n');
    const result = importArgdown(input, { now: 'x' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { relations } = signature(result.map);
    expect(relations).toEqual(
      expect.arrayContaining([
        '{P one & P two} -supports-> Middle',
        '{Middle & P three} -supports-> End',
        'Undercutter. -attacks-> {Middle & P three}',
      ]),
    );
    expect(result.map.nodes.filter((n) => n.kind === 'inference')).toHaveLength(2);
    expect(result.map.nodes.find((n) => n.kind === 'inference')?.note).toBe('A: An argument.');
  });

  it('refuses input without statements', () => {
    expect(importArgdown('   \n', { now: 'x' }).ok).toBe(false);
  });
});
