/**
 * A draft under review on the canvas (issue 15): its open proposals drawn apart from the map —
 * dashed boxes and links in the viewport, each with its cue as a small tag in the words of the
 * text — where their nodes will be once accepted, and the review list in a panel over the canvas.
 * Not React Flow nodes: nothing of the draft can be selected, moved, saved or exported as part of
 * the map until accepted. Loaded only when a draft is shown.
 */
import { useEffect, useMemo, useRef } from 'react';
import { Panel, ViewportPortal, useReactFlow } from '@xyflow/react';
import type { ArgMap } from '../../model/schema';
import type { MapDraft } from '../../draft/types';
import { kindStyles, relationStyles } from '../../io/kindStyles';
import { nodeSize, shownLabel } from '../../layout/nodeSize';
import { useUiStore } from '../../store/uiStore';
import { acceptProposals } from '../../app/draftActions';
import { useDraftStore } from '../draft/draftStore';
import { openProposals, proposalSize, unitCue } from '../draft/proposals';
import { DraftReview, cueLabel } from '../draft/DraftReview';
import { useT } from '../i18n';
import { KindIcon } from './KindIcon';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room kept around the draft when the view first shows it, in screen pixels. */
const PAD = 24;
/** The smallest zoom the first view of a draft takes (its text still readable). */
const MIN_ZOOM = 0.35;

/** Runs `run` after the next two frames (the canvas's own opening view set); cancellable. */
function afterFrames(run: () => void): () => void {
  let id = requestAnimationFrame(() => (id = requestAnimationFrame(run)));
  return () => cancelAnimationFrame(id);
}

/** The part of the canvas the review panel leaves free, in screen pixels. */
function freeArea(): { left: number; width: number; height: number } | null {
  const canvas = document.querySelector<HTMLElement>('.canvas');
  if (!canvas) return null;
  const panel = canvas.querySelector<HTMLElement>('.draft-review');
  const left = panel
    ? panel.getBoundingClientRect().right - canvas.getBoundingClientRect().left
    : 0;
  return { left, width: canvas.clientWidth - left, height: canvas.clientHeight };
}

