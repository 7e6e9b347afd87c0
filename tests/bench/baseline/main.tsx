/**
 * The benchmark's baseline: a bare React Flow 12 page showing the same graph as the editor
 * (`?map=<url of an .argmap.json>`), as fast as React Flow allows: memoised custom nodes of the
 * editor's size (240 px wide, same font and padding), sizes known up front (`width`/`height`),
 * `onlyRenderVisibleElements`, a fixed initial viewport instead of `fitView`, and nothing else: no store, no minimap, no persistence. A textarea
 * (`data-testid="node-text"`) edits the selected node's label, like the editor's inspector.
 */
import { memo, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  type Edge,
  type Node,
  type NodeChange,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';

interface MapNode {
  id: string;
  kind: string;
  text: string;
  position?: { x: number; y: number };
}
interface MapDoc {
  nodes: MapNode[];
  edges: { id: string; from: string; to: string; relation: string }[];
}
type BaseNode = Node<{ kind: string; label: string }, 'base'>;

const CSS = `
html, body, #root { margin: 0; height: 100%; font-family: system-ui, 'Noto Sans CJK SC', sans-serif; }
/* The canvas gets the editor's canvas area: below a 48 px toolbar, between the source pane
   (420 px + splitter) and the inspector (320 px + splitter). */
.app { display: grid; grid-template-columns: 426px minmax(0, 1fr) 326px; box-sizing: border-box;
  height: 100%; padding-top: 48px; }
.base-node { box-sizing: border-box; width: 240px; height: 100%; overflow: hidden;
  padding: 8px 12px 10px; border: 2px solid #0072b2; border-radius: 8px; background: #e8f1f8;
  font-size: 14px; line-height: 20px; box-shadow: 0 1px 2px rgb(0 0 0 / 0.12); }
.base-node.sel { box-shadow: 0 0 0 3px #1a1a1a; }
.base-kind { font-size: 11px; font-weight: 700; text-transform: uppercase; }
.base-text { overflow-wrap: anywhere; }
textarea { width: 95%; }
`;

/** The height of a node: the kind line plus the text wrapped at ~15 CJK characters a line. */
function heightOf(text: string): number {
  const lines = Math.max(1, Math.ceil(text.length / 15));
  return 8 + 10 + 4 + 18 + lines * 20;
}

const BaseNodeView = memo(function BaseNodeView({ data, selected }: NodeProps<BaseNode>) {
  return (
    <div className={`base-node${selected ? ' sel' : ''}`}>
      <Handle type="target" position={Position.Bottom} />
      <div className="base-kind">{data.kind}</div>
      <div className="base-text">{data.label}</div>
      <Handle type="source" position={Position.Top} />
    </div>
  );
});
const nodeTypes = { base: BaseNodeView };

function toNodes(doc: MapDoc): BaseNode[] {
  return doc.nodes.map((n, i) => ({
    id: n.id,
    type: 'base',
    position: n.position ?? { x: (i % 8) * 280, y: Math.floor(i / 8) * 160 },
    width: 240,
    height: heightOf(n.text),
    data: { kind: n.kind, label: n.text },
  }));
}

function toEdges(doc: MapDoc): Edge[] {
  return doc.edges.map((e) => ({
    id: e.id,
    source: e.from,
    target: e.to,
    markerEnd: { type: MarkerType.ArrowClosed },
    style: e.relation === 'attacks' ? { strokeDasharray: '6 4' } : undefined,
  }));
}

function Baseline({ doc }: { doc: MapDoc }) {
  const [nodes, setNodes] = useState(() => toNodes(doc));
  const [edges] = useState(() => toEdges(doc));
  const onNodesChange = useCallback(
    (changes: NodeChange<BaseNode>[]) => setNodes((current) => applyNodeChanges(changes, current)),
    [],
  );
  const selected = nodes.find((n) => n.selected);
  // Open on the conclusion and what bears on it directly, at a view computed up front from the
  // known sizes (React Flow's docs: a fixed initial viewport, not fitView, which measures every
  // node before the first paint).
  const [defaultViewport] = useState(() => {
    const conclusions = new Set(doc.nodes.filter((n) => n.kind === 'conclusion').map((n) => n.id));
    const top = new Set(conclusions);
    for (const e of doc.edges) if (conclusions.has(e.to)) top.add(e.from);
    const shown = nodes.filter((n) => top.has(n.id));
    const minX = Math.min(...shown.map((n) => n.position.x));
    const minY = Math.min(...shown.map((n) => n.position.y));
    const maxX = Math.max(...shown.map((n) => n.position.x + (n.width ?? 240)));
    const maxY = Math.max(...shown.map((n) => n.position.y + (n.height ?? 80)));
    const width = window.innerWidth;
    const height = window.innerHeight - 48;
    const zoom = Math.min(1, (0.85 * width) / (maxX - minX), (0.85 * height) / (maxY - minY));
    return {
      x: width / 2 - ((minX + maxX) / 2) * zoom,
      y: 48 + height / 2 - ((minY + maxY) / 2) * zoom,
      zoom,
    };
  });
  return (
    <div className="app">
      <div />
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onlyRenderVisibleElements
        defaultViewport={defaultViewport}
        minZoom={0.02}
      />
      <aside>
        {selected && (
          <textarea
            data-testid="node-text"
            rows={4}
            value={selected.data.label}
            onChange={(e) => {
              const label = e.target.value;
              setNodes((current) =>
                current.map((n) =>
                  n.id === selected.id ? { ...n, data: { ...n.data, label } } : n,
                ),
              );
            }}
          />
        )}
      </aside>
    </div>
  );
}

function Page() {
  const [doc, setDoc] = useState<MapDoc | null>(null);
  useEffect(() => {
    const url = new URLSearchParams(location.search).get('map');
    if (url) void fetch(url).then(async (r) => setDoc((await r.json()) as MapDoc));
  }, []);
  return doc ? (
    <ReactFlowProvider>
      <Baseline doc={doc} />
    </ReactFlowProvider>
  ) : null;
}

const style = document.createElement('style');
style.textContent = CSS;
document.head.append(style);
createRoot(document.getElementById('root')!).render(<Page />);
