/**
 * Argumentation schemes (Walton, Reed & Macagno, *Argumentation Schemes*, 2008) as AIFdb names
 * them, each with its critical questions in English and Chinese.
 *
 * A map stores a scheme as a plain name (`node.scheme` on an inference junction, `edge.scheme` on
 * a relation), exactly as it was given or imported: names not in this catalog are kept as they
 * are, never dropped or rewritten. {@link findScheme} looks a name up tolerantly, so AIFdb's
 * `ExpertOpinion`, OVA's "Argument From Expert Opinion" and a typed "expert opinion" all find the
 * same entry.
 */

/** One critical question of a scheme, in both interface languages. */
export interface CriticalQuestion {
  readonly en: string;
  readonly zh: string;
}

export interface ArgumentScheme {
  /** The name AIFdb stores in an RA node's `scheme` field (Araucaria's Walton set). */
  readonly aifdbName: string;
  /** AIFdb's scheme id, only where a real AIFdb file confirms it. */
  readonly aifdbId?: string;
  /** Other spellings met in OVA and AIFdb files (matched tolerantly, see {@link findScheme}). */
  readonly aliases: readonly string[];
  readonly title: { readonly en: string; readonly zh: string };
  readonly description: { readonly en: string; readonly zh: string };
  readonly questions: readonly CriticalQuestion[];
}

const q = (en: string, zh: string): CriticalQuestion => ({ en, zh });

const CONSEQUENCE_QUESTIONS = [
  q(
    'How likely is it that the cited consequences will (may, must) occur?',
    '所说的后果发生（可能发生、必然发生）的可能性有多大？',
  ),
  q(
    'What evidence supports the claim that the cited consequences will occur, and is it sufficient?',
    '有什么证据表明这些后果会发生？这些证据是否充分？',
  ),
  q(
    'Are there opposite consequences (bad as opposed to good, or good as opposed to bad) that should be taken into account?',
    '是否还有相反的后果（好的对应坏的，坏的对应好的）需要一并考虑？',
  ),
];

