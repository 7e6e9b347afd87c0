/** The editor: toolbar, source pane, canvas and inspector over the open map, plus dialogs. */
import { lazy, Suspense, useEffect } from 'react';
import { CanvasProvider } from './canvas/CanvasProvider';
import { useMapStore } from '../store/mapStore';
import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../store/uiStore';
import { useSession } from '../app/session';
import { layoutAction } from '../app/actions';
import { warmLayout } from '../app/runLayout';
import { warmDocumentReaders } from '../app/ioClient';
import { MapCanvas } from './canvas/MapCanvas';
import { Inspector } from './Inspector';
import { SourcePane } from './SourcePane';
import { Toolbar } from './Toolbar';
import { Splitter } from './Splitter';
import { useKeyboard } from './useKeyboard';
import { useT } from './i18n';
import { MapLibrary } from './MapLibrary';
import { ShortcutsDialog } from './ShortcutsDialog';
import { OccasionalViews } from './lazyPanels';

/** The new-map dialog brings the text importer (and the validator); it loads when opened. */
// The comment list and File → Share… load when first opened.
const CommentsPanel = lazy(() =>
  import('./comments/CommentsPanel').then((m) => ({ default: m.CommentsPanel })),
);
const ShareDialog = lazy(() =>
  import('./sharing/ShareDialog').then((m) => ({ default: m.ShareDialog })),
);
const NewMapDialog = lazy(() =>
  import('./NewMapDialog').then((m) => ({ default: m.NewMapDialog })),
);

import { ErrorBoundary } from './ErrorBoundary';
import { ImportReport } from './ImportReport';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { SaveFailedBanner } from './SaveFailedBanner';
import { ConflictNotice } from './ConflictNotice';
import { dropFiles } from '../app/importFiles';
import { OutlineView } from './OutlineView';
import { showText } from './i18nMessages';
import { useCommentsUi } from './comments/commentsUi';
import { useShareDialog } from './sharing/shareDialogState';
import { PwaUpdates } from '../app/pwa/updates';

export function App() {
  const t = useT();
  const commentsOpen = useCommentsUi((s) => s.panelOpen);
  const shareOpen = useShareDialog((s) => s.open);
  const map = useMapStore((s) => s.map);
  const session = useSession();
  // Only what App shows: typing a search or panning must not re-render the whole editor.
  const ui = useUiStore(
    useShallow((s) => ({
      language: s.language,
      paneWidths: s.paneWidths,
      libraryOpen: s.libraryOpen,
      newMapOpen: s.newMapOpen,
      shortcutsOpen: s.shortcutsOpen,
      outlineOpen: s.outlineOpen,
      outlineWidth: s.outlineWidth,
      presenting: s.presentationStep !== null,
      set: s.set,
    })),
  );
  useKeyboard();

  useEffect(() => {
    document.documentElement.lang = ui.language === 'zh' ? 'zh-Hans' : 'en';
  }, [ui.language]);

  const mapId = map?.id;
  // The layout worker loads ELK while the editor is idle, so the first layout is quick.
  useEffect(() => {
    if (!mapId) return;
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 500));
    idle(() => warmLayout());
  }, [mapId]);

  // A map without saved positions (new, or imported) is laid out once when opened.
  useEffect(() => {
    const current = useMapStore.getState().map;
    if (current && current.nodes.some((n) => !n.position)) void layoutAction(true);
  }, [mapId]);

  if (session.status === 'loading') {
    return (
      <div className="splash" role="status">
        {t('loading')}
      </div>
    );
  }
  if (session.status === 'failed') {
    return (
      <div className="splash error" role="alert">
        {session.message && showText(t, session.message)}
      </div>
    );
  }
  const { source, inspector } = ui.paneWidths;
  return (
    <CanvasProvider>
      <div
        className="app"
        // While presenting, the stage (over it) is all there is: the editor is hidden and inert.
        inert={ui.presenting}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          warmDocumentReaders();
        }}
        onDrop={async (e) => {
          const files = [...e.dataTransfer.files];
          if (!files.length) return;
          e.preventDefault();
          await dropFiles(files);
        }}
      >
        <Toolbar />
        {session.message && (
          <div className="banner error session-message" role="alert">
            <button
              className="banner-close"
              onClick={() => useSession.setState({ message: null })}
              aria-label={t('close')}
            >
              ✕
            </button>
            {showText(t, session.message)}
          </div>
        )}
        <SaveFailedBanner />
        <ConflictNotice />
        <PwaUpdates />
        {map && session.readOnlyUrl && <ReadOnlyBanner url={session.readOnlyUrl} map={map} />}
        {map ? (
          <main
            className="workspace"
            style={{
              gridTemplateColumns: `${source}px 6px minmax(0, 1fr) ${ui.outlineOpen ? `6px ${ui.outlineWidth}px ` : ''}6px ${inspector}px`,
            }}
          >
            <ErrorBoundary area="the source pane">
              <SourcePane map={map} />
            </ErrorBoundary>
            <Splitter
              label={t('sourcePane')}
              value={source}
              direction={1}
              onChange={(v) => ui.set({ paneWidths: { source: v, inspector } })}
            />
            <ErrorBoundary area="the canvas">
              <MapCanvas key={map.id} map={map} />
            </ErrorBoundary>
            {ui.outlineOpen && (
              <>
                <Splitter
                  label={t('outline')}
                  value={ui.outlineWidth}
                  direction={-1}
                  onChange={(v) => ui.set({ outlineWidth: v })}
                />
                <ErrorBoundary area="the outline">
                  <OutlineView key={map.id} map={map} />
                </ErrorBoundary>
              </>
            )}
            <Splitter
              label={t('inspector')}
              value={inspector}
              direction={-1}
              onChange={(v) => ui.set({ paneWidths: { source, inspector: v } })}
            />
            <ErrorBoundary area="the inspector">
              <Inspector map={map} />
            </ErrorBoundary>
          </main>
        ) : (
          <div className="splash">
            <p>{t('noMap')}</p>
            <button
              className="primary"
              data-testid="new-map-from-text"
              onClick={() => ui.set({ newMapOpen: true })}
            >
              + {t('newMap')}
            </button>
          </div>
        )}
        <ImportReport />
        {map && <OccasionalViews map={map} />}
        {map && commentsOpen && (
          <Suspense fallback={null}>
            <CommentsPanel map={map} />
          </Suspense>
        )}
        {map && shareOpen && (
          <Suspense fallback={null}>
            <ShareDialog />
          </Suspense>
        )}
        <Suspense fallback={null}>
          {ui.libraryOpen && <MapLibrary />}
          {ui.newMapOpen && <NewMapDialog />}
          {ui.shortcutsOpen && <ShortcutsDialog />}
        </Suspense>
      </div>
    </CanvasProvider>
  );
}
