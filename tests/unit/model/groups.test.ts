import { describe, expect, it } from 'vitest';
import {
  createGroup,
  groupMembers,
  groupPath,
  renameGroup,
  setGroupCollapsed,
  setNodesGroup,
  ungroup,
} from '../../../src/model/groups';
import { OperationError, removeNode } from '../../../src/model/operations';
import type { ArgMap } from '../../../src/model/schema';
import { validateMap } from '../../../src/model/validate';
import { sampleMap } from './sampleMap';

function valid(map: ArgMap): ArgMap {
  const result = validateMap(map);
  expect(result.ok ? [] : result.problems).toEqual([]);
  return map;
}

/** n1, n2 in g1 "Reasons"; n2 then in g2 "Evidence" inside g1. */
function nested(): ArgMap {
  const outer = createGroup(sampleMap(), ['n1', 'n2', 'n3'], 'Reasons');
  return createGroup(outer.map, ['n2', 'n3'], 'Evidence').map;
}

describe('groups', () => {
  it('creates a group with a fresh id, puts its nodes in it and shares the other nodes', () => {
    const before = sampleMap();
    const { map, groupId } = createGroup(before, ['n1', 'n2'], 'Reasons');
    expect(groupId).toBe('g1');
    expect(map.groups).toEqual([{ id: 'g1', title: 'Reasons' }]);
    expect(map.nodes.map((n) => n.group)).toEqual(['g1', 'g1', undefined, undefined]);
    expect(map.nodes[2]).toBe(before.nodes[2]);
    valid(map);
    expect(createGroup(map, ['n3'], 'More').groupId).toBe('g2');
    expect(createGroup(map, ['n3'], 'Named', 'intro').groupId).toBe('intro');
  });

  it('nests a new group inside the innermost group its members share', () => {
    const map = nested();
    expect(map.groups).toEqual([
      { id: 'g1', title: 'Reasons' },
      { id: 'g2', title: 'Evidence', parent: 'g1' },
    ]);
    const inner = createGroup(map, ['n2'], 'Inner').map;
    expect(inner.groups!.at(-1)).toEqual({ id: 'g3', title: 'Inner', parent: 'g2' });
    // n1 (in g1) and n3 (in g2, inside g1) share g1; n1 and n4 (in none) share nothing.
    expect(createGroup(map, ['n1', 'n3'], 'Mixed').map.groups!.at(-1)!.parent).toBe('g1');
    expect(createGroup(map, ['n1', 'n4'], 'Loose').map.groups!.at(-1)).toEqual({
      id: 'g3',
      title: 'Loose',
    });
    valid(inner);
  });

  it('refuses unknown nodes and taken ids', () => {
    expect(() => createGroup(sampleMap(), ['n9'], 'X')).toThrow(OperationError);
    const { map } = createGroup(sampleMap(), ['n1'], 'X');
    expect(() => createGroup(map, ['n2'], 'Y', 'g1')).toThrow('A group "g1" already exists.');
    expect(() => renameGroup(map, 'g7', 'Z')).toThrow('There is no group "g7" in this map.');
  });

  it('lists members, directly or at any depth, and the path of groups around a node', () => {
    const map = nested();
    expect(groupMembers(map, 'g1')).toEqual(['n1']);
    expect(groupMembers(map, 'g1', true)).toEqual(['n1', 'n2', 'n3']);
    expect(groupMembers(map, 'g2', true)).toEqual(['n2', 'n3']);
    expect(groupPath(map, 'n3')).toEqual(['g1', 'g2']);
    expect(groupPath(map, 'n1')).toEqual(['g1']);
    expect(groupPath(map, 'n4')).toEqual([]);
  });

  it('renames a group, or its title in another language', () => {
    let map = createGroup(sampleMap(), ['n1'], '理由').map;
    map = renameGroup(map, 'g1', '主要理由');
    map = renameGroup(map, 'g1', 'Main reasons', 'en');
    expect(map.groups).toEqual([
      { id: 'g1', title: '主要理由', translations: { en: 'Main reasons' } },
    ]);
    valid(map);
  });

  it('ungroups: members and inner groups move to the group around it', () => {
    const map = createGroup(nested(), ['n2'], 'Inner').map; // g3 inside g2 inside g1
    const without = valid(ungroup(map, 'g2'));
    expect(without.groups).toEqual([
      { id: 'g1', title: 'Reasons' },
      { id: 'g3', title: 'Inner', parent: 'g1' },
    ]);
    expect(without.nodes.map((n) => n.group)).toEqual(['g1', 'g3', 'g1', undefined]);
    const top = valid(ungroup(without, 'g1'));
    expect(top.groups).toEqual([{ id: 'g3', title: 'Inner' }]);
    expect(top.nodes.map((n) => n.group)).toEqual([undefined, 'g3', undefined, undefined]);
    expect('group' in top.nodes[0]!).toBe(false);
  });

  it('folds and unfolds a group, leaving no field when unfolded', () => {
    const map = createGroup(sampleMap(), ['n1'], 'X').map;
    const folded = setGroupCollapsed(map, 'g1', true);
    expect(folded.groups![0]).toEqual({ id: 'g1', title: 'X', collapsed: true });
    expect(setGroupCollapsed(folded, 'g1', true)).toBe(folded);
    expect(setGroupCollapsed(folded, 'g1', false).groups![0]).toEqual({ id: 'g1', title: 'X' });
  });

  it('moves nodes into a group or out of every group', () => {
    const map = nested();
    expect(setNodesGroup(map, ['n4'], 'g2').nodes[3]!.group).toBe('g2');
    expect(setNodesGroup(map, ['n1', 'n2'], undefined).nodes.map((n) => n.group)).toEqual([
      undefined,
      undefined,
      'g2',
      undefined,
    ]);
    expect(() => setNodesGroup(map, ['n1'], 'g9')).toThrow(OperationError);
  });

  it('keeps a group when its last node is removed', () => {
    const { map } = createGroup(sampleMap(), ['n4'], 'Objections');
    const removed = valid(removeNode(map, 'n4'));
    expect(removed.groups).toEqual([{ id: 'g1', title: 'Objections' }]);
    expect(groupMembers(removed, 'g1')).toEqual([]);
  });
});
