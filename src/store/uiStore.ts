/**
 * Editor preferences and view state that are not part of any map: interface language, which
 * language node labels show, pane widths, search and filters, folded branches. Preferences
 * survive reloads (localStorage); none of this is in the undo history.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { NodeKind } from '../model/schema';

/** What importing some files did: the maps added, and each file's notes or problems. */
import type { Message } from '../model/messages';

export interface ImportOutcome {
  added: string[];
  /** Each file's report, as messages (shown in the interface's language). */
  messages: { file: string; ok: boolean; lines: Message[] }[];
}

export type UiLanguage = 'en' | 'zh';

export interface UiState {
  language: UiLanguage;
  /** 'source': node text as written; 'en': the English rendering where there is one. */
  labelLanguage: 'source' | 'en';
  /** Widths in pixels of the source pane and the inspector. */
  paneWidths: { source: number; inspector: number };
  libraryOpen: boolean;
  shortcutsOpen: boolean;
  newMapOpen: boolean;
  search: string;
  /** Kinds shown; empty means all. */
  kindFilter: NodeKind[];
  tagFilter: string | null;
  /** Nodes whose premises are folded away, by map id. */
  collapsed: Record<string, string[]>;
  /** The node whose branch alone is shown, by map id. */
  focus: Record<string, string | null>;
  /** Node ids the user placed by hand, kept by later layouts, by map id. */
  pinned: Record<string, string[]>;
  /** Nodes the canvas should bring into view (search results, sentence clicks); `at` makes it new. */
  reveal: { ids: string[]; at: number } | null;
  /** The outcome of the last import, shown until dismissed. */
  importReport: ImportOutcome | null;
  /** Presentation: the slide shown (0 is the title slide), or null when not presenting. */
  presentationStep: number | null;
  /** The outline panel is shown beside the canvas. */
  outlineOpen: boolean;
  /** Width in pixels of the outline panel. */
  outlineWidth: number;
  /** Nodes just added: the canvas pans (only if needed) so they are in view. */
  keepInView: { ids: string[]; at: number } | null;
  /** A node whose text should take the caret (a command just created it). */
  editText: { id: string; at: number } | null;
  /** When the Overview command last asked the canvas to show the whole map (a new value moves it). */
  overviewRequest: number | null;
  set(patch: Partial<Omit<UiState, 'set'>>): void;
}

function browserLanguage(): UiLanguage {
  const language = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return /^zh\b/i.test(language) ? 'zh' : 'en';
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      language: browserLanguage(),
      labelLanguage: 'source',
      paneWidths: { source: 420, inspector: 320 },
      libraryOpen: false,
      shortcutsOpen: false,
      newMapOpen: false,
      search: '',
      kindFilter: [],
      tagFilter: null,
      collapsed: {},
      focus: {},
      pinned: {},
      reveal: null,
      importReport: null,
      presentationStep: null,
      outlineOpen: false,
      outlineWidth: 340,
      overviewRequest: null,
      keepInView: null,
      editText: null,
      set: (patch) => set(patch),
    }),
    {
      name: 'argmap-editor-ui',
      version: 1,
      partialize: (s) => ({
        language: s.language,
        labelLanguage: s.labelLanguage,
        paneWidths: s.paneWidths,
        collapsed: s.collapsed,
        pinned: s.pinned,
        outlineOpen: s.outlineOpen,
        outlineWidth: s.outlineWidth,
      }),
    },
  ),
);
