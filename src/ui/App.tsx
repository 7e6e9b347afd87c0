/** The editor: toolbar, source pane, canvas and inspector, over the open map. */
import { useCallback, useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { moveNodes } from '../model/operations';
import { useMapStore, undo, redo } from '../store/mapStore';
import { useSession } from '../app/session';
import { computeLayout } from '../app/runLayout';
import { MapCanvas } from './canvas/MapCanvas';
import { Inspector } from './Inspector';
import { SourcePane } from './SourcePane';
import { Toolbar } from './Toolbar';

export function App() {
  const map = useMapStore((s) => s.map);
  const session = useSession();
  const [layoutBusy, setLayoutBusy] = useState(false);

  const layout = useCallback(async () => {
    const current = useMapStore.getState().map;
    if (!current) return;
    setLayoutBusy(true);
    try {
      const positions = await computeLayout(current);
      useMapStore.getState().edit((m) => moveNodes(m, positions));
    } finally {
      setLayoutBusy(false);
    }
  }, []);

  // A map without saved positions (new, or imported) is laid out once when opened.
  const mapId = map?.id;
  useEffect(() => {
    const current = useMapStore.getState().map;
    if (current && current.nodes.some((n) => !n.position)) void layout();
  }, [mapId, layout]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
      else return;
      event.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  if (session.status === 'loading') {
    return (
      <div className="splash" role="status">
        Opening your maps…
      </div>
    );
  }
  if (session.status === 'failed') {
    return (
      <div className="splash error" role="alert">
        {session.message}
      </div>
    );
  }
  return (
    <div className="app">
      <Toolbar onLayout={() => void layout()} layoutBusy={layoutBusy} />
      {session.message && (
        <div className="banner error" role="alert">
          {session.message}
        </div>
      )}
      {map ? (
        <main className="workspace">
          <SourcePane map={map} />
          <ReactFlowProvider>
            <MapCanvas map={map} />
          </ReactFlowProvider>
          <Inspector map={map} />
        </main>
      ) : (
        <div className="splash">No map is stored yet.</div>
      )}
    </div>
  );
}
