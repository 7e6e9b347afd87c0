/** The bar above the workspace: library, title, editing commands, search, languages, save state. */
import { useEffect, useState } from 'react';
import { useMapStore } from '../store/mapStore';
import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../store/uiStore';
import { useSaveStatus } from '../app/saveStatus';
import { layoutState } from '../app/actions';
import { CommandButton } from './CommandButton';
import { useT } from './i18n';
import { SearchBox } from './SearchBox';
import { FileMenu } from './FileMenu';
import { MapTitle } from './MapTitle';
import { SharingStatus } from './sharing/SharingStatus';
import { useEditingHidden } from './sharing/roles';

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
  const readOnly = useMapStore((s) => s.readOnly);
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
  // A shared map's viewer or commenter: no editing buttons at all.
  const editingHidden = useEditingHidden();
  return (
    <header className="toolbar">
      <button
        onClick={() => ui.set({ libraryOpen: !ui.libraryOpen })}
        title={t('openLibrary')}
        aria-label={t('openLibrary')}
      >
        <span aria-hidden>☰</span>
        {/* The name, shown (the icon alone on a narrow toolbar: see CSS). */}
        <span className="cmd-label compactable"> {t('openLibrary')}</span>
      </button>
      <CommandButton
        data-testid="toolbar-new-map"
        command="newMap"
        icon="+"
        text={t('newMapShort')}
        aria-label={t('newMap')}
      />
      <FileMenu />
      <MapTitle />
      {map && !editingHidden && (
        <div className="toolbar-buttons" role="toolbar" aria-label={t('editCommands')}>
          <CommandButton command="addNode" icon="+" />
          <CommandButton data-testid="undo" command="undo" icon="↶" iconOnly />
          <CommandButton data-testid="redo" command="redo" icon="↷" iconOnly />
          <CommandButton
            data-testid="auto-layout"
            command="layout"
            disabled={busy}
            text={busy ? t('layingOut') : undefined}
          />
          <CommandButton command="relayoutAll" icon="⟲" compact disabled={busy} />
        </div>
      )}
      {map && <CommandButton data-testid="overview" command="overview" icon="⤢" compact />}
      {map && !editingHidden && (
        <CommandButton data-testid="group-selection" command="group" icon="⬚" compact />
      )}
      {map && <SearchBox map={map} />}
      {map && (
        <CommandButton
          data-testid="outline-toggle"
          command="outline"
          icon="☷"
          compact
          aria-pressed={ui.outlineOpen}
        />
      )}
      {map && <CommandButton data-testid="present" command="present" icon="▶" compact />}
      <label className="switch" title={t('labels')}>
        <span className="sr-only">{t('labels')}</span>
        <select
          data-testid="label-language"
          value={ui.labelLanguage}
          onChange={(e) => ui.set({ labelLanguage: e.target.value as 'source' | 'en' })}
          aria-label={t('labels')}
        >
          <option value="source">{t('labelSource')}</option>
          <option value="en">{t('labelEnglish')}</option>
        </select>
      </label>
      <button
        data-testid="language-switch"
        onClick={() => ui.set({ language: ui.language === 'en' ? 'zh' : 'en' })}
        title={t('interfaceLanguage')}
        lang={ui.language === 'en' ? 'zh-Hans' : 'en'}
      >
        {ui.language === 'en' ? '中文' : 'English'}
      </button>
      <CommandButton command="shortcuts" icon="?" iconOnly />
      {map && <SharingStatus />}
      {readOnly ? (
        <span className="save-state save-read-only" role="status" data-testid="save-state">
          {t('readOnly')}
        </span>
      ) : (
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
      )}
    </header>
  );
}