export function DraftLayer({ map }: { map: ArgMap }) {
  const t = useT();
  const review = useDraftStore((s) => s.reviews[map.id]);
  const current = useDraftStore((s) => s.current);
  const focusRequest = useDraftStore((s) => s.focusRequest);
  const set = useDraftStore((s) => s.set);
  const labelLanguage = useUiStore((s) => s.labelLanguage);
  const flow = useReactFlow();
  const open = useMemo(() => (review ? openProposals(map, review) : null), [map, review]);

  // Each proposal's box, and the boxes of the nodes accepted ones became (a link from an open
  // proposal to an accepted one is drawn to its node).
  const boxes = useMemo(() => {
    const found = new Map<string, Box>();
    if (!review || !open) return found;
    for (const unit of open.units) {
      const p = review.positions[unit.id];
      if (p) found.set(unit.id, { ...p, ...proposalSize(unit.kind, unit.text) });
    }
    for (const id of open.junctions) {
      const p = review.positions[id];
      if (p) found.set(id, { ...p, ...proposalSize('inference', '') });
    }
    const byId = new Map(map.nodes.map((n) => [n.id, n]));
    for (const [draftId, nodeId] of open.inMap) {
      const node = byId.get(nodeId);
      if (node?.position)
        found.set(draftId, {
          ...node.position,
          ...nodeSize(node, shownLabel(node, labelLanguage)),
        });
    }
    return found;
  }, [review, open, map.nodes, labelLanguage]);

  // A new draft: the view takes in the whole draft, beside the review panel (once React Flow's
  // viewport is ready and the map's own opening view is set).
  const shown = useRef<MapDraft | null>(null);
  const ready = flow.viewportInitialized;
  useEffect(() => {
    if (!ready || !review || !open || shown.current === review.draft) return;
    const all = [...open.units.map((u) => u.id), ...open.junctions].flatMap((id) => {
      const box = boxes.get(id);
      return box ? [box] : [];
    });
    if (!all.length) return;
    const draft = review.draft;
    return afterFrames(() => {
      const area = freeArea();
      if (!area) return;
      shown.current = draft;
      const x0 = Math.min(...all.map((b) => b.x));
      const y0 = Math.min(...all.map((b) => b.y));
      const width = Math.max(...all.map((b) => b.x + b.width)) - x0;
      const height = Math.max(...all.map((b) => b.y + b.height)) - y0;
      const zoom = Math.max(
        MIN_ZOOM,
        Math.min(1, (area.width - 2 * PAD) / width, (area.height - 2 * PAD) / height),
      );
      void flow.setViewport(
        {
          x: area.left + Math.max(PAD, (area.width - width * zoom) / 2) - x0 * zoom,
          y: Math.max(PAD, (area.height - height * zoom) / 2) - y0 * zoom,
          zoom,
        },
        { duration: 300 },
      );
    });
  }, [ready, review, open, boxes, flow]);

  // The proposal asked for (P, the list) comes into view if it is not.
  useEffect(() => {
    const box = focusRequest ? boxes.get(focusRequest.id) : undefined;
    const area = freeArea();
    if (!box || !area) return;
    const { x, y, zoom } = flow.getViewport();
    const left = box.x * zoom + x;
    const top = box.y * zoom + y;
    const inView =
      left >= area.left &&
      top >= 0 &&
      left + box.width * zoom <= area.left + area.width &&
      top + box.height * zoom <= area.height;
    if (inView) return;
    void flow.setCenter(box.x + box.width / 2 - area.left / 2 / zoom, box.y + box.height / 2, {
      zoom,
      duration: 200,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new request moves the view
  }, [focusRequest]);

  if (!review || !open || !open.units.length) return null;
  const language = review.draft.language;
  return (
    <>
      <ViewportPortal>
        <svg className="draft-links" aria-hidden>
          <defs>
            {(['supports', 'attacks'] as const).map((relation) => (
              <marker
                key={relation}
                id={`draft-arrow-${relation}`}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" fill={relationStyles[relation].stroke} />
              </marker>
            ))}
          </defs>
          {open.links.map((link) => {
            const from = boxes.get(link.from);
            const to = boxes.get(link.to);
            if (!from || !to) return null;
            const [x1, y1] = [from.x + from.width / 2, from.y];
            const [x2, y2] = [to.x + to.width / 2, to.y + to.height];
            const mid = (y1 + y2) / 2;
            return (
              <path
                key={link.id}
                data-link={link.id}
                className="draft-link"
                d={`M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2}`}
                stroke={relationStyles[link.relation].stroke}
                markerEnd={`url(#draft-arrow-${link.relation})`}
              />
            );
          })}
        </svg>
        {open.links.map((link) => {
          const from = boxes.get(link.from);
          const to = boxes.get(link.to);
          const cue = link.cue.family === 'default' ? '' : cueLabel(t, link.cue);
          if (!from || !to || !cue) return null;
          return (
            <span
              key={link.id}
              className="draft-cue draft-link-cue"
              data-testid="draft-link-cue"
              lang={link.cue.at !== undefined ? language : undefined}
              style={{
                left: (from.x + from.width / 2 + to.x + to.width / 2) / 2,
                top: (from.y + to.y + to.height) / 2,
              }}
            >
              {cue}
            </span>
          );
        })}
        {open.junctions.map((id) => {
          const box = boxes.get(id);
          return box ? (
            <div
              key={id}
              className="draft-junction"
              style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
              aria-hidden
            >
              ∧
            </div>
          ) : null;
        })}
        {open.units.map((unit) => {
          const box = boxes.get(unit.id);
          if (!box) return null;
          const style = kindStyles[unit.kind];
          const cue = unitCue(unit);
          return (
            <div
              key={unit.id}
              className={`draft-proposal${unit.id === current ? ' is-current' : ''}`}
              data-testid="draft-proposal"
              data-unit={unit.id}
              data-kind={unit.kind}
              style={{
                left: box.x,
                top: box.y,
                width: box.width,
                height: box.height,
                background: style.fill,
                borderColor: style.stroke,
                color: style.text,
              }}
              // The list carries the same proposals for the keyboard and screen readers.
              aria-hidden
              onClick={() =>
                set({ current: unit.id, focusRequest: { id: unit.id, at: Date.now() } })
              }
              onDoubleClick={() => acceptProposals([unit.id])}
            >
              <div className="draft-proposal-head">
                <KindIcon kind={unit.kind} color={style.stroke} />
                <span className="arg-node-kind">{t.kind(unit.kind)}</span>
                {cue && (
                  <span
                    className="draft-cue"
                    data-testid="draft-cue"
                    lang={cue.at !== undefined ? language : undefined}
                  >
                    {cueLabel(t, cue)}
                  </span>
                )}
              </div>
              <div className="draft-proposal-text" lang={language}>
                {unit.text.trim()}
              </div>
            </div>
          );
        })}
      </ViewportPortal>
      <Panel position="top-left" className="draft-panel nowheel nopan nodrag">
        <DraftReview review={review} open={open} />
      </Panel>
    </>
  );
}
