/** On a node of the canvas: how many open comment threads it has (nothing when none). */
import { useMapStore } from '../../store/mapStore';
import { useT } from '../i18n';
import { openThreadsOn } from '../../model/comments';
import './comments.css';

export function CommentCount({ target }: { target: string }) {
  const t = useT();
  const count = useMapStore((s) => openThreadsOn(s.map?.comments, target));
  if (!count) return null;
  const label = t('openComments').replace('{0}', String(count));
  return (
    <span className="comment-count" data-testid="comment-count" title={label} aria-label={label}>
      <span aria-hidden>💬</span>
      {count}
    </span>
  );
}
