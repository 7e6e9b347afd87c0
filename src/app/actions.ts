/**
 * The editor's commands, each a small function used alike by the toolbar, the menus and the
 * keyboard. They read the stores, apply pure model operations, and report refusals in the store's
 * `error`, never by throwing.
 */
import {
  addNode,
  addRef,
  connect,
  disconnect,
  moveNodes,
  removeNode,
  setRelation,
} from '../model/operations';
import type { ArgMap, NodeKind, Ref, Relation } from '../model/schema';
import { useMapStore, undo, redo } from '../store/mapStore';
import { useUiStore } from '../store/uiStore';
import { computeLayout } from './runLayout';
import { nodeSizes } from '../layout/nodeSize';
import { repack } from '../layout/repack';
import { placeBeside } from './placement';
import { groupNodesAction } from './groupActions';
import { attackerKind } from './proposeKind';

const store = () => useMapStore.getState();
const selectedNodeIds = () => store().selection.nodeIds;

export { undo, redo };

/**
 * Adds a node (citing `ref` if given; otherwise an implicit premise to be sourced later). With a
 * node selected, the new node is connected to it with its kind's relation (a reason supports,
 * an objection or rebuttal attacks, context elaborates). `select` says which node is selected
 * afterwards: the new one (default) or the one it was added to (so the next passage of the text
 * can be added to it too).
 */
export function addNodeAction(
  kind: NodeKind = 'claim',
  ref?: Ref,
  text?: string,
  select: 'new' | 'parent' = 'new',
): string | null {
  const anchor = selectedNodeIds()[0];
  let created: string | null = null;
  let connected = false;
  const ok = store().edit((map) => {
    const position = placeBeside(map, anchor);
    const node: Parameters<typeof addNode>[1] = {
      kind,
      text: text ?? ref?.quote ?? '',
      refs: ref ? [ref] : [],
      position,
      ...(!ref && kind !== 'inference' ? { implicit: true } : {}),
    };
    const added = addNode(map, node);
    created = added.id;
    let next = added.map;
    if (anchor && next.nodes.some((n) => n.id === anchor)) {
      next = connect(next, added.id, anchor, defaultRelation(kind)).map;
      connected = true;
    }
    return next;
  });
  if (!ok || !created) return null;
  if (!(select === 'parent' && connected)) store().select({ nodeIds: [created], edgeIds: [] });
  useUiStore.getState().set({ keepInView: { ids: [created], at: Date.now() } });
  return created;
}

/** The relation a new node of `kind` has to the node it is added to. */
export function defaultRelation(kind: NodeKind): Relation {
  if (kind === 'objection' || kind === 'rebuttal') return 'attacks';
  if (kind === 'context') return 'elaborates';
  return 'supports';
}

/**
 * Quick building: adds an empty child of the selected node, a reason ('supports') or an
 * objection ('attacks'; a rebuttal when the selected node is an objection), placed beside its
 * siblings, and asks for the caret in its text.
 */
export function addChildAction(relation: 'supports' | 'attacks'): string | null {
  const map = store().map;
  const [id] = selectedNodeIds();
  const parent = map?.nodes.find((n) => n.id === id);
  if (!parent) return null;
  const kind = relation === 'supports' ? 'claim' : attackerKind(parent.kind);
  const created = addNodeAction(kind);
  if (created) useUiStore.getState().set({ editText: { id: created, at: Date.now() } });
  return created;
}

/** Sets the relation of the selected edges (one undoable edit). */
export function setSelectedRelation(relation: Relation): boolean {
  const ids = store().selection.edgeIds;
  if (!ids.length) return false;
  return store().edit((map) => ids.reduce((m, id) => setRelation(m, id, relation), map));
}

export function addRefToSelected(ref: Ref): boolean {
  const [id] = selectedNodeIds();
  if (!id) {
    useMapStore.setState({ error: 'selectNodeForRef' });
    return false;
  }
  return store().edit((map) => addRef(map, id, ref));
}

/** Deletes the selected nodes (with their edges) and edges, as one undoable step. */
export function deleteSelection(): void {
  const { nodeIds, edgeIds } = store().selection;
  if (!nodeIds.length && !edgeIds.length) return;
  const ok = store().edit((map) => {
    let next = map;
    for (const id of edgeIds) if (next.edges.some((e) => e.id === id)) next = disconnect(next, id);
    for (const id of nodeIds) if (next.nodes.some((n) => n.id === id)) next = removeNode(next, id);
    return next;
  });
  if (ok) store().select({ nodeIds: [], edgeIds: [] });
}

