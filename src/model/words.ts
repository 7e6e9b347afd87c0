/**
 * The names of node kinds and relations in the two interface languages, for every place that
 * writes them for people: the editor's interface, slides, handouts and feedback sheets. The
 * Rebuttal kind and the attacks relation have distinct words in both languages.
 */
import type { NodeKind, Relation } from './schema';

export type WordsLanguage = 'en' | 'zh';

export const KIND_NAMES: Readonly<Record<WordsLanguage, Readonly<Record<NodeKind, string>>>> = {
  en: {
    conclusion: 'Conclusion',
    claim: 'Claim',
    evidence: 'Evidence',
    objection: 'Objection',
    rebuttal: 'Rebuttal',
    recommendation: 'Recommendation',
    context: 'Context',
    inference: 'Inference',
  },
  zh: {
    conclusion: '结论',
    claim: '主张',
    evidence: '证据',
    objection: '反对意见',
    rebuttal: '反驳',
    recommendation: '建议',
    context: '背景',
    inference: '推理节点',
  },
};

/** A relation read from its source: "A supports B". */
export const RELATION_NAMES: Readonly<Record<WordsLanguage, Readonly<Record<Relation, string>>>> = {
  en: { supports: 'supports', attacks: 'attacks', elaborates: 'elaborates' },
  zh: { supports: '支持', attacks: '攻击', elaborates: '阐述' },
};

/** A relation read from its target: "B is supported by A". */
export const RELATION_NAMES_INVERSE: Readonly<
  Record<WordsLanguage, Readonly<Record<Relation, string>>>
> = {
  en: { supports: 'supported by', attacks: 'attacked by', elaborates: 'elaborated by' },
  zh: { supports: '受到支持', attacks: '受到攻击', elaborates: '得到阐述' },
};

/** The interface language closest to a BCP 47 tag: Chinese for `zh…`, English otherwise. */
export function wordsLanguage(tag: string | undefined): WordsLanguage {
  return tag?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
