/**
 * The outline: the map as an indented, collapsible tree beside the canvas (WAI-ARIA tree pattern,
 * keyboard first). Choosing a row selects its node, which the canvas and source pane follow, and a
 * node selected elsewhere is shown and scrolled to here. Restructuring keys (Tab, Shift+Tab,
 * Alt+↑/↓) and inline text editing are map edits, one undo step each.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ArgMap } from '../model/schema';
import { buildOutline, outlineLabel, visibleItems, type OutlineItem } from '../model/outline';
import { indentItem, moveItem, outdentItem } from '../model/outlineOps';
import { updateNode } from '../model/operations';
import { useMapStore } from '../store/mapStore';
import { useUiStore } from '../store/uiStore';
import { useT } from './i18n';
import { revealNodes } from './SearchBox';
import { OutlineRow } from './OutlineRow';
import './outline.css';

/** The keys of an item's ancestors, nearest first. */
function ancestorKeys(items: readonly OutlineItem[], key: string): string[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const keys: string[] = [];
  for (let k = byKey.get(key)?.parentKey; k; k = byKey.get(k)?.parentKey) keys.push(k);
  return keys;
}

function without(set: ReadonlySet<string>, keys: readonly string[]): Set<string> {
  const next = new Set(set);
  for (const k of keys) next.delete(k);
  return next;
}

export function OutlineView({ map }: { map: ArgMap }) {
  const t = useT();
  const labelLanguage = useUiStore((s) => s.labelLanguage);
  const selectedIds = useMapStore((s) => s.selection.nodeIds);
  const items = useMemo(
    () => buildOutline({ nodes: map.nodes, edges: map.edges }),
    [map.nodes, map.edges],
  );
  const nodeById = useMemo(() => new Map(map.nodes.map((n) => [n.id, n])), [map.nodes]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const visible = useMemo(() => visibleItems(items, collapsed), [items, collapsed]);
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);

  // A node selected elsewhere (canvas, search, source): show its first row, unfolding its branch.
  const [seenSelection, setSeenSelection] = useState(selectedIds);
  if (seenSelection !== selectedIds) {
    setSeenSelection(selectedIds);
    const current = items.find((i) => i.key === activeKey);
    const id = selectedIds[0];
    if (id !== undefined && current?.nodeId !== id) {
      const first = items.find((i) => i.nodeId === id);
      if (first) {
        setActiveKey(first.key);
        setCollapsed(without(collapsed, ancestorKeys(items, first.key)));
      }
    }
  }

  // The row reachable by Tab: the chosen one while it is shown, else a selected one, else the first.
  const active =
    visible.find((i) => i.key === activeKey) ??
    visible.find((i) => selected.has(i.nodeId)) ??
    visible[0];

  const tree = useRef<HTMLDivElement>(null);
  // Bumped when the active row should take the focus (keyboard moves, after an edit).
  const [focusRequest, setFocusRequest] = useState(0);
  const focusedFor = useRef(0);
  const activeRowKey = active?.key;
  useEffect(() => {
    if (!activeRowKey) return;
    const row = tree.current?.querySelector<HTMLElement>(
      `[data-key="${CSS.escape(activeRowKey)}"]`,
    );
    if (focusedFor.current !== focusRequest) {
      focusedFor.current = focusRequest;
      row?.focus();
    }
    row?.scrollIntoView({ block: 'nearest' });
  }, [activeRowKey, focusRequest]);
  const wantFocus = useCallback(() => setFocusRequest((n) => n + 1), []);

  const choose = useCallback((item: OutlineItem) => {
    setActiveKey(item.key);
    revealNodes([item.nodeId]);
  }, []);
  const toggle = useCallback((item: OutlineItem) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(item.key)) next.add(item.key);
      return next;
    });
  }, []);
  const startEdit = useCallback((item: OutlineItem) => setEditingKey(item.key), []);
  const endEdit = useCallback(
    (item: OutlineItem, text: string | null, refocus: boolean) => {
      setEditingKey(null);
      const state = useMapStore.getState();
      const node = state.map?.nodes.find((n) => n.id === item.nodeId);
      if (node && text !== null && text.trim() && text !== node.text) {
        state.edit((m) => updateNode(m, item.nodeId, { text }));
      }
      if (refocus) wantFocus();
    },
    [wantFocus],
  );

  /** Applies a restructuring edit and keeps the moved row in view and focused. */
  const restructure = (
    key: string,
    operation: (map: ArgMap, items: readonly OutlineItem[]) => ArgMap,
  ) => {
    const state = useMapStore.getState();
    state.edit((m) => operation(m, buildOutline(m)));
    const next = useMapStore.getState().map;
    if (!next) return;
    setCollapsed(without(collapsed, ancestorKeys(buildOutline(next), key)));
    setActiveKey(key);
    wantFocus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!active || event.ctrlKey || event.metaKey) return;
    const index = visible.indexOf(active);
    const move = (item: OutlineItem | undefined) => {
      if (!item) return;
      wantFocus();
      choose(item);
    };
    const expanded = active.childCount > 0 && !collapsed.has(active.key);
    const key = event.key;
    if (event.altKey) {
      if (key === 'ArrowUp' || key === 'ArrowDown') {
        const direction = key === 'ArrowUp' ? -1 : 1;
        restructure(active.key, (m, all) => moveItem(m, all, active.key, direction));
      } else return;
    } else if (key === 'ArrowDown') move(visible[index + 1]);
    else if (key === 'ArrowUp') move(visible[index - 1]);
    else if (key === 'Home') move(visible[0]);
    else if (key === 'End') move(visible[visible.length - 1]);
    else if (key === 'ArrowRight') {
      if (active.childCount > 0 && !expanded) toggle(active);
      else if (expanded) move(visible[index + 1]);
    } else if (key === 'ArrowLeft') {
      if (expanded) toggle(active);
      else move(visible.find((i) => i.key === active.parentKey));
    } else if (key === 'Enter') startEdit(active);
    else if (key === 'Tab') {
      const operation = event.shiftKey ? outdentItem : indentItem;
      restructure(active.key, (m, all) => operation(m, all, active.key));
    } else return;
    event.preventDefault();
  };

  if (!map.nodes.length) {
    return (
      <section className="outline-pane" aria-label={t('outline')} data-testid="outline-pane">
        <p className="outline-empty muted" data-testid="outline-empty">
          {t('outlineEmpty')}
        </p>
      </section>
    );
  }
  const siblingCount = new Map<string | null, number>();
  const posInSet = new Map<string, number>();
  for (const item of items) {
    const n = (siblingCount.get(item.parentKey) ?? 0) + 1;
    siblingCount.set(item.parentKey, n);
    posInSet.set(item.key, n);
  }
  return (
    <section className="outline-pane" aria-label={t('outline')} data-testid="outline-pane">
      <div
        ref={tree}
        role="tree"
        aria-label={t('outline')}
        data-testid="outline-view"
        className="outline-tree"
        onKeyDown={onKeyDown}
      >
        {visible.map((item) => (
          <OutlineRow
            key={item.key}
            item={item}
            node={nodeById.get(item.nodeId)!}
            label={outlineLabel(nodeById.get(item.nodeId)!, labelLanguage)}
            t={t}
            selected={selected.has(item.nodeId)}
            active={item === active}
            expanded={!collapsed.has(item.key)}
            editing={item.key === editingKey}
            posInSet={posInSet.get(item.key)!}
            setSize={siblingCount.get(item.parentKey)!}
            onChoose={choose}
            onToggle={toggle}
            onStartEdit={startEdit}
            onEndEdit={endEdit}
          />
        ))}
      </div>
    </section>
  );
}
