/**
 * The map's source text(s), sentence by sentence. Sentences the selected nodes cite light up and
 * the first scrolls into view; hovering a sentence lights up the nodes citing it and clicking it
 * selects them. Cited sentences are underlined in the colour of the citing node's kind. Selecting
 * text offers to make a node citing exactly that span, or to add it as a ref of the selected node.
 */
import { Fragment, memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArgMap, ArgNode, Source } from '../model/schema';
import { kindStyles } from '../io/kindStyles';
import { useMapStore } from '../store/mapStore';
import { useT } from './i18n';
import { readSourceSelection, type SourceSelection } from './sourceSelection';
import { SelectionBar } from './SelectionBar';
import { SourceEditor } from './SourceEditor';
import { UnanchoredList } from './UnanchoredList';
import { revealNodes } from './SearchBox';

/** sentence id → ids of the nodes that cite it, in map order. */
function citations(map: ArgMap): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const node of map.nodes) {
    for (const ref of node.refs) {
      const list = cited.get(ref.sentence);
      if (!list) cited.set(ref.sentence, [node.id]);
      else if (!list.includes(node.id)) list.push(node.id);
    }
  }
  return cited;
}

/** `next`, or the previous value when both hold the same entries (compared with `same`). */
function useSameContent<K, V>(next: Map<K, V>, same: (a: V, b: V) => boolean): Map<K, V> {
  const kept = useRef(next);
  const previous = kept.current;
  if (previous !== next) {
    const equal =
      previous.size === next.size &&
      [...next].every(([key, value]) => previous.has(key) && same(previous.get(key)!, value));
    if (!equal) kept.current = next;
  }
  return kept.current;
}

/**
 * A number that changes only when some node's id, kind or refs change, not its text: what the
 * citations below depend on. One identity check per node instead of rebuilding them per
 * keystroke (measured: ~10 ms a keystroke at 5,000 nodes).
 */
function useRefsVersion(nodes: readonly ArgNode[]): number {
  const last = useRef({ nodes, version: 0 });
  const previous = last.current;
  if (previous.nodes !== nodes) {
    const same =
      previous.nodes.length === nodes.length &&
      nodes.every((n, i) => {
        const p = previous.nodes[i]!;
        return n === p || (n.id === p.id && n.kind === p.kind && n.refs === p.refs);
      });
    last.current = { nodes, version: same ? previous.version : previous.version + 1 };
  }
  return last.current.version;
}

export function SourcePane({ map }: { map: ArgMap }) {
  const selectedIds = useMapStore((s) => s.selection.nodeIds);
  const hovered = useMapStore((s) => s.highlightedSentences);
  // Kept identical while their contents are (typing in a node changes neither), so the
  // memoised source text does not re-render its thousands of sentences on every keystroke.
  const refsVersion = useRefsVersion(map.nodes);
  const cited = useSameContent(
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refsVersion stands for map.nodes
    useMemo(() => citations(map), [refsVersion]),
    (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
  );
  const kindOf = useSameContent(
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refsVersion stands for map.nodes
    useMemo(() => new Map(map.nodes.map((n) => [n.id, n.kind])), [refsVersion]),
    (a, b) => a === b,
  );
  const highlightedNow = useMemo(() => {
    const selected = new Set(selectedIds);
    const ids = new Set<string>(hovered);
    for (const node of map.nodes)
      if (selected.has(node.id)) for (const ref of node.refs) ids.add(ref.sentence);
    return new Map([...ids].map((id) => [id, true]));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refsVersion stands for map.nodes
  }, [refsVersion, selectedIds, hovered]);
  const highlightedMap = useSameContent(highlightedNow, (a, b) => a === b);
  const highlighted = useMemo(() => new Set(highlightedMap.keys()), [highlightedMap]);
  const paneRef = useRef<HTMLElement>(null);
  const [textSelection, setTextSelection] = useState<SourceSelection | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const texts = useMemo(() => new Map(map.sources.map((s) => [s.id, s.text])), [map.sources]);

  useEffect(() => {
    const first = paneRef.current?.querySelector('[data-highlighted="true"]');
    first?.scrollIntoView({ block: 'center' });
  }, [selectedIds]);

  const readSelection = useCallback(() => {
    if (paneRef.current) setTextSelection(readSourceSelection(paneRef.current, texts));
  }, [texts]);

  // Read the selection when a pointer drag ends (not during it, so nothing moves under the
  // pointer), and on any other selection change (keyboard selection with Shift+arrows).
  const dragging = useRef(false);
  useEffect(() => {
    const onChange = () => {
      if (!dragging.current) readSelection();
    };
    const onUp = () => {
      if (!dragging.current) return;
      dragging.current = false;
      readSelection();
    };
    document.addEventListener('selectionchange', onChange);
    document.addEventListener('pointerup', onUp);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      document.removeEventListener('pointerup', onUp);
    };
  }, [readSelection]);

  return (
    <section
      className="source-pane"
      data-testid="source-pane"
      aria-label="Source text"
      ref={paneRef}
      onPointerDown={() => (dragging.current = true)}
    >
      <UnanchoredList map={map} />
      {map.sources.map((source) =>
        editing === source.id ? (
          <SourceEditor key={source.id} source={source} onClose={() => setEditing(null)} />
        ) : (
          <SourceText
            key={source.id}
            source={source}
            cited={cited}
            kindOf={kindOf}
            highlighted={highlighted}
            onEdit={setEditing}
          />
        ),
      )}
      <SelectionBar
        map={map}
        selection={textSelection}
        onDone={() => document.getSelection()?.removeAllRanges()}
      />
    </section>
  );
}

