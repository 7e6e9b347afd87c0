/** The bar above the canvas: the map's title, undo/redo, layout and the save state. */
import { useStore } from 'zustand';
import { useMapStore, undo, redo } from '../store/mapStore';
import { useSaveStatus } from '../app/saveStatus';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function Toolbar({ onLayout, layoutBusy }: { onLayout: () => void; layoutBusy: boolean }) {
  const title = useMapStore((s) => s.map?.title);
  const canUndo = useStore(useMapStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useMapStore.temporal, (s) => s.futureStates.length > 0);
  const save = useSaveStatus();
  return (
    <header className="toolbar">
      <h1 title={title}>{title ?? 'Argument map editor'}</h1>
      <div className="toolbar-buttons" role="toolbar" aria-label="Edit">
        <button
          data-testid="undo"
          onClick={undo}
          disabled={!canUndo}
          title={`Undo (${mod}Z)`}
          aria-label="Undo"
        >
          ↶ Undo
        </button>
        <button
          data-testid="redo"
          onClick={redo}
          disabled={!canRedo}
          title={`Redo (${mod}Shift+Z)`}
          aria-label="Redo"
        >
          ↷ Redo
        </button>
        <button
          data-testid="auto-layout"
          onClick={onLayout}
          disabled={layoutBusy}
          title="Lay out the map automatically"
        >
          {layoutBusy ? 'Laying out…' : 'Auto layout'}
        </button>
      </div>
      <span
        className={`save-state save-${save.state}`}
        role="status"
        data-testid="save-state"
        title={save.message ?? ''}
      >
        {save.state === 'saved' ? 'Saved' : save.state === 'pending' ? 'Saving…' : 'Not saved!'}
      </span>
    </header>
  );
}
