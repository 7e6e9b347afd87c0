/**
 * The editor's commands, registered once: each says what it is called (a translation key), which
 * keys run it, when it is available and what it does. The toolbar, the node's quick-build
 * buttons, the keyboard handler, the shortcut list and the tooltips all read this list, so a
 * command's key, label and availability live in one place.
 */
import { useSyncExternalStore } from 'react';
import { useMapStore, undo, redo, type Selection } from '../store/mapStore';
import { useUiStore, type UiState } from '../store/uiStore';
import type { ArgMap } from '../model/schema';
import {
  addChildAction,
  addNodeAction,
  connectSelected,
  deleteSelection,
  groupSelection,
  layoutAction,
  selectNeighbour,
  setSelectedRelation,
  showOverview,
  toggleFold,
} from '../app/actions';
import { revealNodes } from './SearchBox';
import {
  focusNextProposal,
  hasOpenProposals,
  shownSourceId,
  useDraftStore,
} from './draft/draftStore';
import { translator, type MessageKey } from './i18n';
import { useCommentsUi } from './comments/commentsUi';
import { contentEditable } from './sharing/roles';
import { useSharing } from '../store/sharingStore';

/** A key that runs a command: `key` as KeyboardEvent.key gives it (letters in lower case). */
export interface KeyBinding {
  key: string;
  /** Ctrl (or ⌘ on a Mac) held. */
  mod?: boolean;
  /** Shift held; only checked for letters (Shift makes "?" of "/" anyway). */
  shift?: boolean;
}

/** What a command looks at to decide whether it is available. */
export interface CommandContext {
  map: ArgMap | null;
  selection: Selection;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  ui: UiState;
}

export interface Command {
  id: string;
  /** Its name on buttons and menus. */
  labelKey: MessageKey;
  /** What it does, in the shortcut list (the label if absent). */
  hintKey?: MessageKey;
  keys: KeyBinding[];
  /** Whether it can run now (buttons are disabled, keys do nothing, when it cannot). */
  enabled(context: CommandContext): boolean;
  run(context: CommandContext, event?: KeyboardEvent): void;
  /**
   * Runs wherever the focus is (Ctrl/⌘ commands, Esc); otherwise only while the focus is on the
   * canvas, the outline or nowhere, never in a text field, select or contenteditable.
   */
  global?: boolean;
}

const ARROWS = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
} as const;

const editable = (c: CommandContext) => !!c.map && !c.readOnly;
const oneNode = (c: CommandContext) =>
  c.selection.nodeIds.length === 1
    ? c.map?.nodes.find((n) => n.id === c.selection.nodeIds[0])
    : undefined;
const edgesOnly = (c: CommandContext) =>
  editable(c) && c.selection.edgeIds.length > 0 && c.selection.nodeIds.length === 0;
const focusSearch = () => document.getElementById('search-input')?.focus();

