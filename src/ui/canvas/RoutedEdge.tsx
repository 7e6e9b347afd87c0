/**
 * An edge drawn along its route: the orthogonal polyline the layout's router found (`data.points`,
 * from the premise's border to the arrow tip on the target's border), with rounded corners. Until
 * the route is known (it is computed lazily, see useEdgeRoutes.ts) the edge is a straight line
 * between the handles.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import type { Point } from '../../layout/route';
import { RELATIONS, type Relation } from '../../model/vocabulary';
import { setRelation } from '../../model/operations';
import { useMapStore } from '../../store/mapStore';
import { useT } from '../i18n';
import { EdgeSchemeBadge } from './SchemeBadge';
import { CompareEdgeBadge } from './CompareBadge';
import { useContentReadOnly } from '../sharing/roles';

export type RoutedFlowEdge = Edge<
  {
    relation: Relation;
    points?: readonly Point[];
    /** Several map edges drawn as one (re-attached to a collapsed group): how many. */
    count?: number;
    /** The argumentation scheme the edge carries (shown as a mark, see SchemeBadge). */
    scheme?: string;
  },
  'routed'
>;

/** Corner radius of a route, in canvas pixels. */
const RADIUS = 8;

const fmt = (n: number) => Math.round(n * 10) / 10;

/** An SVG path through `points`, each corner rounded by up to `radius` (half a short segment). */
export function routePath(points: readonly Point[], radius = RADIUS): string {
  if (points.length < 2) return '';
  const first = points[0]!;
  let d = `M${fmt(first.x)},${fmt(first.y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1]!;
    const at = points[i]!;
    const next = points[i + 1]!;
    const inLength = Math.hypot(at.x - prev.x, at.y - prev.y);
    const outLength = Math.hypot(next.x - at.x, next.y - at.y);
    const r = Math.min(radius, inLength / 2, outLength / 2);
    if (r <= 0) {
      d += ` L${fmt(at.x)},${fmt(at.y)}`;
      continue;
    }
    const a = {
      x: at.x - ((at.x - prev.x) / inLength) * r,
      y: at.y - ((at.y - prev.y) / inLength) * r,
    };
    const b = {
      x: at.x + ((next.x - at.x) / outLength) * r,
      y: at.y + ((next.y - at.y) / outLength) * r,
    };
    d += ` L${fmt(a.x)},${fmt(a.y)} Q${fmt(at.x)},${fmt(at.y)} ${fmt(b.x)},${fmt(b.y)}`;
  }
  const last = points[points.length - 1]!;
  return `${d} L${fmt(last.x)},${fmt(last.y)}`;
}

export const RoutedEdge = memo(function RoutedEdge({
  id,
  data,
  sourceX,
  sourceY,
  targetX,
  targetY,
  style,
  markerEnd,
  interactionWidth,
  selected,
}: EdgeProps<RoutedFlowEdge>) {
  const points = data?.points;
  const count = data?.count;
  // The count sits on the middle of the route (or of the straight line).
  const middle = points?.length
    ? points[Math.floor((points.length - 1) / 2)]!
    : { x: (sourceX + targetX) / 2, y: (sourceY + targetY) / 2 };
  const after = points?.[Math.floor((points.length - 1) / 2) + 1];
  const label = after ? { x: (middle.x + after.x) / 2, y: (middle.y + after.y) / 2 } : middle;
  const path =
    points && points.length >= 2
      ? routePath(points)
      : `M${fmt(sourceX)},${fmt(sourceY)} L${fmt(targetX)},${fmt(targetY)}`;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        style={style}
        markerEnd={markerEnd}
        interactionWidth={interactionWidth}
        {...(count
          ? {
              label: `×${count}`,
              labelX: label.x,
              labelY: label.y,
              labelShowBg: true,
              labelBgPadding: [4, 2] as [number, number],
              labelBgBorderRadius: 4,
              labelStyle: { fontSize: 12, fontWeight: 700 },
            }
          : {})}
      />
      {data?.scheme && !count && (
        <EdgeSchemeBadge name={data.scheme} at={label} selected={selected} />
      )}
      <CompareEdgeBadge id={id} at={label} lifted={selected} />
      {selected && !count && data && (
        <EdgeLabelRenderer>
          <RelationMenu id={id} relation={data.relation} at={label} />
        </EdgeLabelRenderer>
      )}
    </>
  );
});

/** On the selected edge: its relation, changed with a click (or the S, A, E keys). */
function RelationMenu({ id, relation, at }: { id: string; relation: Relation; at: Point }) {
  const t = useT();
  const readOnly = useContentReadOnly();
  return (
    <div
      className="edge-menu nodrag nopan"
      role="group"
      aria-label={t('relation')}
      data-testid="edge-menu"
      style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)` }}
    >
      {RELATIONS.map((r) => (
        <button
          key={r}
          type="button"
          data-relation={r}
          aria-pressed={r === relation}
          disabled={readOnly}
          title={`${t.relation(r)} (${r === 'supports' ? 'S' : r === 'attacks' ? 'A' : 'E'})`}
          onClick={() => useMapStore.getState().edit((m) => setRelation(m, id, r))}
        >
          {t.relation(r)}
        </button>
      ))}
    </div>
  );
}
