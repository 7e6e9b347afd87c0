/**
 * The React Flow canvas of the open map. React Flow nodes are derived from the map's nodes and
 * reused while their record is unchanged, so an edit re-renders only the node it touched. A drag
 * moves nodes locally and commits the final positions as one undoable edit when it ends.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  type Edge,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { ArgEdge, ArgMap, ArgNode } from '../../model/schema';
import { moveNodes } from '../../model/operations';
import { kindStyles, relationStyles } from '../../io/kindStyles';
import { useMapStore } from '../../store/mapStore';
import { ArgNodeView, type ArgFlowNode } from './ArgNodeView';

const nodeTypes = { arg: ArgNodeView };

function toFlowNode(
  node: ArgNode,
  index: number,
  previous: ArgFlowNode | undefined,
  selected: boolean,
): ArgFlowNode {
  if (
    previous &&
    previous.data.node === node &&
    previous.selected === selected &&
    !previous.dragging
  )
    return previous;
  return {
    ...previous,
    id: node.id,
    type: 'arg',
    position: node.position ?? { x: (index % 8) * 280, y: Math.floor(index / 8) * 160 },
    data: { node },
    selected,
  };
}

const edgeCache = new WeakMap<ArgEdge, Edge>();
function toFlowEdge(edge: ArgEdge): Edge {
  let flow = edgeCache.get(edge);
  if (!flow) {
    const style = relationStyles[edge.relation];
    flow = {
      id: edge.id,
      source: edge.from,
      target: edge.to,
      data: { relation: edge.relation },
      ariaLabel: `${edge.from} ${edge.relation} ${edge.to}`,
      style: { stroke: style.stroke, strokeWidth: 1.6, strokeDasharray: style.dash || undefined },
      markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke, width: 18, height: 18 },
    };
    edgeCache.set(edge, flow);
  }
  return flow;
}

export function MapCanvas({ map }: { map: ArgMap }) {
  const selectedIds = useMapStore((s) => s.selection.nodeIds);
  const select = useMapStore((s) => s.select);
  const edit = useMapStore((s) => s.edit);
  const [nodes, setNodes] = useState<ArgFlowNode[]>([]);

  useEffect(() => {
    const selected = new Set(selectedIds);
    setNodes((previous) => {
      const byId = new Map(previous.map((n) => [n.id, n]));
      return map.nodes.map((node, i) =>
        toFlowNode(node, i, byId.get(node.id), selected.has(node.id)),
      );
    });
  }, [map.nodes, selectedIds]);

  const edges = useMemo(() => map.edges.map(toFlowEdge), [map.edges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ArgFlowNode>[]) => {
      setNodes((current) => applyNodeChanges(changes, current));
      const finished: Record<string, { x: number; y: number }> = {};
      for (const change of changes) {
        if (change.type === 'position' && change.dragging === false && change.position) {
          finished[change.id] = change.position;
        }
      }
      if (Object.keys(finished).length) edit((m) => moveNodes(m, finished));
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

  return (
    <div className="canvas" aria-label="Argument map canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onSelectionChange={onSelectionChange}
        fitView
        minZoom={0.05}
        onlyRenderVisibleElements
        deleteKeyCode={null}
      >
        <Background gap={24} />
        <MiniMap
          pannable
          zoomable
          nodeColor={(n) => kindStyles[(n as ArgFlowNode).data.node.kind].stroke}
        />
        <Controls />
      </ReactFlow>
    </div>
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