export const COMMANDS: readonly Command[] = [
  {
    id: 'undo',
    labelKey: 'undo',
    keys: [{ key: 'z', mod: true }],
    global: true,
    // A commenter takes back their comments: only a map read-only in the store has no undo.
    enabled: (c) => c.canUndo && !useMapStore.getState().readOnly,
    run: () => undo(),
  },
  {
    id: 'redo',
    labelKey: 'redo',
    keys: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    global: true,
    enabled: (c) => c.canRedo && !useMapStore.getState().readOnly,
    run: () => redo(),
  },
  {
    id: 'newMap',
    labelKey: 'newMap',
    keys: [],
    enabled: () => true,
    run: (c) => c.ui.set({ newMapOpen: true, libraryOpen: false }),
  },
  {
    id: 'addReason',
    labelKey: 'addReason',
    hintKey: 'addReasonHint',
    keys: [{ key: 's' }],
    enabled: (c) => editable(c) && oneNode(c) !== undefined,
    run: () => void addChildAction('supports'),
  },
  {
    id: 'addObjection',
    labelKey: 'addObjection',
    hintKey: 'addObjectionHint',
    keys: [{ key: 'a' }],
    enabled: (c) => editable(c) && !!oneNode(c) && oneNode(c)!.kind !== 'objection',
    run: () => void addChildAction('attacks'),
  },
  {
    id: 'addRebuttal',
    labelKey: 'addRebuttal',
    hintKey: 'addRebuttalHint',
    keys: [{ key: 'a' }],
    enabled: (c) => editable(c) && oneNode(c)?.kind === 'objection',
    run: () => void addChildAction('attacks'),
  },
  {
    id: 'edgeSupports',
    labelKey: 'relationSupports',
    hintKey: 'edgeSupportsHint',
    keys: [{ key: 's' }],
    enabled: edgesOnly,
    run: () => void setSelectedRelation('supports'),
  },
  {
    id: 'edgeAttacks',
    labelKey: 'relationAttacks',
    hintKey: 'edgeAttacksHint',
    keys: [{ key: 'a' }],
    enabled: edgesOnly,
    run: () => void setSelectedRelation('attacks'),
  },
  {
    id: 'edgeElaborates',
    labelKey: 'relationElaborates',
    hintKey: 'edgeElaboratesHint',
    keys: [{ key: 'e' }],
    enabled: edgesOnly,
    run: () => void setSelectedRelation('elaborates'),
  },
  {
    id: 'addNode',
    labelKey: 'addNode',
    hintKey: 'addNodeHint',
    keys: [{ key: 'n' }],
    enabled: editable,
    run: () => {
      const id = addNodeAction('claim');
      if (id) useUiStore.getState().set({ editText: { id, at: Date.now() } });
    },
  },
  {
    id: 'editText',
    labelKey: 'editText',
    keys: [{ key: 'Enter' }],
    enabled: (c) => editable(c) && oneNode(c) !== undefined,
    run: (c) => useUiStore.getState().set({ editText: { id: oneNode(c)!.id, at: Date.now() } }),
  },
  {
    id: 'connect',
    labelKey: 'connect',
    hintKey: 'connectHint',
    keys: [{ key: 'c' }],
    enabled: editable,
    run: () => void connectSelected(),
  },
  {
    id: 'delete',
    labelKey: 'delete',
    hintKey: 'deleteHint',
    keys: [{ key: 'Delete' }, { key: 'Backspace' }],
    enabled: (c) => editable(c) && c.selection.nodeIds.length + c.selection.edgeIds.length > 0,
    run: () => deleteSelection(),
  },
  {
    id: 'navigate',
    labelKey: 'navigate',
    keys: [{ key: 'ArrowLeft' }, { key: 'ArrowUp' }, { key: 'ArrowRight' }, { key: 'ArrowDown' }],
    enabled: (c) => !!c.map,
    run: (c, event) => {
      const direction = ARROWS[(event?.key ?? 'ArrowDown') as keyof typeof ARROWS];
      selectNeighbour(c.map!, direction);
      revealNodes(useMapStore.getState().selection.nodeIds);
    },
  },
  {
    id: 'layout',
    labelKey: 'autoLayout',
    hintKey: 'autoLayoutHint',
    keys: [{ key: 'l' }],
    enabled: editable,
    run: () => void layoutAction(false),
  },
  {
    id: 'relayoutAll',
    labelKey: 'relayoutAll',
    keys: [{ key: 'l', shift: true }],
    enabled: editable,
    run: () => void layoutAction(true),
  },
  {
    id: 'group',
    labelKey: 'groupSelection',
    hintKey: 'groupSelectionHint',
    keys: [{ key: 'g' }],
    enabled: (c) => editable(c) && c.selection.nodeIds.length > 0,
    run: (c) => void groupSelection(translator(c.ui.language)('newGroupTitle')),
  },
  {
    id: 'overview',
    labelKey: 'overview',
    hintKey: 'overviewHint',
    keys: [{ key: '1' }],
    enabled: (c) => !!c.map,
    run: () => showOverview(),
  },
  {
    id: 'fold',
    labelKey: 'fold',
    hintKey: 'foldHint',
    keys: [{ key: 'f' }],
    enabled: (c) => oneNode(c) !== undefined,
    run: (c) => toggleFold(oneNode(c)!.id),
  },
  {
    id: 'search',
    labelKey: 'searchCommand',
    keys: [{ key: '/' }, { key: 'f', mod: true }],
    enabled: (c) => !!c.map,
    run: focusSearch,
  },
  {
    id: 'toggleLabels',
    labelKey: 'labels',
    hintKey: 'toggleLabelsHint',
    keys: [{ key: 't' }],
    enabled: (c) => !!c.map,
    run: (c) => c.ui.set({ labelLanguage: c.ui.labelLanguage === 'en' ? 'source' : 'en' }),
  },
  {
    id: 'outline',
    labelKey: 'outline',
    hintKey: 'outlineToggle',
    keys: [{ key: 'o' }],
    enabled: (c) => !!c.map,
    run: (c) => c.ui.set({ outlineOpen: !c.ui.outlineOpen }),
  },
  {
    id: 'present',
    labelKey: 'present',
    keys: [],
    enabled: (c) => !!c.map,
    run: (c) => c.ui.set({ presentationStep: 0 }),
  },
  // Drafting (issue 15): the drafter and the review load when first used.
  {
    id: 'draftSource',
    labelKey: 'draftSource',
    hintKey: 'draftSourceHint',
    keys: [{ key: 'd', shift: true }],
    enabled: (c) => editable(c) && !!c.map?.sources.length,
    run: () => {
      const shown = shownSourceId();
      void import('../app/draftActions').then((m) => m.draftSource(shown));
    },
  },
  {
    id: 'nextProposal',
    labelKey: 'nextProposal',
    hintKey: 'nextProposalHint',
    keys: [{ key: 'p' }],
    enabled: (c) => hasOpenProposals(c.map),
    run: (c) => focusNextProposal(c.map!, useDraftStore.getState().current),
  },
  // Comments (#16): the list of every thread.
  {
    id: 'comments',
    labelKey: 'commentList',
    hintKey: 'commentListHint',
    keys: [{ key: 'm', shift: true }],
    enabled: (c) => !!c.map,
    run: () => {
      const ui = useCommentsUi.getState();
      ui.set({ panelOpen: !ui.panelOpen });
    },
  },
  {
    id: 'shortcuts',
    labelKey: 'shortcuts',
    keys: [{ key: '?' }],
    enabled: () => true,
    run: (c) => c.ui.set({ shortcutsOpen: true }),
  },
];

