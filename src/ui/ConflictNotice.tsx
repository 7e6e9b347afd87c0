/**
 * Names each node whose change in this tab another tab overwrote (both wrote it at the same
 * moment; the last write wins the record), and offers to restore this tab's version. Kept until
 * the user restores or dismisses it.
 */
import { restoreConflict, useConflicts } from '../app/conflicts';
import { useMapStore } from '../store/mapStore';
import { useT } from './i18n';

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

export function ConflictNotice() {
  const t = useT();
  const mapId = useMapStore((s) => s.map?.id);
  const conflicts = useConflicts((s) => s.conflicts);
  const dismiss = useConflicts((s) => s.dismiss);
  const shown = conflicts.filter((c) => c.mapId === mapId);
  if (!shown.length) return null;
  return (
    <div className="banner" role="alert" data-testid="conflict-notice">
      {shown.map((conflict) => (
        <div key={conflict.nodeId} data-testid={`conflict-${conflict.nodeId}`}>
          <span>
            {t('conflictOverwritten')} “{clip(conflict.mine.label ?? conflict.mine.text)}”
          </span>{' '}
          <span className="banner-actions">
            <button
              type="button"
              data-testid="conflict-restore"
              onClick={() => restoreConflict(conflict)}
            >
              {t('conflictRestore')}
            </button>
            <button type="button" onClick={() => dismiss(conflict)}>
              {t('conflictDismiss')}
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}
