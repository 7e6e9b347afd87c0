/** The bar above the workspace: library, title, editing commands, search, languages, save state. */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useMapStore, undo, redo } from '../store/mapStore';
import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../store/uiStore';
import { useSaveStatus } from '../app/saveStatus';
import {
  addNodeAction,
  groupSelection,
  layoutAction,
  layoutState,
  showOverview,
} from '../app/actions';
import { useT } from './i18n';
import { SearchBox } from './SearchBox';
import { FileMenu } from './FileMenu';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

function useLayoutBusy() {
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    layoutState.listeners.add(setBusy);
    return () => void layoutState.listeners.delete(setBusy);
  }, []);
  return busy;
}

export function Toolbar() {
  const t = useT();
  const map = useMapStore((s) => s.map);
  const canUndo = useStore(useMapStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useMapStore.temporal, (s) => s.futureStates.length > 0);
  const save = useSaveStatus();
  const ui = useUiStore(
    useShallow((s) => ({
      language: s.language,
      labelLanguage: s.labelLanguage,
      libraryOpen: s.libraryOpen,
      outlineOpen: s.outlineOpen,
      set: s.set,
    })),
  );
  const busy = useLayoutBusy();
  const selectedCount = useMapStore((s) => s.selection.nodeIds.length);
  return (
    <header className="toolbar">
      <button
        onClick={() => ui.set({ libraryOpen: !ui.libraryOpen })}
        aria-label={t('openLibrary')}
        title={t('openLibrary')}
      >
        ☰ {t('library')}
      </button>
      <FileMenu />
      <h1 title={map?.title}>{map?.title ?? t('appName')}</h1>
      {map && (
        <div className="toolbar-buttons" role="toolbar" aria-label="Edit">
          <button onClick={() => addNodeAction('claim')} title={`${t('addNode')} (N)`}>
            + {t('addNode')}
          </button>
          <button
            data-testid="undo"
            onClick={undo}
            disabled={!canUndo}
            title={`${t('undo')} (${mod}Z)`}
            aria-label={t('undo')}
          >
            ↶
          </button>
          <button
            data-testid="redo"
            onClick={redo}
            disabled={!canRedo}
            title={`${t('redo')} (${mod}Shift+Z)`}
            aria-label={t('redo')}
          >
            ↷
          </button>
          <button
            data-testid="auto-layout"
            onClick={() => void layoutAction(false)}
            disabled={busy}
            title={`${t('autoLayout')} (L)`}
          >
            {busy ? t('layingOut') : t('autoLayout')}
          </button>
          <button
            onClick={() => void layoutAction(true)}
            disabled={busy}
            title={`${t('relayoutAll')} (Shift+L)`}
          >
            {t('relayoutAll')}
          </button>
        </div>
      )}
      {map && (
        <button data-testid="overview" onClick={showOverview} title={`${t('overviewHint')} (1)`}>
          ⤢ {t('overview')}
        </button>
      )}
      {map && (
        <button
          data-testid="group-selection"
          onClick={() => groupSelection(t('newGroupTitle'))}
          disabled={selectedCount === 0}
          title={`${t('groupSelectionHint')} (G)`}
        >
          ⬚ {t('groupSelection')}
        </button>
      )}
      {map && <SearchBox map={map} />}
      {map && (
        <button
          data-testid="outline-toggle"
          aria-pressed={ui.outlineOpen}
          onClick={() => ui.set({ outlineOpen: !ui.outlineOpen })}
          title={`${t('outlineToggle')} (O)`}
        >
          ☷ {t('outline')}
        </button>
      )}
      {map && (
        <button
          data-testid="present"
          onClick={() => ui.set({ presentationStep: 0 })}
          title={t('present')}
        >
          ▶ {t('present')}
        </button>
      )}
      <label className="switch" title={t('labels')}>
        <span className="sr-only">{t('labels')}</span>
        <select
          data-testid="label-language"
          value={ui.labelLanguage}
          onChange={(e) => ui.set({ labelLanguage: e.target.value as 'source' | 'en' })}
          aria-label={t('labels')}
        >
          <option value="source">
            {t('labels')}: {t('labelSource')}
          </option>
          <option value="en">
            {t('labels')}: {t('labelEnglish')}
          </option>
        </select>
      </label>
      <button
        data-testid="language-switch"
        onClick={() => ui.set({ language: ui.language === 'en' ? 'zh' : 'en' })}
        aria-label={t('interfaceLanguage')}
        title={t('interfaceLanguage')}
        lang={ui.language === 'en' ? 'zh-Hans' : 'en'}
      >
        {ui.language === 'en' ? '中文' : 'English'}
      </button>
      <button
        onClick={() => ui.set({ shortcutsOpen: true })}
        aria-label={t('shortcuts')}
        title={`${t('shortcuts')} (?)`}
      >
        ?
      </button>
      <span
        className={`save-state save-${save.state}`}
        role="status"
        data-testid="save-state"
        title={save.message ?? ''}
      >
        {save.state === 'saved'
          ? t('saved')
          : save.state === 'pending'
            ? t('saving')
            : t('notSaved')}
      </span>
    </header>
  );
}
