/** The map library: every stored map, last opened first; open, rename, duplicate, delete. */
import { useEffect, useRef, useState } from 'react';
import { useDialogFocus } from './useDialogFocus';
import {
  deleteMap,
  duplicateMap,
  openMap,
  renameMap,
  storageUse,
  useSession,
} from '../app/session';
import { exportAs } from '../app/exportActions';
import { useMapStore } from '../store/mapStore';
import { useUiStore } from '../store/uiStore';
import { useT } from './i18n';

export function MapLibrary() {
  const t = useT();
  const library = useSession((s) => s.library);
  const openId = useMapStore((s) => s.map?.id);
  const set = useUiStore((s) => s.set);
  const [renaming, setRenaming] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog);
  const [storage, setStorage] = useState<Awaited<ReturnType<typeof storageUse>>>(null);
  useEffect(() => {
    void storageUse().then(setStorage);
  }, [library]);
  return (
    <div
      className="drawer"
      role="dialog"
      aria-label={t('openLibrary')}
      data-testid="map-library"
      ref={dialog}
    >
      <header>
        <h2>{t('openLibrary')}</h2>
        <button onClick={() => set({ libraryOpen: false })} aria-label={t('close')}>
          ✕
        </button>
      </header>
      <button
        className="primary"
        data-testid="new-map-from-text"
        onClick={() => set({ newMapOpen: true, libraryOpen: false })}
      >
        + {t('newMap')}
      </button>
      <p className="muted storage-use" data-testid="storage-use">
        {storage
          ? `${t('storageUsed')}: ${(storage.usage / 1e6).toFixed(1)} MB / ${(storage.quota / 1e6).toFixed(0)} MB${storage.persisted ? ` · ${t('storagePersisted')}` : ''}`
          : t('storageUnknown')}{' '}
        <button className="small" onClick={() => void exportAs('backup')}>
          {t('backupAll')}
        </button>
      </p>
      <ul className="library-list">
        {library.map((m) => (
          <li key={m.id} className={m.id === openId ? 'is-open' : undefined} data-map-id={m.id}>
            {renaming === m.id ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  const title = new FormData(e.currentTarget).get('title');
                  void renameMap(m.id, String(title)).then(() => setRenaming(null));
                }}
              >
                <input name="title" defaultValue={m.title} aria-label={t('title')} autoFocus />
                <button type="submit">{t('ok')}</button>
              </form>
            ) : (
              <button
                className="library-open"
                onClick={() => {
                  void openMap(m.id);
                  set({ libraryOpen: false });
                }}
              >
                <strong>{m.title}</strong>
                <span className="muted">
                  {m.nodeCount} {t('nodes')}
                  {m.updatedAt ? ` · ${new Date(m.updatedAt).toLocaleString()}` : ''}
                </span>
              </button>
            )}
            <span className="row">
              <button className="small" onClick={() => setRenaming(m.id)}>
                {t('rename')}
              </button>
              <button
                className="small"
                onClick={() => void duplicateMap(m.id, t.language === 'zh' ? '（副本）' : '(copy)')}
              >
                {t('duplicate')}
              </button>
              <button
                className="small danger"
                onClick={() => {
                  if (confirm(`${t('confirmDelete')}\n\n${m.title}`)) void deleteMap(m.id);
                }}
              >
                {t('delete')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