export function connectNodes(from: string, to: string, relation: Relation = 'supports'): boolean {
  return store().edit((map) => connect(map, from, to, relation).map);
}

/** With two nodes selected, makes the first a premise of the second. */
export function connectSelected(relation: Relation = 'supports'): boolean {
  const ids = selectedNodeIds();
  if (ids.length !== 2) {
    useMapStore.setState({ error: 'selectTwoNodes' });
    return false;
  }
  return connectNodes(ids[0]!, ids[1]!, relation);
}

/** Nodes the user placed by hand keep their place in later layouts. */
export function pin(...ids: string[]) {
  const map = store().map;
  if (!map) return;
  const { pinned, set } = useUiStore.getState();
  const current = new Set(pinned[map.id] ?? []);
  for (const id of ids) current.add(id);
  set({ pinned: { ...pinned, [map.id]: [...current] } });
}

let layoutRunning = false;
export const layoutState = { listeners: new Set<(busy: boolean) => void>() };
const setBusy = (busy: boolean) => {
  layoutRunning = busy;
  for (const l of layoutState.listeners) l(busy);
};

/**
 * Lays the map out with ELK in a worker. Unless `all`, nodes the user placed by hand keep their
 * positions; with `all`, every node moves and the pins are cleared.
 */
export async function layoutAction(all = false): Promise<void> {
  const map = store().map;
  if (!map || layoutRunning) return;
  setBusy(true);
  try {
    const { pinned, set, labelLanguage } = useUiStore.getState();
    const sizes = nodeSizes(map.nodes, labelLanguage);
    const positions = await computeLayout(map, sizes);
    const keep = all ? new Set<string>() : new Set(pinned[map.id] ?? []);
    for (const id of keep) delete positions[id];
    // Nodes placed by hand stay; laid-out ones that land on them move down clear of them.
    const boxes = new Map(
      map.nodes.map((n) => [
        n.id,
        { ...(positions[n.id] ?? n.position ?? { x: 0, y: 0 }), ...sizes[n.id]! },
      ]),
    );
    Object.assign(positions, repack(boxes, keep));
    if (all) set({ pinned: { ...pinned, [map.id]: [] } });
    const current = store().map;
    if (current?.id === map.id) store().edit((m) => moveNodes(m, positions));
  } catch (error) {
    // The map is unchanged; say why nothing moved.
    useMapStore.setState({ error: (error as Error).message });
  } finally {
    setBusy(false);
  }
}

/** Selects the node nearest the selected one in a direction (keyboard navigation). */
export function selectNeighbour(map: ArgMap, direction: 'up' | 'down' | 'left' | 'right') {
  const [id] = selectedNodeIds();
  const placed = map.nodes.filter((n) => n.position);
  const from = placed.find((n) => n.id === id);
  if (!from) {
    if (placed[0]) store().select({ nodeIds: [placed[0].id], edgeIds: [] });
    return;
  }
  const { x, y } = from.position!;
  let best: { id: string; score: number } | null = null;
  for (const n of placed) {
    if (n.id === from.id) continue;
    const dx = n.position!.x - x;
    const dy = n.position!.y - y;
    const along =
      direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 0) continue;
    const score = along + across * 2;
    if (!best || score < best.score) best = { id: n.id, score };
  }
  if (best) store().select({ nodeIds: [best.id], edgeIds: [] });
}

export function toggleFold(nodeId: string) {
  const map = store().map;
  if (!map) return;
  const { collapsed, set } = useUiStore.getState();
  const current = collapsed[map.id] ?? [];
  set({
    collapsed: {
      ...collapsed,
      [map.id]: current.includes(nodeId)
        ? current.filter((id) => id !== nodeId)
        : [...current, nodeId],
    },
  });
}

/** Makes a group of the selected nodes (titled `title`, to be renamed on the canvas). */
export function groupSelection(title: string): string | null {
  if (!selectedNodeIds().length) {
    useMapStore.setState({ error: 'selectNodesToGroup' });
    return null;
  }
  return groupNodesAction(title);
}

/** Overview: the canvas shows every shown node, fitted into the part no panel covers. */
export function showOverview() {
  useUiStore.getState().set({ overviewRequest: Date.now() });
}

export function setFocus(nodeId: string | null) {
  const map = store().map;
  if (!map) return;
  const { focus, set } = useUiStore.getState();
  set({ focus: { ...focus, [map.id]: nodeId } });
}
