/**
 * The React Flow canvas of the open map. Flow nodes are derived from the map's nodes and reused
 * while their inputs are unchanged, so an edit re-renders only the node it touched. A drag moves
 * nodes locally and commits the final positions as one undoable edit when it ends; a node placed
 * by hand is pinned, and later layouts keep it where it is.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Node,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { ArgMap, ArgNode } from '../../model/schema';
import { moveNodes } from '../../model/operations';
import { hiddenNodes } from '../../model/graph';
import { passesFilter, searchMap } from '../../model/search';
import { kindStyles } from '../../io/kindStyles';
import { useMapStore } from '../../store/mapStore';
import { useUiStore } from '../../store/uiStore';
import { connectNodes, pin } from '../../app/actions';
import { ArgNodeView, type ArgFlowNode, type ArgNodeData } from './ArgNodeView';
import { toFlowEdge } from './flowEdges';
import { Legend } from './Legend';
import { presentationSteps } from '../Presentation';

const nodeTypes = { arg: ArgNodeView };
const miniMapColor = (n: Node) => kindStyles[(n as ArgFlowNode).data.node.kind].stroke;
/**
 * The minimap draws every node on each frame of a pan; above this size it costs more than it
 * helps (measured: 18 fps instead of 60 at 5,000 nodes), so it is left out.
 */
const MINIMAP_LIMIT = 1500;
const EMPTY: string[] = [];

function sameData(a: ArgNodeData, b: ArgNodeData) {
  return (
    a.node === b.node &&
    a.label === b.label &&
    a.foldCount === b.foldCount &&
    a.dimmed === b.dimmed &&
    a.unanchored === b.unanchored &&
    a.linked === b.linked
  );
}

function toFlowNode(
  data: ArgNodeData,
  index: number,
  previous: ArgFlowNode | undefined,
  selected: boolean,
): ArgFlowNode {
  if (previous && sameData(previous.data, data) && previous.selected === selected) return previous;
  const position = data.node.position ?? { x: (index % 8) * 280, y: Math.floor(index / 8) * 160 };
  return { ...previous, id: data.node.id, type: 'arg', position, data, selected };
}

