/**
 * A small mark naming an argument's scheme on the canvas (on an edge or an inference junction):
 * a short name in the interface's language on the scheme's colour, the full name in its tooltip.
 * Names not in the catalog (imported from AIF) are shown as they are, shortened, in grey; the
 * default schemes ("Default Inference") say nothing and get no mark.
 */
import { EdgeLabelRenderer } from '@xyflow/react';
import { SCHEMES, findScheme, isDefaultScheme } from '../../model/schemes';
import type { UiLanguage } from '../../store/uiStore';
import { useT } from '../i18n';

/** Short names, by AIFdb name, for the mark (the catalog's titles are too long for a canvas). */
const SHORT: Readonly<Record<string, Readonly<Record<UiLanguage, string>>>> = {
  ExpertOpinion: { en: 'Expert', zh: '专家' },
  PositionToKnow: { en: 'Know', zh: '知情' },
  Analogy: { en: 'Analogy', zh: '类比' },
  CauseToEffect: { en: 'Cause', zh: '因果' },
  Sign: { en: 'Sign', zh: '征兆' },
  Example: { en: 'Example', zh: '例证' },
  Consequences: { en: 'Conseq.', zh: '后果' },
  PositiveConsequences: { en: '+Conseq.', zh: '正面后果' },
  NegativeConsequences: { en: '−Conseq.', zh: '负面后果' },
  PracticalReasoning: { en: 'Practical', zh: '实践推理' },
  Values: { en: 'Values', zh: '价值' },
  PopularOpinion: { en: 'Popular', zh: '众意' },
  Commitment: { en: 'Commit.', zh: '承诺' },
  Ignorance: { en: 'Ignorance', zh: '无知' },
  VerbalClassification: { en: 'Verbal', zh: '分类' },
  GenericAdHominem: { en: 'Ad hom.', zh: '人身' },
};

/** One colour per catalog scheme (in catalog order, cycling), dark enough for white text. */
const PALETTE = [
  '#1b6ca8',
  '#8e44ad',
  '#b9770e',
  '#117a65',
  '#a93226',
  '#2e4053',
  '#7d6608',
  '#1e8449',
  '#922b21',
  '#5b2c6f',
  '#0e6655',
  '#6e2c00',
  '#283747',
  '#784212',
  '#1a5276',
  '#4a235a',
];
const UNKNOWN = '#5d6d7e';

/** The colour of a scheme's mark (grey for a name not in the catalog). */
export function schemeColour(name: string): string {
  const scheme = findScheme(name);
  return scheme ? PALETTE[SCHEMES.indexOf(scheme) % PALETTE.length]! : UNKNOWN;
}

/** The scheme's short name in a language; an unknown name as it is, cut to 14 characters. */
export function schemeShort(name: string, language: UiLanguage): string {
  const scheme = findScheme(name);
  const short = scheme ? SHORT[scheme.aifdbName]?.[language] : undefined;
  if (short) return short;
  if (scheme) return language === 'zh' ? scheme.title.zh : scheme.title.en;
  return name.length > 14 ? `${name.slice(0, 13)}…` : name;
}

/** The scheme's full name in a language (an unknown name as it is). */
export function schemeTitle(name: string, language: UiLanguage): string {
  const scheme = findScheme(name);
  return scheme ? scheme.title[language] : name;
}

/** Whether a scheme name gets a mark (the default schemes say nothing). */
export const hasSchemeMark = (name: string | undefined): name is string =>
  !!name?.trim() && !isDefaultScheme(name);

export function SchemeBadge({ name, className = '' }: { name: string; className?: string }) {
  const t = useT();
  if (!hasSchemeMark(name)) return null;
  const title = `${t('scheme')}: ${schemeTitle(name, t.language)}`;
  return (
    <span
      className={`scheme-badge ${className}`.trim()}
      data-testid="scheme-badge"
      data-scheme={name}
      title={title}
      aria-label={title}
      role="img"
      style={{ background: schemeColour(name) }}
    >
      {schemeShort(name, t.language)}
    </span>
  );
}

/**
 * The mark on an edge, centred at `at` (canvas coordinates) on the edge's line; on a selected
 * edge, just above its relation menu (which sits at the same point).
 */
export function EdgeSchemeBadge({
  name,
  at,
  selected = false,
}: {
  name: string;
  at: { x: number; y: number };
  selected?: boolean;
}) {
  if (!hasSchemeMark(name)) return null;
  const y = selected ? at.y - 26 : at.y;
  return (
    <EdgeLabelRenderer>
      <div
        className="scheme-badge-at nodrag nopan"
        style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${y}px)` }}
      >
        <SchemeBadge name={name} />
      </div>
    </EdgeLabelRenderer>
  );
}
