/** Map edges as React Flow edges, styled by relation; cached per edge record. */
import { MarkerType, type Edge } from '@xyflow/react';
import type { ArgEdge } from '../../model/schema';
import { relationStyles } from '../../io/kindStyles';

const cache = new WeakMap<ArgEdge, Edge>();

export function toFlowEdge(edge: ArgEdge): Edge {
  let flow = cache.get(edge);
  if (!flow) {
    const style = relationStyles[edge.relation];
    flow = {
      id: edge.id,
      source: edge.from,
      target: edge.to,
      data: { relation: edge.relation },
      ariaLabel: `${edge.from} ${edge.relation} ${edge.to}`,
      className: `edge-${edge.relation}`,
      style: { stroke: style.stroke, strokeWidth: 1.8, strokeDasharray: style.dash || undefined },
      markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke, width: 18, height: 18 },
    };
    cache.set(edge, flow);
  }
  return flow;
}
