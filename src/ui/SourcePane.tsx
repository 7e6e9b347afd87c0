/**
 * The map's source text(s), sentence by sentence. Sentences the selected nodes cite light up and
 * the first scrolls into view; clicking a sentence selects the nodes that cite it. Cited
 * sentences are underlined in the colour of the first citing node's kind.
 */
import { Fragment, memo, useEffect, useMemo, useRef } from 'react';
import type { ArgMap, Source } from '../model/schema';
import { kindStyles } from '../io/kindStyles';
import { useMapStore } from '../store/mapStore';

/** sentence id → ids of the nodes that cite it, in map order. */
function citations(map: ArgMap): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const node of map.nodes) {
    for (const ref of node.refs) {
      const list = cited.get(ref.sentence);
      if (list) {
        if (!list.includes(node.id)) list.push(node.id);
      } else cited.set(ref.sentence, [node.id]);
    }
  }
  return cited;
}

export function SourcePane({ map }: { map: ArgMap }) {
  const selectedIds = useMapStore((s) => s.selection.nodeIds);
  const cited = useMemo(() => citations(map), [map]);
  const kindOf = useMemo(() => new Map(map.nodes.map((n) => [n.id, n.kind])), [map.nodes]);
  const highlighted = useMemo(() => {
    const selected = new Set(selectedIds);
    const ids = new Set<string>();
    for (const node of map.nodes)
      if (selected.has(node.id)) for (const ref of node.refs) ids.add(ref.sentence);
    return ids;
  }, [map.nodes, selectedIds]);
  const paneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const first = paneRef.current?.querySelector('[data-highlighted="true"]');
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [highlighted]);

  return (
    <section
      className="source-pane"
      data-testid="source-pane"
      aria-label="Source text"
      ref={paneRef}
    >
      {map.sources.map((source) => (
        <SourceText
          key={source.id}
          source={source}
          cited={cited}
          kindOf={kindOf}
          highlighted={highlighted}
        />
      ))}
    </section>
  );
}

interface SourceTextProps {
  source: Source;
  cited: Map<string, string[]>;
  kindOf: Map<string, string>;
  highlighted: Set<string>;
}

const SourceText = memo(function SourceText({
  source,
  cited,
  kindOf,
  highlighted,
}: SourceTextProps) {
  const select = useMapStore((s) => s.select);
  const paragraphs = useMemo(() => {
    const out: (typeof source.sentences)[] = [[]];
    source.sentences.forEach((sentence, i) => {
      const previous = source.sentences[i - 1];
      if (previous && source.text.slice(previous.end, sentence.start).includes('\n\n'))
        out.push([]);
      out[out.length - 1]!.push(sentence);
    });
    return out;
  }, [source]);

  return (
    <article lang={source.language}>
      <header className="source-header">
        <h2>{source.title || 'Untitled source'}</h2>
        {(source.author || source.publication) && (
          <p className="muted">{[source.author, source.publication].filter(Boolean).join(' · ')}</p>
        )}
      </header>
      {paragraphs.map((sentences, p) => (
        <p key={p}>
          {sentences.map((sentence) => {
            const citing = cited.get(sentence.id);
            const kind = citing ? kindOf.get(citing[0]!) : undefined;
            const isLit = highlighted.has(sentence.id);
            return (
              <Fragment key={sentence.id}>
                <span
                  className={`sentence${citing ? ' is-cited' : ''}`}
                  data-sentence-id={sentence.id}
                  data-highlighted={isLit ? 'true' : undefined}
                  style={
                    kind
                      ? { textDecorationColor: kindStyles[kind as keyof typeof kindStyles].stroke }
                      : undefined
                  }
                  title={citing ? `Cited by ${citing.join(', ')}` : 'Not cited by any node'}
                  onClick={() => citing && select({ nodeIds: [...citing], edgeIds: [] })}
                >
                  {source.text.slice(sentence.start, sentence.end)}
                </span>{' '}
              </Fragment>
            );
          })}
        </p>
      ))}
    </article>
  );
});
