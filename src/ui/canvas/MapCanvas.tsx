/**
 * The React Flow canvas of the open map. Flow nodes are derived from the map's nodes and reused
 * while their inputs are unchanged, so an edit re-renders only the node it touched. A drag moves
 * nodes locally and commits the final positions as one undoable edit when it ends; a node placed
 * by hand is pinned, and later layouts keep it where it is.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import './canvas.css';
import type { ArgMap, ArgNode } from '../../model/schema';
import { moveNodes } from '../../model/operations';
import { hiddenNodes } from '../../model/graph';
import { searchMap } from '../../model/search';
import { kindStyles } from '../../io/kindStyles';
import { useMapStore } from '../../store/mapStore';
import { useUiStore } from '../../store/uiStore';
import { connectNodes, pin } from '../../app/actions';
import { ArgNodeView, type ArgFlowNode } from './ArgNodeView';
import { deriveFlowNodes, updateFlowNodes, type NodeContext } from './flowNodes';
import { toFlowEdge } from './flowEdges';
import { Legend } from './Legend';
import { CanvasMiniMap } from './CanvasMiniMap';
import { presentationSteps } from '../Presentation';

const nodeTypes = { arg: ArgNodeView };
const miniMapColor = (n: Node) => kindStyles[(n as ArgFlowNode).data.node.kind].stroke;
/**
 * Above this many nodes the canvas draws cheaper variants: a minimap drawn once into a <canvas>
 * instead of React Flow's SVG one (which repaints every node on each frame of a pan: 18 fps
 * instead of 60 at 5,000 nodes), and solid edges while the view moves (see canvas.css).
 */
const BIG_MAP = 500;
const EMPTY: string[] = [];
const NOTHING_HIDDEN = { hidden: new Set<string>(), foldCounts: new Map<string, number>() };

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
  // What is hidden depends on the map's structure (node ids, edges, tour), not on what the nodes
  // say: recomputed only when that or a fold, focus or presentation step changes, so typing in a
  // node keeps the same sets (and the same edges for React Flow).
  const hiding = folded.length > 0 || focus !== null || (step !== null && revealAsYouGo);
  const structure = hiding ? map : null;
  const { hidden, foldCounts } = useMemo(() => {
    if (!structure) return NOTHING_HIDDEN;
    const result = hiddenNodes(structure, folded, focus);
    if (step !== null && revealAsYouGo) {
      // Presenting step by step: only the nodes presented so far are on the canvas.
      const shown = new Set(presentationSteps(structure).slice(0, step + 1));
      for (const n of structure.nodes) if (!shown.has(n.id)) result.hidden.add(n.id);
    }
    return result;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- structure: see above
  }, [
    structure?.edges,
    structure?.nodes.length,
    structure?.tour,
    folded,
    focus,
    step,
    revealAsYouGo,
  ]);
  const matches = useMemo(() => {
    if (!search.trim()) return null;
    return new Set(
      searchMap(map, search, Infinity)
        .filter((h) => h.type === 'node')
        .map((h) => h.id),
    );
  }, [map, search]);

  const context = useMemo<NodeContext>(
    () => ({
      selected: new Set(selectedIds),
      labelLanguage,
      hidden,
      foldCounts,
      matches,
      kindFilter,
      tagFilter,
      hovered,
    }),
    [selectedIds, labelLanguage, hidden, foldCounts, matches, kindFilter, tagFilter, hovered],
  );
  // What the flow nodes were last derived from: with the same context, an edit rebuilds only the
  // nodes it replaced (O(changed) instead of O(n) per keystroke).
  const derivedFrom = useRef<{ nodes: readonly ArgNode[]; context: NodeContext } | null>(null);
  useEffect(() => {
    const last = derivedFrom.current;
    derivedFrom.current = { nodes: map.nodes, context };
    setNodes(
      (previous) =>
        (last?.context === context && updateFlowNodes(last.nodes, map.nodes, context, previous)) ||
        deriveFlowNodes(map.nodes, context, previous),
    );
  }, [map.nodes, context]);

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

  const big = map.nodes.length > BIG_MAP;
  const wrapper = useRef<HTMLDivElement>(null);
  // A class, not state: toggling it re-renders nothing.
  const onMoveStart = useCallback(() => wrapper.current?.classList.add('is-moving'), []);
  const onMoveEnd = useCallback(() => wrapper.current?.classList.remove('is-moving'), []);

  return (
    <div className="canvas" aria-label="Argument map canvas" ref={wrapper}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onSelectionChange={onSelectionChange}
        onConnect={onConnect}
        onMoveStart={big ? onMoveStart : undefined}
        onMoveEnd={big ? onMoveEnd : undefined}
        fitView
        fitViewOptions={initialView}
        minZoom={0.05}
        onlyRenderVisibleElements
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
      >
        <Background gap={24} />
        {big ? (
          <CanvasMiniMap label="Mini map" />
        ) : (
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
