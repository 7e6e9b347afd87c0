/**
 * Comparing the open map (a student's) with a reference map (#13): which reference, and the
 * teacher's verdicts on the marks. Session state only: the reference is not stored and the verdicts
 * are not saved with any map (the panel says so); they last until the tab is closed. Verdicts are
 * kept per student map, so a teacher can go through several students' maps against one reference.
 */
import { create } from 'zustand';
import type { ArgMap } from '../model/schema';
import type { PointMark, RelationMark, Verdict, Verdicts } from '../model/compareVerdicts';

export interface CompareState {
  /** The dialog choosing the reference is open. */
  choosing: boolean;
  /** A reference is being read. */
  loading: boolean;
  /** What went wrong choosing the reference: a message key and its detail. */
  problem: { key: string; detail?: string } | null;
  /** The reference map, or null when not comparing. */
  reference: ArgMap | null;
  /** Where the reference came from: the library or a file (its name). */
  referenceFrom: { kind: 'library' | 'file'; name: string } | null;
  /** The teacher asked to compare by wording although the maps share no source text. */
  byWording: boolean;
  /** The teacher's verdicts, by student map id, then by mark key. */
  verdicts: Readonly<Record<string, Verdicts>>;
  /** The marks drawn on the canvas (set by the comparison panel): by node id and by edge id. */
  nodeMarks: ReadonlyMap<string, PointMark>;
  edgeMarks: ReadonlyMap<string, RelationMark>;
  /** The feedback sheet is laid out for printing. */
  printing: boolean;
  set(patch: Partial<Omit<CompareState, 'set' | 'setVerdict' | 'stop'>>): void;
  /** Gives (or, with null, takes back) the teacher's verdict on a mark of a student's map. */
  setVerdict(mapId: string, key: string, verdict: Verdict | null): void;
  /** Ends the comparison (the verdicts stay, for this session). */
  stop(): void;
}

export const useCompareStore = create<CompareState>()((set, get) => ({
  choosing: false,
  loading: false,
  problem: null,
  reference: null,
  referenceFrom: null,
  byWording: false,
  verdicts: {},
  nodeMarks: new Map(),
  edgeMarks: new Map(),
  printing: false,
  set: (patch) => set(patch),
  setVerdict(mapId, key, verdict) {
    const mine = { ...get().verdicts[mapId] };
    if (verdict) mine[key] = verdict;
    else delete mine[key];
    set({ verdicts: { ...get().verdicts, [mapId]: mine } });
  },
  stop() {
    set({
      choosing: false,
      reference: null,
      referenceFrom: null,
      byWording: false,
      problem: null,
      nodeMarks: new Map(),
      edgeMarks: new Map(),
      printing: false,
    });
  },
}));

/** Opens the dialog choosing the reference (File → Compare with reference…). */
export function startComparing() {
  useCompareStore.setState({ choosing: true, problem: null });
}
