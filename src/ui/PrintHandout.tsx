/**
 * The printable handout, the browser's twin of `argmap export --format pdf`: page 1 is the whole
 * map with a number on every node; then, when the map has sections, one page per section, large
 * enough to read; then the numbered list: each node's kind, text, rendering, its relations by
 * number ("supports 3", "attacked by 7") and the author's words with their page, only where they
 * add to the node's text; on request, each node's comment threads with their authors and dates.
 * Shown only when printing (Print → Save as PDF).
 */
import { useEffect, useState } from 'react';
import { create } from 'zustand';
import type { ArgMap } from '../model/schema';
import { sectionsOf } from '../model/groups';
import { translationIn } from '../model/translation';
import { wordsLanguage, type WordsLanguage } from '../model/words';
import { nodeDescriber, relationsByNumber, type NodeDescription } from '../io/slides';
import { runInWorker } from '../app/ioClient';
import { useMapStore } from '../store/mapStore';
import { useUiStore } from '../store/uiStore';
import { useT } from './i18n';
import { threadsOf, type Thread } from '../model/comments';
import { commentDate } from './comments/commentDate';
import { printWhenReady, requestPrint, usePrintJob } from './print/printJob';

interface MapPage {
  title: string;
  url: string;
}

interface Handout {
  mapId: string;
  title: string;
  lang: WordsLanguage;
  pages: MapPage[];
  entries: NodeDescription[];
  /** Each node's comment threads, when asked for. */
  threads: Record<string, Thread[]> | null;
}

const useHandout = create<{ handout: Handout | null }>()(() => ({ handout: null }));

/**
 * Draws the handout of the open map (its map pages in the I/O worker), in the interface's
 * language, then prints it.
 */
export async function printHandout(options: { comments?: boolean } = {}) {
  const map = useMapStore.getState().map;
  if (!map) return;
  const { language: uiLanguage, labelLanguage } = useUiStore.getState();
  const lang = wordsLanguage(uiLanguage);
  const { numbers, describe } = nodeDescriber(map, lang);
  const labels = labelLanguage === 'en' ? { language: 'en' } : {};
  const sections = sectionsOf(map);
  const wanted = [
    { title: map.title },
    ...(sections.length > 1
      ? sections.map(({ group, nodeIds }) => ({
          title: `${map.title} — ${translationIn(group.translations, uiLanguage) || group.title}`,
          nodeIds,
        }))
      : []),
  ];
  const svgs = await Promise.all(
    wanted.map((page) =>
      runInWorker({
        op: 'svg',
        map,
        options: { ...page, ...labels, numbers, background: 'white' },
      }),
    ),
  );
  for (const page of useHandout.getState().handout?.pages ?? []) URL.revokeObjectURL(page.url);
  useHandout.setState({
    handout: {
      mapId: map.id,
      title: map.title,
      lang,
      pages: svgs.map((svg, i) => ({
        title: wanted[i]!.title,
        url: URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })),
      })),
      entries: map.nodes.filter((n) => n.kind !== 'inference').map(describe),
      threads: options.comments
        ? Object.fromEntries(map.nodes.map((n) => [n.id, threadsOf(map, n.id)]))
        : null,
    },
  });
  requestPrint('handout');
}

export function PrintHandout({ map }: { map: ArgMap }) {
  const handout = useHandout((s) => s.handout);
  const shown = usePrintJob((s) => s.kind === 'handout');
  // A handout of another map (the library switched since) is not printed.
  if (!shown || !handout || handout.mapId !== map.id) return null;
  // A new handout is a new view: its count of pictures drawn starts from nothing.
  return <HandoutView key={handout.pages[0]!.url} handout={handout} />;
}

function HandoutView({ handout }: { handout: Handout }) {
  const t = useT();
  const request = usePrintJob((s) => s.request);
  const [loaded, setLoaded] = useState(0);
  const ready = loaded >= handout.pages.length;
  useEffect(() => {
    if (ready) printWhenReady(request);
  }, [ready, request]);
  return (
    <div className="print-view print-handout" data-testid="print-handout" data-ready={ready}>
      {handout.pages.map((page, i) => (
        <section className="handout-map" key={page.url}>
          <img
            src={page.url}
            alt={page.title}
            data-testid={`handout-map-${i}`}
            onLoad={() => setLoaded((n) => n + 1)}
          />
        </section>
      ))}
      <section className="handout-statements">
        <h1>{handout.title}</h1>
        <h2>{t('handoutAppendix')}</h2>
        <ol className="handout-list">
          {handout.entries.map((d) => (
            <li key={d.nodeId} value={d.number} data-node={d.nodeId}>
              <p className="handout-kind">
                <strong>
                  {d.number} · {d.kindName}
                </strong>
              </p>
              <p>{d.text}</p>
              {d.rendering && <p lang={handout.lang}>{d.rendering}</p>}
              {d.relations.length > 0 && (
                <p className="handout-relations">{relationsByNumber(d.relations, handout.lang)}</p>
              )}
              {d.quotes.map((q, i) => {
                const where = [q.cite, q.page !== undefined ? `p. ${q.page}` : '']
                  .filter(Boolean)
                  .join(', ');
                return (
                  <blockquote key={i}>
                    “{q.text}”{where && <cite> — {where}</cite>}
                  </blockquote>
                );
              })}
              {handout.threads?.[d.nodeId]?.length ? (
                <HandoutComments threads={handout.threads[d.nodeId]!} />
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** A node's comment threads in the handout: each comment with its author and date. */
function HandoutComments({ threads }: { threads: Thread[] }) {
  const t = useT();
  return (
    <div className="handout-comments" data-testid="handout-comments">
      <p className="handout-kind">
        <strong>{t('comments')}</strong>
      </p>
      {threads.map((thread) => (
        <div key={thread.root.id} className="handout-thread">
          {[thread.root, ...thread.replies].map((c) => (
            <p key={c.id} className={c.replyTo ? 'handout-reply' : undefined}>
              <strong>{c.author}</strong>, {commentDate(t, c.createdAt)}
              {!c.replyTo && thread.resolved ? ` (${t('commentResolved')})` : ''}: {c.text}
            </p>
          ))}
        </div>
      ))}
    </div>
  );
}
