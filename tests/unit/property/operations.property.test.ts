/**
 * Property tests: random sequences of model operations keep every rule of the contract, and
 * undo/redo through the store return exactly the earlier documents.
 */
import fc from 'fast-check';
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
  updateEdge,
  updateNode,
} from '../../../src/model/operations';
import { NODE_KINDS, RELATIONS, type ArgMap } from '../../../src/model/schema';
import { validateMap } from '../../../src/model/validate';
import { useMapStore, undo, redo } from '../../../src/store/mapStore';
import { sampleMap } from '../model/sampleMap';

const pick = <T>(list: readonly T[], i: number): T | undefined =>
  list.length ? list[i % list.length] : undefined;

/** One random edit, described by numbers so fast-check can shrink it. */
const operation = fc.oneof(
  fc.record({ op: fc.constant('add'), kind: fc.nat(), sentence: fc.nat(), text: fc.string() }),
  fc.record({ op: fc.constant('remove'), node: fc.nat() }),
  fc.record({ op: fc.constant('connect'), from: fc.nat(), to: fc.nat(), relation: fc.nat() }),
  fc.record({ op: fc.constant('disconnect'), edge: fc.nat() }),
  fc.record({
    op: fc.constant('update'),
    node: fc.nat(),
    kind: fc.nat(),
    text: fc.string(),
    implicit: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('edge'),
    edge: fc.nat(),
    relation: fc.nat(),
    rating: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    op: fc.constant('addRef'),
    node: fc.nat(),
    sentence: fc.nat(),
    from: fc.nat(),
    length: fc.nat(),
  }),
  fc.record({ op: fc.constant('removeRef'), node: fc.nat(), ref: fc.nat() }),
  fc.record({ op: fc.constant('move'), node: fc.nat(), x: fc.integer(), y: fc.integer() }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(map: ArgMap, o: Operation): ArgMap {
  const node = 'node' in o ? pick(map.nodes, o.node) : undefined;
  const sentences = map.sources[0]!.sentences;
  switch (o.op) {
    case 'add': {
      const s = pick(sentences, o.sentence)!;
      return addNode(map, {
        kind: pick(NODE_KINDS, o.kind)!,
        text: o.text,
        refs: [{ sentence: s.id }],
      }).map;
    }
    case 'remove':
      return node ? removeNode(map, node.id) : map;
    case 'connect': {
      const from = pick(map.nodes, o.from);
      const to = pick(map.nodes, o.to);
      return from && to ? connect(map, from.id, to.id, pick(RELATIONS, o.relation)!).map : map;
    }
    case 'disconnect': {
      const edge = pick(map.edges, o.edge);
      return edge ? disconnect(map, edge.id) : map;
    }
    case 'update':
      return node
        ? updateNode(map, node.id, {
            kind: pick(NODE_KINDS, o.kind)!,
            text: o.text,
            implicit: o.implicit || undefined,
          })
        : map;
    case 'edge': {
      const edge = pick(map.edges, o.edge);
      return edge
        ? updateEdge(map, edge.id, { relation: pick(RELATIONS, o.relation)!, rating: o.rating })
        : map;
    }
    case 'addRef': {
      const s = pick(sentences, o.sentence)!;
      const start = s.start + (o.from % (s.end - s.start));
      const end = Math.min(s.end, start + 1 + (o.length % (s.end - start)));
      const quote = map.sources[0]!.text.slice(start, end);
      return node ? addRef(map, node.id, { sentence: s.id, start, end, quote }) : map;
    }
    case 'removeRef':
      return node && node.refs.length ? removeRef(map, node.id, o.ref % node.refs.length) : map;
    case 'move':
      return node ? moveNodes(map, { [node.id]: { x: o.x, y: o.y } }) : map;
  }
}

/** Applies an operation; a refusal (OperationError) leaves the map as it was. */
function tryApply(map: ArgMap, o: Operation): ArgMap {
  try {
    return apply(map, o);
  } catch (error) {
    if (error instanceof OperationError) return map;
    throw error;
  }
}

describe('model operations, at random', () => {
  it('keep every rule of the contract after any sequence, refusing only with OperationError', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (ops) => {
        let map: ArgMap = sampleMap();
        for (const o of ops) {
          map = tryApply(map, o);
          const result = validateMap(map);
          if (!result.ok)
            throw new Error(`${o.op} broke the map: ${JSON.stringify(result.problems)}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('undo returns the exact earlier documents and redo the later ones', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 15 }), (ops) => {
        const store = useMapStore.getState();
        store.open(sampleMap());
        const history = [structuredClone(useMapStore.getState().map!)];
        for (const o of ops) {
          const before = useMapStore.getState().map;
          useMapStore.getState().edit((m) => tryApply(m, o));
          const after = useMapStore.getState().map!;
          if (after !== before) history.push(structuredClone(after));
        }
        const strip = (m: ArgMap) => ({ ...m, updatedAt: undefined });
        for (let i = history.length - 2; i >= 0; i--) {
          undo();
          expect(strip(useMapStore.getState().map!)).toEqual(strip(history[i]!));
        }
        for (let i = 1; i < history.length; i++) {
          redo();
          expect(strip(useMapStore.getState().map!)).toEqual(strip(history[i]!));
        }
      }),
      { numRuns: 100 },
    );
  });
});
