/**
 * The map's source text(s), sentence by sentence. Sentences the selected nodes cite light up and
 * the first scrolls into view; hovering a sentence lights up the nodes citing it and clicking it
 * selects them. Cited sentences are underlined in the colour of the citing node's kind. Selecting
 * text offers to make a node citing exactly that span, or to add it as a ref of the selected node.
 */
import {
  Fragment,
  lazy,
  memo,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent as ReactKeyboardEvent,
  type RefObject,
} from 'react';
import { citationsBySentence, pieces, type Citation } from './citationMarks';

/** Correcting a source's text (and re-anchoring its citations) loads when first asked for. */
const SourceEditor = lazy(() =>
  import('./SourceEditor').then((m) => ({ default: m.SourceEditor })),
);
import type { ArgMap, ArgNode, Source } from '../model/schema';
import { kindStyles } from '../io/kindStyles';
import { useMapStore } from '../store/mapStore';
import { sentenceIndex } from '../model/operations';
import { useT } from './i18n';
import { readSourceSelection, type SourceSelection } from './sourceSelection';
import { SelectionBar } from './SelectionBar';
import { UnanchoredList } from './UnanchoredList';
import { revealNodes } from './SearchBox';
import { isSourceFile, openAddSourceFrom, useShownSource } from '../app/importFiles';
import {
  BlockHeights,
  OVERSCAN_PX,
  WINDOW_ABOVE_SENTENCES,
  blockOfSentence,
  bodyItems,
  sourceBlocks,
  type Block,
  type BodyItem,
} from './sourceWindow';
import { useContentReadOnly } from './sharing/roles';
import { PeerCursors, useShareSourceCursor } from './sharing/PeerCursors';

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

/** Brings sentence `index` (id `id`) of one source into the pane and scrolls it to the middle. */
type Revealer = (index: number, id: string) => void;