export const commandById = (id: string): Command => {
  const command = COMMANDS.find((c) => c.id === id);
  if (!command) throw new Error(`No command "${id}"`);
  return command;
};

/** The stores' state as a command sees it. */
export function commandContext(): CommandContext {
  const maps = useMapStore.getState();
  const history = useMapStore.temporal.getState();
  return {
    map: maps.map,
    selection: maps.selection,
    // A shared map's viewer or commenter edits no content (#16): its commands are unavailable.
    readOnly: maps.readOnly || !contentEditable(),
    canUndo: history.pastStates.length > 0,
    canRedo: history.futureStates.length > 0,
    ui: useUiStore.getState(),
  };
}

const isLetter = (key: string) => /^[a-z]$/i.test(key);

export function matches(binding: KeyBinding, event: KeyboardEvent): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (!!binding.mod !== mod || event.altKey) return false;
  if (isLetter(binding.key))
    return event.key.toLowerCase() === binding.key && !!binding.shift === event.shiftKey;
  return event.key === binding.key;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A key as the shortcut list and tooltips show it. */
export function keyLabel(binding: KeyBinding, mac = isMac): string {
  const names: Record<string, string> = {
    ArrowLeft: '←',
    ArrowUp: '↑',
    ArrowRight: '→',
    ArrowDown: '↓',
  };
  const key =
    names[binding.key] ?? (isLetter(binding.key) ? binding.key.toUpperCase() : binding.key);
  return [binding.mod ? (mac ? '⌘' : 'Ctrl') : '', binding.shift ? 'Shift' : '', key]
    .filter(Boolean)
    .join('+');
}

/** "Label (Key)": a command's tooltip. */
export function tooltip(command: Command, label: string): string {
  return command.keys.length ? `${label} (${keyLabel(command.keys[0]!)})` : label;
}

function subscribeAll(onChange: () => void): () => void {
  const unsubscribe = [
    useMapStore.subscribe(onChange),
    useMapStore.temporal.subscribe(onChange),
    useUiStore.subscribe(onChange),
    useDraftStore.subscribe(onChange),
    useSharing.subscribe(onChange),
  ];
  return () => unsubscribe.forEach((u) => u());
}

/** Whether a command can run now, kept current as the stores change. */
export function useCommandEnabled(command: Command): boolean {
  return useSyncExternalStore(subscribeAll, () => command.enabled(commandContext()));
}

/** Runs a command if it is available (what a button or menu item does). */
export function runCommand(command: Command): void {
  const context = commandContext();
  if (command.enabled(context)) command.run(context);
}
