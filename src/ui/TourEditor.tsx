/**
 * The map's named tours (the orders presentation steps through): choose one, make a new one
 * (empty, from the selected nodes, or every node in outline order), rename, duplicate, delete,
 * make it the default (first) tour; reorder its stops with buttons, with Alt+↑/↓ on a focused
 * stop or by dragging, remove a stop with its button or Delete, add the selected nodes. Every
 * change is one undoable edit of the map.
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { create } from 'zustand';
import type { ArgMap, Tour } from '../model/schema';
import { buildOutline } from '../model/outline';
import {
  addTour,
  addTourStops,
  duplicateTour,
  firstTourSteps,
  makeFirstTour,
  moveTourStop,
  removeTour,
  removeTourNode,
  removeTourStop,
  renameTour,
  setFirstTourSteps,
} from '../model/tours';
import { undo, useMapStore } from '../store/mapStore';
import { useT, type Translator } from './i18n';
import { revealNodes } from './SearchBox';
import { useContentReadOnly } from './sharing/roles';

/** The tour chosen in the editor, by map id (not part of the map, not in the undo history). */
const useChosen = create<{
  byMap: Record<string, string>;
  choose(map: string, tour: string): void;
}>((set) => ({
  byMap: {},
  choose: (map, tour) => set((s) => ({ byMap: { ...s.byMap, [map]: tour } })),
}));

/** The tour chosen in the editor: the one last chosen while the map still has it, else the first. */
export function useChosenTour(map: ArgMap): Tour | undefined {
  const id = useChosen((s) => s.byMap[map.id]);
  return map.tours.find((t) => t.id === id) ?? map.tours[0];
}

const fill = (text: string, ...args: (string | number)[]) =>
  text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));

export const tourName = (t: Translator, tour: Tour) => tour.title.trim() || t('untitledTour');

type Start = 'empty' | 'selection' | 'outline';