export function SourcePane({ map }: { map: ArgMap }) {
  const t = useT();
  const selectedIds = useMapStore((s) => s.selection.nodeIds);
  const hovered = useMapStore((s) => s.highlightedSentences);
  // Kept identical while their contents are (typing in a node changes neither), so the
  // memoised source text does not re-render its sentences on every keystroke.
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
  // A long map is windowed: only the sentences on screen are in the page (see sourceWindow.ts).
  const windowed = useMemo(
    () => map.sources.reduce((n, s) => n + s.sentences.length, 0) > WINDOW_ABOVE_SENTENCES,
    [map.sources],
  );
  const sources = map.sources;
  const revealers = useRef(new Map<string, Revealer>());
  /** Each source's window, recomputed when the pane scrolls or changes size. */
  const windows = useRef(new Set<() => void>());
  // Several sources: one shown at a time, chosen by its tab (or by a sentence brought into view).
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = sources.find((s) => s.id === activeId) ?? sources[0];
  // A source just added opens in its tab.
  useEffect(() => useShownSource.subscribe(({ id }) => id && setActiveId(id)), []);
  const readOnly = useContentReadOnly();
  /** A sentence to bring into view once its source's tab has opened. */
  const pendingReveal = useRef<string | null>(null);
  const reveal = useCallback(
    (id: string) => {
      const place = sentenceIndex({ sources }).get(id);
      const source = place && sources[place.sourceIndex];
      if (!source) return;
      if (source.id !== active?.id) {
        pendingReveal.current = id;
        setActiveId(source.id);
        return;
      }
      revealers.current.get(source.id)?.(place.index, id);
    },
    [sources, active?.id],
  );
  useEffect(() => {
    const id = pendingReveal.current;
    if (!id || !active) return;
    const place = sentenceIndex({ sources }).get(id);
    if (place && sources[place.sourceIndex]?.id === active.id) {
      pendingReveal.current = null;
      revealers.current.get(active.id)?.(place.index, id);
    }
  }, [active, sources]);
  /** The sources with a lit sentence (a dot on their tab). */
  const litSources = useMemo(() => {
    const places = sentenceIndex({ sources });
    const ids = new Set<string>();
    for (const id of lit.keys()) {
      const place = places.get(id);
      if (place) ids.add(sources[place.sourceIndex]!.id);
    }
    return ids;
  }, [lit, sources]);

  // Selecting nodes brings the first sentence they cite (in the order of the text) into view.
  const litRef = useRef(lit);
  litRef.current = lit;
  useEffect(() => {
    const ids = [...litRef.current.keys()];
    if (!ids.length) return;
    const places = sentenceIndex({ sources });
    let first: { id: string; sourceIndex: number; index: number } | null = null;
    // The source shown first, when it has any of them; else the first source that has.
    const shown = sources.findIndex((s) => s.id === active?.id);
    const inShown = ids.some((id) => places.get(id)?.sourceIndex === shown);
    for (const id of ids) {
      const place = places.get(id);
      if (
        place &&
        (!inShown || place.sourceIndex === shown) &&
        (!first ||
          place.sourceIndex < first.sourceIndex ||
          (place.sourceIndex === first.sourceIndex && place.index < first.index))
      )
        first = { id, ...place };
    }
    if (first) reveal(first.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a new selection only
  }, [selectedIds]);

  // A sentence lit from elsewhere (a node's quote in the inspector, a search result) that is
  // outside the window is brought in and into view (what is in the page, they scroll to).
  // Only when the lit sentence changes: choosing another tab must not bring the lit one back.
  const revealRef = useRef(reveal);
  revealRef.current = reveal;
  useEffect(() => {
    const id = hovered[0];
    if (!id || !paneRef.current) return;
    if (!paneRef.current.querySelector(`[data-sentence-id="${CSS.escape(id)}"]`))
      revealRef.current(id);
  }, [hovered]);

  useEffect(() => {
    const pane = paneRef.current;
    if (!pane || !windowed) return;
    let frame = 0;
    const update = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        for (const recompute of windows.current) recompute();
      });
    };
    pane.addEventListener('scroll', update, { passive: true });
    const resized = new ResizeObserver(update);
    resized.observe(pane);
    return () => {
      cancelAnimationFrame(frame);
      pane.removeEventListener('scroll', update);
      resized.disconnect();
    };
  }, [windowed]);

  useShareSourceCursor(textSelection);
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
      data-windowed={windowed ? 'true' : undefined}
      style={windowed ? { overflowAnchor: 'none' } : undefined}
      aria-label={t('sourceText')}
      ref={paneRef}
      onPointerDown={() => (dragging.current = true)}
      // A document dropped here is previewed to be added as one more source (elsewhere in the
      // window, it makes a new map).
      onDragOver={(e) => {
        if (!readOnly && e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const files = [...e.dataTransfer.files];
        if (readOnly || files.length !== 1 || !isSourceFile(files[0]!.name)) return;
        e.preventDefault();
        e.stopPropagation();
        openAddSourceFrom(files[0]);
      }}
    >
      <UnanchoredList map={map} />
      {sources.length > 1 && active && (
        <SourceTabs
          sources={sources}
          active={active.id}
          lit={litSources}
          onChoose={(id) => setActiveId(id)}
        />
      )}
      {(active ? [active] : []).map((source) =>
        editing === source.id ? (
          <Suspense key={source.id} fallback={null}>
            <SourceEditor source={source} onClose={() => setEditing(null)} />
          </Suspense>
        ) : (
          <SourceText
            key={source.id}
            source={source}
            cited={cited}
            kindOf={kindOf}
            lit={lit}
            onEdit={setEditing}
            windowed={windowed}
            paneRef={paneRef}
            revealers={revealers.current}
            windows={windows.current}
            multiple={sources.length > 1}
          />
        ),
      )}
      <PeerCursors paneRef={paneRef} sourceId={active?.id} />
      <SelectionBar
        map={map}
        selection={textSelection}
        onDone={() => document.getSelection()?.removeAllRanges()}
      />
    </section>
  );
}

/**
 * The tabs of a map's sources (when it has several): arrows, Home and End move between them
 * (each shown as it gets the focus), as WAI-ARIA's tabs pattern has it. A tab whose source has a
 * sentence lit (cited by the selection, or hovered) shows a dot.
 */
