/**
 * The discourse cues the offline drafter reads (issue 15), per language: the markers that open a
 * unit (因为/because, 因此/therefore, 但是/however, 诚然/admittedly, 例如/for example, 此外/moreover,
 * 一是/first), the words of a recommendation (应当/should) and of the opponent's voice (有人认为/some
 * say), and the markers at which a sentence is cut into clauses. General rules of the languages'
 * discourse, nothing fitted to any one text.
 */
import type { CueFamily } from './types';

/** The languages the lexicons are written for; any other language is read with English's. */
export type CueLanguage = 'en' | 'zh';

export function cueLanguage(language: string): CueLanguage {
  return /^zh\b/i.test(language) ? 'zh' : 'en';
}

/** A marker that opens a unit. `rank` orders the items of an enumeration (1 = first). */
export interface LeadMarker {
  readonly family: CueFamily;
  readonly words: readonly string[];
  readonly rank?: number;
  /** The last item of an enumeration (finally, 最后). */
  readonly last?: boolean;
  /**
   * A marker joining the unit to the reason before it, so that both support only together
   * (a linked premise): "and", 加上.
   */
  readonly joins?: boolean;
}

const EN_LEADS: readonly LeadMarker[] = [
  {
    family: 'enumeration',
    words: [
      'first of all',
      'firstly',
      'first',
      'to begin with',
      'to start with',
      'for one thing',
      'for one',
    ],
    rank: 1,
  },
  {
    family: 'enumeration',
    words: ['secondly', 'second', 'for another thing', 'for another'],
    rank: 2,
  },
  { family: 'enumeration', words: ['thirdly', 'third'], rank: 3 },
  { family: 'enumeration', words: ['fourthly', 'fourth'], rank: 4 },
  {
    family: 'enumeration',
    words: ['finally', 'lastly', 'last but not least', 'last of all'],
    rank: 9,
    last: true,
  },
  {
    family: 'example',
    words: [
      'for example',
      'for instance',
      'e.g.',
      'to illustrate',
      'as an example',
      'an example',
      'one example',
      'take the example',
      'in particular',
      'such as',
    ],
  },
  {
    family: 'reason',
    words: [
      'because',
      'since',
      'for',
      'as',
      'given that',
      'due to the fact that',
      'the reason is',
      'the reason being',
      'after all',
      'this is because',
      'that is because',
      'it is because',
      "that's because",
      "it's because",
      'in that',
    ],
  },
  {
    family: 'conclusion',
    words: [
      'therefore',
      'thus',
      'hence',
      'consequently',
      'so',
      'as a result',
      'as a consequence',
      'accordingly',
      'in conclusion',
      'to conclude',
      'to sum up',
      'in sum',
      'in summary',
      'in short',
      'all in all',
      'overall',
      'all things considered',
      'for these reasons',
      'for this reason',
      'for all these reasons',
      'that is why',
      "that's why",
      'this is why',
      'which is why',
      'which means',
      'this means',
      'that means',
      'it follows that',
      'ultimately',
      'in the end',
      'clearly',
      'obviously',
    ],
  },
  {
    family: 'concession',
    words: [
      'admittedly',
      'of course',
      'granted',
      'it is true that',
      "it's true that",
      'true,',
      'although',
      'though',
      'even though',
      'even if',
      'while it is true',
      'certainly',
      'sure,',
      'undoubtedly',
      'no doubt',
      'it may be that',
      'it could be argued',
      'while',
      'whereas',
      'it can be argued',
      'one might',
      'one could',
      'one may',
      'some may',
      'some might',
      'some people',
      'some say',
      'some argue',
      'some claim',
      'some believe',
      'some think',
      'some would',
      'some critics',
      'many people',
      'many argue',
      'opponents',
      'critics',
      'others',
      'there are those',
      'people who oppose',
      'skeptics',
      'sceptics',
      'on the one hand',
    ],
  },
  {
    family: 'contrast',
    words: [
      'however',
      'but',
      'yet',
      'nevertheless',
      'nonetheless',
      'still',
      'even so',
      'on the other hand',
      'on the contrary',
      'in contrast',
      'by contrast',
      'instead',
      'rather',
      'that said',
      'having said that',
      'despite this',
      'despite that',
      'in spite of this',
      'then again',
      'at the same time',
    ],
  },
  { family: 'addition', words: ['and'], joins: true },
  {
    family: 'addition',
    words: [
      'moreover',
      'furthermore',
      'besides',
      'in addition',
      'additionally',
      'also',
      'what is more',
      "what's more",
      'on top of that',
      'further',
      'likewise',
      'similarly',
      'plus',
      'another',
      'not only',
      'equally',
      'as well',
      'apart from that',
      'beyond that',
    ],
  },
];

