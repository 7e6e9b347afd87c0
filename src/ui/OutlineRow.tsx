/** One row of the outline view: toggle, kind mark, relation, label, repeat marker; or its editor. */
import { memo, useRef } from 'react';
import type { ArgNode } from '../model/schema';
import type { OutlineItem } from '../model/outline';
import { kindStyles } from '../io/kindStyles';
import { KindIcon } from './canvas/KindIcon';
import type { Translator } from './i18n';

export interface OutlineRowProps {
  item: OutlineItem;
  node: ArgNode;
  label: string;
  t: Translator;
  selected: boolean;
  /** The one row reachable with Tab (roving tabindex). */
  active: boolean;
  expanded: boolean;
  editing: boolean;
  /** Position among its siblings, for assistive technology. */
  posInSet: number;
  setSize: number;
  onChoose(item: OutlineItem): void;
  onToggle(item: OutlineItem): void;
  onStartEdit(item: OutlineItem): void;
  /** Ends editing: with the new text to store, or null to cancel. */
  onEndEdit(item: OutlineItem, text: string | null, refocus: boolean): void;
}

function OutlineRowImpl(props: OutlineRowProps) {
  const { item, node, label, t, selected, active, expanded, editing } = props;
  const style = kindStyles[node.kind];
  const hasChildren = item.childCount > 0;
  return (
    <div
      role="treeitem"
      className={`outline-row${selected ? ' is-selected' : ''}${item.repeat ? ' is-repeat' : ''}`}
      data-key={item.key}
      data-node-id={node.id}
      aria-level={item.depth + 1}
      aria-setsize={props.setSize}
      aria-posinset={props.posInSet}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-selected={selected}
      tabIndex={active ? 0 : -1}
      style={{ paddingLeft: `${0.3 + item.depth * 1.1}rem` }}
      onClick={() => props.onChoose(item)}
      onDoubleClick={() => props.onStartEdit(item)}
    >
      <span
        className="outline-toggle"
        aria-hidden
        onClick={(e) => {
          e.stopPropagation();
          if (hasChildren) props.onToggle(item);
        }}
      >
        {hasChildren ? (expanded ? '▾' : '▸') : ''}
      </span>
      <span className="outline-kind" title={t.kind(node.kind)}>
        <KindIcon kind={node.kind} color={style.stroke} />
        <span className="sr-only">{t.kind(node.kind)}</span>
      </span>
      {item.relation && (
        <span className={`outline-relation relation-${item.relation}`}>
          {t.relation(item.relation)}
        </span>
      )}
      {editing ? (
        <OutlineEditor
          initial={node.text}
          label={t('outlineEditText')}
          onEnd={(text, refocus) => props.onEndEdit(item, text, refocus)}
        />
      ) : (
        <span className="outline-label" title={label}>
          {label}
        </span>
      )}
      {item.repeat && (
        <span className="outline-repeat" title={t('outlineRepeatHint')}>
          ↻ {t('outlineRepeat')}
        </span>
      )}
    </div>
  );
}

/** The inline text field: Enter or leaving it stores the text, Esc cancels. */
function OutlineEditor({
  initial,
  label,
  onEnd,
}: {
  initial: string;
  label: string;
  onEnd(text: string | null, refocus: boolean): void;
}) {
  // Set once the edit has ended, so the blur that follows Enter or Esc does not end it again.
  const ended = useRef(false);
  const end = (text: string | null, refocus: boolean) => {
    if (ended.current) return;
    ended.current = true;
    onEnd(text, refocus);
  };
  return (
    <input
      className="outline-input"
      data-testid="outline-edit"
      aria-label={label}
      defaultValue={initial}
      autoFocus
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        // The text field's keys are its own: not the tree's, not the editor's shortcuts.
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          end(e.currentTarget.value, true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          end(null, true);
        }
      }}
      onBlur={(e) => end(e.currentTarget.value, false)}
    />
  );
}

export const OutlineRow = memo(OutlineRowImpl);