/** The catalog, in the order a scheme picker lists them. */
export const SCHEMES: readonly ArgumentScheme[] = [
  {
    aifdbName: 'ExpertOpinion',
    aliases: ['Argument From Expert Opinion', 'Expert Opinion'],
    title: { en: 'Argument from expert opinion', zh: '诉诸专家意见' },
    description: {
      en: 'E is an expert in the domain of A and asserts A, so A is plausibly true.',
      zh: 'E 是 A 所属领域的专家，并断言 A，因此 A 很可能为真。',
    },
    questions: [
      q('Expertise: how credible is E as an expert source?', '专业性：E 作为专家来源有多可信？'),
      q('Field: is E an expert in the field that A is in?', '领域：E 是否是 A 所属领域的专家？'),
      q('Opinion: what did E assert that implies A?', '观点：E 究竟说了什么，能由此推出 A？'),
      q(
        'Trustworthiness: is E personally reliable as a source?',
        '可信度：E 本人作为信息来源是否可靠？',
      ),
      q(
        'Consistency: is A consistent with what other experts assert?',
        '一致性：A 与其他专家的说法是否一致？',
      ),
      q('Backup evidence: is E’s assertion based on evidence?', '证据：E 的论断是否有证据支持？'),
    ],
  },
  {
    aifdbName: 'PositionToKnow',
    aliases: ['Argument From Position To Know', 'Position To Know'],
    title: { en: 'Argument from position to know', zh: '诉诸知情者' },
    description: {
      en: 'a is in a position to know whether A is true and asserts A, so A is plausibly true.',
      zh: 'a 处于能够知道 A 是否为真的位置，并断言 A，因此 A 很可能为真。',
    },
    questions: [
      q(
        'Is a in a position to know whether A is true (false)?',
        'a 是否真的处于能够知道 A 是否为真（为假）的位置？',
      ),
      q('Is a an honest (trustworthy, reliable) source?', 'a 是否是诚实（可信、可靠）的来源？'),
      q('Did a assert that A is true (false)?', 'a 是否确实断言过 A 为真（为假）？'),
    ],
  },
  {
    aifdbName: 'Analogy',
    aliases: ['Argument From Analogy'],
    title: { en: 'Argument from analogy', zh: '类比论证' },
    description: {
      en: 'Case C1 is similar to case C2; A holds in C1, so A holds in C2.',
      zh: '情形 C1 与情形 C2 相似；A 在 C1 中成立，因此 A 在 C2 中也成立。',
    },
    questions: [
      q('Are C1 and C2 similar in the respect cited?', 'C1 与 C2 在所举的方面真的相似吗？'),
      q('Is A true (false) in C1?', 'A 在 C1 中确实成立（不成立）吗？'),
      q(
        'Are there differences between C1 and C2 that would tend to undermine the force of the similarity cited?',
        'C1 与 C2 之间是否存在足以削弱这种相似性的差异？',
      ),
      q(
        'Is there some other case C3 that is also similar to C1, but in which A is false (true)?',
        '是否有另一个同样与 C1 相似的情形 C3，而 A 在其中并不成立（或成立）？',
      ),
    ],
  },
  {
    aifdbName: 'CauseToEffect',
    aifdbId: '4',
    aliases: ['Argument From Cause To Effect', 'Cause To Effect'],
    title: { en: 'Argument from cause to effect', zh: '由因及果论证' },
    description: {
      en: 'Generally, if A occurs then B will (might) occur; A occurs, so B will (might) occur.',
      zh: '一般而言，A 发生则 B 会（可能）发生；A 已发生，因此 B 会（可能）发生。',
    },
    questions: [
      q(
        'How strong is the causal generalisation (if it is true at all)?',
        '这一因果概括有多强（它究竟是否成立）？',
      ),
      q(
        'Is the evidence cited (if there is any) strong enough to warrant the generalisation as stated?',
        '所引的证据（如果有的话）是否足以支持这一概括？',
      ),
      q(
        'Are there other factors that would or will interfere with or counteract the production of the effect in this case?',
        '是否有其他因素会干扰或抵消这一结果在本案中的产生？',
      ),
    ],
  },
  {
    aifdbName: 'Sign',
    aliases: ['Argument From Sign'],
    title: { en: 'Argument from sign', zh: '迹象论证' },
    description: {
      en: 'A is true here, and A is generally a sign of B, so B is true here.',
      zh: 'A 在此成立，而 A 通常是 B 的迹象，因此 B 在此成立。',
    },
    questions: [
      q(
        'What is the strength of the correlation of the sign with the event signified?',
        '这一迹象与它所指示的事件之间的关联有多强？',
      ),
      q(
        'Are there other events that would more reliably account for the sign?',
        '是否有其他事件能更可靠地解释这一迹象？',
      ),
    ],
  },
  {
    aifdbName: 'Example',
    aliases: ['Argument From Example'],
    title: { en: 'Argument from example', zh: '举例论证' },
    description: {
      en: 'In this case a has property F and also G, so generally what has F also has G.',
      zh: '在这个例子中，a 具有性质 F，也具有性质 G，因此一般而言具有 F 的也具有 G。',
    },
    questions: [
      q(
        'Is the proposition presented by the example in fact true?',
        '例子所呈现的命题实际上是真的吗？',
      ),
      q(
        'Does the example support the general claim it is supposed to be an instance of?',
        '这个例子是否确实支持它所例示的一般主张？',
      ),
      q(
        'Is the example typical of the kinds of cases that the generalisation ranges over?',
        '在这一概括所涵盖的情形中，这个例子是否具有代表性？',
      ),
      q(
        'How strong, how widely applicable is the generalisation?',
        '这一概括有多强？适用范围有多广？',
      ),
      q(
        'Are there special circumstances of the example that impair its generalisability?',
        '这个例子是否有特殊情况，使其难以推而广之？',
      ),
    ],
  },
  {
    aifdbName: 'Consequences',
    aliases: ['Argument From Consequences'],
    title: { en: 'Argument from consequences', zh: '后果论证' },
    description: {
      en: 'If A is brought about, good (bad) consequences will plausibly follow, so A should (not) be brought about.',
      zh: '如果实现 A，很可能会带来好的（坏的）后果，因此应当（不应当）实现 A。',
    },
    questions: CONSEQUENCE_QUESTIONS,
  },
  {
    aifdbName: 'PositiveConsequences',
    aliases: ['Argument From Positive Consequences', 'Positive Consequences'],
    title: { en: 'Argument from positive consequences', zh: '正面后果论证' },
    description: {
      en: 'If A is brought about, good consequences will plausibly follow, so A should be brought about.',
      zh: '如果实现 A，很可能会带来好的后果，因此应当实现 A。',
    },
    questions: CONSEQUENCE_QUESTIONS,
  },
  {
    aifdbName: 'NegativeConsequences',
    aliases: ['Argument From Negative Consequences', 'Negative Consequences'],
    title: { en: 'Argument from negative consequences', zh: '负面后果论证' },
    description: {
      en: 'If A is brought about, bad consequences will plausibly follow, so A should not be brought about.',
      zh: '如果实现 A，很可能会带来坏的后果，因此不应当实现 A。',
    },
    questions: CONSEQUENCE_QUESTIONS,
  },
  {
    aifdbName: 'PracticalReasoning',
    aliases: ['Practical Reasoning', 'Argument From Practical Reasoning'],
    title: { en: 'Practical reasoning', zh: '实践推理' },
    description: {
      en: 'I have goal G; carrying out action A is a means to realise G; so I ought to carry out A.',
      zh: '我有目标 G；采取行动 A 是实现 G 的手段；因此我应当采取行动 A。',
    },
    questions: [
      q(
        'What other goals that might conflict with G should be considered?',
        '是否有其他可能与目标 G 相冲突的目标需要考虑？',
      ),
      q(
        'What alternative actions that would also bring about G should be considered?',
        '是否有其他同样能够实现 G 的行动可供考虑？',
      ),
      q(
        'Among A and these alternatives, which is arguably the most efficient?',
        '在 A 与这些替代方案之中，哪一个最为有效？',
      ),
      q(
        'What grounds are there for arguing that it is practically possible to carry out A?',
        '有什么理由认为 A 在实际上是可行的？',
      ),
      q(
        'What consequences of carrying out A should also be taken into account?',
        '采取行动 A 还会带来哪些应当一并考虑的后果？',
      ),
    ],
  },
  {
    aifdbName: 'Values',
    aliases: ['Argument From Values', 'Argument From Value', 'Value'],
    title: { en: 'Argument from values', zh: '价值论证' },
    description: {
      en: 'Value V is positive (negative); V gives a reason to commit (not to commit) to goal G.',
      zh: '价值 V 是正面的（负面的）；V 构成了支持（反对）坚持目标 G 的理由。',
    },
    questions: [
      q(
        'Is V seen as positive (negative) by most people, and by the agent?',
        '价值 V 是否被大多数人以及当事人视为正面的（负面的）？',
      ),
      q(
        'Are there reasons to believe that V is not positive (negative) in this situation?',
        '是否有理由认为 V 在此情境中并非正面的（负面的）？',
      ),
      q(
        'Would someone who does not see V as positive (negative) still agree to commit to G?',
        '一个不认为 V 是正面的（负面的）人，是否仍会同意坚持目标 G？',
      ),
    ],
  },
  {
    aifdbName: 'PopularOpinion',
    aliases: ['Argument From Popular Opinion', 'Popular Opinion'],
    title: { en: 'Argument from popular opinion', zh: '诉诸大众意见' },
    description: {
      en: 'A is generally accepted as true, so A is plausibly true.',
      zh: 'A 被普遍接受为真，因此 A 很可能为真。',
    },
    questions: [
      q(
        'What evidence, such as a poll or an appeal to common knowledge, supports the claim that A is generally accepted as true?',
        '有什么证据（例如民意调查或公认的常识）表明 A 被普遍接受为真？',
      ),
      q(
        'Even if A is generally accepted as true, are there good reasons for doubting that it is true?',
        '即使 A 被普遍接受，是否仍有充分的理由怀疑它的真实性？',
      ),
    ],
  },
  {
    aifdbName: 'Commitment',
    aifdbId: '6',
    aliases: ['Argument From Commitment'],
    title: { en: 'Argument from commitment', zh: '诉诸承诺' },
    description: {
      en: 'a is committed to A, so in this case a should support A (or what A implies).',
      zh: 'a 已承诺 A，因此在本案中 a 应当支持 A（或 A 所蕴含的主张）。',
    },
    questions: [
      q(
        'What evidence shows that a is committed to A, and is there evidence that a might not be?',
        '有什么证据表明 a 承诺了 A？是否也有证据表明 a 可能并未作此承诺？',
      ),
      q(
        'Is the proposition a is committed to the same as the one a is asked to support, or is there room for an exception?',
        'a 所承诺的命题与要求 a 支持的命题是否相同？是否存在例外的余地？',
      ),
    ],
  },
  {
    aifdbName: 'Ignorance',
    aifdbId: '19',
    aliases: [
      'Argument From Ignorance',
      'Argument From Lack Of Knowledge',
      'Plausible Argument From Ignorance',
    ],
    title: { en: 'Argument from ignorance', zh: '诉诸无知' },
    description: {
      en: 'A is not known to be true; if it were true it would be known; so A is (presumably) false.',
      zh: '不知道 A 为真；倘若 A 为真，人们应当会知道；因此 A（推定）为假。',
    },
    questions: [
      q('How far along has the search for evidence progressed?', '对证据的搜寻进行到了什么程度？'),
      q(
        'Which side has the burden of proof in the dialogue as a whole?',
        '在整个讨论中，举证责任在哪一方？',
      ),
      q(
        'How strong does the proof need to be for this side to prove its case?',
        '这一方需要多强的证明才能成立其主张？',
      ),
    ],
  },
  {
    aifdbName: 'VerbalClassification',
    aliases: ['Argument From Verbal Classification', 'Verbal Classification'],
    title: { en: 'Argument from verbal classification', zh: '言辞归类论证' },
    description: {
      en: 'a has property F; whatever has F can be classified as G; so a is G.',
      zh: 'a 具有性质 F；凡具有 F 的都可归为 G；因此 a 属于 G。',
    },
    questions: [
      q(
        'Does a definitely have F, or is there room for doubt?',
        'a 是否确实具有性质 F，还是仍有疑问？',
      ),
      q(
        'Can the classification be said to hold strongly, or is it a weak classification that is subject to doubt?',
        '这一归类是否牢靠，还是一种值得怀疑的弱归类？',
      ),
    ],
  },
  {
    aifdbName: 'GenericAdHominem',
    aliases: [
      'Ad Hominem',
      'Generic Ad Hominem',
      'Argument Against The Person',
      'Ethotic Argument',
    ],
    title: { en: 'Ad hominem (argument against the person)', zh: '人身攻击论证' },
    description: {
      en: 'a is a person of bad character, so a’s argument A should not be accepted.',
      zh: 'a 品格不良，因此不应接受 a 提出的论证 A。',
    },
    questions: [
      q(
        'Is the premise that a is a person of bad character true, or well supported?',
        '“a 品格不良”这一前提是真的吗？是否有充分依据？',
      ),
      q(
        'Is the allegation of bad character relevant in the kind of dialogue in which the argument was used?',
        '在该论证所处的这类讨论中，对品格的指控是否切题？',
      ),
      q(
        'Should A be rejected outright, or should a’s argument only be given less weight among the rest of the evidence?',
        '应当彻底否定 A，还是仅仅在全部证据中降低 a 的论证的分量？',
      ),
    ],
  },
];

