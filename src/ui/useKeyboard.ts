/** The editor's keyboard commands (see shortcuts.ts for the list shown on "?"). */
import { useEffect } from 'react';
import { useMapStore, undo, redo } from '../store/mapStore';
import { useUiStore } from '../store/uiStore';
import {
  addNodeAction,
  connectSelected,
  deleteSelection,
  layoutAction,
  selectNeighbour,
  groupSelection,
  showOverview,
  toggleFold,
} from '../app/actions';
import { revealNodes } from './SearchBox';
import { translator } from './i18n';

const newGroupTitle = () => translator(useUiStore.getState().language)('newGroupTitle');

const ARROWS = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
} as const;

/** Keys the outline tree handles itself while focus is in it (WAI-ARIA tree pattern). */
const TREE_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'Enter',
  'Tab',
]);

function inTree(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="tree"]') !== null;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useKeyboard() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key;
      const ui = useUiStore.getState();
      const maps = useMapStore.getState();
      const handled = () => event.preventDefault();

      if (mod && !event.altKey) {
        const k = key.toLowerCase();
        if (k === 'z' && !event.shiftKey) return (undo(), handled());
        if ((k === 'z' && event.shiftKey) || k === 'y') return (redo(), handled());
        if (k === 'f') return (document.getElementById('search-input')?.focus(), handled());
        return;
      }
      if (key === 'Escape') {
        if (ui.shortcutsOpen) return ui.set({ shortcutsOpen: false });
        if (ui.libraryOpen) return ui.set({ libraryOpen: false });
        if (isTyping(event.target)) return (event.target as HTMLElement).blur();
        return maps.select({ nodeIds: [], edgeIds: [] });
      }
      if (isTyping(event.target) || event.altKey || !maps.map) return;
      if (TREE_KEYS.has(key) && inTree(event.target)) return;
      const selected = maps.selection.nodeIds;
      if (key in ARROWS)
        return (
          selectNeighbour(maps.map, ARROWS[key as keyof typeof ARROWS]),
          revealNodes(useMapStore.getState().selection.nodeIds),
          handled()
        );
      switch (key) {
        case 'Delete':
        case 'Backspace':
          return (deleteSelection(), handled());
        case 'Enter':
          if (selected.length === 1)
            return (
              document.querySelector<HTMLElement>('[data-testid="node-text"]')?.focus(),
              handled()
            );
          return;
        case 'n':
        case 'N':
          return (addNodeAction('claim'), handled());
        case 'c':
        case 'C':
          return (connectSelected(), handled());
        case 'l':
          return (void layoutAction(false), handled());
        case 'L':
          return (void layoutAction(true), handled());
        case 'f':
        case 'F':
          if (selected.length === 1) return (toggleFold(selected[0]!), handled());
          return;
        case 'g':
        case 'G':
          if (selected.length) return (groupSelection(newGroupTitle()), handled());
          return;
        case '1':
          return (showOverview(), handled());
        case '/':
          return (document.getElementById('search-input')?.focus(), handled());
        case 't':
        case 'T':
          return (
            ui.set({ labelLanguage: ui.labelLanguage === 'en' ? 'source' : 'en' }),
            handled()
          );
        case 'o':
        case 'O':
          return (ui.set({ outlineOpen: !ui.outlineOpen }), handled());
        case '?':
          return (ui.set({ shortcutsOpen: true }), handled());
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}
