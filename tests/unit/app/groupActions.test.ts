import { beforeEach, describe, expect, it } from 'vitest';
import {
  groupNodesAction,
  moveToGroupAction,
  renameGroupAction,
  setGroupCollapsedAction,
  ungroupAction,
} from '../../../src/app/groupActions';
import { redo, undo, useMapStore } from '../../../src/store/mapStore';
import { sampleMap } from '../model/sampleMap';

const state = () => useMapStore.getState();
const groups = () => state().map!.groups ?? [];
const groupOf = (id: string) => state().map!.nodes.find((n) => n.id === id)!.group;

beforeEach(() => {
  state().open(sampleMap());
});

describe('group actions on the open map', () => {
  it('groups the selected nodes as one undoable step', () => {
    state().select({ nodeIds: ['n2', 'n3'], edgeIds: [] });
    expect(groupNodesAction('Reasons')).toBe('g1');
    expect(groups()).toEqual([{ id: 'g1', title: 'Reasons' }]);
    expect([groupOf('n2'), groupOf('n3'), groupOf('n1')]).toEqual(['g1', 'g1', undefined]);
    undo();
    expect(groups()).toEqual([]);
    expect(groupOf('n2')).toBeUndefined();
    redo();
    expect(groupOf('n2')).toBe('g1');
  });

  it('refuses to group nothing, or unknown nodes, and says why', () => {
    state().select({ nodeIds: [], edgeIds: [] });
    expect(groupNodesAction('Empty')).toBeNull();
    expect(state().error).toBe('selectNodesToGroup');
    expect(groupNodesAction('Ghost', ['n9'])).toBeNull();
    expect(state().error).toBe('opNoNode|n9');
    expect(state().map!.groups).toBeUndefined();
  });

  it('joins the keystrokes of one title into one undo step', () => {
    groupNodesAction('R', ['n1']);
    for (const title of ['Re', 'Rea', 'Reasons']) renameGroupAction('g1', title);
    renameGroupAction('g1', 'Reasons (en)', 'en');
    expect(groups()[0]).toEqual({
      id: 'g1',
      title: 'Reasons',
      translations: { en: 'Reasons (en)' },
    });
    undo();
    expect(groups()[0]).toEqual({ id: 'g1', title: 'Reasons' });
    undo();
    expect(groups()[0]!.title).toBe('R');
  });

  it('folds, moves nodes into and out of, and dissolves a group, each undoable', () => {
    groupNodesAction('Outer', ['n1', 'n2']);
    groupNodesAction('Inner', ['n2']);
    expect(setGroupCollapsedAction('g2', true)).toBe(true);
    expect(groups()[1]).toEqual({ id: 'g2', title: 'Inner', parent: 'g1', collapsed: true });
    expect(moveToGroupAction('g2', ['n4'])).toBe(true);
    expect(groupOf('n4')).toBe('g2');
    expect(ungroupAction('g2')).toBe(true);
    expect([groupOf('n2'), groupOf('n4')]).toEqual(['g1', 'g1']);
    expect(groups().map((g) => g.id)).toEqual(['g1']);
    undo();
    expect(groups().map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(ungroupAction('g7')).toBe(false);
    expect(state().error).toBe('opNoGroup|g7');
  });
});
