/**
 * The map's source text(s), sentence by sentence. Sentences the selected nodes cite light up and
 * the first scrolls into view; hovering a sentence lights up the nodes citing it and clicking it
 * selects them. Cited sentences are underlined in the colour of the citing node's kind. Selecting
 * text offers to make a node citing exactly that span, or to add it as a ref of the selected node.
 */
import {
  Fragment,
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import { citationsBySentence, pieces, type Citation } from './citationMarks';
import type { ArgMap, ArgNode, Sentence, Source } from '../model/schema';
import { kindStyles } from '../io/kindStyles';
import { useMapStore } from '../store/mapStore';
import { useT } from './i18n';
import { readSourceSelection, type SourceSelection } from './sourceSelection';
import { SelectionBar } from './SelectionBar';
import { SourceEditor } from './SourceEditor';
import { UnanchoredList } from './UnanchoredList';
import { revealNodes } from './SearchBox';

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
  const t = useT();
  const selectedIds = useMapStore((s) => s.selection.nodeIds);
  const hovered = useMapStore((s) => s.highlightedSentences);
  // Kept identical while their contents are (typing in a node changes neither), so the
  // memoised source text does not re-render its thousands of sentences on every keystroke.
  const refsVersion = useRefsVersion(map.nodes);
  const cited = useSameContent(
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refsVersion stands for map.nodes
    useMemo(() => citationsBySentence(map), [refsVersion]),
    sameCitations,
  );
  const kindOf = useSameContent(
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refsVersion stands for map.nodes
    useMemo(() => new Map(map.nodes.map((n) => [n.id, n.kind])), [refsVersion]),
    (a, b) => a === b,
  );
  // What is lit: the spans the selected nodes cite (their whole sentence for a sentence ref),
  // and a hovered sentence. sentence id → "whole" or the lit spans ("10-30 32-50").
  const litNow = useMemo(() => {
    const selected = new Set(selectedIds);
    const lit = new Map<string, string>();
    for (const id of hovered) lit.set(id, 'whole');
    for (const node of map.nodes) {
      if (!selected.has(node.id)) continue;
      for (const ref of node.refs) {
        if (lit.get(ref.sentence) === 'whole') continue;
        if (ref.start === undefined || ref.end === undefined) lit.set(ref.sentence, 'whole');
        else lit.set(ref.sentence, `${lit.get(ref.sentence) ?? ''} ${ref.start}-${ref.end}`.trim());
      }
    }
    return lit;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refsVersion stands for map.nodes
  }, [refsVersion, selectedIds, hovered]);
  const lit = useSameContent(litNow, (a, b) => a === b);
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
      aria-label={t('sourceText')}
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
            lit={lit}
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
  cited: Map<string, Citation[]>;
  kindOf: Map<string, string>;
  lit: Map<string, string>;
  onEdit: (sourceId: string) => void;
}

function sameCitations(a: readonly Citation[], b: readonly Citation[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => c.nodeId === b[i]!.nodeId && c.start === b[i]!.start && c.end === b[i]!.end)
  );
}

/** Stacked underlines, one in each citing node's kind colour (overlaps show every one). */
function underlines(nodeIds: readonly string[], kindOf: Map<string, string>): CSSProperties {
  if (!nodeIds.length) return {};
  const colours = nodeIds.map(
    (id) => kindStyles[(kindOf.get(id) ?? 'claim') as keyof typeof kindStyles].stroke,
  );
  return {
    backgroundImage: colours.map((c) => `linear-gradient(${c}, ${c})`).join(', '),
    backgroundSize: colours.map(() => '100% 2px').join(', '),
    backgroundPosition: colours.map((_, i) => `0 calc(100% - ${i * 3}px)`).join(', '),
    backgroundRepeat: 'no-repeat',
    paddingBottom: `${(colours.length - 1) * 3}px`,
  };
}

