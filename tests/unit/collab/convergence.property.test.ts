/**
 * Property: random edit sequences on two or three peers (each a MapBinding over its own two
 * documents), their updates exchanged late and in random order (offline, reordered), converge
 * to the same valid map; every map a peer sees on the way is valid too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { MapBinding } from '../../../src/collab/mapBinding';
import { readMapFromDoc } from '../../../src/collab/mapDoc';
import { readCommentsFromDoc, withComments } from '../../../src/collab/commentsDoc';
import {
  addNode,
  connect,
  disconnect,
  OperationError,
  removeNode,
  updateNode,
} from '../../../src/model/operations';
import { createGroup, ungroup } from '../../../src/model/groups';
import { addTourStops, removeTourStop } from '../../../src/model/tours';
import type { ArgMap } from '../../../src/model/schema';
import { validateMap } from '../../../src/model/validate';
import { fullMap, peers, syncPeers, type Peer } from './peers';

type Op =
  | { kind: 'type'; at: number; pos: number; text: string }
  | { kind: 'erase'; at: number; pos: number; count: number }
  | { kind: 'rate'; at: number; rating: number }
  | { kind: 'move'; at: number; x: number; y: number }
  | { kind: 'add'; id: number }
  | { kind: 'remove'; at: number }
  | { kind: 'connect'; from: number; to: number; id: number }
  | { kind: 'disconnect'; at: number }
  | { kind: 'step'; at: number }
  | { kind: 'unstep'; at: number }
  | { kind: 'group'; at: number; id: number }
  | { kind: 'ungroup'; at: number }
  | { kind: 'comment'; at: number; id: number; reply: boolean }
  | { kind: 'resolve'; at: number }
  | { kind: 'title'; pos: number; text: string }
  | { kind: 'undo' }
  | { kind: 'redo' };

const index = fc.nat(20);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('type'),
    at: index,
    pos: index,
    text: fc.string({ maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('erase'),
    at: index,
    pos: index,
    count: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant('rate'), at: index, rating: fc.integer({ min: 1, max: 5 }) }),
  fc.record({
    kind: fc.constant('move'),
    at: index,
    x: fc.integer({ min: -500, max: 500 }),
    y: fc.integer({ min: -500, max: 500 }),
  }),
  fc.record({ kind: fc.constant('add'), id: fc.nat(5) }),
  fc.record({ kind: fc.constant('remove'), at: index }),
  fc.record({ kind: fc.constant('connect'), from: index, to: index, id: fc.nat(5) }),
  fc.record({ kind: fc.constant('disconnect'), at: index }),
  fc.record({ kind: fc.constant('step'), at: index }),
  fc.record({ kind: fc.constant('unstep'), at: index }),
  fc.record({ kind: fc.constant('group'), at: index, id: fc.nat(3) }),
  fc.record({ kind: fc.constant('ungroup'), at: index }),
  fc.record({ kind: fc.constant('comment'), at: index, id: fc.nat(5), reply: fc.boolean() }),
  fc.record({ kind: fc.constant('resolve'), at: index }),
  fc.record({ kind: fc.constant('title'), pos: index, text: fc.string({ maxLength: 3 }) }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

/** The edits that make concurrent edits dangle, drawn more often. */
const structuralArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('remove'), at: index }),
  fc.record({ kind: fc.constant('connect'), from: index, to: index, id: fc.nat(5) }),
  fc.record({ kind: fc.constant('step'), at: index }),
  fc.record({ kind: fc.constant('group'), at: index, id: fc.nat(3) }),
  fc.record({ kind: fc.constant('ungroup'), at: index }),
  fc.record({ kind: fc.constant('comment'), at: index, id: fc.nat(5), reply: fc.boolean() }),
);

/** One peer's step: an edit, or delivering one of the updates waiting for it (any of them). */
type Step = { peer: number; op: Op } | { peer: number; deliver: number };
const stepArb = (count: number): fc.Arbitrary<Step> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ peer: fc.nat(count - 1), op: opArb }) },
    { weight: 3, arbitrary: fc.record({ peer: fc.nat(count - 1), op: structuralArb }) },
    { weight: 1, arbitrary: fc.record({ peer: fc.nat(count - 1), deliver: fc.nat(50) }) },
  );

const pick = <T>(list: readonly T[], at: number): T | undefined =>
  list.length ? list[at % list.length] : undefined;