/** Names AIF tools write on an S-node that has no particular scheme. */
const DEFAULT_NAMES = [
  '',
  'ra',
  'ca',
  'ma',
  'defaultinference',
  'defaultconflict',
  'defaultrephrase',
];

/** AIFdb's ids of the default S-node schemes, as OVA3 writes them in `schemefulfillments`. */
export const DEFAULT_SCHEME_IDS: Readonly<Record<string, string>> = {
  'Default Conflict': '71',
  'Default Inference': '72',
  'Default Rephrase': '144',
};

/** "Argument From Expert Opinion", "expert-opinion", "ExpertOpinion" → "expertopinion". */
export function schemeKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/^argument(?:from|to)?(?=.)/, '');
}

const BY_KEY = new Map<string, ArgumentScheme>();
for (const scheme of SCHEMES) {
  for (const name of [scheme.aifdbName, ...scheme.aliases, scheme.title.en]) {
    BY_KEY.set(schemeKey(name), scheme);
  }
}

/** The catalog entry for a scheme name, however it is spelled; undefined for names not in it. */
export function findScheme(name: string | undefined): ArgumentScheme | undefined {
  return name === undefined ? undefined : BY_KEY.get(schemeKey(name));
}

/** The catalog entry with this AIFdb scheme id, where the catalog knows the id. */
export function findSchemeById(id: string): ArgumentScheme | undefined {
  return SCHEMES.find((s) => s.aifdbId === id);
}

/** Does this name only say "an inference / a conflict / a rephrase", with no particular scheme? */
export function isDefaultScheme(name: string | undefined): boolean {
  return name === undefined || DEFAULT_NAMES.includes(schemeKey(name));
}

/** A scheme's critical questions in a language (`zh…` → Chinese, else English). */
export function criticalQuestions(name: string | undefined, language = 'en'): string[] {
  const scheme = findScheme(name);
  if (!scheme) return [];
  const zh = language.toLowerCase().startsWith('zh');
  return scheme.questions.map((cq) => (zh ? cq.zh : cq.en));
}
