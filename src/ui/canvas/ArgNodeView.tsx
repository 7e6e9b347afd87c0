/** One node on the canvas: a box in its kind's colours with its wrapped text and markers. */
import { memo, type CSSProperties } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ArgNode } from '../../model/schema';
import { kindStyles } from '../../io/kindStyles';
import { ErrorBoundary } from '../ErrorBoundary';
import { useT } from '../i18n';
import { KindIcon } from './KindIcon';
import { SchemeBadge } from './SchemeBadge';
import { thesisTitle } from './cardLabel';
import { CommandButton } from '../CommandButton';
import { CompareBadge } from './CompareBadge';
import { CommentCount } from '../comments/CommentCount';
import { PeerRing } from '../sharing/PeerRing';
import { useEditingHidden } from '../sharing/roles';

export interface ArgNodeData extends Record<string, unknown> {
  node: ArgNode;
  /** The text shown: the node's own, or its English rendering. */
  label: string;
  /** How many premises a fold hides under this node (0: not folded). */
  foldCount: number;
  /** Filtered out or not matching the search: shown faintly. */
  dimmed: boolean;
  /** Some ref could not be re-anchored after a source correction. */
  unanchored: boolean;
  /** Cites the sentence the pointer is over in the source pane. */
  linked: boolean;
  /** What the node's compact card says when zoomed out: its label or first words. */
  short: string;
  /** One of the map's main conclusions: titled larger when zoomed out. */
  main: boolean;
}

export type ArgFlowNode = Node<ArgNodeData, 'arg'>;

/** The id of the handle covering a node's box, where a connection can be dropped. */
export const DROP_HANDLE = 'drop';

/** The box's head, padding and borders; the text's line height (see nodeSize). */
const CHROME = 42;
const LINE = 20;

function ArgNodeViewImpl({ data, selected, height }: NodeProps<ArgFlowNode>) {
  const { node, label, foldCount, dimmed, unanchored, linked, short, main } = data;
  const t = useT();
  const editingHidden = useEditingHidden();
  const style = kindStyles[node.kind];
  if (node.kind === 'inference') {
    return (
      <div
        className={`arg-inference${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}`}
        title={t.kind('inference')}
        role="img"
        aria-label={t.kind('inference')}
      >
        <Handle type="target" position={Position.Bottom} />
        <span aria-hidden>∧</span>
        {node.scheme && <SchemeBadge name={node.scheme} className="on-junction" />}
        <Handle type="source" position={Position.Top} />
      </div>
    );
  }
  return (
    <div
      className={`arg-node${selected ? ' is-selected' : ''}${node.implicit ? ' is-implicit' : ''}${dimmed ? ' is-dimmed' : ''}${linked ? ' is-linked' : ''}${main ? ' is-main' : ''}`}
      style={
        {
          background: style.fill,
          borderColor: style.stroke,
          color: style.text,
          // The lines the box has room for; more would be cut with an ellipsis.
          '--lines': Math.max(
            1,
            Math.floor(((height ?? 0) - CHROME - (foldCount > 0 ? 24 : 0)) / LINE),
          ),
        } as CSSProperties
      }
      data-kind={node.kind}
      role="group"
      aria-label={`${t.kind(node.kind)}: ${label}`}
    >
      <Handle type="target" position={Position.Bottom} />
      <CompareBadge id={node.id} />
      <PeerRing nodeId={node.id} />
      <div className="arg-node-head">
        <KindIcon kind={node.kind} color={style.stroke} />
        <span className="arg-node-kind">{t.kind(node.kind)}</span>
        <span className="arg-node-markers">
          {node.note && (
            <span title={t('notePreview')} aria-label={t('notePreview')}>
              ✎
            </span>
          )}
          {node.rating !== undefined && (
            <span className="arg-node-rating" title={`${t('rating')} ${node.rating}/5`}>
              {'★'.repeat(node.rating)}
            </span>
          )}
          {unanchored && (
            <span className="arg-node-warning" title={t('unanchored')}>
              ⚠
            </span>
          )}
          <CommentCount target={node.id} />
        </span>
      </div>
      <div className="arg-node-text">{label || <em className="muted">…</em>}</div>
      {foldCount > 0 && (
        <div className="arg-node-fold">
          +{foldCount} {t('folded')}
        </div>
      )}
      {/* Shown instead of the rest when zoomed out (CSS, see LevelOfDetail.tsx). */}
      <div className="arg-node-card" aria-hidden>
        <KindIcon kind={node.kind} color={style.stroke} />
        {main ? thesisTitle(node, label) : short}
      </div>
      <Handle type="source" position={Position.Top} />
      {selected && !editingHidden && <QuickBuild kind={node.kind} />}
      {/* The whole box takes a connection dropped on it (only while one is drawn: canvas.css). */}
      <Handle
        type="target"
        id={DROP_HANDLE}
        position={Position.Bottom}
        className="arg-node-drop"
        isConnectableStart={false}
        aria-hidden
      />
    </div>
  );
}

/** On the selected node: buttons adding a reason, or an objection (a rebuttal on an objection). */
function QuickBuild({ kind }: { kind: ArgNode['kind'] }) {
  const t = useT();
  return (
    <div className="quick-build nodrag nopan" role="group" aria-label={t('quickBuild')}>
      <CommandButton command="addReason" data-testid="add-reason" />
      <CommandButton
        command={kind === 'objection' ? 'addRebuttal' : 'addObjection'}
        data-testid={kind === 'objection' ? 'add-rebuttal' : 'add-objection'}
      />
    </div>
  );
}

/**
 * Memoised: a node re-renders only when its own data or selection changes. A render error in one
 * node shows a small box in its place (its edges still attached), never a blank canvas.
 */
export const ArgNodeView = memo(function ArgNodeView(props: NodeProps<ArgFlowNode>) {
  const { id } = props.data.node;
  return (
    <ErrorBoundary
      area={`node ${id}`}
      fallback={(error, retry) => (
        <div className="arg-node arg-node-broken" role="alert" data-broken-node={id}>
          <Handle type="target" position={Position.Bottom} />
          <div className="arg-node-text">
            ⚠ {id}: {error.message}
          </div>
          <button type="button" className="nodrag" onClick={retry}>
            ↻
          </button>
          <Handle type="source" position={Position.Top} />
        </div>
      )}
    >
      <ArgNodeViewImpl {...props} />
    </ErrorBoundary>
  );
});
