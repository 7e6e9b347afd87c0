import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useMapStore, undo, redo } from '../../../src/store/mapStore';
import { connect, updateNode } from '../../../src/model/operations';
import { sampleMap } from '../model/sampleMap';

const state = () => useMapStore.getState();
const text = (id: string) => state().map!.nodes.find((n) => n.id === id)!.text;

beforeEach(() => {
  vi.useRealTimers();
  state().open(sampleMap());
});

describe('the map store', () => {
  it('undoes and redoes map edits', () => {
    state().edit((m) => updateNode(m, 'n1', { text: 'A' }));
    state().edit((m) => connect(m, 'n4', 'n3', 'attacks').map);
    expect(state().map!.edges).toHaveLength(4);
    undo();
    expect(state().map!.edges).toHaveLength(3);
    expect(text('n1')).toBe('A');
    undo();
    expect(text('n1')).toBe('Plant more trees');
    redo();
    expect(text('n1')).toBe('A');
  });

  it('does not record selection or highlighting as undo steps', () => {
    state().edit((m) => updateNode(m, 'n1', { text: 'A' }));
    state().select({ nodeIds: ['n2'] });
    state().highlight(['s2']);
    undo();
    expect(text('n1')).toBe('Plant more trees');
    expect(useMapStore.temporal.getState().pastStates).toHaveLength(0);
  });

  it('lets go of a selected node or edge that an undo takes away, and of nothing else', () => {
    const made = connect(state().map!, 'n4', 'n3', 'attacks');
    state().edit(() => made.map);
    const edgeId = state().map!.edges.at(-1)!.id;
    state().select({ nodeIds: ['n1', 'n2'], edgeIds: [edgeId] });
    undo();
    expect(state().selection).toEqual({ nodeIds: ['n1', 'n2'], edgeIds: [] });
    // Undoing selects nothing and records nothing.
    expect(useMapStore.temporal.getState().pastStates).toHaveLength(0);
    state().edit((m) => updateNode(m, 'n1', { text: 'A' }));
    expect(state().selection).toEqual({ nodeIds: ['n1', 'n2'], edgeIds: [] });
  });

  it('joins keystrokes in one field into one undo step', () => {
    for (const value of ['P', 'Pl', 'Pla'])
      state().edit((m) => updateNode(m, 'n1', { text: value }), 'text:n1');
    state().edit((m) => updateNode(m, 'n2', { text: 'X' }), 'text:n2');
    undo();
    expect(text('n1')).toBe('Pla');
    undo();
    expect(text('n1')).toBe('Plant more trees');
  });

  it('starts a new undo step when typing resumes after a pause', () => {
    vi.useFakeTimers();
    state().edit((m) => updateNode(m, 'n1', { text: 'P' }), 'text:n1');
    vi.advanceTimersByTime(1500);
    state().edit((m) => updateNode(m, 'n1', { text: 'Pz' }), 'text:n1');
    undo();
    expect(text('n1')).toBe('P');
  });

  it('refuses an edit that breaks a rule, keeps the map, and says why', () => {
    const before = state().map;
    expect(state().edit((m) => connect(m, 'n1', 'n1', 'supports').map)).toBe(false);
    expect(state().map).toBe(before);
    // A message key, shown in the interface's language.
    expect(state().error).toBe('opSelfEdge');
  });

  it('clears the history when another map is opened', () => {
    state().edit((m) => updateNode(m, 'n1', { text: 'A' }));
    state().open({ ...sampleMap(), id: 'other' });
    expect(useMapStore.temporal.getState().pastStates).toHaveLength(0);
  });
});
