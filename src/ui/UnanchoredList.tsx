/** Nodes with refs lost by a source correction, listed so the user can repair them. */
import type { ArgMap } from '../model/schema';
import { findUnanchored } from '../source/reanchor';
import { useMapStore } from '../store/mapStore';
import { useT } from './i18n';

export function UnanchoredList({ map }: { map: ArgMap }) {
  const t = useT();
  const select = useMapStore((s) => s.select);
  const nodes = findUnanchored(map);
  if (!nodes.length) return null;
  return (
    <div className="unanchored" role="status" data-testid="unanchored-list">
      <strong>
        ⚠ {t('unanchoredList')} ({nodes.length})
      </strong>
      <ul>
        {nodes.map((n) => (
          <li key={n.nodeId}>
            <button className="link" onClick={() => select({ nodeIds: [n.nodeId], edgeIds: [] })}>
              {n.nodeId}: {n.text.slice(0, 40)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
