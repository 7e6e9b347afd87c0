/**
 * The comments on one node or edge, in the inspector: each thread with its replies, Reply,
 * Resolve/Reopen, Edit and Delete on one's own comments, and a box to start a thread. The first
 * comment asks for the author's name once (kept in this browser).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import type { ArgMap, Comment } from '../../model/schema';
import { threadsOf, type Thread } from '../../model/comments';
import { useT } from '../i18n';
import { commentDate } from './commentDate';
import { useAuthorName, setAuthorName } from './author';
import { changeComment, commentOn, removeComment, replyTo, resolveThread } from './commentActions';
import { useCommentsWritable } from '../sharing/roles';
import './comments.css';

export function CommentThreads({ map, target }: { map: ArgMap; target: string }) {
  const t = useT();
  const threads = threadsOf(map, target);
  const writable = useCommentsWritable();
  return (
    <section className="comments" data-testid="comments" aria-label={t('comments')}>
      <h3>
        {t('comments')}
        {threads.length > 0 && <span className="muted"> ({threads.length})</span>}
      </h3>
      {threads.length === 0 && <p className="muted">{t('noCommentsYet')}</p>}
      {threads.map((thread) => (
        <ThreadView key={thread.root.id} thread={thread} writable={writable} />
      ))}
      {writable && (
        <CommentBox
          key={target}
          testId="new-comment"
          label={t('addComment')}
          submit={t('commentSubmit')}
          onSubmit={(text) => commentOn(target, text)}
        />
      )}
    </section>
  );
}

/** One thread: its comments, then what may be done with it. */
export function ThreadView({ thread, writable }: { thread: Thread; writable: boolean }) {
  const t = useT();
  const [replying, setReplying] = useState(false);
  const { root } = thread;
  return (
    <article
      className={`comment-thread${thread.resolved ? ' is-resolved' : ''}`}
      data-testid="comment-thread"
      data-comment-id={root.id}
      data-resolved={thread.resolved}
      aria-label={`${t('commentThreadBy')} ${root.author}`}
    >
      {thread.resolved && <p className="comment-state">{t('commentResolved')}</p>}
      {[root, ...thread.replies].map((comment) => (
        <CommentView key={comment.id} comment={comment} writable={writable} />
      ))}
      <div className="row comment-actions">
        {writable && !replying && (
          <button className="small" data-testid="comment-reply" onClick={() => setReplying(true)}>
            {t('commentReply')}
          </button>
        )}
        {writable && (
          <button
            className="small"
            data-testid={thread.resolved ? 'comment-reopen' : 'comment-resolve'}
            onClick={() => resolveThread(root.id, !thread.resolved)}
          >
            {thread.resolved ? t('commentReopen') : t('commentResolve')}
          </button>
        )}
      </div>
      {replying && (
        <CommentBox
          testId="reply-box"
          label={`${t('commentReplyTo')} ${root.author}`}
          submit={t('commentReply')}
          autoFocus
          onCancel={() => setReplying(false)}
          onSubmit={(text) => {
            const done = replyTo(root.id, text);
            if (done) setReplying(false);
            return done;
          }}
        />
      )}
    </article>
  );
}

function CommentView({ comment, writable }: { comment: Comment; writable: boolean }) {
  const t = useT();
  const me = useAuthorName();
  const [editing, setEditing] = useState(false);
  const mine = writable && me !== '' && comment.author === me;
  return (
    <div
      className={`comment${comment.replyTo ? ' is-reply' : ''}`}
      data-testid="comment"
      data-comment-id={comment.id}
    >
      <p className="comment-meta">
        <strong>{comment.author}</strong>{' '}
        <time className="muted" dateTime={comment.createdAt}>
          {commentDate(t, comment.createdAt)}
        </time>
      </p>
      {editing ? (
        <CommentBox
          testId="comment-edit-box"
          label={t('commentEdit')}
          submit={t('commentSave')}
          initial={comment.text}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={(text) => {
            const done = changeComment(comment.id, text);
            if (done) setEditing(false);
            return done;
          }}
        />
      ) : (
        <p className="comment-text" data-testid="comment-text">
          {comment.text}
        </p>
      )}
      {mine && !editing && (
        <div className="row comment-own">
          <button
            className="link small"
            data-testid="comment-edit"
            onClick={() => setEditing(true)}
          >
            {t('commentEdit')}
          </button>
          <button
            className="link small danger"
            data-testid="comment-delete"
            onClick={() => removeComment(comment.id)}
          >
            {t('commentDelete')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * A text box with its button. Asks for the author's name too while it is not known: an empty
 * name is refused with a message. Ctrl/⌘+Enter sends; Esc cancels where there is a Cancel.
 */
function CommentBox({
  testId,
  label,
  submit,
  initial = '',
  autoFocus = false,
  onSubmit,
  onCancel,
}: {
  testId: string;
  label: string;
  submit: string;
  initial?: string;
  autoFocus?: boolean;
  onSubmit(text: string): boolean;
  onCancel?: () => void;
}) {
  const t = useT();
  const known = useAuthorName();
  const [text, setText] = useState(initial);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const textField = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const send = (event?: FormEvent) => {
    event?.preventDefault();
    if (!text.trim()) {
      setProblem(t('commentEmpty'));
      textField.current?.focus();
      return;
    }
    if (!known && !setAuthorName(name)) {
      setProblem(t('authorNameNeeded'));
      nameField.current?.focus();
      return;
    }
    setProblem(null);
    if (onSubmit(text)) setText('');
  };
  return (
    <form className="comment-box" data-testid={testId} onSubmit={send}>
      {!known && (
        <label>
          {t('authorName')}
          <input
            ref={nameField}
            data-testid="author-name"
            value={name}
            autoComplete="name"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
      )}
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={textField}
        data-testid="comment-input"
        rows={2}
        value={text}
        autoFocus={autoFocus}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
          else if (e.key === 'Escape' && onCancel) {
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      {problem && (
        <p className="error" role="alert" data-testid="comment-problem">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="submit" className="small primary" data-testid="comment-submit">
          {submit}
        </button>
        {onCancel && (
          <button type="button" className="small" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
