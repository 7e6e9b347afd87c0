/** Import and export: the "File" menu of the toolbar. */
import { useEffect, useRef, useState } from 'react';
import { exportAs, type ExportFormat, type ExportOptions } from '../app/exportActions';
import { importFiles, openAddSourceFrom, openNewMapFrom, useImporting } from '../app/importFiles';
import { warmDocumentReaders } from '../app/ioClient';
import { acceptList } from '../io/importFormats';
import { useMapStore } from '../store/mapStore';
import { useUiStore } from '../store/uiStore';
import { useT } from './i18n';
import { openSlidesDialog, printHandout, startComparing } from './lazyPanels';
import { MessageError } from '../model/messages';
import { showText } from './i18nMessages';
import { commandById, runCommand } from './commands';
import { ModelSettingsMenuItem } from './draft/ModelSettingsMenu';
import { openShareDialog } from './sharing/shareDialogState';
import { useContentReadOnly } from './sharing/roles';

export function FileMenu() {
  const t = useT();
  const hasMap = useMapStore((s) => s.map !== null);
  const hasSelection = useMapStore((s) => s.selection.nodeIds.length > 0);
  const hasComments = useMapStore((s) => (s.map?.comments?.length ?? 0) > 0);
  const set = useUiStore((s) => s.set);
  const [selectionOnly, setSelectionOnly] = useState(false);
  const [transparent, setTransparent] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const newFrom = useRef<HTMLInputElement>(null);
  const addFrom = useRef<HTMLInputElement>(null);
  const readOnly = useContentReadOnly();
  const details = useRef<HTMLDetailsElement>(null);
  // The menu closes on Esc (the focus back on its button) and on a click outside it.
  useEffect(() => {
    const menu = details.current;
    if (!menu) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !menu.open) return;
      menu.open = false;
      menu.querySelector('summary')?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (menu.open && !menu.contains(e.target as Node)) menu.open = false;
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, []);

  const run = async (format: ExportFormat, options: ExportOptions = {}) => {
    setBusy(true);
    try {
      await exportAs(format, {
        selectionOnly: selectionOnly && hasSelection,
        background: transparent ? 'transparent' : 'white',
        ...options,
      });
      details.current?.removeAttribute('open');
    } catch (error) {
      useMapStore.setState({
        error: `${t('exportFailed')} ${error instanceof MessageError ? showText(t, error.says) : error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  const importing = useImporting((state) => state.files.length > 0);
  return (
    <details className="menu" ref={details}>
      <summary data-testid="file-menu">
        {t('file')}
        {importing ? (
          <span className="menu-busy" role="status" data-testid="importing">
            {' '}
            {t('importing')}
          </span>
        ) : null}
      </summary>
      <div className="menu-panel" role="menu">
        <button role="menuitem" data-testid="import" onClick={() => input.current?.click()}>
          {t('importFiles')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="import-input"
          accept={acceptList('all')}
          onChange={async (e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (!files.length) return;
            details.current?.removeAttribute('open');
            // The focus leaves the closed menu's command for the menu's button, where the
            // import report gives it back when it closes.
            details.current?.querySelector('summary')?.focus();
            set({ importReport: await importFiles(files) });
          }}
        />
        <button
          role="menuitem"
          data-testid="new-map-from-file"
          onPointerEnter={warmDocumentReaders}
          onFocus={warmDocumentReaders}
          onClick={() => newFrom.current?.click()}
        >
          {t('newMapFromFile')}
        </button>
        <input
          ref={newFrom}
          type="file"
          hidden
          data-testid="new-map-from-file-input"
          accept={acceptList('sources')}
          // One file, or an AIF file with its text (the dialog pairs them).
          multiple
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (!files.length) return;
            details.current?.removeAttribute('open');
            openNewMapFrom(...files);
          }}
        />
        {hasMap && !readOnly && (
          <>
            <button
              role="menuitem"
              data-testid="add-source"
              onPointerEnter={warmDocumentReaders}
              onFocus={warmDocumentReaders}
              onClick={() => addFrom.current?.click()}
            >
              {t('addSource')}
            </button>
            <input
              ref={addFrom}
              type="file"
              hidden
              data-testid="add-source-input"
              accept={acceptList('sources')}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                details.current?.removeAttribute('open');
                // The dialog gives the focus back to the menu's button when it closes.
                details.current?.querySelector('summary')?.focus();
                openAddSourceFrom(file);
              }}
            />
            <button
              role="menuitem"
              data-testid="draft-source"
              title={t('draftSourceHint')}
              onClick={() => (
                details.current?.removeAttribute('open'),
                runCommand(commandById('draftSource'))
              )}
            >
              {t('draftSource')}
            </button>
          </>
        )}
        <ModelSettingsMenuItem />
        {hasMap && (
          <>
            <hr />
            <button
              role="menuitem"
              data-testid="share-open"
              onClick={() => (details.current?.removeAttribute('open'), openShareDialog())}
            >
              {t('shareMenu')}
            </button>
            <hr />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={selectionOnly}
                disabled={!hasSelection}
                onChange={(e) => setSelectionOnly(e.target.checked)}
              />
              {t('selectionOnly')}
            </label>
            <button
              role="menuitem"
              data-testid="export-svg"
              disabled={busy}
              onClick={() => run('svg')}
            >
              SVG
            </button>
            <span className="row">
              {([1, 2, 3] as const).map((scale) => (
                <button
                  key={scale}
                  role="menuitem"
                  data-testid={`export-png-${scale}x`}
                  disabled={busy}
                  onClick={() => run('png', { scale })}
                >
                  PNG {scale}×
                </button>
              ))}
            </span>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={transparent}
                onChange={(e) => setTransparent(e.target.checked)}
              />
              {t('transparent')}
            </label>
            <button
              role="menuitem"
              data-testid="export-print"
              onClick={() => (details.current?.removeAttribute('open'), printHandout())}
            >
              {t('printHandout')}
            </button>
            {hasComments && (
              <button
                role="menuitem"
                data-testid="export-print-comments"
                onClick={() => (
                  details.current?.removeAttribute('open'),
                  printHandout({ comments: true })
                )}
              >
                {t('printHandoutComments')}
              </button>
            )}
            <button
              role="menuitem"
              data-testid="export-slides"
              onClick={() => (details.current?.removeAttribute('open'), openSlidesDialog())}
            >
              {t('slidesMenu')}
            </button>
            <button
              role="menuitem"
              data-testid="compare-start"
              onClick={() => (details.current?.removeAttribute('open'), startComparing())}
            >
              {t('compareMenu')}
            </button>
            <button
              role="menuitem"
              data-testid="export-md"
              disabled={busy}
              onClick={() => run('md')}
            >
              Markdown
            </button>
            <button
              role="menuitem"
              data-testid="export-argdown"
              disabled={busy}
              onClick={() => run('argdown')}
            >
              Argdown
            </button>
            <button
              role="menuitem"
              data-testid="export-aif"
              disabled={busy}
              onClick={() => run('aif')}
            >
              AIF (OVA, AIFdb)
            </button>
            <button
              role="menuitem"
              data-testid="export-json"
              disabled={busy}
              onClick={() => run('json')}
            >
              {t('nativeFile')} (.argmap.json)
            </button>
          </>
        )}
        <hr />
        <button
          role="menuitem"
          data-testid="export-backup"
          disabled={busy}
          onClick={() => run('backup')}
        >
          {t('backupAll')}
        </button>
      </div>
    </details>
  );
}
