import { describe, expect, it } from 'vitest';
import {
  OperationError,
  addNode,
  addRef,
  connect,
  disconnect,
  moveNodes,
  removeNode,
  removeRef,
  setKind,
  setRelation,
  updateEdge,
  updateNode,
} from '../../../src/model/operations';
import { validateMap } from '../../../src/model/validate';
import { sampleMap } from './sampleMap';

const valid = (map: unknown) => expect(validateMap(map).ok).toBe(true);

describe('model operations', () => {
  it('adds a node with a fresh id and keeps the input untouched', () => {
    const before = sampleMap();
    const frozen = structuredClone(before);
    const { map, id } = addNode(before, {
      kind: 'evidence',
      text: 'Study',
      refs: [{ sentence: 's3' }],
    });
    expect(id).toBe('n5');
    expect(map.nodes).toHaveLength(5);
    expect(before).toEqual(frozen);
    valid(map);
  });

  it('refuses a node without refs unless it is an inference or implicit', () => {
    expect(() => addNode(sampleMap(), { kind: 'claim', text: 'x', refs: [] })).toThrow(
      OperationError,
    );
    valid(addNode(sampleMap(), { kind: 'claim', text: 'x', refs: [], implicit: true }).map);
    valid(addNode(sampleMap(), { kind: 'inference', text: '', refs: [] }).map);
  });

  it('refuses refs to unknown sentences and quotes that do not match', () => {
    expect(() => addRef(sampleMap(), 'n1', { sentence: 's9' })).toThrow('"s9" is not a sentence');
    expect(() =>
      addRef(sampleMap(), 'n1', { sentence: 's2', start: 32, end: 37, quote: 'Tree!' }),
    ).toThrow(OperationError);
    const map = addRef(sampleMap(), 'n1', { sentence: 's2', start: 32, end: 37, quote: 'Trees' });
    expect(map.nodes[0]!.refs).toHaveLength(2);
    valid(map);
  });

  it('removes a node together with its edges and tour stop', () => {
    const map = removeNode(sampleMap(), 'n1');
    expect(map.nodes.map((n) => n.id)).toEqual(['n2', 'n3', 'n4']);
    expect(map.edges).toEqual([]);
    expect(map.tours[0]!.steps).toEqual(['n2', 'n3', 'n4']);
    valid(map);
  });

  it('connects and disconnects, refusing self-loops and unknown nodes', () => {
    const { map, id } = connect(sampleMap(), 'n4', 'n3', 'attacks');
    expect(map.edges.find((e) => e.id === id)).toEqual({
      id: 'e4',
      from: 'n4',
      to: 'n3',
      relation: 'attacks',
    });
    valid(map);
    expect(() => connect(sampleMap(), 'n2', 'n2', 'supports')).toThrow('itself');
    expect(() => connect(sampleMap(), 'n2', 'zz', 'supports')).toThrow(OperationError);
    expect(disconnect(map, id).edges).toHaveLength(3);
    expect(() => disconnect(map, 'e99')).toThrow(OperationError);
  });

  it('changes kind, relation, edge note and rating', () => {
    let map = setKind(sampleMap(), 'n3', 'evidence');
    map = setRelation(map, 'e3', 'elaborates');
    map = updateEdge(map, 'e1', { note: 'strong', rating: 4 });
    expect(map.nodes[2]!.kind).toBe('evidence');
    expect(map.edges[2]!.relation).toBe('elaborates');
    expect(map.edges[0]).toMatchObject({ note: 'strong', rating: 4 });
    map = updateEdge(map, 'e1', { note: undefined });
    expect('note' in map.edges[0]!).toBe(false);
    valid(map);
  });

  it('updates node fields and drops fields set to undefined', () => {
    let map = updateNode(sampleMap(), 'n2', { text: 'Trees cool', note: 'see study', rating: 5 });
    expect(map.nodes[1]).toMatchObject({ text: 'Trees cool', note: 'see study', rating: 5 });
    map = updateNode(map, 'n2', { note: undefined });
    expect('note' in map.nodes[1]!).toBe(false);
    expect(() => updateNode(sampleMap(), 'n77', { text: 'x' })).toThrow(OperationError);
  });

  it('will not remove the last ref of a node that needs one', () => {
    expect(() => removeRef(sampleMap(), 'n1', 0)).toThrow('only source ref');
    const map = removeRef(addRef(sampleMap(), 'n1', { sentence: 's3' }), 'n1', 0);
    expect(map.nodes[0]!.refs).toEqual([{ sentence: 's3' }]);
  });

  it('moves nodes and shares every untouched record with the previous version', () => {
    const before = sampleMap();
    const map = moveNodes(before, { n2: { x: 10, y: 20 } });
    expect(map.nodes[1]!.position).toEqual({ x: 10, y: 20 });
    expect(map.nodes[0]).toBe(before.nodes[0]);
    expect(map.edges).toBe(before.edges);
  });
});
