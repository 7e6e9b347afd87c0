/** A small valid map for model tests: one English source, four nodes, three edges. */
import type { ArgMap, Draft } from '../../../src/model/schema';

export const SOURCE_TEXT =
  'Cities should plant more trees. Trees cool streets by several degrees.\n\nShade cuts energy use. Critics say trees cost too much.';

/** A fresh copy on each call, writable so that tests can damage it on purpose. */
export function sampleMap(): Draft<ArgMap> {
  return {
    format: 'argmap',
    version: 2,
    id: 'trees',
    title: 'Urban trees',
    sources: [
      {
        id: 'src1',
        language: 'en',
        text: SOURCE_TEXT,
        sentences: [
          { id: 's1', start: 0, end: 31 },
          { id: 's2', start: 32, end: 70 },
          { id: 's3', start: 72, end: 93 },
          { id: 's4', start: 94, end: 126 },
        ],
      },
    ],
    nodes: [
      { id: 'n1', kind: 'conclusion', text: 'Plant more trees', refs: [{ sentence: 's1' }] },
      {
        id: 'n2',
        kind: 'evidence',
        text: 'Trees cool streets',
        refs: [{ sentence: 's2', start: 32, end: 50, quote: 'Trees cool streets' }],
      },
      { id: 'n3', kind: 'claim', text: 'Shade saves energy', refs: [{ sentence: 's3' }] },
      { id: 'n4', kind: 'objection', text: 'Too costly', refs: [{ sentence: 's4' }] },
    ],
    edges: [
      { id: 'e1', from: 'n2', to: 'n1', relation: 'supports' },
      { id: 'e2', from: 'n3', to: 'n1', relation: 'supports' },
      { id: 'e3', from: 'n4', to: 'n1', relation: 'attacks' },
    ],
    tours: [{ id: 't1', title: 'Walk-through', steps: ['n1', 'n2', 'n3', 'n4'] }],
  };
}
