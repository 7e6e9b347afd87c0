/**
 * The minimap for big maps: React Flow's minimap is one SVG holding a shape per node and the
 * viewport frame, so every frame of a pan repaints all of them (measured: 5,000 nodes cost ~4×
 * the paint time of the whole canvas). Here the nodes are drawn once into a <canvas> (again
 * only when the nodes change) and the viewport frame is a separate element moved over it, so a
 * pan repaints a rectangle. Drag on it to move the view, scroll on it to zoom, like React
 * Flow's `pannable zoomable` minimap.
 */
import { useEffect, useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import { Panel, useReactFlow, useStore, type Node, type ReactFlowState } from '@xyflow/react';
import { kindStyles } from '../../io/kindStyles';
import type { ArgFlowNode } from './ArgNodeView';

const WIDTH = 200;
const HEIGHT = 150;
const PAD = 4;
const REDRAW_DELAY = 200;

const selectNodes = (s: ReactFlowState) => s.nodes;
const selectView = (s: ReactFlowState) =>
  `${s.transform[0]},${s.transform[1]},${s.transform[2]},${s.width},${s.height}`;

interface Frame {
  x: number;
  y: number;
  scale: number;
}

/** Flow coordinates → minimap pixels: the nodes' bounds fitted into the minimap. */
function frameOf(nodes: readonly Node[]): Frame {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    const w = n.measured?.width ?? n.initialWidth ?? 0;
    const h = n.measured?.height ?? n.initialHeight ?? 0;
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + w);
    maxY = Math.max(maxY, n.position.y + h);
  }
  if (!Number.isFinite(minX)) return { x: 0, y: 0, scale: 1 };
  const scale = Math.min(
    (WIDTH - 2 * PAD) / (maxX - minX || 1),
    (HEIGHT - 2 * PAD) / (maxY - minY || 1),
  );
  // Centre the drawing in the minimap.
  const x = minX - (WIDTH / scale - (maxX - minX)) / 2;
  const y = minY - (HEIGHT / scale - (maxY - minY)) / 2;
  return { x, y, scale };
}

export function CanvasMiniMap({ label }: { label: string }) {
  const nodes = useStore(selectNodes) as ArgFlowNode[];
  const view = useStore(selectView);
  const flow = useReactFlow();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [frame, setFrame] = useState<Frame>(() => frameOf(nodes));

  // Redrawn a moment after the nodes stop changing, not on every keystroke or drag step.
  useEffect(() => {
    const timer = setTimeout(() => {
      const ctx = canvas.current?.getContext('2d');
      if (!ctx) return;
      const f = frameOf(nodes);
      const ratio = window.devicePixelRatio || 1;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, WIDTH, HEIGHT);
      for (const n of nodes) {
        if (n.type !== 'arg') continue;
        ctx.fillStyle = kindStyles[n.data.node.kind].stroke;
        const w = (n.measured?.width ?? n.initialWidth ?? 0) * f.scale;
        const h = (n.measured?.height ?? n.initialHeight ?? 0) * f.scale;
        ctx.fillRect(
          (n.position.x - f.x) * f.scale,
          (n.position.y - f.y) * f.scale,
          Math.max(1, w),
          Math.max(1, h),
        );
      }
      setFrame((old) => (old.x === f.x && old.y === f.y && old.scale === f.scale ? old : f));
    }, REDRAW_DELAY);
    return () => clearTimeout(timer);
  }, [nodes]);

  const [tx, ty, zoom, width, height] = view.split(',').map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const box = {
    left: (-tx / zoom - frame.x) * frame.scale,
    top: (-ty / zoom - frame.y) * frame.scale,
    width: (width / zoom) * frame.scale,
    height: (height / zoom) * frame.scale,
  };

  const centreAt = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = (e.clientX - r.left) / frame.scale + frame.x;
    const y = (e.clientY - r.top) / frame.scale + frame.y;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    centreAt(e);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) centreAt(e);
  };
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    void flow.zoomTo(flow.getZoom() * (e.deltaY < 0 ? 1.2 : 1 / 1.2));
  };

  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return (
    <Panel position="bottom-right" className="react-flow__minimap canvas-minimap">
      <div
        role="img"
        aria-label={label}
        className="canvas-minimap-area"
        style={{ width: WIDTH, height: HEIGHT }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onWheel={onWheel}
      >
        <canvas
          ref={canvas}
          width={WIDTH * ratio}
          height={HEIGHT * ratio}
          style={{ width: WIDTH, height: HEIGHT }}
        />
        <div className="canvas-minimap-view" style={box} />
      </div>
    </Panel>
  );
}