export function TourEditor({ map }: { map: ArgMap }) {
  const t = useT();
  const edit = useMapStore((s) => s.edit);
  const readOnly = useContentReadOnly();
  const selected = useMapStore((s) => s.selection.nodeIds);
  const choose = useChosen((s) => s.choose);
  const tour = useChosenTour(map);
  // The tour just deleted, while the map's tours are as the deletion left them (so Undo takes
  // back that deletion and nothing else).
  const [deleted, setDeleted] = useState<{ name: string; tours: ArgMap['tours'] } | null>(null);
  const [newTitle, setNewTitle] = useState('');
  const [start, setStart] = useState<Start>(selected.length ? 'selection' : 'empty');
  // After a stop moves by keyboard, the focus follows it.
  const focusStop = useRef<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const dragged = useRef<number | null>(null);
  useEffect(() => {
    if (focusStop.current === null) return;
    list.current
      ?.querySelector<HTMLElement>(`[data-stop-index="${focusStop.current}"] .tour-stop`)
      ?.focus();
    focusStop.current = null;
  });

  const index = tour ? map.tours.indexOf(tour) : -1;
  const steps = tour?.steps ?? [];
  const tourId = tour?.id ?? '';
  const move = (from: number, to: number) => {
    if (edit((m) => moveTourStop(m, tourId, from, to))) focusStop.current = to;
  };
  const removeStop = (i: number) => {
    if (edit((m) => removeTourStop(m, tourId, i)) && steps.length > 1)
      focusStop.current = Math.min(i, steps.length - 2);
  };
  const onStopKey = (event: KeyboardEvent, i: number) => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const to = i + (event.key === 'ArrowUp' ? -1 : 1);
      if (to >= 0 && to < steps.length) move(i, to);
    } else if (event.key === 'Delete' && !readOnly) {
      event.preventDefault();
      removeStop(i);
    }
  };
  const onDrop = (event: DragEvent, i: number) => {
    event.preventDefault();
    if (dragged.current !== null && dragged.current !== i) move(dragged.current, i);
    dragged.current = null;
  };

  const create = () => {
    const title = newTitle.trim() || t('newTour');
    const stops =
      start === 'selection'
        ? selected
        : start === 'outline'
          ? [...new Set(buildOutline(map).map((item) => item.nodeId))]
          : [];
    let id = '';
    if (
      edit((m) => {
        const made = addTour(m, title, stops);
        id = made.id;
        return made.map;
      })
    ) {
      choose(map.id, id);
      setNewTitle('');
      setDeleted(null);
    }
  };

  return (
    <section className="tour-editor" aria-label={t('tours')} data-testid="tour-editor">
      <h3>{t('tours')}</h3>
      {deleted?.tours === map.tours && (
        <p className="row tour-deleted" role="status">
          {fill(t('tourDeleted'), deleted.name)}
          <button
            className="small"
            onClick={() => {
              undo();
              setDeleted(null);
            }}
          >
            {t('undo')}
          </button>
        </p>
      )}
      <fieldset className="plain" disabled={readOnly}>
        <details className="tour-new" open={!tour}>
          <summary>{t('newTour')}</summary>
          <label>
            {t('newTourTitle')}
            <input
              data-testid="new-tour-title"
              value={newTitle}
              onChange={(e) => setNewTitle(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') create();
              }}
            />
          </label>
          <label>
            {t('newTourFrom')}
            <select
              data-testid="new-tour-from"
              value={start}
              onChange={(e) => setStart(e.target.value as Start)}
            >
              <option value="empty">{t('tourFromEmpty')}</option>
              <option value="selection" disabled={selected.length === 0}>
                {`${t('tourFromSelection')} (${selected.length})`}
              </option>
              <option value="outline">{t('tourFromOutline')}</option>
            </select>
          </label>
          <button data-testid="create-tour" onClick={create}>
            {t('createTour')}
          </button>
        </details>
        {tour ? (
          <>
            <label>
              {t('chooseTour')}
              <select
                data-testid="tour-select"
                value={tour.id}
                onChange={(e) => choose(map.id, e.target.value)}
              >
                {map.tours.map((each, i) => (
                  <option key={each.id} value={each.id}>
                    {`${tourName(t, each)} · ${each.steps.length}${i === 0 ? ` ${t('defaultTourMark')}` : ''}`}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('tourTitle')}
              <input
                data-testid="tour-title"
                value={tour.title}
                onChange={(e) =>
                  edit((m) => renameTour(m, tourId, e.target.value), `tour-title:${tourId}`)
                }
              />
            </label>
            <div className="row">
              <button
                data-testid="tour-make-default"
                disabled={index === 0}
                title={t('makeDefaultTourHint')}
                onClick={() => edit((m) => makeFirstTour(m, tourId))}
              >
                {t('makeDefaultTour')}
              </button>
              <button
                data-testid="tour-duplicate"
                onClick={() => {
                  let id = '';
                  const ok = edit((m) => {
                    const made = duplicateTour(m, tourId, fill(t('tourCopy'), tourName(t, tour)));
                    if (!made) return m;
                    id = made.id;
                    return made.map;
                  });
                  if (ok && id) choose(map.id, id);
                }}
              >
                {t('duplicateTour')}
              </button>
              <button
                className="danger"
                data-testid="tour-delete"
                onClick={() => {
                  if (edit((m) => removeTour(m, tourId))) {
                    const tours = useMapStore.getState().map?.tours;
                    if (tours) setDeleted({ name: tourName(t, tour), tours });
                  }
                }}
              >
                {t('deleteTour')}
              </button>
            </div>
            {selected.length > 0 && (
              <button
                data-testid="tour-add-selected"
                onClick={() => edit((m) => addTourStops(m, tourId, selected))}
              >
                {`${t('addSelectedToTour')} (${selected.length})`}
              </button>
            )}
            <h4>{t('tourStops')}</h4>
            {steps.length === 0 ? (
              <p className="muted">{t('tourEmpty')}</p>
            ) : (
              <>
                <p className="muted hint">{t('tourStopsHint')}</p>
                <ol data-testid="tour-list" ref={list}>
                  {steps.map((id, i) => {
                    const node = map.nodes.find((n) => n.id === id);
                    const text = node ? (node.label ?? node.text).slice(0, 40) || '…' : id;
                    // Named by the step's number and text, as shown (not by the node's id).
                    const name = `${i + 1}. ${text}`;
                    return (
                      <li
                        key={`${id}:${i}`}
                        data-stop-index={i}
                        data-node-id={id}
                        draggable={!readOnly}
                        onDragStart={(e) => {
                          dragged.current = i;
                          e.dataTransfer.effectAllowed = 'move';
                        }}
                        onDragOver={(e) => e.preventDefault()}
                        onDrop={(e) => onDrop(e, i)}
                      >
                        <button
                          className="link tour-stop"
                          onClick={() => revealNodes([id])}
                          onKeyDown={(e) => onStopKey(e, i)}
                        >
                          {text}
                        </button>
                        <span className="row">
                          <button
                            className="small"
                            aria-label={`${t('moveUp')}: ${name}`}
                            disabled={i === 0}
                            onClick={() => move(i, i - 1)}
                          >
                            ↑
                          </button>
                          <button
                            className="small"
                            aria-label={`${t('moveDown')}: ${name}`}
                            disabled={i === steps.length - 1}
                            onClick={() => move(i, i + 1)}
                          >
                            ↓
                          </button>
                          <button
                            className="small"
                            aria-label={`${t('removeFromTour')}: ${name}`}
                            onClick={() => removeStop(i)}
                          >
                            ✕
                          </button>
                        </span>
                      </li>
                    );
                  })}
                </ol>
              </>
            )}
          </>
        ) : (
          <p className="muted">{t('tourEmpty')}</p>
        )}
      </fieldset>
    </section>
  );
}

/** "Add to tour" / "Remove from tour (n)" for one node, in the tour chosen in the editor. */
export function TourToggle({ map, nodeId }: { map: ArgMap; nodeId: string }) {
  const t = useT();
  const edit = useMapStore((s) => s.edit);
  const tour = useChosenTour(map);
  const index = tour ? tour.steps.indexOf(nodeId) : -1;
  const title = tour ? tourName(t, tour) : undefined;
  if (!tour) {
    return (
      <button onClick={() => edit((m) => setFirstTourSteps(m, [...firstTourSteps(m), nodeId]))}>
        {t('addToTour')}
      </button>
    );
  }
  return index >= 0 ? (
    <button title={title} onClick={() => edit((m) => removeTourNode(m, tour.id, nodeId))}>
      {t('removeFromTour')} ({index + 1})
    </button>
  ) : (
    <button title={title} onClick={() => edit((m) => addTourStops(m, tour.id, [nodeId]))}>
      {t('addToTour')}
    </button>
  );
}
