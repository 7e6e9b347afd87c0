/** Edits the selected node: its text, kind and English rendering, with the sentences it cites. */
import { useMemo } from 'react';
import { NODE_KINDS, type ArgMap, type NodeKind } from '../model/schema';
import { sentenceIndex, updateNode } from '../model/operations';
import { kindStyles } from '../io/kindStyles';
import { useMapStore } from '../store/mapStore';

export function Inspector({ map }: { map: ArgMap }) {
  const selectedIds = useMapStore((s) => s.selection.nodeIds);
  const edit = useMapStore((s) => s.edit);
  const error = useMapStore((s) => s.error);
  const node =
    selectedIds.length === 1 ? map.nodes.find((n) => n.id === selectedIds[0]) : undefined;
  const sentences = useMemo(() => sentenceIndex(map), [map]);

  if (!node) {
    return (
      <aside className="inspector" data-testid="inspector" aria-label="Inspector">
        <p className="empty">
          {selectedIds.length > 1
            ? `${selectedIds.length} nodes selected.`
            : 'Select a node on the map, or a sentence in the text, to see and edit it here.'}
        </p>
      </aside>
    );
  }

  const id = node.id;
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      <h2>
        Node <code>{id}</code>
      </h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <label>
        Text
        <textarea
          data-testid="node-text"
          value={node.text}
          rows={5}
          onChange={(e) => edit((m) => updateNode(m, id, { text: e.target.value }), `text:${id}`)}
        />
      </label>
      <label>
        Kind
        <select
          value={node.kind}
          onChange={(e) => edit((m) => updateNode(m, id, { kind: e.target.value as NodeKind }))}
        >
          {NODE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindStyles[kind].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        English rendering
        <textarea
          value={node.translations?.en ?? ''}
          rows={3}
          onChange={(e) =>
            edit(
              (m) =>
                updateNode(m, id, { translations: { ...node.translations, en: e.target.value } }),
              `en:${id}`,
            )
          }
        />
      </label>
      <h3>Cites</h3>
      {node.refs.length === 0 ? (
        <p className="muted">
          {node.implicit ? 'An implicit premise: not in the text.' : 'No source sentence.'}
        </p>
      ) : (
        <ul className="refs">
          {node.refs.map((ref, i) => {
            const sentence = sentences.get(ref.sentence);
            const text = sentence ? map.sources[sentence.sourceIndex]!.text : '';
            const quote = ref.quote ?? (sentence ? text.slice(sentence.start, sentence.end) : '');
            return (
              <li key={i}>
                <blockquote>{quote}</blockquote>
                <span className="muted">{ref.sentence}</span>
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}
