/**
 * Focus on a branch lays the branch out on its own: ELK (in its worker) places just the shown
 * nodes and the edges between them, and the canvas shows those positions instead of the saved
 * ones. They are for display only: never written to the map, no undo entry; leaving focus shows
 * the saved positions again.
 */
import { useEffect, useState } from 'react';
import type { ArgMap, Position } from '../../model/schema';
import { computeLayout } from '../../app/runLayout';
import { nodeSizes } from '../../layout/nodeSize';

export interface FocusLayout {
  /** The focused node the positions are for. */
  focus: string;
  positions: Record<string, Position>;
}

/**
 * The focused branch's own layout, or null (no focus, or still being computed). The layout is
 * moved so that the focused node stays where it was saved.
 */
export function useFocusLayout(
  map: Pick<ArgMap, 'nodes' | 'edges'>,
  focus: string | null,
  hidden: ReadonlySet<string>,
  /** The label language shown: the boxes are laid out at the sizes of those labels. */
  labelLanguage: string,
): FocusLayout | null {
  const [layout, setLayout] = useState<FocusLayout | null>(null);
  const { nodes, edges } = map;
  useEffect(() => {
    if (!focus) {
      setLayout(null);
      return;
    }
    const shown = nodes.filter((n) => !hidden.has(n.id));
    const ids = new Set(shown.map((n) => n.id));
    const branch = {
      nodes: shown,
      edges: edges.filter((e) => ids.has(e.from) && ids.has(e.to)),
    };
    let cancelled = false;
    void computeLayout(branch, nodeSizes(shown, labelLanguage)).then((positions) => {
      if (cancelled) return;
      const anchor = shown.find((n) => n.id === focus)?.position;
      const laid = positions[focus];
      if (anchor && laid) {
        const dx = anchor.x - laid.x;
        const dy = anchor.y - laid.y;
        for (const id of Object.keys(positions)) {
          const p = positions[id]!;
          positions[id] = { x: p.x + dx, y: p.y + dy };
        }
      }
      setLayout({ focus, positions });
    });
    return () => {
      cancelled = true;
    };
    // Laid out again when the branch's structure changes, not when a node's text does.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- nodes: see above
  }, [focus, hidden, edges, nodes.length, labelLanguage]);
  return layout?.focus === focus ? layout : null;
}
