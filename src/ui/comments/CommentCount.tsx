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
      <svg aria-hidden width="11" height="11" viewBox="0 0 16 16">
        <path d="M2 2h12v9H7l-4 3v-3H2z" fill="none" stroke="currentColor" strokeWidth="1.8" />
      </svg>
      {count}
    </span>
  );
}
