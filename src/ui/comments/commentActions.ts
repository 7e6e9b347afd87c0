/**
 * Comment edits through the map store, each one undo step (for a shared map the binding carries
 * `map.comments` to the comments document). The author is this person: see author.ts.
 */
import {
  addComment,
  deleteComment,
  editComment,
  newCommentId,
  replyToComment,
  setThreadResolved,
} from '../../model/comments';
import { useMapStore } from '../../store/mapStore';
import { authorName } from './author';

const ids = () => (useMapStore.getState().map?.comments ?? []).map((c) => c.id);
const draft = (text: string) => ({
  id: newCommentId(ids()),
  author: authorName(),
  text,
  createdAt: new Date().toISOString(),
});
const edit = (operation: Parameters<ReturnType<typeof useMapStore.getState>['edit']>[0]) =>
  useMapStore.getState().edit(operation);

export const commentOn = (target: string, text: string): boolean =>
  edit((map) => addComment(map, target, draft(text)));
export const replyTo = (comment: string, text: string): boolean =>
  edit((map) => replyToComment(map, comment, draft(text)));
export const changeComment = (comment: string, text: string): boolean =>
  edit((map) => editComment(map, comment, authorName(), text));
export const resolveThread = (comment: string, resolved: boolean): boolean =>
  edit((map) => setThreadResolved(map, comment, resolved));
export const removeComment = (comment: string): boolean =>
  edit((map) => deleteComment(map, comment, authorName()));
