/**
 * What this person may do with the open map, for hiding what they may not: a local map is theirs
 * (unless opened read-only by address); a shared map gives what its link's role allows (see
 * collab/protocol.ts). The store refuses what is not allowed; these only keep it out of sight.
 */
import { mayComment, mayEdit, type Role } from '../../collab/protocol';
import { useMapStore } from '../../store/mapStore';
import { useSharing } from '../../store/sharingStore';

/** This person's role on the open map (`owner` of a local map). */
export function currentRole(): Role {
  return useSharing.getState().shared?.role ?? 'owner';
}

/** Whether the map's content (nodes, edges, sources…) may be edited here, now. */
export function contentEditable(): boolean {
  const shared = useSharing.getState().shared;
  return !useMapStore.getState().readOnly && (!shared || mayEdit(shared.role));
}

/** Whether comments may be written here, now. */
export function commentsWritable(): boolean {
  const shared = useSharing.getState().shared;
  if (shared) return mayComment(shared.role);
  return !useMapStore.getState().readOnly;
}

/** {@link contentEditable}, kept current. */
export function useContentEditable(): boolean {
  const readOnly = useMapStore((s) => s.readOnly);
  const role = useSharing((s) => s.shared?.role);
  return !readOnly && (role === undefined || mayEdit(role));
}

/** Whether the content is read-only here (the opposite of {@link useContentEditable}). */
export function useContentReadOnly(): boolean {
  return !useContentEditable();
}

/** {@link commentsWritable}, kept current. */
export function useCommentsWritable(): boolean {
  const readOnly = useMapStore((s) => s.readOnly);
  const role = useSharing((s) => s.shared?.role);
  return role === undefined ? !readOnly : mayComment(role);
}

/**
 * Whether editing controls are hidden altogether: a shared map whose role may not edit (a local
 * map opened read-only keeps them, disabled, as before).
 */
export function useEditingHidden(): boolean {
  const role = useSharing((s) => s.shared?.role);
  return role !== undefined && !mayEdit(role);
}
