/**
 * The editor's keyboard handler: finds the registered command (commands.ts) bound to the key and
 * runs it if it is available. Single keys act only while the focus is on the canvas, the outline
 * or nowhere in particular, never while typing in a field.
 */
import { useEffect } from 'react';
import { useMapStore } from '../store/mapStore';
import { useUiStore } from '../store/uiStore';
import { COMMANDS, commandContext, matches } from './commands';

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

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Where single-key commands may act: the canvas, the outline, or no focused control at all. */
export function onCanvasOrOutline(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return true;
  if (target === document.body || target === document.documentElement) return true;
  if (isTyping(target)) return false;
  return target.closest('.canvas, [role="tree"]') !== null;
}

/** Esc in the inspector's fields of a node gives the focus back to that node on the canvas. */
function leaveField(target: HTMLElement) {
  const { nodeIds } = useMapStore.getState().selection;
  const node =
    nodeIds.length === 1 && target.closest('.inspector')
      ? document.querySelector<HTMLElement>(
          `.react-flow__node[data-id="${CSS.escape(nodeIds[0]!)}"]`,
        )
      : null;
  if (node) node.focus();
  else target.blur();
}

export function useKeyboard() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const ui = useUiStore.getState();
      if (event.key === 'Escape') {
        if (ui.shortcutsOpen) return ui.set({ shortcutsOpen: false });
        if (ui.libraryOpen) return ui.set({ libraryOpen: false });
        if (ui.newMapOpen) return ui.set({ newMapOpen: false });
        if (isTyping(event.target)) return leaveField(event.target as HTMLElement);
        return useMapStore.getState().select({ nodeIds: [], edgeIds: [] });
      }
      const here = onCanvasOrOutline(event.target);
      if (TREE_KEYS.has(event.key) && inTree(event.target)) return;
      const context = commandContext();
      for (const command of COMMANDS) {
        const binding = command.keys.find((k) => matches(k, event));
        if (!binding) continue;
        // Ctrl/⌘ keys act anywhere; single keys only where they cannot be typing.
        if (!here && !command.global && !binding.mod) continue;
        if (!command.enabled(context)) continue;
        event.preventDefault();
        command.run(context, event);
        return;
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}
