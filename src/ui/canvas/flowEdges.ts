/**
 * Map edges as React Flow edges, styled by relation and drawn along their routes (RoutedEdge);
 * cached per edge record and route, so an edge whose route is unchanged keeps its object and
 * React Flow does not draw it again.
 */
import { MarkerType } from '@xyflow/react';
import type { ShownEdge } from './groupView';
import type { Point } from '../../layout/route';
import { relationStyles } from '../../io/kindStyles';
import type { RoutedFlowEdge } from './RoutedEdge';

const cache = new WeakMap<ShownEdge, RoutedFlowEdge>();

/**
 * `label` names the edge for screen readers by its ends' text ("Teenagers need more sleep
 * supports Schools should start later").
 */
export function toFlowEdge(
  edge: ShownEdge,
  points?: readonly Point[],
  label?: string,
): RoutedFlowEdge {
  let flow = cache.get(edge);
  if (!flow || flow.data?.points !== points || (label && flow.ariaLabel !== label)) {
    const style = relationStyles[edge.relation];
    flow = {
      id: edge.id,
      type: 'routed',
      source: edge.from,
      target: edge.to,
      data: {
        relation: edge.relation,
        ...(points ? { points } : {}),
        ...(edge.count && edge.count > 1 ? { count: edge.count } : {}),
        ...(edge.scheme ? { scheme: edge.scheme } : {}),
      },
      ariaLabel: label ?? `${edge.from} ${edge.relation} ${edge.to}`,
      domAttributes: { 'data-from': edge.from, 'data-to': edge.to } as Record<string, string>,
      className: `edge-${edge.relation}`,
      style: { stroke: style.stroke, strokeWidth: 1.8, strokeDasharray: style.dash || undefined },
      markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke, width: 18, height: 18 },
    };
    cache.set(edge, flow);
  }
  return flow;
}
