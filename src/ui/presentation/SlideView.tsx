/**
 * One slide of a deck (src/io/slides.ts) as HTML for the stage: the title slide (with the choice
 * of what to present), a section's overview, or a tour stop — the node large, the author's
 * sentence with its page, the English rendering, and its neighbours with the relation in words.
 */
import type { ReactNode } from 'react';
import {
  deckWord,
  type SectionSlide,
  type Slide,
  type SlideRelation,
  type StopSlide,
  type TitleSlide,
} from '../../io/slides';
import { useT, type Translator } from '../i18n';

/** A slide's short title, for the jump list and the presenter window. */
export function slideTitle(slide: Slide): string {
  if (slide.type === 'stop') return `${slide.number}. ${slide.text}`;
  return slide.title;
}

/** Fills "{0}", "{1}"… of a message. */
export function fill(text: string, ...args: (string | number)[]): string {
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

export interface DeckChoice {
  value: string;
  label: string;
}

export function SlideView({
  slide,
  choices,
  choice,
  onChoose,
}: {
  slide: Slide;
  /** What can be presented (the tours, by section), offered on the title slide. */
  choices: DeckChoice[];
  choice: string;
  onChoose: (value: string) => void;
}) {
  const t = useT();
  if (slide.type === 'title')
    return <TitleView slide={slide} choices={choices} choice={choice} onChoose={onChoose} />;
  if (slide.type === 'section') return <SectionView slide={slide} t={t} />;
  return <StopView slide={slide} t={t} />;
}

function TitleView({
  slide,
  choices,
  choice,
  onChoose,
}: {
  slide: TitleSlide;
  choices: DeckChoice[];
  choice: string;
  onChoose: (value: string) => void;
}) {
  const t = useT();
  return (
    <div className="stage-title-slide" data-slide-type="title">
      <h1 className="stage-title">{slide.title}</h1>
      {slide.subtitle && <p className="stage-subtitle">{slide.subtitle}</p>}
      {slide.contents.length > 0 && (
        <ol className="stage-contents" aria-label={deckWord(t.language, 'contents')}>
          {slide.contents.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ol>
      )}
      <label className="stage-choice">
        {t('presentWhat')}{' '}
        <select
          value={choice}
          onChange={(e) => onChoose(e.target.value)}
          data-testid="presentation-choice"
        >
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <p className="stage-hint">{t('presentationStartHint')}</p>
    </div>
  );
}

function SectionView({ slide, t }: { slide: SectionSlide; t: Translator }) {
  return (
    <div className="stage-overview" data-slide-type="section" data-testid="presentation-overview">
      <p className="stage-overview-label">
        {t('sectionOverview')} · {deckWord(t.language, 'nodes', slide.nodeCount)}
      </p>
      <h2 className="stage-overview-title" data-testid="presentation-overview-title">
        {slide.title}
      </h2>
      <ol className="stage-overview-items">
        {slide.items.map((item) => (
          <li key={item.nodeId} className="stage-point" data-kind={item.kind}>
            <span className="stage-number">{item.number}</span>
            <span className="stage-point-kind">{t.kind(item.kind)}</span>
            <span className="stage-point-text">{item.text}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The neighbours grouped by how they bear on the node: what it bears on first. */
function groupRelations(relations: SlideRelation[]): [string, SlideRelation[]][] {
  const groups = new Map<string, SlideRelation[]>();
  for (const r of relations) {
    const list = groups.get(r.words) ?? [];
    list.push(r);
    groups.set(r.words, list);
  }
  return [...groups];
}

function StopView({ slide, t }: { slide: StopSlide; t: Translator }) {
  const relations = groupRelations(slide.relations);
  return (
    <div className="stage-stop" data-slide-type="stop">
      <div className="stage-stop-main">
        <article
          className="stage-node"
          data-kind={slide.kind}
          data-testid="presentation-node"
          data-node-id={slide.nodeId}
        >
          <p className="stage-node-kind">
            <span className="stage-number">{slide.number}</span> {slide.kindName}
          </p>
          <p className="stage-node-text" data-testid="presentation-text">
            {slide.text}
          </p>
          {slide.rendering && (
            <p className="stage-rendering" lang="en" data-testid="presentation-rendering">
              {slide.rendering}
            </p>
          )}
        </article>
        {slide.quotes.length > 0 && (
          // Focusable, so that a long quote can be scrolled with the keyboard.
          <section className="stage-quotes" tabIndex={0} aria-label={t('authorsWords')}>
            {slide.quotes.map((q, i) => (
              <figure key={i} className="stage-quote">
                <blockquote data-testid="presentation-quote">{q.text}</blockquote>
                <figcaption>
                  {[q.cite, q.page !== undefined ? fill(t('pageNumber'), q.page) : '']
                    .filter(Boolean)
                    .join(', ')}
                </figcaption>
              </figure>
            ))}
          </section>
        )}
      </div>
      {relations.length > 0 && (
        <aside
          className="stage-relations"
          aria-label={t('slideConnections')}
          // Focusable, so that many neighbours can be scrolled with the keyboard.
          tabIndex={0}
          data-many={slide.relations.length > 4 || undefined}
        >
          {relations.map(([words, list]) => (
            <section key={words} className="stage-relation-group">
              <h3 className="stage-relation-words">{words}</h3>
              <ul>
                {list.map((r) => (
                  <Neighbour key={r.nodeId} relation={r} t={t} />
                ))}
              </ul>
            </section>
          ))}
        </aside>
      )}
    </div>
  );
}

function Neighbour({ relation, t }: { relation: SlideRelation; t: Translator }): ReactNode {
  return (
    <li
      className="stage-neighbour"
      data-kind={relation.kind}
      data-relation={relation.relation}
      data-outgoing={relation.outgoing}
    >
      <span className="stage-neighbour-kind">
        {relation.number !== undefined && <span className="stage-number">{relation.number}</span>}{' '}
        {t.kind(relation.kind)}
      </span>
      <span className="stage-neighbour-text">{relation.text}</span>
    </li>
  );
}
