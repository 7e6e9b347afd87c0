/**
 * The open map's title in the toolbar, renamed where it is shown: double-click it, or its ✎
 * button; Enter or leaving the field keeps the new title (one undoable edit), Esc cancels.
 */
import { useRef, useState } from 'react';
import { renameMap } from '../app/session';
import { useMapStore } from '../store/mapStore';
import { useT } from './i18n';
import { useContentReadOnly } from './sharing/roles';

export function MapTitle() {
  const t = useT();
  const map = useMapStore((s) => s.map);
  const readOnly = useContentReadOnly();
  const [draft, setDraft] = useState<string | null>(null);
  // Set once the field is done with, so a blur on the way out (Esc) changes nothing.
  const done = useRef(false);
  if (!map) return <h1>{t('appName')}</h1>;
  const canEdit = !readOnly;
  const start = () => {
    done.current = false;
    setDraft(map.title);
  };
  const finish = (keep: boolean) => {
    if (done.current) return;
    done.current = true;
    if (keep && draft !== null && draft.trim() && draft.trim() !== map.title)
      void renameMap(map.id, draft);
    setDraft(null);
  };
  if (draft !== null)
    return (
      <input
        className="title-input"
        data-testid="title-input"
        aria-label={t('title')}
        autoFocus
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') finish(true);
          else if (e.key === 'Escape') {
            e.stopPropagation();
            finish(false);
          }
        }}
      />
    );
  return (
    <>
      <h1 title={map.title} onDoubleClick={() => canEdit && start()}>
        {map.title}
      </h1>
      {canEdit && (
        <button
          type="button"
          className="title-edit"
          data-testid="rename-title"
          aria-label={t('renameMap')}
          title={t('renameMap')}
          onClick={start}
        >
          ✎
        </button>
      )}
    </>
  );
}
