/**
 * The printable handout: the map fitted to the first page, then every node with its kind, its
 * English rendering and the author's quoted sentence(s). Shown only when printing.
 */
import { useEffect, useMemo, useState } from 'react';
import { create } from 'zustand';
import type { ArgMap } from '../model/schema';
import { sentenceIndex } from '../model/operations';
import { svgOf } from '../app/exportActions';
import { useMapStore } from '../store/mapStore';
import { useT } from './i18n';

const usePrint = create<{ svgUrl: string | null }>()(() => ({ svgUrl: null }));

/** Renders the handout, then opens the browser's print dialog (Print → Save as PDF). */
export async function printHandout() {
  const map = useMapStore.getState().map;
  if (!map) return;
  const svg = await svgOf(map);
  const previous = usePrint.getState().svgUrl;
  if (previous) URL.revokeObjectURL(previous);
  usePrint.setState({ svgUrl: URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })) });
  requestAnimationFrame(() => requestAnimationFrame(() => print()));
}

export function PrintHandout({ map }: { map: ArgMap }) {
  const t = useT();
  const svgUrl = usePrint((s) => s.svgUrl);
  const sources = map.sources;
  const sentences = useMemo(() => sentenceIndex({ sources }), [sources]);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(false), [svgUrl]);
  if (!svgUrl) return null;
  return (
    <div className="print-handout" data-testid="print-handout" data-ready={ready}>
      <h1>{map.title}</h1>
      <img src={svgUrl} alt={map.title} onLoad={() => setReady(true)} />
      <h2 className="page-break">{t('handoutAppendix')}</h2>
      <ol className="handout-list">
        {map.nodes
          .filter((n) => n.kind !== 'inference')
          .map((node) => (
            <li key={node.id}>
              <p>
                <strong>[{t.kind(node.kind)}]</strong> {node.text}
              </p>
              {node.translations?.en && <p lang="en">{node.translations.en}</p>}
              {node.refs.map((ref, i) => {
                const s = sentences.get(ref.sentence);
                const text = s ? map.sources[s.sourceIndex]!.text : '';
                return (
                  <blockquote key={i}>
                    {ref.quote ?? (s ? text.slice(s.start, s.end) : '')}
                  </blockquote>
                );
              })}
            </li>
          ))}
      </ol>
    </div>
  );
}