interface SourceTextProps {
  source: Source;
  cited: Map<string, string[]>;
  kindOf: Map<string, string>;
  highlighted: Set<string>;
  onEdit: (sourceId: string) => void;
}

const SourceText = memo(function SourceText({
  source,
  cited,
  kindOf,
  highlighted,
  onEdit,
}: SourceTextProps) {
  const t = useT();
  const highlight = useMapStore((s) => s.highlight);
  const paragraphs = useMemo(() => {
    const out: (typeof source.sentences)[] = [[]];
    source.sentences.forEach((sentence, i) => {
      const previous = source.sentences[i - 1];
      if (previous && source.text.slice(previous.end, sentence.start).includes('\n')) out.push([]);
      out[out.length - 1]!.push(sentence);
    });
    return out;
  }, [source]);

  return (
    <article lang={source.language} data-source-id={source.id}>
      <header className="source-header">
        <h2>{source.title || t('untitledSource')}</h2>
        {(source.author || source.publication) && (
          <p className="muted">{[source.author, source.publication].filter(Boolean).join(' · ')}</p>
        )}
        <button className="small" onClick={() => onEdit(source.id)}>
          {t('editSource')}
        </button>
      </header>
      {paragraphs.map((sentences, p) => (
        <p key={p}>
          {sentences.map((sentence, i) => {
            const citing = cited.get(sentence.id);
            const kind = citing ? kindOf.get(citing[0]!) : undefined;
            const next = sentences[i + 1];
            const gap = next ? source.text.slice(sentence.end, next.start) : '';
            return (
              <Fragment key={sentence.id}>
                <span
                  className={`sentence${citing ? ' is-cited' : ''}`}
                  data-sentence-id={sentence.id}
                  data-start={sentence.start}
                  data-end={sentence.end}
                  data-highlighted={highlighted.has(sentence.id) ? 'true' : undefined}
                  style={
                    kind
                      ? { textDecorationColor: kindStyles[kind as keyof typeof kindStyles].stroke }
                      : undefined
                  }
                  title={citing ? `${t('citedBy')} ${citing.join(', ')}` : t('notCited')}
                  onMouseEnter={() => citing && highlight([sentence.id])}
                  onMouseLeave={() => citing && highlight([])}
                  onClick={() => {
                    if (citing && document.getSelection()?.isCollapsed !== false)
                      revealNodes([...citing]);
                  }}
                >
                  {source.text.slice(sentence.start, sentence.end)}
                </span>
                {gap.replace(/\s+/g, ' ')}
              </Fragment>
            );
          })}
        </p>
      ))}
    </article>
  );
});