function SourceTabs({
  sources,
  active,
  lit,
  onChoose,
}: {
  sources: readonly Source[];
  active: string;
  lit: ReadonlySet<string>;
  onChoose: (id: string) => void;
}) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: ReactKeyboardEvent) => {
    const at = sources.findIndex((s) => s.id === active);
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % sources.length
        : e.key === 'ArrowLeft'
          ? (at - 1 + sources.length) % sources.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? sources.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    e.stopPropagation();
    onChoose(sources[to]!.id);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[to]?.focus();
  };
  return (
    <div
      className="source-tabs"
      role="tablist"
      aria-label={t('sourceTabs')}
      data-testid="source-tabs"
      ref={list}
      onKeyDown={onKeyDown}
    >
      {sources.map((source, i) => (
        <button
          key={source.id}
          role="tab"
          id={`source-tab-${source.id}`}
          aria-selected={source.id === active}
          // Only the chosen tab's panel is in the page.
          aria-controls={source.id === active ? `source-panel-${source.id}` : undefined}
          tabIndex={source.id === active ? 0 : -1}
          title={source.title || t('untitledSource')}
          data-testid="source-tab"
          data-source-id={source.id}
          onClick={() => onChoose(source.id)}
        >
          {`${i + 1}. ${source.title || t('untitledSource')}`}
          {lit.has(source.id) && (
            <span className="lit-dot" aria-hidden="true">
              ●
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

interface Marks {
  cited: Map<string, Citation[]>;
  kindOf: Map<string, string>;
  lit: Map<string, string>;
}

interface SourceTextProps extends Marks {
  source: Source;
  onEdit: (sourceId: string) => void;
  windowed: boolean;
  paneRef: RefObject<HTMLElement | null>;
  revealers: Map<string, Revealer>;
  windows: Set<() => void>;
  /** The map has several sources: this one is a tab's panel. */
  multiple: boolean;
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

/** The block (index) a DOM point lies in, within `body`, or null. */
function blockAt(node: Node | null, body: HTMLElement): number | null {
  const element = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null);
  const block = element?.closest<HTMLElement>('[data-block]');
  return block && body.contains(block) ? Number(block.dataset.block) : null;
}

const SourceText = memo(function SourceText({
  source,
  cited,
  kindOf,
  lit,
  onEdit,
  windowed,
  paneRef,
  revealers,
  windows,
  multiple,
}: SourceTextProps) {
  const t = useT();
  const blocks = useMemo(() => sourceBlocks(source, windowed), [source, windowed]);
  const heights = useMemo(() => new BlockHeights(blocks), [blocks]);
  const bodyRef = useRef<HTMLDivElement>(null);
  // Windowed: the blocks overlapping the pane's view (null until placed: none), those a text
  // selection starts and ends in, and the one last revealed. Not windowed: every block.
  const [range, setRange] = useState<readonly [number, number] | null>(null);
  const [selectionPins, setSelectionPins] = useState<readonly number[]>([]);
  const [revealPin, setRevealPin] = useState<number | null>(null);
  const [, setMeasured] = useState(0);
  /** A block in view and its top on screen, to keep there when the heights above it change. */
  const anchor = useRef<{ block: number; top: number } | null>(null);
  /** The sentence being revealed, until it is in the page and scrolled to. */
  const scrollTo = useRef<string | null>(null);
  const bodyElement = useCallback((element: HTMLDivElement | null) => {
    bodyRef.current = element;
    const refused = refuseEdits(element);
    return () => {
      refused?.();
      bodyRef.current = null;
    };
  }, []);

  const place = useCallback(() => {
    const pane = paneRef.current;
    const body = bodyRef.current;
    if (!windowed || !pane || !body) return;
    if (heights.setWidth(body.clientWidth)) setMeasured((n) => n + 1);
    const view = pane.getBoundingClientRect();
    const top = body.getBoundingClientRect().top;
    const next = heights.range(view.top - top - OVERSCAN_PX, view.bottom - top + OVERSCAN_PX);
    setRange((previous) =>
      previous?.[0] === next?.[0] && previous?.[1] === next?.[1] ? previous : next,
    );
    // A revealed block is kept only until the view has come to it (then it is in the range).
    if (!scrollTo.current && next)
      setRevealPin((pin) => (pin !== null && next[0] <= pin && pin <= next[1] ? null : pin));
  }, [windowed, paneRef, heights]);

  useEffect(() => {
    windows.add(place);
    return () => void windows.delete(place);
  }, [windows, place]);

  // After every render (so no dependencies): measure the rendered blocks, place the window again if they are not as
  // tall as estimated, and scroll to a sentence being revealed once it is in the page. It settles:
  // a block measured again at the same height changes nothing.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs after every render on purpose
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const pane = paneRef.current;
    if (!body || !pane || !windowed) return;
    const blockElement = (block: number) =>
      body.querySelector<HTMLElement>(`:scope > [data-block="${block}"]`);
    // The spacers have taken the new heights: put the block that was in view back where it
    // was (the browser's own scroll anchoring is off in the windowed pane: it would do it
    // twice), and place every source's window again (the sources below this one moved).
    const kept = anchor.current;
    if (kept) {
      anchor.current = null;
      const element = blockElement(kept.block);
      const moved = element ? element.getBoundingClientRect().top - kept.top : 0;
      if (Math.abs(moved) >= 1) pane.scrollTop += moved;
      for (const recompute of windows) if (recompute !== place) recompute();
    }
    let changed = false;
    for (const element of body.querySelectorAll<HTMLElement>(':scope > [data-block]'))
      changed = heights.measure(Number(element.dataset.block), element.offsetHeight) || changed;
    let revealed: Element | null = null;
    if (scrollTo.current) {
      revealed = body.querySelector(`[data-sentence-id="${CSS.escape(scrollTo.current)}"]`);
      if (revealed) {
        scrollTo.current = null;
        revealed.scrollIntoView({ block: 'center' });
      }
    }
    if (changed) {
      heights.recompute();
      setMeasured((n) => n + 1);
      // What stays put while the spacers change: the sentence just revealed, or else the
      // first block in view.
      const view = pane.getBoundingClientRect();
      const inView =
        revealed?.closest<HTMLElement>('[data-block]') ??
        [...body.querySelectorAll<HTMLElement>(':scope > [data-block]')].find(
          (element) => element.getBoundingClientRect().bottom > view.top,
        );
      if (inView)
        anchor.current = {
          block: Number(inView.dataset.block),
          top: inView.getBoundingClientRect().top,
        };
    }
    place();
  });

  useEffect(() => {
    const reveal: Revealer = (index, id) => {
      const element = bodyRef.current?.querySelector(`[data-sentence-id="${CSS.escape(id)}"]`);
      if (element) return element.scrollIntoView({ block: 'center' });
      scrollTo.current = id;
      setRevealPin(blockOfSentence(blocks, index));
    };
    revealers.set(source.id, reveal);
    return () => {
      if (revealers.get(source.id) === reveal) revealers.delete(source.id);
    };
  }, [revealers, source.id, blocks]);

  // A selection being made keeps the blocks it starts and ends in, whatever scrolls.
  useEffect(() => {
    if (!windowed) return;
    const onChange = () => {
      const body = bodyRef.current;
      const selection = document.getSelection();
      const pins: number[] = [];
      if (body && selection && !selection.isCollapsed)
        for (const node of [selection.anchorNode, selection.focusNode]) {
          const block = blockAt(node, body);
          if (block !== null) pins.push(block);
        }
      setSelectionPins((previous) =>
        previous.length === pins.length && previous.every((p, i) => p === pins[i])
          ? previous
          : pins,
      );
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [windowed]);

  const items: BodyItem[] = windowed
    ? bodyItems(
        [
          ...(range ? Array.from({ length: range[1] - range[0] + 1 }, (_, i) => range[0] + i) : []),
          ...selectionPins,
          ...(revealPin === null ? [] : [revealPin]),
        ],
        blocks.length,
        heights,
      )
    : blocks.map((_, block) => ({ block }));

  return (
    <article
      lang={source.language}
      data-source-id={source.id}
      id={`source-panel-${source.id}`}
      {...(multiple ? { role: 'tabpanel', 'aria-labelledby': `source-tab-${source.id}` } : {})}
    >
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
        ref={bodyElement}
      >
        {items.map((item) =>
          'spacer' in item ? (
            <div
              key={`spacer-${item.spacer}`}
              className="source-spacer"
              contentEditable={false}
              aria-hidden="true"
              style={{ height: item.height }}
            />
          ) : (
            <SourceBlock
              key={item.block}
              index={item.block}
              block={blocks[item.block]!}
              source={source}
              cited={cited}
              kindOf={kindOf}
              lit={lit}
            />
          ),
        )}
      </div>
    </article>
  );
});

const pageMarkCache = new WeakMap<Source, Map<number, string>>();

/**
 * Where each printed page of `source` begins, by the index of the first sentence on it: the
 * source pane marks it ("p. 12") so a reader sees the page a passage is on.
 */
function pageMarksOf(source: Source): Map<number, string> {
  let marks = pageMarkCache.get(source);
  if (marks) return marks;
  marks = new Map();
  const { sentences } = source;
  let i = 0;
  for (const page of source.pages ?? []) {
    while (i < sentences.length && sentences[i]!.end <= page.start) i++;
    if (i < sentences.length && !marks.has(i)) marks.set(i, page.label);
  }
  pageMarkCache.set(source, marks);
  return marks;
}

/** A run of paragraphs of a source, sentence by sentence, with their marks. */
const SourceBlock = memo(function SourceBlock({
  index,
  block,
  source,
  cited,
  kindOf,
  lit,
}: Marks & { index: number; block: Block; source: Source }) {
  const t = useT();
  const highlight = useMapStore((s) => s.highlight);
  const { sentences, text } = source;
  const pageMarks = pageMarksOf(source);
  return (
    <div className="source-block" data-block={index}>
      {block.pieces.map((piece) => (
        <p key={piece.first} className={piece.continues ? 'continues' : undefined}>
          {sentences.slice(piece.first, piece.end).map((sentence, i) => {
            const citations = cited.get(sentence.id);
            const litSpec = lit.get(sentence.id);
            const next = sentences[piece.first + i + 1];
            const last = piece.first + i + 1 === piece.end;
            const gap =
              next && (!last || piece.continues) ? text.slice(sentence.end, next.start) : '';
            const ids = citations ? [...new Set(citations.map((c) => c.nodeId))] : [];
            const pageLabel = pageMarks.get(piece.first + i);
            return (
              <Fragment key={sentence.id}>
                {pageLabel !== undefined && (
                  <span className="page-mark" data-page={pageLabel}>
                    {t('pageNumber').replace('{0}', pageLabel)}
                  </span>
                )}
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
                      {text.slice(piece.start, piece.end)}
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
  );
});
