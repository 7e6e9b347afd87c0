/**
 * A group on the canvas: a labelled frame around its members (beneath them), or, collapsed, one
 * box with its title and node count that the edges leaving the group attach to. The ▾/▸ button
 * folds and unfolds it, ✎ renames it in place, ⊟ ungroups; each is one undoable edit.
 */
import { memo, useState } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { Group } from '../../model/schema';
import { renameGroupAction, setGroupCollapsedAction, ungroupAction } from '../../app/groupActions';
import { useT } from '../i18n';

export interface GroupNodeData extends Record<string, unknown> {
  group: Group;
  /** The title in the label language shown. */
  title: string;
  /** The language the title is in ('source' or a language tag), for renaming. */
  language: string;
  collapsed: boolean;
  /** Collapsed: how many nodes the box stands for. */
  count: number;
  /** How deeply nested (0: a top-level section). */
  depth: number;
}

export type GroupFlowNode = Node<GroupNodeData, 'group'>;

function TitleEditor({ data, onDone }: { data: GroupNodeData; onDone: () => void }) {
  const [value, setValue] = useState(data.title);
  const t = useT();
  const commit = () => {
    const title = value.trim();
    if (title && title !== data.title)
      renameGroupAction(
        data.group.id,
        title,
        data.language === 'source' ? undefined : data.language,
      );
    onDone();
  };
  return (
    <input
      className="group-title-input nodrag nopan"
      data-testid="group-title-input"
      aria-label={t('groupRename')}
      value={value}
      autoFocus
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') onDone();
      }}
    />
  );
}

function GroupNodeViewImpl({ data, width, height }: NodeProps<GroupFlowNode>) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const { group, title, collapsed, count } = data;
  const bar = (
    <div className="group-bar nodrag nopan">
      <button
        type="button"
        className="group-toggle nodrag nopan"
        data-testid="group-toggle"
        aria-expanded={!collapsed}
        title={collapsed ? t('groupExpand') : t('groupCollapse')}
        aria-label={`${collapsed ? t('groupExpand') : t('groupCollapse')}: ${title}`}
        onClick={() => setGroupCollapsedAction(group.id, !collapsed)}
      >
        {collapsed ? '▸' : '▾'}
      </button>
      {editing ? (
        <TitleEditor data={data} onDone={() => setEditing(false)} />
      ) : (
        <span
          className="group-title"
          data-testid="group-title"
          onDoubleClick={() => setEditing(true)}
        >
          {title}
        </span>
      )}
      <span className="group-tools">
        <button
          type="button"
          className="nodrag nopan"
          data-testid="group-rename"
          title={t('groupRename')}
          aria-label={`${t('groupRename')}: ${title}`}
          onClick={() => setEditing(true)}
        >
          ✎
        </button>
        <button
          type="button"
          className="nodrag nopan"
          data-testid="group-ungroup"
          title={t('ungroup')}
          aria-label={`${t('ungroup')}: ${title}`}
          onClick={() => ungroupAction(group.id)}
        >
          ⊟
        </button>
      </span>
    </div>
  );
  if (collapsed)
    return (
      <div
        className="group-box"
        data-testid="group"
        data-group-id={group.id}
        data-collapsed="true"
        style={{ width, height }}
      >
        <Handle type="target" position={Position.Bottom} />
        {bar}
        <div className="group-count">
          {count} {t('groupNodes')}
        </div>
        <Handle type="source" position={Position.Top} />
      </div>
    );
  return (
    <div
      className="group-frame"
      data-testid="group"
      data-group-id={group.id}
      data-collapsed="false"
      data-depth={data.depth}
      style={{ width, height }}
    >
      {bar}
    </div>
  );
}

export const GroupNodeView = memo(GroupNodeViewImpl);
