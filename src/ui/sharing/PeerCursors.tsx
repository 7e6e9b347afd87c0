/**
 * Presence in the source pane: where the others' selections are in the shown source, drawn as a
 * highlight in each one's colour (a bar where it is only a caret), with their name; and this
 * person's selection told to them (actions.setSourceCursor).
 */
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSharing, type Peer } from '../../store/sharingStore';
import type { SourceSelection } from '../sourceSelection';
import './sharing.css';

/** Tells the others what this person has selected in the source (shared maps only). */
export function useShareSourceCursor(selection: SourceSelection | null): void {
  const shared = useSharing((s) => s.shared !== null);
  const sourceId = selection?.sourceId;
  const start = selection?.start;
  const end = selection?.end;
  useEffect(() => {
    if (!shared) return;
    const actions = useSharing.getState().actions;
    actions?.setSourceCursor(
      sourceId !== undefined && start !== undefined && end !== undefined
        ? { sourceId, start, end }
        : null,
    );
  }, [shared, sourceId, start, end]);
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The boxes covering `start`–`end` of the source `sourceId` in `pane`, in the pane's content
 * coordinates (a caret: a thin bar). Only what is rendered (a windowed pane may not have it).
 */
export function rangeBoxes(pane: HTMLElement, sourceId: string, start: number, end: number): Box[] {
  const article = pane.querySelector(`[data-source-id="${CSS.escape(sourceId)}"]`);
  if (!article) return [];
  const origin = pane.getBoundingClientRect();
  const dx = pane.scrollLeft - origin.left;
  const dy = pane.scrollTop - origin.top;
  const boxes: Box[] = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const holder = node.parentElement?.closest<HTMLElement>('[data-start]');
    if (!holder || !article.contains(holder)) continue;
    const length = node.textContent?.length ?? 0;
    // Text nodes of one holder follow each other: the earlier ones come before this one.
    let base = Number(holder.dataset.start);
    for (let before = node.previousSibling; before; before = before.previousSibling)
      base += before.textContent?.length ?? 0;
    if (Number.isNaN(base)) continue;
    const from = Math.max(start - base, 0);
    const to = Math.min(end - base, length);
    if (from > length || to < 0 || (from === to && start !== end)) continue;
    range.setStart(node, from);
    range.setEnd(node, Math.max(from, to));
    const rects = start === end ? [range.getBoundingClientRect()] : [...range.getClientRects()];
    for (const r of rects)
      boxes.push({
        left: r.left + dx,
        top: r.top + dy,
        width: start === end ? 2 : r.width,
        height: r.height,
      });
    if (start === end || end <= base + length) break;
  }
  return boxes;
}

/** The others' source cursors over the shown source. */
export function PeerCursors({
  paneRef,
  sourceId,
}: {
  paneRef: RefObject<HTMLElement | null>;
  sourceId: string | undefined;
}) {
  const peers = useSharing(
    useShallow((s) =>
      s.peers.filter((p) => p.sourceCursor && p.sourceCursor.sourceId === sourceId),
    ),
  );
  const [drawn, setDrawn] = useState<{ peer: Peer; boxes: Box[] }[]>([]);
  // Redrawn when the others move, and when the pane changes size (the text re-wraps).
  const [size, setSize] = useState(0);
  useEffect(() => {
    const pane = paneRef.current;
    if (!pane || !peers.length) return;
    const observer = new ResizeObserver(() => setSize((n) => n + 1));
    observer.observe(pane);
    return () => observer.disconnect();
  }, [paneRef, peers.length]);
  useLayoutEffect(() => {
    const pane = paneRef.current;
    if (!pane || !peers.length) return setDrawn([]);
    setDrawn(
      peers.map((peer) => ({
        peer,
        boxes: rangeBoxes(
          pane,
          peer.sourceCursor!.sourceId,
          peer.sourceCursor!.start,
          peer.sourceCursor!.end,
        ),
      })),
    );
  }, [paneRef, peers, size]);
  if (!drawn.length) return null;
  return (
    <div className="peer-cursors" aria-hidden>
      {drawn.map(({ peer, boxes }) =>
        boxes.map((box, i) => (
          <div
            key={`${peer.clientId}:${i}`}
            className="peer-cursor"
            data-testid="peer-cursor"
            style={{
              ...box,
              background:
                box.width === 2 ? peer.color : `color-mix(in srgb, ${peer.color} 30%, transparent)`,
            }}
          >
            {i === 0 && (
              <span className="peer-name" style={{ background: peer.color }}>
                {peer.name}
              </span>
            )}
          </div>
        )),
      )}
    </div>
  );
}
