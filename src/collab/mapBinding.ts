/**
 * Joins a shared map's two Yjs documents (content and comments, see mapDoc.ts and
 * commentsDoc.ts) to the editor, without React or a store: the editor hands in each new map it
 * makes ({@link MapBinding.applyLocal}), hears of every map that others' edits make
 * (`onRemoteChange`), and undoes only its own edits ({@link MapBinding.undo}).
 */
import * as Y from 'yjs';

import type { ArgMap, Comment } from '../model/schema';
import {
  applyCommentsChange,
  commentsTypes,
  readCommentsFromDoc,
  withComments,
} from './commentsDoc';
import { applyMapChange, contentTypes, holdsMap, MapDocReader, sameFields } from './mapDoc';

export interface MapBindingOptions {
  /**
   * Called after a transaction of any other origin (the sync provider, y-indexeddb, another
   * binding) changed what the map reads as, with the new map, once the documents' transactions
   * have ended (so it may call `applyLocal`). Not called for this binding's own edits, nor for
   * its undo and redo (read {@link MapBinding.map} after those).
   */
  onRemoteChange(map: ArgMap): void;
}

/** One undo step: the stack item it made in each document's undo manager. */
type Step = Map<Y.UndoManager, unknown>;

/** Edits joined into one undo step when they carry the same coalesce key within this time. */
const COALESCE_MS = 1000;

export class MapBinding {
  /** The origin of this binding's transactions (and the only one its undo tracks). */
  readonly origin: object = { binding: 'MapBinding' };
  private readonly content: Y.Doc;
  private readonly comments: Y.Doc;
  private readonly onRemoteChange: (map: ArgMap) => void;
  private readonly managers: readonly Y.UndoManager[];
  private readonly reader: MapDocReader;
  /** Whether a transaction changed the comments document since it was last read. */
  private commentsChanged = false;
  /** Whether a transaction of another origin changed a document, not yet told. */
  private remoteChanged = false;
  private contentPart: ArgMap;
  private rawComments: readonly Comment[] | undefined;
  private current: ArgMap;
  private undoSteps: Step[] = [];
  private redoSteps: Step[] = [];
  private lastKey: string | undefined;
  /** Stack items the undo managers add while this binding edits, undoes or redoes. */
  private added: Step | null = null;
  private destroyed = false;

  constructor(content: Y.Doc, comments: Y.Doc, options: MapBindingOptions) {
    if (!holdsMap(content)) throw new Error('MapBinding: the content document holds no map yet');
    this.content = content;
    this.comments = comments;
    this.onRemoteChange = options.onRemoteChange;
    this.reader = new MapDocReader(content);
    this.contentPart = this.reader.read();
    this.rawComments = readCommentsFromDoc(comments);
    this.current = withComments(this.contentPart, this.rawComments);
    // Scoped to the documents' types (not the documents), so that a transaction of this
    // binding that changes nothing in a document adds no step to its undo manager.
    this.managers = [contentTypes(content), commentsTypes(comments)].map((types) => {
      const manager = new Y.UndoManager(types, {
        trackedOrigins: new Set([this.origin]),
        captureTimeout: COALESCE_MS,
      });
      manager.on('stack-item-added', ({ stackItem }) => this.added?.set(manager, stackItem));
      return manager;
    });
    content.on('afterTransaction', this.afterContent);
    comments.on('afterTransaction', this.afterComments);
    content.on('afterAllTransactions', this.afterAll);
    comments.on('afterAllTransactions', this.afterAll);
  }

  /** The map as both documents hold it now (valid; the same object until something changes). */
  get map(): ArgMap {
    return this.current;
  }

  /**
   * Writes what differs between {@link map} and `next` into the documents, as this binding's
   * edit: content to the content document, comments to the comments document. Edits with the
   * same `coalesceKey` within a second form one undo step (typing in one field).
   *
   * Returns {@link map} afterwards: `next` itself when the documents read as it, else what they
   * read as (a peer's edit that `next` did not know of stays; a record hidden as dangling can
   * come back into view when `next` brings back what it names).
   */
  applyLocal(next: ArgMap, coalesceKey?: string): ArgMap {
    if (this.destroyed) throw new Error('MapBinding: destroyed');
    if (next === this.current) return next;
    // The store stamps `updatedAt` on every edit, even one that changes nothing else (a field
    // committed unchanged on blur); written, the stamp alone would be an undo step that undo takes
    // back instead of the edit the person sees. Such an edit is not written.
    if (onlyStamped(this.current, next)) return this.current;
    this.outsideTransactions();
    const before = this.current;
    const coalesce = coalesceKey !== undefined && coalesceKey === this.lastKey;
    if (!coalesce) for (const manager of this.managers) manager.stopCapturing();
    this.lastKey = coalesceKey;
    const added: Step = new Map();
    this.added = added;
    try {
      applyMapChange(this.content, before, next, this.origin);
      applyCommentsChange(this.comments, before.comments, next.comments, this.origin);
    } finally {
      this.added = null;
    }
    if (added.size) {
      const last = this.undoSteps.at(-1);
      // Typing joins the last step, unless a document's undo manager began a new item in it
      // (its own capture time ran out): then the step is new, so each item has one step.
      if (coalesce && last && [...added.keys()].every((manager) => !last.has(manager)))
        for (const [manager, item] of added) last.set(manager, item);
      else this.undoSteps.push(added);
      // A new edit ends what could be redone, in both documents.
      this.redoSteps = [];
      for (const manager of this.managers) manager.clear(false, true);
    }
    this.rebuild(next);
    return this.current;
  }

