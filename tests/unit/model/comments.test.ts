import { describe, expect, it } from 'vitest';
import {
  addComment,
  deleteComment,
  editComment,
  newCommentId,
  openThreadCounts,
  replyToComment,
  setThreadResolved,
  threadRoot,
  threadsOf,
} from '../../../src/model/comments';
import { OperationError, removeNode } from '../../../src/model/operations';
import { validateMap } from '../../../src/model/validate';
import type { ArgMap } from '../../../src/model/schema';
import { sampleMap } from './sampleMap';

const at = (minute: number) => `2026-11-29T07:${String(minute).padStart(2, '0')}:00.000Z`;
const draft = (id: string, author: string, text: string, minute: number) => ({
  id,
  author,
  text,
  createdAt: at(minute),
});

/** A map with a thread on n1 (Ann, answered by Bo, then Ann) and one on edge e1 (Bo). */
function commented(): ArgMap {
  let map: ArgMap = sampleMap();
  map = addComment(map, 'n1', draft('c1', 'Ann', 'Which trees?', 1));
  map = replyToComment(map, 'c1', draft('c2', 'Bo', 'Oaks, mostly.', 2));
  map = replyToComment(map, 'c2', draft('c3', 'Ann', 'Thanks', 3));
  map = addComment(map, 'e1', draft('c4', 'Bo', 'Is this support?', 4));
  return map;
}

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OperationError);
    return (error as OperationError).key;
  }
  throw new Error('not refused');
};

describe('comment operations', () => {
  it('adds threads on nodes and edges, and replies join the thread of what they answer', () => {
    const before = sampleMap();
    const map = commented();
    expect(before.comments).toBeUndefined();
    expect(validateMap(map).ok).toBe(true);
    expect(map.comments!.map((c) => [c.id, c.target, c.replyTo])).toEqual([
      ['c1', 'n1', undefined],
      ['c2', 'n1', 'c1'],
      // A reply to a reply answers the thread's first comment.
      ['c3', 'n1', 'c1'],
      ['c4', 'e1', undefined],
    ]);
    expect(map.comments![0]).toEqual({
      id: 'c1',
      target: 'n1',
      author: 'Ann',
      text: 'Which trees?',
      createdAt: at(1),
    });
  });

  it('trims words and names, and refuses empty ones, unknown targets and taken ids', () => {
    const map = addComment(sampleMap(), 'n2', draft('c1', '  Ann ', '  Hi  ', 1));
    expect(map.comments![0]).toMatchObject({ author: 'Ann', text: 'Hi' });
    expect(refusal(() => addComment(map, 'n2', draft('c2', 'Ann', '   ', 1)))).toBe(
      'opEmptyComment',
    );
    expect(refusal(() => addComment(map, 'n2', draft('c2', ' ', 'Hi', 1)))).toBe('opNoAuthor');
    expect(refusal(() => addComment(map, 'zz', draft('c2', 'Ann', 'Hi', 1)))).toBe('opNoTarget');
    expect(refusal(() => addComment(map, 'n2', draft('c1', 'Ann', 'Hi', 1)))).toBe(
      'opCommentExists',
    );
    expect(refusal(() => replyToComment(map, 'c9', draft('c2', 'Ann', 'Hi', 1)))).toBe(
      'opNoComment',
    );
  });

  it('lets only the author edit a comment', () => {
    const map = commented();
    const edited = editComment(map, 'c2', 'Bo', ' Oaks and limes. ');
    expect(edited.comments!.find((c) => c.id === 'c2')!.text).toBe('Oaks and limes.');
    expect(map.comments!.find((c) => c.id === 'c2')!.text).toBe('Oaks, mostly.');
    expect(refusal(() => editComment(map, 'c2', 'Ann', 'Mine now'))).toBe('opNotYourComment');
    expect(refusal(() => editComment(map, 'c2', 'Bo', ''))).toBe('opEmptyComment');
    expect(editComment(map, 'c2', 'Bo', 'Oaks, mostly.')).toBe(map);
  });

  it('resolves and reopens a whole thread from any of its comments', () => {
    const map = commented();
    const resolved = setThreadResolved(map, 'c3', true);
    expect(resolved.comments!.find((c) => c.id === 'c1')!.resolved).toBe(true);
    expect(resolved.comments!.filter((c) => c.resolved).length).toBe(1);
    expect(setThreadResolved(resolved, 'c1', true)).toBe(resolved);
    const reopened = setThreadResolved(resolved, 'c2', false);
    expect('resolved' in reopened.comments!.find((c) => c.id === 'c1')!).toBe(false);
    expect(validateMap(reopened).ok).toBe(true);
  });

  it('deletes only its own comments, with the replies to them', () => {
    const map = commented();
    expect(refusal(() => deleteComment(map, 'c1', 'Bo'))).toBe('opNotYourComment');
    const withoutThread = deleteComment(map, 'c1', 'Ann');
    expect(withoutThread.comments!.map((c) => c.id)).toEqual(['c4']);
    const withoutReply = deleteComment(map, 'c2', 'Bo');
    expect(withoutReply.comments!.map((c) => c.id)).toEqual(['c1', 'c3', 'c4']);
    const none = deleteComment(withoutThread, 'c4', 'Bo');
    expect(none.comments).toBeUndefined();
    expect(validateMap(none).ok).toBe(true);
  });

  it('lists threads open first, oldest first, with their replies in order', () => {
    let map = commented();
    map = addComment(map, 'n1', draft('c5', 'Cy', 'Source?', 5));
    map = setThreadResolved(map, 'c1', true);
    expect(threadsOf(map).map((t) => [t.root.id, t.resolved])).toEqual([
      ['c4', false],
      ['c5', false],
      ['c1', true],
    ]);
    expect(threadsOf(map, 'n1').map((t) => t.root.id)).toEqual(['c5', 'c1']);
    expect(threadsOf(map, 'n1')[1]!.replies.map((c) => c.id)).toEqual(['c2', 'c3']);
    expect(threadsOf(map, 'n2')).toEqual([]);
    expect(threadRoot(map, 'c3').id).toBe('c1');
    expect([...openThreadCounts(map)]).toEqual([
      ['e1', 1],
      ['n1', 1],
    ]);
  });

  it('drops the comments on a node that is removed', () => {
    const map = removeNode(commented(), 'n1');
    expect(map.comments!.map((c) => c.id)).toEqual([]);
  });

  it('makes ids no one else has', () => {
    const ids = new Set<string>();
    let n = 0;
    // The same random number twice: the second id is not the first.
    const random = () => (n++ < 2 ? 0.5 : 0.25);
    ids.add(newCommentId(ids, random));
    const second = newCommentId(ids, random);
    expect(ids.has(second)).toBe(false);
    expect(second).toMatch(/^c[0-9a-z]+$/);
  });
});