const ZH_LEADS: readonly LeadMarker[] = [
  { family: 'enumeration', words: ['一是', '首先', '第一', '其一', '一方面', '第一点'], rank: 1 },
  { family: 'enumeration', words: ['二是', '其次', '第二', '其二', '另一方面', '第二点'], rank: 2 },
  { family: 'enumeration', words: ['三是', '再次', '第三', '其三', '第三点'], rank: 3 },
  { family: 'enumeration', words: ['四是', '第四', '其四'], rank: 4 },
  { family: 'enumeration', words: ['五是', '第五', '其五'], rank: 5 },
  { family: 'enumeration', words: ['六是', '第六'], rank: 6 },
  { family: 'enumeration', words: ['最后'], rank: 9, last: true },
  {
    family: 'example',
    words: ['例如', '比如', '譬如', '举例来说', '举个例子', '以此为例', '像是', '诸如'],
  },
  {
    family: 'reason',
    words: ['因为', '由于', '原因是', '原因在于', '这是因为', '之所以', '鉴于', '毕竟', '究其原因'],
  },
  {
    family: 'conclusion',
    words: [
      '由此可见',
      '可见',
      '因此',
      '所以',
      '因而',
      '故而',
      '于是',
      '从而',
      '总之',
      '综上所述',
      '综上',
      '总而言之',
      '总的来说',
      '这说明',
      '这表明',
      '说明',
      '由此',
      '归根结底',
      '显然',
      '进而',
      '以致',
      '以至于',
      '因此可以说',
      '换言之',
      '也就是说',
    ],
  },
  {
    family: 'concession',
    words: [
      '诚然',
      '虽然',
      '尽管',
      '固然',
      '当然',
      '有人认为',
      '有人说',
      '有人担心',
      '有人主张',
      '有观点认为',
      '有观点',
      '有人',
      '一些人认为',
      '有些人认为',
      '批评者',
      '反对者',
      '质疑者',
      '的确',
      '即使',
      '即便',
      '纵然',
      '哪怕',
      '不可否认',
      '无可否认',
      '虽说',
    ],
  },
  {
    family: 'contrast',
    words: [
      '但是',
      '但',
      '然而',
      '不过',
      '可是',
      '只是',
      '却',
      '反而',
      '相反',
      '而是',
      '与此相反',
      '然则',
    ],
  },
  { family: 'addition', words: ['加上', '再加上', '加之', '并且'], joins: true },
  {
    family: 'addition',
    words: [
      '此外',
      '另外',
      '而且',
      '况且',
      '再者',
      '同时',
      '更重要的是',
      '更何况',
      '何况',
      '还有',
      '不仅',
      '不但',
      '除此之外',
      '除此以外',
      '与此同时',
      '再说',
      '也',
    ],
  },
];

/** The markers that can open a unit, longest first (so "for example" wins over "for"). */
export function leadMarkers(
  language: CueLanguage,
): readonly { word: string; marker: LeadMarker }[] {
  return language === 'zh' ? ZH_LEAD_LIST : EN_LEAD_LIST;
}

const flatten = (leads: readonly LeadMarker[]) =>
  leads
    .flatMap((marker) => marker.words.map((word) => ({ word, marker })))
    .sort((a, b) => b.word.length - a.word.length);
const EN_LEAD_LIST = flatten(EN_LEADS);
const ZH_LEAD_LIST = flatten(ZH_LEADS);

/**
 * Words of a recommendation or policy claim: should, must, ought to; 应当, 应该, 必须. Matched
 * anywhere in a unit.
 */