  get canUndo(): boolean {
    return this.undoSteps.length > 0;
  }

  get canRedo(): boolean {
    return this.redoSteps.length > 0;
  }

  /** Takes back this binding's last edit (in whichever documents it touched); false if none. */
  undo(): boolean {
    return this.popStep('undo');
  }

  /** Does again what {@link undo} took back; false if nothing. */
  redo(): boolean {
    return this.popStep('redo');
  }

  /** Stops listening to the documents and forgets the undo history (the documents stay). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.content.off('afterTransaction', this.afterContent);
    this.comments.off('afterTransaction', this.afterComments);
    this.content.off('afterAllTransactions', this.afterAll);
    this.comments.off('afterAllTransactions', this.afterAll);
    for (const manager of this.managers) manager.destroy();
    this.undoSteps = [];
    this.redoSteps = [];
  }

  private popStep(kind: 'undo' | 'redo'): boolean {
    if (this.destroyed) return false;
    this.outsideTransactions();
    const from = kind === 'undo' ? this.undoSteps : this.redoSteps;
    const to = kind === 'undo' ? this.redoSteps : this.undoSteps;
    this.lastKey = undefined;
    for (;;) {
      const step = from.pop();
      if (!step) return false;
      const added: Step = new Map();
      this.added = added;
      try {
        for (const [manager, item] of step) {
          const stack = kind === 'undo' ? manager.undoStack : manager.redoStack;
          if (stack.at(-1) !== item) continue;
          if (kind === 'undo') manager.undo();
          else manager.redo();
        }
      } finally {
        this.added = null;
      }
      // An undo manager skips items that no longer change anything (a peer deleted what they
      // edited) and takes the next: steps whose items it so took are gone.
      this.prune(from, kind);
      if (added.size) {
        to.push(added);
        this.rebuild();
        return true;
      }
    }
  }

  private prune(steps: Step[], kind: 'undo' | 'redo'): void {
    for (let i = steps.length - 1; i >= 0; i--) {
      const step = steps[i]!;
      for (const [manager, item] of step) {
        const stack: unknown[] = kind === 'undo' ? manager.undoStack : manager.redoStack;
        if (!stack.includes(item)) step.delete(manager);
      }
      if (!step.size) steps.splice(i, 1);
    }
  }

  private readonly afterContent = (transaction: Y.Transaction): void => {
    if (this.destroyed) return;
    // Every transaction, this binding's own too: the reader then reads only what they touched.
    this.reader.note(transaction);
    this.afterTransaction(transaction);
  };

  private readonly afterComments = (transaction: Y.Transaction): void => {
    if (this.destroyed) return;
    if (transaction.changed.size) this.commentsChanged = true;
    this.afterTransaction(transaction);
  };

  private afterTransaction(transaction: Y.Transaction): void {
    if (transaction.changed.size === 0) return;
    const origin: unknown = transaction.origin;
    if (origin === this.origin || this.managers.some((m) => m === origin)) return;
    this.remoteChanged = true;
  }

  /**
   * Others' changes are told once all transactions of a document have ended, so that
   * `onRemoteChange` may edit at once (an edit made from inside a transaction's clean-up would
   * be cleaned up after it: read before it is noted, its undo step recorded too late).
   */
  private readonly afterAll = (): void => {
    if (this.destroyed || !this.remoteChanged) return;
    this.remoteChanged = false;
    if (this.rebuild()) this.onRemoteChange(this.current);
  };

  /** Refuses to edit from inside a transaction of the documents (see {@link afterAll}). */
  private outsideTransactions(): void {
    if (this.content._transactionCleanups.length || this.comments._transactionCleanups.length)
      throw new Error('MapBinding: called from inside a transaction of its documents');
  }

  /**
   * Reads both documents again (of the content only the records transactions touched; the
   * comments only when they changed), reusing the records of the map read before, or those of
   * `preferred` (the map this binding just wrote, kept whole when the documents read as it).
   */
  private rebuild(preferred?: ArgMap): boolean {
    const base = preferred ?? this.current;
    const contentPart = this.reader.read(preferred);
    let rawComments = this.rawComments;
    if (this.commentsChanged) {
      this.commentsChanged = false;
      rawComments = readCommentsFromDoc(this.comments, base.comments ?? this.rawComments);
    }
    if (contentPart === this.contentPart && rawComments === this.rawComments && !preferred)
      return false;
    this.contentPart = contentPart;
    this.rawComments = rawComments;
    const next = withComments(contentPart, rawComments);
    const kept = sameFields(next, base) ? base : next;
    if (kept === this.current) return false;
    this.current = kept;
    return true;
  }
}

/** Whether `next` differs from `map` in its `updatedAt` alone (every other field the same object). */
export function onlyStamped(map: ArgMap, next: ArgMap): boolean {
  const keys = new Set([...Object.keys(map), ...Object.keys(next)]);
  keys.delete('updatedAt');
  for (const key of keys) if (map[key as keyof ArgMap] !== next[key as keyof ArgMap]) return false;
  return true;
}