/** Whether the piece [start, end) lies in one of the lit spans ("whole", or "10-30 32-50"). */
function isLit(spec: string | undefined, start: number, end: number): boolean {
  if (!spec) return false;
  if (spec === 'whole') return true;
  return spec.split(' ').some((span) => {
    const [a, b] = span.split('-').map(Number);
    return a! <= start && end <= b!;
  });
}

/** The nodes citing a piece, by kind and text: what hovering it says. */
function citingNames(nodeIds: readonly string[], t: ReturnType<typeof useT>): string {
  const map = useMapStore.getState().map;
  const names = nodeIds.map((id) => {
    const node = map?.nodes.find((n) => n.id === id);
    if (!node) return id;
    const text = node.text.length > 80 ? `${node.text.slice(0, 80)}…` : node.text;
    return `${t.kind(node.kind)}: “${text}”`;
  });
  return `${t('citedByNodes')}\n${names.join('\n')}`;
}

/** Refuses every edit of the source body (typing, paste, drop, cut): it is editable for the caret. */
function refuseEdits(el: HTMLElement | null) {
  if (!el) return;
  const refuse = (e: Event) => e.preventDefault();
  el.addEventListener('beforeinput', refuse);
  el.addEventListener('drop', refuse);
  return () => {
    el.removeEventListener('beforeinput', refuse);
    el.removeEventListener('drop', refuse);
  };
}

const SourceText = memo(function SourceText({
  source,
  cited,
  kindOf,
  lit,
  onEdit,
}: SourceTextProps) {
  const t = useT();
  const highlight = useMapStore((s) => s.highlight);
  const paragraphs = useMemo(() => {
    const out: Sentence[][] = [[]];
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
      {/* Editable only for the caret: Shift+arrows select text by keyboard; every change is
          refused (beforeinput), so the text stays as it is. */}
      <div
        className="source-body"
        contentEditable
        suppressContentEditableWarning
        spellCheck={false}
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-label={source.title || t('sourceText')}
        data-testid="source-body"
        ref={refuseEdits}
      >
        {paragraphs.map((sentences, p) => (
          <p key={p}>
            {sentences.map((sentence, i) => {
              const citations = cited.get(sentence.id);
              const litSpec = lit.get(sentence.id);
              const next = sentences[i + 1];
              const gap = next ? source.text.slice(sentence.end, next.start) : '';
              const ids = citations ? [...new Set(citations.map((c) => c.nodeId))] : [];
              return (
                <Fragment key={sentence.id}>
                  <span
                    className={`sentence${citations ? ' is-cited' : ''}${litSpec === 'whole' ? ' lit-whole' : ''}`}
                    data-sentence-id={sentence.id}
                    data-start={sentence.start}
                    data-end={sentence.end}
                    data-highlighted={litSpec ? 'true' : undefined}
                    title={citations ? undefined : t('notCited')}
                    onMouseEnter={() => citations && highlight([sentence.id])}
                    onMouseLeave={() => citations && highlight([])}
                    onMouseOver={(e) => {
                      // Named on hover (by the nodes' current text), not on every render.
                      const piece = (e.target as HTMLElement).closest<HTMLElement>('[data-nodes]');
                      if (piece) piece.title = citingNames(piece.dataset.nodes!.split(' '), t);
                    }}
                    onClick={() => {
                      if (citations && document.getSelection()?.isCollapsed !== false)
                        revealNodes(ids);
                    }}
                  >
                    {pieces(sentence.start, sentence.end, citations ?? []).map((piece) => (
                      <span
                        key={piece.start}
                        className={`piece${isLit(litSpec, piece.start, piece.end) ? ' lit' : ''}`}
                        data-start={piece.start}
                        data-end={piece.end}
                        data-nodes={piece.nodeIds.length ? piece.nodeIds.join(' ') : undefined}
                        style={underlines(piece.nodeIds, kindOf)}
                      >
                        {source.text.slice(piece.start, piece.end)}
                      </span>
                    ))}
                  </span>
                  {gap.replace(/\s+/g, ' ')}
                </Fragment>
              );
            })}
          </p>
        ))}
      </div>
    </article>
  );
});