export const RECOMMENDATION: Record<CueLanguage, RegExp> = {
  en: /\b(?:should(?:n't| not)?|must(?:n't| not)?|ought(?:n't)? to|ought not to|need(?:s)? to|have to|has to|had better|it is (?:necessary|essential|vital|crucial|imperative|time)|it's time|let us|let's|shall|would be (?:better|wise|best)|be (?:banned|abolished|allowed|required|introduced|forbidden|prohibited|made|mandatory|compulsory))\b/i,
  zh: /应当|应该|必须|理应|务必|亟需|亟须|不应|不该|不宜|不得|建议|有必要|应予|只能|唯有/,
};

/**
 * The author's own stance, which marks the central claim: "I think", "in my opinion"; 我认为,
 * 笔者认为.
 */
export const STANCE: Record<CueLanguage, RegExp> = {
  en: /\b(?:I (?:strongly |firmly |really |do )?(?:think|believe|feel|am convinced|am sure|would argue|would say|argue|maintain|hold|contend|agree|disagree|support|oppose)|in my (?:opinion|view|mind)|my (?:opinion|view|position|stance) is|to my mind|from my point of view|personally|I'm (?:convinced|sure|in favou?r|against)|I am (?:in favou?r|against))\b/i,
  zh: /我(?:们)?(?:认为|主张|相信|觉得|以为|坚信|支持|反对)|笔者(?:认为|主张|以为)|本文(?:认为|主张)|在我看来|我的(?:观点|看法)是/,
};

/** Words that mark a unit as evidence: figures, studies, reports. */
export const EVIDENCE: Record<CueLanguage, RegExp> = {
  en: /\d|\b(?:according to|studies|study|research|survey|statistics|data|evidence|report(?:s|ed)?|experts?|scientists|said|says|stated|announced|declared)\b/i,
  zh: /\d|[０-９]|据|数据|调查|研究|统计|报告|显示|表明|指出|称|表示|透露|宣布|声明/,
};

/**
 * The opponent's voice inside a unit's first words (not only as its first word): "some people
 * say", "it is often argued", 有人认为.
 */
export const OPPONENT: Record<CueLanguage, RegExp> = {
  en: /^(?:[^.?!]{0,40}?\b)?(?:some(?: people| critics| argue| say| claim| believe| think| may| might| would)|many (?:people|argue|say|claim|believe|think)|others? (?:argue|say|claim|believe|think|may)|opponents|critics|skeptics|sceptics|it is (?:often |sometimes |frequently )?(?:argued|said|claimed|objected)|one (?:might|could|may) (?:argue|say|object|think|claim)|people (?:who oppose|against)|there are those|the argument that|the objection that|proponents of|those who)\b/i,
  zh: /^.{0,12}?(?:有人(?:认为|说|担心|主张|提出|质疑|指出)|有观点认为|有些人|一些人|批评者|反对者|质疑者|反对的声音)/,
};

/** A marker of a rhetorical question besides its question mark: 难道, 岂. */
export const QUESTION: Record<CueLanguage, RegExp> = {
  en: /\?\s*["'”’)]*$/,
  zh: /[?？]\s*["'”’）)]*$|^.{0,6}(?:难道|岂)/,
};

/**
 * Where a sentence is cut into clauses: before a marker that follows a comma, semicolon, colon or
 * dash (", because", "; however", "，但是", "；二是"), and before a few markers that need no comma
 * ("… because …", "… but …").
 */
export const CLAUSE_MARKERS: Record<CueLanguage, readonly string[]> = {
  en: [
    'because',
    'since',
    'but',
    'however',
    'yet',
    'so',
    'therefore',
    'thus',
    'hence',
    'although',
    'though',
    'even though',
    'even if',
    'which means',
    'which is why',
    'and therefore',
    'and thus',
    'and so',
    'and hence',
    'and because',
    'and since',
    'and if',
    'and also',
    'and that',
    'and this',
    'and it',
    'and they',
    'and we',
    'and the',
    'and there',
    'and in',
    'and as',
    'and, ',
    'as a result',
    'for example',
    'for instance',
    'consequently',
    'nevertheless',
    'nonetheless',
    'in addition',
    'moreover',
    'furthermore',
    'besides',
    'otherwise',
    'or else',
    'as',
    'for',
    'first',
    'firstly',
    'second',
    'secondly',
    'third',
    'thirdly',
    'finally',
    'lastly',
  ],
  zh: [
    '因为',
    '由于',
    '所以',
    '因此',
    '因而',
    '从而',
    '可见',
    '但是',
    '但',
    '然而',
    '不过',
    '可是',
    '却',
    '虽然',
    '尽管',
    '即使',
    '而且',
    '并且',
    '此外',
    '另外',
    '同时',
    '加上',
    '再加上',
    '例如',
    '比如',
    '一是',
    '二是',
    '三是',
    '四是',
    '五是',
    '六是',
    '首先',
    '其次',
    '再次',
    '最后',
    '其一',
    '其二',
    '其三',
    '一方面',
    '另一方面',
    '否则',
    '以致',
    '以免',
    '这说明',
    '这表明',
    '也就是说',
    '换言之',
    '相反',
    '而是',
    '反而',
    '更何况',
    '何况',
    '况且',
  ],
};

/** Markers cut at even without a comma before them (English: "X because Y"). */
export const BARE_CLAUSE_MARKERS: Record<CueLanguage, readonly string[]> = {
  en: [
    'because',
    'and because',
    'but',
    'although',
    'even though',
    'whereas',
    'which means',
    'therefore',
  ],
  zh: [],
};

/**
 * Subordinating markers that, opening a sentence, end their clause at the first comma: "Because
 * A, B", "Although A, B", "虽然 A，B".
 */
export const OPENING_SUBORDINATE: Record<CueLanguage, RegExp> = {
  en: /^["'“‘(]*(?:because|since|although|though|even though|even if|while|whereas|as|given that|admittedly|granted|of course|despite|in spite of)\b[^,;:]*,/i,
  zh: /^["“「（(]*(?:因为|由于|虽然|尽管|即使|即便|既然|虽说|固然|纵然|哪怕|鉴于)[^，,；;：:。]*[，,]/,
};

/** Markers that open a unit only inside a sentence (", for …", ", as …"), never at its start. */
export const MID_ONLY: ReadonlySet<string> = new Set(['for', 'as', 'rather', 'also']);

/** Markers that open a unit weakly: the marker after them, if any, says more ("and therefore"). */
export const WEAK_LEADS: ReadonlySet<string> = new Set([
  'and',
  'but',
  'yet',
  'so',
  '但',
  '而且',
  '并且',
  '同时',
  '也',
]);

/** A numbered item: "1.", "(2)", "一、", "（三）", "①". */
export const NUMBERED =
  /^(?:\(?(\d{1,2})[.)、]|[（(]([一二三四五六七八九十]{1,3})[）)]|([一二三四五六七八九十]{1,3})、|([①②③④⑤⑥⑦⑧⑨⑩]))\s*/;

/**
 * A sentence that opens by summing up what came before ("These changes …", "This shows …",
 * 这一时期…, 这些变化…, 由此…), or by saying what the event just told is ("This is a …", 这是…,
 * but not 这是因为, which gives a reason), or by what a look back shows (回顾历史可知，…): the
 * main sentence of its paragraph, which the sentences before it support.
 */
export const SUMMING_UP: Record<CueLanguage, RegExp> = {
  en: /^["'“‘(]*(?:all (?:this|these|of this)|these (?:\w+ )?(?:facts|reasons|changes|points|examples|factors|developments|events|arguments)|this (?:shows|means|proves|suggests|demonstrates|is why|explains|is (?:a|an)\b))\b/i,
  zh: /^[“「（(]*(?:[^，,。；]{0,8}?(?:可知|可见)[，,]|这是(?!因为|由于|为了)|这一(?:时期|阶段|过程|变化|时段)|这些|上述|以上|由此|可见|总之|综上|总的来看|总体而言|这表明|这说明|此后)/,
};

/**
 * A unit that dismisses the other side's point ("this objection is weak", 这种说法站不住脚): it
 * answers the latest objection.
 */
export const REFUTATION: Record<CueLanguage, RegExp> = {
  en: /\b(?:this|that|the|such|these|those) (?:objection|argument|concern|worry|criticism|claim|view|reasoning|counterargument)s? (?:is|are|seems?|remains?|does not|doesn't|falls?|fails?)(?: \w+)?? (?:weak|wrong|false|unfounded|misguided|mistaken|overblown|exaggerated|flawed|unconvincing|hold|stand|apart|short|invalid|baseless)\b/i,
  zh: /(?:这种|这一|这个|此种|上述|该)(?:说法|观点|担心|质疑|批评|论点|理由|看法|反对意见)(?:是|并|也)?(?:站不住脚|不成立|错误的|没有道理|缺乏依据|值得商榷|经不起推敲|难以成立|不足为虑|不(?:太|够)?有力|不能成立|说不通|不足取)/,
};

/**
 * A sentence announcing a list by its count anywhere in it, not only at its end ("has three
 * causes that …", 从以下四个方面…, 有三点因素使…): the items that follow support it.
 */
export const ANNOUNCES_COUNT: Record<CueLanguage, RegExp> = {
  en: /\b(?:two|three|four|five|six|several|a few|a number of|\d+) (?:\w+ )?(?:reasons|causes|ways|points|factors|aspects|arguments|grounds|steps|measures|areas|respects|things)\b|\bthe following\b|\bas follows\b/i,
  zh: /(?:[两二三四五六七八九十几]|\d+)(?:个|点|条|种|大|项|类)?(?:方面|原因|因素|理由|措施|途径|特点|主线|层面|问题|对策|策略|方案)|[两二三四五六七八九十几](?:点|种|条|项|类)|以下|如下/,
};

/**
 * The family of an enumeration's marker, so that a list nested in another's item (第一，… 首先
 * … 其次 … 第二，…) keeps its own count: 第一/第二 one series, 一是/二是 another, 首先/其次/
 * 再次/最后 another, 其一/其二, 一方面/另一方面, and each kind of numbering (1. / 一、 / （一） / ①).
 */
export function enumerationSeries(marker: string, lang: CueLanguage): string {
  const m = marker.trim();
  if (/^\(?\d/.test(m)) return '1.';
  if (/^[（(]/.test(m)) return '（一）';
  if (/、$/.test(m)) return '一、';
  if (/^[①-⑩]/.test(m)) return '①';
  if (lang === 'en') return 'first';
  if (/^[一二三四五六七八九十]是$/.test(m)) return '一是';
  if (/^第/.test(m)) return '第一';
  if (/^其[一二三四五六七八九十]$/.test(m)) return '其一';
  if (/方面$/.test(m)) return '一方面';
  return '首先';
}

/** The word of rank `rank` in a series of {@link enumerationSeries}, when it has one. */
export function enumerationWord(
  series: string,
  rank: number,
  lang: CueLanguage,
): string | undefined {
  const cn = '一二三四五六七八九十'.charAt(rank - 1);
  if (lang === 'en')
    return series === 'first' ? ['first', 'second', 'third', 'fourth'][rank - 1] : undefined;
  switch (series) {
    case '第一':
      return cn && `第${cn}`;
    case '一是':
      return cn && `${cn}是`;
    case '其一':
      return cn && `其${cn}`;
    case '首先':
      return ['首先', '其次', '再次'][rank - 1];
    default:
      return undefined;
  }
}

/**
 * A reporting verb before a recommendation word puts that word in someone else's mouth (市长表示，
 * 政府应该…; "the mayor said the city should …"): the unit reports it. The author's own voice
 * (我认为, I think) is {@link STANCE}, not this.
 */
export const REPORTED: Record<CueLanguage, RegExp> = {
  en: /\b(?:said|says|stated|states|argued|claimed|claims|told|announced|declared|urged|insisted|suggested|proposed|wrote|added)\b/i,
  zh: /(?<![我们者文])(?:表示|声称|宣称|主张|认为|提出|指出|强调|呼吁|透露|宣布|称)/,
};

/**
 * Words by which the author judges what was just told, sure of it: 无疑, 显然, 必将; undoubtedly,
 * clearly. Reports before such a sentence in a paragraph lead up to it.
 */
export const ASSERTIVE: Record<CueLanguage, RegExp> = {
  en: /\b(?:undoubtedly|clearly|obviously|certainly|surely|no doubt|without (?:a )?doubt|inevitably)\b/i,
  zh: /无疑|显然|必将|势必|毫无疑问|毋庸置疑|不可否认|必然会|无可否认/,
};

/**
 * What follows a contrast marker when it turns a story rather than an argument ("但是，正当…之际",
 * "But just as …"): the unit tells what happened next, it does not attack the one before.
 */
export const NARRATIVE_TURN: Record<CueLanguage, RegExp> = {
  en: /^[\s,]*(?:just (?:as|when)|at (?:that|the very|the same) moment|at that (?:very )?time|then)\b/i,
  zh: /^[\s，,]*(?:正当|就在|正在|恰在|恰恰在|正值)[^。！？]*?(?:之际|之时|的时候|时)/,
};
