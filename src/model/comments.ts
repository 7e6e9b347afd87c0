/**
 * Comments on a map's nodes and edges (format version 2's `comments`), as pure edits and reads.
 * A thread is a comment without `replyTo` and every comment answering it (a reply to a reply
 * belongs to the same thread); a thread's `resolved` lives on its first comment. People edit and
 * delete only their own comments, known by their name. Each edit returns a new map (the input is
 * never changed) or throws an {@link OperationError}.
 */
import { OperationError } from './operations';
import type { ArgMap, Comment } from './schema';

/** What a new comment or reply says, and who wrote it when. */
export interface CommentDraft {
  id: string;
  author: string;
  text: string;
  /** ISO 8601. */
  createdAt: string;
}

/** A comment and the replies to it, oldest first. */
export interface Thread {
  root: Comment;
  replies: Comment[];
  resolved: boolean;
}

/**
 * A fresh comment id. Not a counter: two people commenting on one shared map at the same moment
 * must not both write "c5".
 */
export function newCommentId(taken: Iterable<string>, random: () => number = Math.random): string {
  const used = new Set(taken);
  for (;;) {
    const id = `c${Date.now().toString(36)}${Math.floor(random() * 36 ** 4)
      .toString(36)
      .padStart(4, '0')}`;
    if (!used.has(id)) return id;
  }
}

const commentsOf = (map: ArgMap): readonly Comment[] => map.comments ?? [];

function find(map: ArgMap, id: string): Comment {
  const comment = commentsOf(map).find((c) => c.id === id);
  if (!comment) throw new OperationError('opNoComment', id);
  return comment;
}

function checkText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new OperationError('opEmptyComment');
  return trimmed;
}

function checkAuthor(author: string): string {
  const trimmed = author.trim();
  if (!trimmed) throw new OperationError('opNoAuthor');
  return trimmed;
}

function checkNewId(map: ArgMap, id: string) {
  if (commentsOf(map).some((c) => c.id === id)) throw new OperationError('opCommentExists', id);
}

/** The first comment of the thread `id` belongs to. */
export function threadRoot(map: ArgMap, id: string): Comment {
  const byId = new Map(commentsOf(map).map((c) => [c.id, c]));
  let comment = byId.get(id);
  if (!comment) throw new OperationError('opNoComment', id);
  const seen = new Set<string>();
  while (comment.replyTo !== undefined && !seen.has(comment.id)) {
    seen.add(comment.id);
    const parent = byId.get(comment.replyTo);
    if (!parent) break;
    comment = parent;
  }
  return comment;
}

/** Starts a thread on the node or edge `target`. */
export function addComment(map: ArgMap, target: string, draft: CommentDraft): ArgMap {
  if (!map.nodes.some((n) => n.id === target) && !map.edges.some((e) => e.id === target))
    throw new OperationError('opNoTarget', target);
  checkNewId(map, draft.id);
  const comment: Comment = {
    id: draft.id,
    target,
    author: checkAuthor(draft.author),
    text: checkText(draft.text),
    createdAt: draft.createdAt,
  };
  return { ...map, comments: [...commentsOf(map), comment] };
}

/** Answers the comment `to` (in its thread, on its node or edge). */
export function replyToComment(map: ArgMap, to: string, draft: CommentDraft): ArgMap {
  const root = threadRoot(map, to);
  checkNewId(map, draft.id);
  const reply: Comment = {
    id: draft.id,
    target: root.target,
    author: checkAuthor(draft.author),
    text: checkText(draft.text),
    createdAt: draft.createdAt,
    replyTo: root.id,
  };
  return { ...map, comments: [...commentsOf(map), reply] };
}

/** Changes the words of a comment `author` wrote. */
export function editComment(map: ArgMap, id: string, author: string, text: string): ArgMap {
  const comment = find(map, id);
  if (comment.author !== author.trim()) throw new OperationError('opNotYourComment');
  const words = checkText(text);
  if (words === comment.text) return map;
  return {
    ...map,
    comments: commentsOf(map).map((c) => (c.id === id ? { ...c, text: words } : c)),
  };
}

/** Marks the thread of comment `id` resolved (or open again). */
export function setThreadResolved(map: ArgMap, id: string, resolved: boolean): ArgMap {
  const root = threadRoot(map, id);
  if ((root.resolved === true) === resolved) return map;
  return {
    ...map,
    comments: commentsOf(map).map((c) => {
      if (c.id !== root.id) return c;
      if (resolved) return { ...c, resolved: true };
      const { resolved: _dropped, ...open } = c;
      return open;
    }),
  };
}

/** Deletes a comment `author` wrote, with every reply to it. */
export function deleteComment(map: ArgMap, id: string, author: string): ArgMap {
  const comment = find(map, id);
  if (comment.author !== author.trim()) throw new OperationError('opNotYourComment');
  const gone = new Set([id]);
  // Replies may be listed before what they answer: repeat until nothing more goes.
  for (let grew = true; grew;) {
    grew = false;
    for (const c of commentsOf(map))
      if (c.replyTo !== undefined && gone.has(c.replyTo) && !gone.has(c.id)) {
        gone.add(c.id);
        grew = true;
      }
  }
  const comments = commentsOf(map).filter((c) => !gone.has(c.id));
  const next: { -readonly [K in keyof ArgMap]: ArgMap[K] } = { ...map };
  if (comments.length) next.comments = comments;
  else delete next.comments;
  return next;
}

const byTime = (a: Comment, b: Comment) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;

/**
 * The map's threads, on `target` only when given: open ones first, then resolved; each group
 * oldest first.
 */
export function threadsOf(map: ArgMap, target?: string): Thread[] {
  const comments = commentsOf(map);
  if (!comments.length) return [];
  const threads = new Map<string, Thread>();
  for (const c of comments)
    if (c.replyTo === undefined && (target === undefined || c.target === target))
      threads.set(c.id, { root: c, replies: [], resolved: c.resolved === true });
  for (const c of comments) {
    if (c.replyTo === undefined) continue;
    const root = threadRoot(map, c.id);
    threads.get(root.id)?.replies.push(c);
  }
  const list = [...threads.values()];
  for (const thread of list) thread.replies.sort(byTime);
  return list.sort((a, b) => Number(a.resolved) - Number(b.resolved) || byTime(a.root, b.root));
}

/** How many open threads each node or edge has (those with none are absent). */
export function openThreadCounts(map: ArgMap): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of commentsOf(map))
    if (c.replyTo === undefined && c.resolved !== true)
      counts.set(c.target, (counts.get(c.target) ?? 0) + 1);
  return counts;
}

/** How many open threads the node or edge `target` has. */
export function openThreadsOn(comments: ArgMap['comments'], target: string): number {
  let count = 0;
  for (const c of comments ?? [])
    if (c.target === target && c.replyTo === undefined && c.resolved !== true) count++;
  return count;
}
