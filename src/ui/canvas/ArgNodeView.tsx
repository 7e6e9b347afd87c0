/** One node on the canvas: a box in its kind's colours with the node's wrapped text. */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ArgNode } from '../../model/schema';
import { kindStyles } from '../../io/kindStyles';

export type ArgFlowNode = Node<{ node: ArgNode }, 'arg'>;

function ArgNodeViewImpl({ data, selected }: NodeProps<ArgFlowNode>) {
  const { node } = data;
  const style = kindStyles[node.kind];
  if (node.kind === 'inference') {
    return (
      <div
        className="arg-inference"
        title="Inference: premises that support only jointly"
        aria-label="inference junction"
      >
        <Handle type="target" position={Position.Bottom} />
        <span aria-hidden>∧</span>
        <Handle type="source" position={Position.Top} />
      </div>
    );
  }
  return (
    <div
      className={`arg-node${selected ? ' is-selected' : ''}${node.implicit ? ' is-implicit' : ''}`}
      style={{ background: style.fill, borderColor: style.stroke, color: style.text }}
      data-node-id={node.id}
      data-kind={node.kind}
    >
      <Handle type="target" position={Position.Bottom} />
      <div className="arg-node-kind" style={{ color: style.text }}>
        <span className="arg-node-swatch" style={{ background: style.stroke }} aria-hidden />
        {style.label}
      </div>
      <div className="arg-node-text">{node.text || <em className="muted">(no text)</em>}</div>
      <Handle type="source" position={Position.Top} />
    </div>
  );
}

/** Memoised: a node re-renders only when its own record or selection changes. */
export const ArgNodeView = memo(ArgNodeViewImpl);
