/**
 * The marks of a comparison (#13) on the student's map: a small badge on each node (found ✓,
 * extra +, marked wrong ✗) and on each edge (agrees ✓, reversed ⇄, differs ≠, extra +), green when
 * the mark counts as right, red or orange when not, outlined when the teacher changed it. Each
 * badge reads its own mark from the compare store, so nothing renders when no comparison is shown.
 */
import { EdgeLabelRenderer } from '@xyflow/react';
import type { Judged, PointMark, RelationMark } from '../../model/compareVerdicts';
import { useCompareStore } from '../../store/compareStore';
import { useT, type Translator } from '../i18n';

const SYMBOL: Record<PointMark['status'] | RelationMark['status'], string> = {
  found: '✓',
  agree: '✓',
  extra: '+',
  withExtraPoint: '+',
  reversed: '⇄',
  differs: '≠',
};

/** What a mark says, in words: its status and the verdict that counts. */
export function markTitle(t: Translator, mark: PointMark | RelationMark): string {
  const status =
    mark.status === 'found' && mark.match?.shifted
      ? t('compareShiftedMark')
      : t(`compareMark_${mark.status}`);
  const verdict = mark.overridden
    ? mark.verdict === 'right'
      ? t('compareAcceptedByYou')
      : t('compareRejectedByYou')
    : '';
  return verdict ? `${status} · ${verdict}` : status;
}

function badge(mark: Judged & { status: PointMark['status'] | RelationMark['status'] }) {
  // A match the teacher rejected shows ✗; an accepted extra or reversal keeps its symbol, green.
  const symbol = mark.verdict === 'wrong' && mark.auto === 'right' ? '✗' : SYMBOL[mark.status];
  const tone =
    mark.status === 'withExtraPoint' ? 'neutral' : mark.verdict === 'right' ? 'right' : 'wrong';
  return {
    symbol,
    className: `compare-badge is-${tone}${mark.overridden ? ' is-overridden' : ''}`,
  };
}

/** On a node: its mark, if a comparison is shown. */
export function CompareBadge({ id }: { id: string }) {
  const t = useT();
  const mark = useCompareStore((s) => s.nodeMarks.get(id));
  if (!mark) return null;
  const { symbol, className } = badge(mark);
  const title = markTitle(t, mark);
  return (
    <span
      className={className}
      data-testid="compare-badge"
      data-status={mark.status}
      data-verdict={mark.verdict}
      role="img"
      aria-label={title}
      title={title}
    >
      {symbol}
    </span>
  );
}

/**
 * On an edge, at `at` (its label point): its mark, if a comparison is shown; `lifted` (the edge is
 * selected) above the relation buttons shown there.
 */
export function CompareEdgeBadge({
  id,
  at,
  lifted,
}: {
  id: string;
  at: { x: number; y: number };
  lifted?: boolean;
}) {
  const t = useT();
  const mark = useCompareStore((s) => s.edgeMarks.get(id));
  if (!mark) return null;
  const { symbol, className } = badge(mark);
  const title = markTitle(t, mark);
  return (
    <EdgeLabelRenderer>
      <span
        className={`${className} compare-edge-badge`}
        data-testid="compare-edge-badge"
        data-edge-id={id}
        data-status={mark.status}
        data-verdict={mark.verdict}
        role="img"
        aria-label={title}
        title={title}
        // Grown around its centre when zoomed out (--compare-scale: styles.css).
        style={{
          transform: `translate(${at.x}px, ${at.y - (lifted ? 30 : 0)}px) scale(var(--compare-scale, 1)) translate(-50%, ${lifted ? -100 : -50}%)`,
        }}
      >
        {symbol}
      </span>
    </EdgeLabelRenderer>
  );
}
