/**
 * The colours of node kinds and edge relations, shared by the SVG export and the canvas so a
 * map looks the same everywhere. Hues are the Okabe–Ito palette (distinguishable with the common
 * colour-vision deficiencies); fills are light tints so dark text on them passes WCAG AA (every
 * pair below is ≥ 7:1), and strokes are darkened until they reach 3:1 against their fill and white
 * (WCAG's minimum for graphical objects). Relations differ by dash pattern as well as colour.
 */
import type { NodeKind, Relation } from '../model/schema';

export interface KindStyle {
  /** Okabe–Ito hue that identifies the kind. */
  hue: string;
  /** Background of the node box (a tint of the hue). */
  fill: string;
  /** Border of the node box (the hue, darkened to ≥ 3:1 contrast). */
  stroke: string;
  /** Text colour on `fill` (≥ 7:1 contrast). */
  text: string;
  /** English name shown in legends. */
  label: string;
}

const TEXT = '#1A1A1A';

export const kindStyles: Readonly<Record<NodeKind, KindStyle>> = {
  conclusion: {
    hue: '#0072B2',
    fill: '#A6CEE4',
    stroke: '#0072B2',
    text: TEXT,
    label: 'Conclusion',
  },
  claim: { hue: '#56B4E9', fill: '#C4E5F7', stroke: '#4085AC', text: TEXT, label: 'Claim' },
  evidence: { hue: '#009E73', fill: '#A6DDCE', stroke: '#008561', text: TEXT, label: 'Evidence' },
  objection: { hue: '#D55E00', fill: '#F0C7A6', stroke: '#BB5300', text: TEXT, label: 'Objection' },
  rebuttal: { hue: '#CC79A7', fill: '#EDD0E0', stroke: '#A76389', text: TEXT, label: 'Rebuttal' },
  recommendation: {
    hue: '#E69F00',
    fill: '#F6DDA6',
    stroke: '#A67200',
    text: TEXT,
    label: 'Recommendation',
  },
  context: { hue: '#F0E442', fill: '#FAF6BD', stroke: '#958D29', text: TEXT, label: 'Context' },
  inference: { hue: '#000000', fill: '#FFFFFF', stroke: '#000000', text: TEXT, label: 'Inference' },
};

export interface RelationStyle {
  stroke: string;
  /** SVG `stroke-dasharray`, or '' for a solid line. */
  dash: string;
  label: string;
}

export const relationStyles: Readonly<Record<Relation, RelationStyle>> = {
  supports: { stroke: '#008561', dash: '', label: 'supports' },
  attacks: { stroke: '#BB5300', dash: '8 4', label: 'attacks' },
  elaborates: { stroke: '#666666', dash: '2 3', label: 'elaborates' },
};
