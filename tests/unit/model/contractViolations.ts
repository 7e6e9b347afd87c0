/**
 * One change per rule of the contract (and per kind of structural error), with the one problem
 * the validator must report for it. Used by the validator's tests and, as whole files, by the
 * bad-input tests of the import path, the command line and the browser.
 */
import type { ArgMap, Draft } from '../../../src/model/schema';

export const CONTRACT_VIOLATIONS: [string, (m: Draft<ArgMap>) => void, string][] = [
  [
    'duplicate node ids',
    (m) => m.nodes.push({ ...m.nodes[0]! }),
    'nodes[4].id: "n1" is used by another node',
  ],
  [
    'duplicate edge ids',
    (m) => (m.edges[2]!.id = 'e1'),
    'edges[2].id: "e1" is used by another edge',
  ],
  [
    'duplicate source ids',
    (m) => m.sources.push({ ...m.sources[0]!, sentences: [] }),
    'sources[1].id: "src1" is used by another source',
  ],
  [
    'a sentence id used in two sources',
    (m) =>
      m.sources.push({
        id: 'src2',
        language: 'en',
        text: 'Hello.',
        sentences: [{ id: 's1', start: 0, end: 6 }],
      }),
    'sources[1].sentences[0].id: "s1" is used by another sentence of this map',
  ],
  [
    'an edge from a missing node',
    (m) => (m.edges[0]!.from = 'n9'),
    'edges[0].from: "n9" is not a node of this map',
  ],
  [
    'an edge to a missing node',
    (m) => (m.edges[0]!.to = 'n9'),
    'edges[0].to: "n9" is not a node of this map',
  ],
  ['a self-loop', (m) => (m.edges[0]!.to = 'n2'), 'edges[0]: joins node "n2" to itself'],
  [
    'a sentence past the end of the text',
    (m) => (m.sources[0]!.sentences[3]!.end = 500),
    'sources[0].sentences[3].end: 500 is past the end of the text (127)',
  ],
  [
    'sentences out of order',
    (m) => (m.sources[0]!.sentences[2]!.start = 40),
    'sources[0].sentences[2].start: 40 overlaps the sentence before it (which ends at 70)',
  ],
  [
    'an empty sentence',
    (m) => (m.sources[0]!.sentences[0]!.end = 0),
    'sources[0].sentences[0]: start 0 must be before end 0',
  ],
  [
    'a span outside its sentence',
    (m) => (m.nodes[1]!.refs[0] = { sentence: 's2', start: 20, end: 40 }),
    'nodes[1].refs[0]: span 20–40 lies outside sentence "s2" (32–70)',
  ],
  [
    'a span with start only',
    (m) => (m.nodes[1]!.refs[0] = { sentence: 's2', start: 33 }),
    'nodes[1].refs[0]: a span needs both start and end',
  ],
  [
    'a quote that does not match',
    (m) => (m.nodes[1]!.refs[0]!.quote = 'Trees warm streets'),
    'nodes[1].refs[0].quote: "Trees warm streets" does not match the text at 32–50 ("Trees cool streets")',
  ],
  [
    'a quote without a span',
    (m) => (m.nodes[0]!.refs[0]!.quote = 'Cities'),
    'nodes[0].refs[0].quote: a quote needs the start and end of its span',
  ],
  [
    'a node without refs',
    (m) => (m.nodes[2]!.refs = []),
    'nodes[2].refs: a claim node needs at least one ref (only inference junctions and implicit premises may have none)',
  ],
  [
    'a tour stop that is not a node',
    (m) => (m.tours = [{ id: 't1', title: 'Lesson', steps: ['n1', 'n7'] }]),
    'tours[0].steps[1]: "n7" is not a node of this map',
  ],
  [
    'an unknown kind',
    (m) => ((m.nodes[0] as { kind: string }).kind = 'thesis'),
    'nodes[0].kind: invalid option: expected one of "conclusion"|"claim"|"evidence"|"objection"|"rebuttal"|"recommendation"|"context"|"inference"',
  ],
  ['a rating out of range', (m) => (m.nodes[0]!.rating = 9), 'nodes[0].rating: must be 1 to 5'],
  [
    'text of the wrong type',
    (m) => ((m.nodes[0] as { text: unknown }).text = 42),
    'nodes[0].text: invalid input: expected string, received number',
  ],
  [
    'a missing title',
    (m) => delete (m as Partial<Draft<ArgMap>>).title,
    'title: is missing (expected string)',
  ],
  [
    'an unknown field on a node',
    (m) => Object.assign(m.nodes[0]!, { colour: 'red' }),
    'nodes[0].colour: is not a field of this format (unknown fields are refused)',
  ],
  [
    'an unknown field on the map (version 1’s tour)',
    (m) => Object.assign(m, { tour: ['n1'] }),
    'tour: is not a field of this format (unknown fields are refused)',
  ],
  [
    'a missing tours list',
    (m) => delete (m as Partial<Draft<ArgMap>>).tours,
    'tours: is missing (expected array)',
  ],
  [
    'a node in a group that does not exist',
    (m) => {
      m.groups = [{ id: 'g1', title: 'Reasons' }];
      m.nodes[1]!.group = 'g9';
    },
    'nodes[1].group: "g9" is not a group of this map',
  ],
  [
    'a group inside a group that does not exist',
    (m) => (m.groups = [{ id: 'g1', title: 'Reasons', parent: 'g0' }]),
    'groups[0].parent: "g0" is not a group of this map',
  ],
  [
    'groups inside each other',
    (m) =>
      (m.groups = [
        { id: 'g1', title: 'A', parent: 'g3' },
        { id: 'g2', title: 'B', parent: 'g1' },
        { id: 'g3', title: 'C', parent: 'g2' },
      ]),
    'groups[0].parent: makes the groups a cycle (g1 → g3 → g2 → g1)',
  ],
  [
    'duplicate group ids',
    (m) =>
      (m.groups = [
        { id: 'g1', title: 'A' },
        { id: 'g1', title: 'B' },
      ]),
    'groups[1].id: "g1" is used by another group',
  ],
  [
    'duplicate tour ids',
    (m) => m.tours.push({ id: 't1', title: 'Again', steps: [] }),
    'tours[1].id: "t1" is used by another tour',
  ],
  [
    'a comment on nothing',
    (m) =>
      (m.comments = [
        { id: 'c1', target: 'e9', author: 'Ann', text: 'Hm', createdAt: '2026-11-28' },
      ]),
    'comments[0].target: "e9" is not a node or edge of this map',
  ],
  [
    'a reply to a comment that does not exist',
    (m) =>
      (m.comments = [
        {
          id: 'c1',
          target: 'e1',
          author: 'Ann',
          text: 'Hm',
          createdAt: '2026-11-28',
          replyTo: 'c0',
        },
      ]),
    'comments[0].replyTo: "c0" is not a comment of this map',
  ],
  [
    'duplicate comment ids',
    (m) =>
      (m.comments = [
        { id: 'c1', target: 'n1', author: 'Ann', text: 'A', createdAt: '2026-11-28' },
        { id: 'c1', target: 'n2', author: 'Bo', text: 'B', createdAt: '2026-11-28' },
      ]),
    'comments[1].id: "c1" is used by another comment',
  ],
  [
    'pages out of order',
    (m) =>
      (m.sources[0]!.pages = [
        { label: '1', start: 0 },
        { label: '2', start: 72 },
        { label: '3', start: 40 },
      ]),
    'sources[0].pages[2].start: 40 is before the start of the page before it (72)',
  ],
  [
    'a page past the end of the text',
    (m) => (m.sources[0]!.pages = [{ label: '1', start: 500 }]),
    'sources[0].pages[0].start: 500 is past the end of the text (127)',
  ],
  [
    'an unknown kind of origin',
    (m) => ((m.sources[0] as { origin?: unknown }).origin = { kind: 'epub' }),
    'sources[0].origin.kind: invalid option: expected one of "text"|"pdf"|"html"|"docx"|"markdown"|"aif"|"argdown"',
  ],
];
