/**
 * The presentation tour (the map's first tour): the order presentation mode steps through;
 * reorder and remove stops.
 */
import type { ArgMap } from '../model/schema';
import { firstTourSteps, setFirstTourSteps } from '../model/tours';
import { useMapStore } from '../store/mapStore';
import { useT } from './i18n';

function moveStop(tour: readonly string[], index: number, by: number): string[] {
  const next = [...tour];
  const [stop] = next.splice(index, 1);
  next.splice(Math.max(0, Math.min(next.length, index + by)), 0, stop!);
  return next;
}

export function TourEditor({ map }: { map: ArgMap }) {
  const t = useT();
  const edit = useMapStore((s) => s.edit);
  const select = useMapStore((s) => s.select);
  const tour = firstTourSteps(map);
  const setTour = (next: readonly string[]) => edit((m) => setFirstTourSteps(m, next));
  return (
    <section className="tour-editor" aria-label={t('tour')}>
      <h3>{t('tour')}</h3>
      {tour.length === 0 ? (
        <p className="muted">{t('tourEmpty')}</p>
      ) : (
        <ol data-testid="tour-list">
          {tour.map((id, i) => {
            const node = map.nodes.find((n) => n.id === id);
            // Named by the step's number and text, as shown (not by the node's id).
            const name = `${i + 1}. ${node ? node.text.slice(0, 30) : id}`;
            return (
              <li key={`${id}:${i}`}>
                <button className="link" onClick={() => select({ nodeIds: [id], edgeIds: [] })}>
                  {node ? node.text.slice(0, 30) : id}
                </button>
                <span className="row">
                  <button
                    className="small"
                    aria-label={`${t('moveUp')}: ${name}`}
                    disabled={i === 0}
                    onClick={() => setTour(moveStop(tour, i, -1))}
                  >
                    ↑
                  </button>
                  <button
                    className="small"
                    aria-label={`${t('moveDown')}: ${name}`}
                    disabled={i === tour.length - 1}
                    onClick={() => setTour(moveStop(tour, i, 1))}
                  >
                    ↓
                  </button>
                  <button
                    className="small"
                    aria-label={`${t('removeFromTour')}: ${name}`}
                    onClick={() => setTour(tour.filter((_, j) => j !== i))}
                  >
                    ✕
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** "Add to tour" / "In tour: step n" for one node. */
export function TourToggle({ map, nodeId }: { map: ArgMap; nodeId: string }) {
  const t = useT();
  const edit = useMapStore((s) => s.edit);
  const tour = firstTourSteps(map);
  const index = tour.indexOf(nodeId);
  return index >= 0 ? (
    <button
      onClick={() =>
        edit((m) =>
          setFirstTourSteps(
            m,
            firstTourSteps(m).filter((id) => id !== nodeId),
          ),
        )
      }
    >
      {t('removeFromTour')} ({index + 1})
    </button>
  ) : (
    <button onClick={() => edit((m) => setFirstTourSteps(m, [...firstTourSteps(m), nodeId]))}>
      {t('addToTour')}
    </button>
  );
}