export function MapCanvas({ map }: { map: ArgMap }) {
  const selectedIds = useMapStore((s) => s.selection.nodeIds);
  const select = useMapStore((s) => s.select);
  const edit = useMapStore((s) => s.edit);
  const labelLanguage = useUiStore((s) => s.labelLanguage);
  const folded = useUiStore((s) => s.collapsed[map.id] ?? EMPTY);
  const focus = useUiStore((s) => s.focus[map.id] ?? null);
  const search = useUiStore((s) => s.search);
  const hovered = useMapStore((s) => s.highlightedSentences);
  const kindFilter = useUiStore((s) => s.kindFilter);
  const tagFilter = useUiStore((s) => s.tagFilter);
  const [nodes, setNodes] = useState<ArgFlowNode[]>([]);
  const reveal = useUiStore((s) => s.reveal);
  const flow = useReactFlow();

  useEffect(() => {
    if (reveal?.ids.length) {
      void flow.fitView({
        nodes: reveal.ids.map((id) => ({ id })),
        duration: 300,
        maxZoom: 1.1,
        padding: 0.4,
      });
    }
  }, [reveal, flow]);

  const step = useUiStore((s) => s.presentationStep);
  const revealAsYouGo = useUiStore((s) => s.revealAsYouGo);
  const { hidden, foldCounts } = useMemo(() => {
    const result = hiddenNodes(map, folded, focus);
    if (step !== null && revealAsYouGo) {
      // Presenting step by step: only the nodes presented so far are on the canvas.
      const shown = new Set(presentationSteps(map).slice(0, step + 1));
      for (const n of map.nodes) if (!shown.has(n.id)) result.hidden.add(n.id);
    }
    return result;
  }, [map, folded, focus, step, revealAsYouGo]);
  const matches = useMemo(() => {
    if (!search.trim()) return null;
    return new Set(
      searchMap(map, search, Infinity)
        .filter((h) => h.type === 'node')
        .map((h) => h.id),
    );
  }, [map, search]);

  useEffect(() => {
    const selected = new Set(selectedIds);
    const filtering = kindFilter.length > 0 || tagFilter !== null;
    const dataFor = (node: ArgNode): ArgNodeData => ({
      node,
      label: (labelLanguage === 'en' && node.translations?.en) || node.text,
      foldCount: foldCounts.get(node.id) ?? 0,
      dimmed:
        (matches !== null && !matches.has(node.id)) ||
        (filtering && !passesFilter(node, kindFilter, tagFilter)),
      unanchored: node.tags?.includes('unanchored') ?? false,
      linked: hovered.length > 0 && node.refs.some((r) => hovered.includes(r.sentence)),
    });
    setNodes((previous) => {
      const byId = new Map(previous.map((n) => [n.id, n]));
      const next: ArgFlowNode[] = [];
      map.nodes.forEach((node, i) => {
        if (!hidden.has(node.id))
          next.push(toFlowNode(dataFor(node), i, byId.get(node.id), selected.has(node.id)));
      });
      return next;
    });
  }, [
    map.nodes,
    selectedIds,
    labelLanguage,
    hidden,
    foldCounts,
    matches,
    kindFilter,
    tagFilter,
    hovered,
  ]);

  const mapId = map.id;
  const initialView = useMemo(() => {
    const current = useMapStore.getState().map;
    if (!current) return undefined;
    // The tour's first stop, else the first conclusion: shown at a readable zoom with what
    // surrounds it, rather than a big map shrunk to illegible boxes.
    const start = current.tour?.[0] ?? current.nodes.find((n) => n.kind === 'conclusion')?.id;
    if (!start || current.nodes.length < 40) return { maxZoom: 1 };
    return { nodes: [{ id: start }], maxZoom: 0.75, minZoom: 0.75 };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when another map opens
  }, [mapId]);

  const edges = useMemo(
    () => map.edges.filter((e) => !hidden.has(e.from) && !hidden.has(e.to)).map(toFlowEdge),
    [map.edges, hidden],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<ArgFlowNode>[]) => {
      setNodes((current) => applyNodeChanges(changes, current));
      const finished: Record<string, { x: number; y: number }> = {};
      for (const change of changes) {
        if (change.type === 'position' && change.dragging === false && change.position) {
          finished[change.id] = change.position;
        }
      }
      const ids = Object.keys(finished);
      if (ids.length && edit((m) => moveNodes(m, finished))) pin(...ids);
    },
    [edit],
  );

  const onSelectionChange = useCallback(
    ({ nodes: selectedNodes, edges: selectedEdges }: OnSelectionChangeParams) => {
      const nodeIds = selectedNodes.map((n) => n.id);
      const edgeIds = selectedEdges.map((e) => e.id);
      const current = useMapStore.getState().selection;
      if (sameIds(current.nodeIds, nodeIds) && sameIds(current.edgeIds, edgeIds)) return;
      select({ nodeIds, edgeIds });
    },
    [select],
  );

  const onConnect = useCallback((connection: Connection) => {
    // Drawn from a premise's top handle to the bottom of what it supports.
    if (connection.source && connection.target)
      connectNodes(connection.source, connection.target, 'supports');
  }, []);

  return (
    <div className="canvas" aria-label="Argument map canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onSelectionChange={onSelectionChange}
        onConnect={onConnect}
        fitView
        fitViewOptions={initialView}
        minZoom={0.05}
        onlyRenderVisibleElements
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
      >
        <Background gap={24} />
        {map.nodes.length <= MINIMAP_LIMIT && (
          <MiniMap pannable zoomable nodeColor={miniMapColor} />
        )}
        <Controls />
        <Legend />
      </ReactFlow>
    </div>
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
