/**
 * Who writes a comment: the name this person shares a map under, otherwise the name they gave
 * once, kept in this browser.
 */
import { useSyncExternalStore } from 'react';
import { useSharing } from '../../store/sharingStore';

const KEY = 'argmap-comment-author';
const listeners = new Set<() => void>();
let memory = '';

function stored(): string {
  try {
    return localStorage.getItem(KEY)?.trim() ?? '';
  } catch {
    return '';
  }
}

/** The author's name for a new comment; '' when not known yet (ask for it). */
export function authorName(): string {
  return useSharing.getState().me.name.trim() || stored() || memory;
}

/**
 * Keeps `name` as this person's name (and tells a shared map's others). False, and nothing kept,
 * when it is empty.
 */
export function setAuthorName(name: string): boolean {
  const trimmed = name.trim();
  if (!trimmed) return false;
  try {
    localStorage.setItem(KEY, trimmed);
  } catch {
    // Private mode without storage: the name lasts as long as the page.
    memory = trimmed;
  }
  useSharing.getState().actions?.setName(trimmed);
  listeners.forEach((l) => l());
  return true;
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  const unsubscribe = useSharing.subscribe(onChange);
  return () => {
    listeners.delete(onChange);
    unsubscribe();
  };
}

/** {@link authorName}, kept current. */
export function useAuthorName(): string {
  return useSyncExternalStore(subscribe, authorName);
}