/** The edit `op` makes of `map` (the map itself when it does not apply). */
function edit(map: ArgMap, op: Op, who: number): ArgMap | 'undo' | 'redo' {
  const node = 'at' in op ? pick(map.nodes, op.at) : undefined;
  switch (op.kind) {
    case 'undo':
    case 'redo':
      return op.kind;
    case 'type':
    case 'erase': {
      if (!node) return map;
      const pos = Math.min(op.pos, node.text.length);
      const text =
        op.kind === 'type'
          ? node.text.slice(0, pos) + op.text + node.text.slice(pos)
          : node.text.slice(0, pos) + node.text.slice(pos + op.count);
      return updateNode(map, node.id, { text });
    }
    case 'title': {
      const pos = Math.min(op.pos, map.title.length);
      return { ...map, title: map.title.slice(0, pos) + op.text + map.title.slice(pos) };
    }
    case 'rate':
      return node ? updateNode(map, node.id, { rating: op.rating }) : map;
    case 'move':
      return node ? updateNode(map, node.id, { position: { x: op.x, y: op.y } }) : map;
    case 'add':
      // Ids from a small pool, shared by the peers: two may add the same id at once.
      return addNode(map, {
        id: `x${op.id}`,
        kind: 'claim',
        text: `new ${who}`,
        refs: [{ sentence: 's1' }],
      }).map;
    case 'remove':
      return node ? removeNode(map, node.id) : map;
    case 'connect': {
      const from = pick(map.nodes, op.from);
      const to = pick(map.nodes, op.to);
      return from && to ? connect(map, from.id, to.id, 'supports', { id: `ex${op.id}` }).map : map;
    }
    case 'disconnect': {
      const edge = pick(map.edges, op.at);
      return edge ? disconnect(map, edge.id) : map;
    }
    case 'step':
      return node ? addTourStops(map, map.tours[0]!.id, [node.id]) : map;
    case 'unstep': {
      const steps = map.tours[0]!.steps;
      return steps.length ? removeTourStop(map, map.tours[0]!.id, op.at % steps.length) : map;
    }
    case 'group':
      return node ? createGroup(map, [node.id], `Group ${who}`, `gx${op.id}`).map : map;
    case 'ungroup': {
      const group = pick(map.groups ?? [], op.at);
      return group ? ungroup(map, group.id) : map;
    }
    case 'comment': {
      const targets = [...map.nodes.map((n) => n.id), ...map.edges.map((e) => e.id)];
      const target = pick(targets, op.at);
      if (!target) return map;
      const comments = map.comments ?? [];
      const answered = op.reply ? pick(comments, op.at) : undefined;
      const id = `cx${who}-${op.id}`;
      if (comments.some((c) => c.id === id)) return map;
      return {
        ...map,
        comments: [
          ...comments,
          {
            id,
            target: answered?.target ?? target,
            author: `P${who}`,
            text: 'Why?',
            createdAt: '2026-01-06T00:00:00Z',
            ...(answered ? { replyTo: answered.id } : {}),
          },
        ],
      };
    }
    case 'resolve': {
      const comment = pick(map.comments ?? [], op.at);
      if (!comment) return map;
      return {
        ...map,
        comments: map.comments!.map((c) =>
          c === comment ? { ...c, resolved: !(c.resolved ?? false) } : c,
        ),
      };
    }
  }
}

function expectValid(map: ArgMap, where: string) {
  const checked = validateMap(map);
  if (!checked.ok) throw new Error(`${where}: ${JSON.stringify(checked.problems.slice(0, 3))}`);
}

function run(count: number, steps: readonly Step[], seed: number) {
  const all = peers(fullMap(), count);
  const inbox: { content: Uint8Array[]; comments: Uint8Array[] }[] = all.map(() => ({
    content: [],
    comments: [],
  }));
  const bindings = all.map(
    (peer, who) =>
      new MapBinding(peer.content, peer.comments, {
        onRemoteChange: (map) => expectValid(map, `peer ${who} heard`),
      }),
  );
  // Each peer's own updates (not those it received) wait in every other peer's inbox.
  all.forEach((peer, who) => {
    for (const part of ['content', 'comments'] as const) {
      peer[part].on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === 'remote') return;
        inbox.forEach((box, other) => {
          if (other !== who) box[part].push(update);
        });
      });
    }
  });
  const deliver = (who: number, at: number) => {
    const box = inbox[who]!;
    const part = at % 2 ? 'content' : 'comments';
    const list = box[part].length ? box[part] : box[part === 'content' ? 'comments' : 'content'];
    const partName = list === box.content ? 'content' : 'comments';
    if (!list.length) return;
    const [update] = list.splice(at % list.length, 1);
    Y.applyUpdate(all[who]![partName], update!, 'remote');
  };
  try {
    for (const step of steps) {
      const binding = bindings[step.peer]!;
      if ('deliver' in step) {
        deliver(step.peer, step.deliver);
        continue;
      }
      let next: ReturnType<typeof edit>;
      try {
        next = edit(binding.map, step.op, step.peer);
      } catch (error) {
        if (error instanceof OperationError) continue;
        throw error;
      }
      if (next === 'undo') binding.undo();
      else if (next === 'redo') binding.redo();
      else binding.applyLocal(next, step.op.kind === 'type' ? `type:${seed}` : undefined);
      expectValid(binding.map, `peer ${step.peer} after ${step.op.kind}`);
    }
    // Everything still waiting, in a shuffled order, then a full exchange.
    inbox.forEach((box, who) => {
      while (box.content.length || box.comments.length) deliver(who, box.content.length * 7 + 3);
    });
    syncPeers(...all);
    const first = bindings[0]!.map;
    expectValid(first, 'converged');
    for (const binding of bindings) {
      expect(binding.map).toEqual(first);
    }
    // A newcomer reading the documents afresh reads the same.
    const fresh: Peer = { content: new Y.Doc(), comments: new Y.Doc() };
    syncPeers(all[0]!, fresh);
    const read = withComments(readMapFromDoc(fresh.content), readCommentsFromDoc(fresh.comments));
    expect(read).toEqual(first);
  } finally {
    for (const binding of bindings) binding.destroy();
  }
}

// Some 0.05–0.1 s a run (a validation after every step): seconds on a shared machine.
describe('convergence', () => {
  it('two peers editing offline, updates delivered late and reordered, converge to one valid map', () => {
    fc.assert(
      fc.property(fc.array(stepArb(2), { maxLength: 40 }), fc.nat(), (steps, seed) =>
        run(2, steps, seed),
      ),
      { numRuns: 100 },
    );
  }, 30_000);

  it('three peers converge too', () => {
    fc.assert(
      fc.property(fc.array(stepArb(3), { maxLength: 40 }), fc.nat(), (steps, seed) =>
        run(3, steps, seed),
      ),
      { numRuns: 40 },
    );
  }, 30_000);
});
