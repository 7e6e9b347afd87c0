/**
 * The offline drafter on hand-made texts, one or more per cue family, in English and Chinese: the
 * units a reader would cut, the central claim, the kinds and the links, each with its cue.
 */
import { describe, expect, it } from 'vitest';
import { draftText, guessDraftLanguage } from '../../../src/draft/rules';
import type { MapDraft } from '../../../src/draft/types';
import { MessageError } from '../../../src/model/messages';
import { SCHOOL_START_TEXT } from '../../fixtures/maps/schoolStart';

/** The draft as lines a reader can check: units with kinds, links with their cue family. */
function show(draft: MapDraft) {
  const name = (id: string) => (id.startsWith('j') ? id : id);
  return {
    units: draft.units.map((u) => `${u.id} ${u.kind}: ${u.text}`),
    central: draft.central,
    links: draft.links.map(
      (l) =>
        `${name(l.from)} ${l.relation} ${name(l.to)} (${l.cue.family}${l.cue.at !== undefined ? `: ${l.cue.marker}` : ''})`,
    ),
  };
}

const draft = (text: string, language?: string) =>
  draftText({ sourceId: 'src1', text, ...(language ? { language } : {}) });

describe('the offline drafter: one text per cue family, in English', () => {
  it('reason: "because" starts a clause that supports the clause before it', () => {
    const d = show(
      draft(
        'Schools should start later. Teenagers sleep badly, because their body clock runs late.',
      ),
    );
    expect(d.units).toEqual([
      'u1 conclusion: Schools should start later.',
      'u2 claim: Teenagers sleep badly,',
      'u3 claim: because their body clock runs late.',
    ]);
    expect(d.central).toBe('u1');
    expect(d.links).toEqual(['u2 supports u1 (position)', 'u3 supports u2 (reason: because)']);
  });

  it('reason first: "Because A, B" — A supports B', () => {
    const d = show(
      draft('Because fares are high, few people take the bus. The city should make buses free.'),
    );
    expect(d.units).toEqual([
      'u1 claim: Because fares are high,',
      'u2 claim: few people take the bus.',
      'u3 conclusion: The city should make buses free.',
    ]);
    expect(d.links).toContain('u1 supports u2 (reason: Because)');
    expect(d.links).toContain('u2 supports u3 (default)');
  });

  it('conclusion: "Therefore" marks the central claim, which the sentence before supports', () => {
    const d = show(
      draft(
        'Homework takes hours every evening. Children have no time left to play. Therefore, homework should be limited.',
      ),
    );
    expect(d.central).toBe('u3');
    expect(d.units[2]).toBe('u3 conclusion: Therefore, homework should be limited.');
    expect(d.links).toEqual(['u1 supports u3 (default)', 'u2 supports u3 (conclusion: Therefore)']);
  });

  it('contrast: "However" after the opponent\'s voice rebuts it', () => {
    const d = show(
      draft(
        'The city should build a new park. Some people say it costs too much. However, the park will raise the value of nearby homes.',
      ),
    );
    expect(d.central).toBe('u1');
    expect(d.units.slice(1)).toEqual([
      'u2 objection: Some people say it costs too much.',
      'u3 rebuttal: However, the park will raise the value of nearby homes.',
    ]);
    expect(d.links).toEqual([
      'u2 attacks u1 (concession: Some people)',
      'u3 attacks u2 (contrast: However)',
    ]);
  });

  it('contrast after an unmarked sentence: "X. But Y" — X was a concession, Y answers it', () => {
    const d = show(
      draft('Schools should start later. Buses would cost more. But the city can pay for them.'),
    );
    expect(d.units).toEqual([
      'u1 conclusion: Schools should start later.',
      'u2 objection: Buses would cost more.',
      'u3 rebuttal: But the city can pay for them.',
    ]);
    expect(d.links).toEqual(['u2 attacks u1 (concession: But)', 'u3 attacks u2 (contrast: But)']);
  });

  it('concession: "While A, B" — A attacks the claim, B answers A', () => {
    const d = show(
      draft('Uniforms are a good idea. While uniforms cost money, they stop bullying.'),
    );
    expect(d.units[1]).toBe('u2 objection: While uniforms cost money,');
    expect(d.links).toEqual([
      'u2 attacks u1 (concession: While)',
      'u3 attacks u2 (concession: While)',
    ]);
  });

  it('concession: "Admittedly" attacks the central claim; "Still" answers it', () => {
    const d = show(
      draft(
        'Admittedly, uniforms cost parents money. Still, schools should require uniforms, since they reduce bullying.',
      ),
    );
    expect(d.units).toEqual([
      'u1 objection: Admittedly, uniforms cost parents money.',
      'u2 conclusion: Still, schools should require uniforms,',
      'u3 claim: since they reduce bullying.',
    ]);
    expect(d.links).toEqual([
      'u1 attacks u2 (concession: Admittedly)',
      'u3 supports u2 (reason: since)',
    ]);
  });

  it('concession inside a sentence: "Although A, B" — A attacks the claim, B answers A', () => {
    const d = show(
      draft('Exams should stay. Although exams are stressful, they show what pupils have learned.'),
    );
    expect(d.units).toEqual([
      'u1 conclusion: Exams should stay.',
      'u2 objection: Although exams are stressful,',
      'u3 rebuttal: they show what pupils have learned.',
    ]);
    expect(d.links).toEqual([
      'u2 attacks u1 (concession: Although)',
      'u3 attacks u2 (concession: Although)',
    ]);
  });

  it('example: "For example" supports the claim before it, as evidence', () => {
    const d = show(draft('Sugar taxes work. For example, Mexico’s tax cut soda sales by a tenth.'));
    expect(d.units).toEqual([
      'u1 conclusion: Sugar taxes work.',
      'u2 evidence: For example, Mexico’s tax cut soda sales by a tenth.',
    ]);
    expect(d.links).toEqual(['u2 supports u1 (example: For example)']);
  });

  it('addition: "Moreover" and "Besides" are siblings of the sentence before (not of its clause)', () => {
    const d = show(
      draft(
        'Cities should build bike lanes. Cycling keeps people healthy, because they move every day. Moreover, it cuts traffic. Besides, it is cheap.',
      ),
    );
    expect(d.central).toBe('u1');
    expect(d.links).toEqual([
      'u2 supports u1 (position)',
      'u3 supports u2 (reason: because)',
      'u4 supports u1 (addition: Moreover)',
      'u5 supports u1 (addition: Besides)',
    ]);
  });

  it('enumeration: first … second … finally each support the claim they follow', () => {
    const d = show(
      draft(
        'Public libraries deserve more money. First, they lend books for free. Second, they offer a quiet place to study. Finally, they run courses for adults.',
      ),
    );
    expect(d.central).toBe('u1');
    expect(d.links).toEqual([
      'u2 supports u1 (enumeration: First)',
      'u3 supports u1 (enumeration: Second)',
      'u4 supports u1 (enumeration: Finally)',
    ]);
  });

  it('enumeration after an announcing sentence: the items support the announcement', () => {
    const d = show(
      draft(
        'Towns should plant more trees. Trees help in two ways: First, they cool the streets. Second, they clean the air.',
      ),
    );
    expect(d.units[1]).toBe('u2 claim: Trees help in two ways:');
    expect(d.links).toEqual([
      'u2 supports u1 (position)',
      'u3 supports u2 (enumeration: First)',
      'u4 supports u2 (enumeration: Second)',
    ]);
  });

  it('recommendation: "should" makes the central claim, even last', () => {
    const d = show(
      draft(
        'Many teenagers work late in shops. They fall asleep in class. The law should limit their working hours.',
      ),
    );
    expect(d.central).toBe('u3');
    expect(d.links).toEqual(['u1 supports u3 (default)', 'u2 supports u3 (default)']);
  });

  it('recommendation that is not the central claim is kind recommendation', () => {
    const d = show(
      draft('In my view, the town needs cleaner air. The council should ban old diesel cars.'),
    );
    expect(d.central).toBe('u1');
    expect(d.units[1]).toBe('u2 recommendation: The council should ban old diesel cars.');
  });

  it('rhetorical question: it supports the claim, which it is not', () => {
    const d = draftText({
      sourceId: 'src1',
      text: 'Why should children sit still for six hours? Schools must give pupils more breaks.',
    });
    expect(d.central).toBe('u2');
    expect(d.units[0]!.cues.map((c) => c.family)).toContain('question');
    expect(show(d).links).toEqual(['u1 supports u2 (default)']);
  });

  it('position: the first sentence is the central claim when no other cue says otherwise', () => {
    const d = show(
      draft(
        'Zoos do more harm than good. Animals suffer in small cages. Visitors learn little from watching them.',
      ),
    );
    expect(d.central).toBe('u1');
    expect(d.links).toEqual(['u2 supports u1 (position)', 'u3 supports u1 (position)']);
  });

  it('position: a title in capitals is the central claim', () => {
    const d = draftText({
      sourceId: 'src1',
      text: 'Feral boars destroy fields. Hunters keep their numbers down. HUNTING IS GOOD FOR THE ENVIRONMENT.',
    });
    expect(d.central).toBe('u3');
    expect(d.units[2]!.cues).toContainEqual({
      family: 'position',
      marker: 'capitals',
      at: d.units[2]!.start,
    });
  });

  it('linked premises: "because A, and B" join in one junction', () => {
    const d = show(
      draft(
        'Nuclear power is safe today, because reactors shut themselves down, and the staff train for years.',
      ),
    );
    expect(d.units).toEqual([
      'u1 conclusion: Nuclear power is safe today,',
      'u2 claim: because reactors shut themselves down,',
      'u3 claim: and the staff train for years.',
    ]);
    expect(d.links).toEqual([
      'u2 supports j1 (reason: because)',
      'u3 supports j1 (addition: and)',
      'j1 supports u1 (reason: because)',
    ]);
  });

  it('linked premises: "A, and B" arguing for the same claim join in one junction', () => {
    const d = show(
      draft('Cities should build bike lanes. Cycling is cheap, and it keeps people healthy.'),
    );
    expect(d.links).toEqual([
      'u2 supports j1 (position)',
      'u3 supports j1 (addition: and)',
      'j1 supports u1 (position)',
    ]);
  });
});

describe('the offline drafter on the school-start text of the editing issue', () => {
  it('proposes its conclusion, premises, objection and rebuttal, as the hand-made map has them', () => {
    const d = show(draft(SCHOOL_START_TEXT));
    expect(d.units).toEqual([
      'u1 conclusion: Schools should start later in the morning.',
      'u2 claim: Teenagers need more sleep than adults, and their body clocks shift later during puberty.',
      'u3 evidence: Studies of districts that delayed start times found better attendance.',
      'u4 objection: However, later starts make it harder for parents who work early.',
      'u5 claim: Buses can be rescheduled at little cost,',
      'u6 rebuttal: so this objection is weak.',
    ]);
    expect(d.links).toEqual([
      'u2 supports u1 (position)',
      'u3 supports u1 (position)',
      'u4 attacks u1 (contrast: However)',
      'u5 supports u6 (conclusion: so)',
      'u6 attacks u4 (contrast: this objection is weak)',
    ]);
  });
});

describe('the offline drafter: one text per cue family, in Chinese', () => {
  it('reason: 因为 supports the sentence before; 由于 opening a sentence supports its main clause', () => {
    const d = show(
      draft(
        '学校应当推迟上课时间。青少年普遍睡眠不足，因为他们的生物钟偏晚。由于早起，学生上课时注意力不集中，所以成绩下降。',
      ),
    );
    expect(d.units).toEqual([
      'u1 conclusion: 学校应当推迟上课时间。',
      'u2 claim: 青少年普遍睡眠不足，',
      'u3 claim: 因为他们的生物钟偏晚。',
      'u4 claim: 由于早起，学生上课时注意力不集中，',
      'u5 claim: 所以成绩下降。',
    ]);
    expect(d.links).toContain('u3 supports u2 (reason: 因为)');
    expect(d.links).toContain('u4 supports u5 (reason: 由于)');
  });

  it('conclusion: 因此 marks the central claim', () => {
    const d = show(draft('作业每晚要花好几个小时。孩子们没有时间玩耍。因此，作业量应该减少。'));
    expect(d.central).toBe('u3');
    expect(d.links).toEqual(['u1 supports u3 (default)', 'u2 supports u3 (conclusion: 因此)']);
  });

  it('contrast: 但是 after 有人认为 rebuts the objection', () => {
    const d = show(
      draft('城市应该修建一座新公园。有人认为这太花钱。但是，公园会提高周边房屋的价值。'),
    );
    expect(d.central).toBe('u1');
    expect(d.units.slice(1)).toEqual([
      'u2 objection: 有人认为这太花钱。',
      'u3 rebuttal: 但是，公园会提高周边房屋的价值。',
    ]);
    expect(d.links).toEqual([
      'u2 attacks u1 (concession: 有人认为)',
      'u3 attacks u2 (contrast: 但是)',
    ]);
  });

  it('contrast after an unmarked sentence: X。但是 Y — X was a concession, Y answers it', () => {
    const d = show(draft('学校应当推迟上课时间。校车的费用会增加。但是，市政府可以承担这笔费用。'));
    expect(d.units).toEqual([
      'u1 conclusion: 学校应当推迟上课时间。',
      'u2 objection: 校车的费用会增加。',
      'u3 rebuttal: 但是，市政府可以承担这笔费用。',
    ]);
    expect(d.links).toEqual(['u2 attacks u1 (concession: 但是)', 'u3 attacks u2 (contrast: 但是)']);
  });

  it('concession: 虽然…但 — the concession attacks the claim the 但 clause makes', () => {
    const d = show(
      draft('虽然核电站存在一定风险，但是我们必须继续发展核能。核能几乎不排放二氧化碳。'),
    );
    expect(d.units).toEqual([
      'u1 objection: 虽然核电站存在一定风险，',
      'u2 conclusion: 但是我们必须继续发展核能。',
      'u3 claim: 核能几乎不排放二氧化碳。',
    ]);
    expect(d.links).toEqual(['u1 attacks u2 (concession: 虽然)', 'u3 supports u2 (position)']);
  });

  it("concession: 诚然 gives the opponent's voice", () => {
    const d = show(
      draft('诚然，校服会增加家长的负担。但学校应当要求学生穿校服，因为校服能减少攀比。'),
    );
    expect(d.central).toBe('u2');
    expect(d.links).toEqual(['u1 attacks u2 (concession: 诚然)', 'u3 supports u2 (reason: 因为)']);
  });

  it('a sentence dismissing the objection (这种说法站不住脚) answers it', () => {
    const d = show(
      draft('城市应该修建一座新公园。有人认为这太花钱。公园的维护费用很低，这种说法站不住脚。'),
    );
    expect(d.links).toContain('u2 attacks u1 (concession: 有人认为)');
    expect(d.links).toContain('u3 attacks u2 (contrast: 这种说法站不住脚)');
  });

  it('这一反对意见并不有力 answers the objection too, even after 因此', () => {
    const d = show(
      draft(
        '学校应当推迟上课时间。但是，推迟上课会给家长带来不便。不过，校车可以重新安排，因此这一反对意见并不有力。',
      ),
    );
    expect(d.links).toContain('u2 attacks u1 (contrast: 但是)');
    expect(d.links).toContain('u4 attacks u2 (contrast: 这一反对意见并不有力)');
  });

  it('example: 例如 supports the claim before it, as evidence', () => {
    const d = show(draft('糖税是有效的。例如，墨西哥的糖税使汽水销量下降了一成。'));
    expect(d.units).toEqual([
      'u1 conclusion: 糖税是有效的。',
      'u2 evidence: 例如，墨西哥的糖税使汽水销量下降了一成。',
    ]);
    expect(d.links).toEqual(['u2 supports u1 (example: 例如)']);
  });

  it('addition: 此外 and 而且 are siblings of the sentence before (not of its clause)', () => {
    const d = show(
      draft(
        '城市应该修建自行车道。骑车有益健康，因为人们每天都在运动。此外，骑车能缓解交通拥堵。而且骑车很便宜。',
      ),
    );
    expect(d.links).toEqual([
      'u2 supports u1 (position)',
      'u3 supports u2 (reason: 因为)',
      'u4 supports u1 (addition: 此外)',
      'u5 supports u1 (addition: 而且)',
    ]);
  });

  it('enumeration: 一是…二是…三是 after an announcing clause support it', () => {
    const d = show(
      draft(
        '学校应当推迟上课时间。支持这一主张的理由主要有三点：一是青少年需要更多睡眠；二是早晨的课堂效率很低；三是上学路上的交通会更顺畅。',
      ),
    );
    expect(d.units).toEqual([
      'u1 conclusion: 学校应当推迟上课时间。',
      'u2 claim: 支持这一主张的理由主要有三点：',
      'u3 claim: 一是青少年需要更多睡眠；',
      'u4 claim: 二是早晨的课堂效率很低；',
      'u5 claim: 三是上学路上的交通会更顺畅。',
    ]);
    expect(d.links).toEqual([
      'u2 supports u1 (position)',
      'u3 supports u2 (enumeration: 一是)',
      'u4 supports u2 (enumeration: 二是)',
      'u5 supports u2 (enumeration: 三是)',
    ]);
  });

  it('enumeration: 首先/其次/最后 each support the central claim', () => {
    const d = show(
      draft(
        '公共图书馆应该获得更多经费。首先，图书馆免费借书给所有人。其次，图书馆提供安静的学习场所。最后，图书馆为成年人开设课程。',
      ),
    );
    expect(d.central).toBe('u1');
    expect(d.links).toEqual([
      'u2 supports u1 (enumeration: 首先)',
      'u3 supports u1 (enumeration: 其次)',
      'u4 supports u1 (enumeration: 最后)',
    ]);
  });

  it("recommendation: 应当 makes the central claim, even last; 我认为 marks the author's stance", () => {
    expect(
      show(draft('许多青少年在商店工作到深夜。他们在课堂上睡着。法律应当限制他们的工作时间。'))
        .central,
    ).toBe('u3');
    const d = show(draft('我认为城市需要更干净的空气。政府应当禁止老旧柴油车上路。'));
    expect(d.central).toBe('u1');
    expect(d.units[1]).toBe('u2 recommendation: 政府应当禁止老旧柴油车上路。');
  });

  it('rhetorical question: 难道…吗？ supports the claim, which it is not', () => {
    const d = draft('难道孩子们应该一动不动地坐六个小时吗？学校必须给学生更多的课间休息。');
    expect(d.central).toBe('u2');
    expect(d.units[0]!.cues.map((c) => c.family)).toContain('question');
    expect(show(d).links).toEqual(['u1 supports u2 (default)']);
  });

  it('position: the first sentence is the central claim when no other cue says otherwise', () => {
    const d = show(draft('动物园弊大于利。动物在狭小的笼子里受苦。游客从观看中学到的东西很少。'));
    expect(d.central).toBe('u1');
    expect(d.links).toEqual(['u2 supports u1 (position)', 'u3 supports u1 (position)']);
  });

  it('linked premises: 因为 A，加上 B join in one junction', () => {
    const d = show(
      draft('如今的核电是安全的，因为反应堆能够自动停机，加上工作人员都受过多年培训。'),
    );
    expect(d.links).toEqual([
      'u2 supports j1 (reason: 因为)',
      'u3 supports j1 (addition: 加上)',
      'j1 supports u1 (reason: 因为)',
    ]);
  });
});

describe('the offline drafter: its inputs', () => {
  it('guesses the language from the share of Chinese characters', () => {
    expect(guessDraftLanguage('学校应当推迟上课时间。')).toBe('zh-Hans');
    expect(guessDraftLanguage('Schools should start later (推迟).')).toBe('en');
    expect(draft('学校应当推迟上课时间。').language).toBe('zh-Hans');
    expect(draft('Schools should start later.').language).toBe('en');
    expect(draft('Schools should start later.', 'zh-Hans').language).toBe('zh-Hans');
  });

  it('given segments: one unit per segment, in order, citing its span (found case-blind when need be)', () => {
    const text = 'Hunting helps nature  because herds are thinned.\nHUNTING IS GOOD.';
    const d = draftText({
      sourceId: 'src1',
      text,
      segments: ['Hunting helps nature', ' because herds are thinned. ', 'Hunting is good.'],
    });
    expect(d.units.map((u) => [u.start, u.end, u.text])).toEqual([
      [0, 20, 'Hunting helps nature'],
      [22, 48, 'because herds are thinned.'],
      [49, 65, 'HUNTING IS GOOD.'],
    ]);
    expect(d.central).toBe('u3');
  });

  it('given segments: one not in the text, or not after the one before, is named in the error', () => {
    const text = 'Cars pollute. Bikes do not.';
    expect(() =>
      draftText({ sourceId: 's', text, segments: ['Cars pollute.', 'Trains do not.'] }),
    ).toThrow(/Segment 2 is not in the text.*Trains do not\./);
    expect(() =>
      draftText({ sourceId: 's', text, segments: ['Bikes do not.', 'Cars pollute.'] }),
    ).toThrow(MessageError);
    expect(() => draftText({ sourceId: 's', text, segments: ['Cars pollute.', '  '] })).toThrow(
      /Segment 2 is empty/,
    );
  });

  it('ranges: units only inside them, each a verbatim span', () => {
    const text =
      'Zoos should close. Animals suffer in cages. Visitors learn little there. Some zoos breed rare species.';
    const from = text.indexOf('Animals');
    const to = text.indexOf('Some');
    const d = draftText({ sourceId: 's', text, ranges: [[from, to]] });
    expect(d.units.map((u) => u.text)).toEqual([
      'Animals suffer in cages.',
      'Visitors learn little there.',
    ]);
    for (const u of d.units) expect(text.slice(u.start, u.end)).toBe(u.text);
  });

  it('a text of nothing but spaces gives an empty draft', () => {
    const d = draft('   \n\n  ');
    expect(d.units).toEqual([]);
    expect(d.links).toEqual([]);
  });
});

describe('the offline drafter: enumerations across a text of paragraphs', () => {
  it('items 第一/第二/第三 in paragraphs of their own support the sentence announcing them; a nested 首先/其次 list its own item', () => {
    const d = show(
      draft(
        [
          '城市应当发展公共交通。开车出行已经让道路不堪重负。',
          '针对上述状况，政府可从以下三个方面制定相关的措施。',
          '第一，增加公交线路。首先，新城区缺少公交站点。其次，老城区的线路过于绕远。',
          '第二，降低公交票价。票价过高使许多居民改为开车。',
          '第三，改善换乘条件。换乘站之间的距离过长。',
        ].join('\n\n'),
      ),
    );
    expect(d.units.slice(2, 4)).toEqual([
      'u3 claim: 针对上述状况，政府可从以下三个方面制定相关的措施。',
      'u4 claim: 第一，增加公交线路。',
    ]);
    expect(d.links).toContain('u4 supports u3 (enumeration: 第一)');
    expect(d.links).toContain('u5 supports u4 (enumeration: 首先)');
    expect(d.links).toContain('u6 supports u4 (enumeration: 其次)');
    expect(d.links).toContain('u7 supports u3 (enumeration: 第二)');
    expect(d.links).toContain('u9 supports u3 (enumeration: 第三)');
  });

  it('a count announced inside a sentence ("has three causes, …"): the items that follow support it', () => {
    const d = show(
      draft(
        [
          'The city should invest in buses. Traffic already chokes the roads.',
          'The jams have three causes that planners know well.',
          'First, new suburbs have no bus stops.',
          'Second, fares are too high.',
          'Third, the lines wind through the old town.',
        ].join('\n\n'),
      ),
    );
    expect(d.units[2]).toBe('u3 claim: The jams have three causes that planners know well.');
    expect(d.links).toContain('u4 supports u3 (enumeration: First)');
    expect(d.links).toContain('u5 supports u3 (enumeration: Second)');
    expect(d.links).toContain('u6 supports u3 (enumeration: Third)');
  });

  it('an item whose first item opened inside an earlier sentence (“有三点：第一，…”) supports that sentence', () => {
    const d = show(
      draft(
        [
          '城市应当发展公共交通。开车出行已经让道路不堪重负。',
          '公交的好处主要有三点：第一，公交让道路更加通畅。',
          '第二，公交让空气更加清洁。',
          '第三，公交让出行更加便宜。',
        ].join('\n\n'),
      ),
    );
    expect(d.units[2]).toBe('u3 claim: 公交的好处主要有三点：第一，公交让道路更加通畅。');
    expect(d.links).toContain('u4 supports u3 (enumeration: 第二)');
    expect(d.links).toContain('u5 supports u3 (enumeration: 第三)');
  });

  it('a count with its measure word (两种可能的方案) announces the 一是/二是 that follow', () => {
    const d = show(
      draft(
        [
          '城市应当发展公共交通。开车出行已经让道路不堪重负。',
          '公交的运力早已不足。扩建公交存在着两种可能的方案。一是增加公交车辆。二是修建地铁线路。',
        ].join('\n\n'),
      ),
    );
    expect(d.units[3]).toBe('u4 claim: 扩建公交存在着两种可能的方案。');
    expect(d.links).toContain('u5 supports u4 (enumeration: 一是)');
    expect(d.links).toContain('u6 supports u4 (enumeration: 二是)');
  });

  it('第二次世界大战 and 第一次 do not open an enumeration', () => {
    const d = draft('和平需要合作。第二次世界大战给各国带来了巨大的灾难。第一次尝试失败了。');
    expect(d.units.flatMap((u) => u.cues.map((c) => c.family))).not.toContain('enumeration');
  });
});

describe('the offline drafter: the sentence reading the event before it', () => {
  // In a text of paragraphs the central claim is looked for in the first paragraph that argues,
  // where a sentence summing up the ones before it is the paragraph's main one.
  it('"X happened. 这是…" — the sentence saying what the event is, not the report, is the central claim', () => {
    const d = show(
      draft(
        '2023年，许多城市出现了减少开车的呼声。这是市民对环境问题日益关注的结果。\n\n公交车越来越拥挤。地铁也越来越拥挤。\n\n骑车的人也多了起来。',
      ),
    );
    expect(d.central).toBe('u2');
    expect(d.links).toContain('u1 supports u2 (default)');
  });

  it('"X happened. This is a …" — likewise in English', () => {
    const d = show(
      draft(
        'In 2023 many cities saw calls to drive less. This is a sign that people now care about clean air.\n\nBuses are getting crowded. Trains are getting crowded too.\n\nMore people ride bikes as well.',
      ),
    );
    expect(d.central).toBe('u2');
    expect(d.links).toContain('u1 supports u2 (default)');
  });
});

describe('the offline drafter: reported words and the claim reports lead up to', () => {
  it('应该 in what someone 表示, or inside quotation marks or a title, is a report, not the author’s recommendation', () => {
    const d = show(
      draft(
        '城市交通需要改革。市长在记者会上表示，政府应该降低票价。报纸以《公交有必要免费》为题发表评论。市民对此反应热烈。',
      ),
    );
    expect(d.central).toBe('u1');
    expect(d.units[1]).toBe('u2 evidence: 市长在记者会上表示，政府应该降低票价。');
    expect(d.units[2]).toBe('u3 evidence: 报纸以《公交有必要免费》为题发表评论。');
  });

  it('"should" in what someone said, or in quotation marks, is a report, not the author’s recommendation', () => {
    const d = show(
      draft(
        'City traffic needs reform. The mayor said that the city should cut fares. A paper ran the headline "Buses must be free". Readers wrote in by the hundreds.',
      ),
    );
    expect(d.central).toBe('u1');
    expect(d.units[1]).toBe('u2 evidence: The mayor said that the city should cut fares.');
    expect(d.units[2]).toBe('u3 evidence: A paper ran the headline "Buses must be free".');
  });

  it('reports followed in their paragraph by a claim that judges them (无疑…) support that claim, not the plain claim before them', () => {
    const d = show(
      draft(
        [
          '城市交通需要改革。改革的阻力来自多方面。',
          '2020年，公交公司换了老板。新老板很少乘坐公交。2021年，票价上涨了两成。2022年，票价又上涨了一成。连续涨价无疑将把更多市民推向私家车。',
          '改革因此刻不容缓。',
        ].join('\n\n'),
      ),
    );
    expect(d.links).toContain('u5 supports u7 (default)');
    expect(d.links).toContain('u6 supports u7 (default)');
  });

  it('… and in English (undoubtedly, clearly)', () => {
    const d = show(
      draft(
        [
          'City traffic needs reform. The obstacles come from many sides.',
          'In 2020 the bus company got a new owner. The new owner rarely takes a bus. In 2021 fares rose by a fifth. In 2022 they rose by a tenth again. Such rises will undoubtedly push more people into cars.',
          'Reform cannot wait.',
        ].join('\n\n'),
      ),
    );
    expect(d.links).toContain('u5 supports u7 (default)');
    expect(d.links).toContain('u6 supports u7 (default)');
  });
});

describe('the offline drafter: what a contrast answers, and a conclusion drawn from history', () => {
  it('但是 after someone’s reported words answers those words, not an objection in an earlier paragraph', () => {
    const d = show(
      draft(
        [
          '城市应当推行公交免费。有人认为免费会让公交过于拥挤。',
          '公交公司需要更多车辆。2022年，公司经理表示，增加车辆“很难”。但是，“很难”不代表不能。',
        ].join('\n\n'),
      ),
    );
    expect(d.units[3]).toBe('u4 evidence: 2022年，公司经理表示，增加车辆“很难”。');
    expect(d.links).toContain('u5 attacks u4 (contrast: 但是)');
  });

  it('"But" after someone’s reported words answers them, not an objection in an earlier paragraph', () => {
    const d = show(
      draft(
        [
          'The city should make buses free. Some say free buses would be crowded.',
          'The bus company needs more vehicles. In 2022 its manager said that buying more was "hard". But hard does not mean impossible.',
        ].join('\n\n'),
      ),
    );
    expect(d.units[3]).toBe('u4 evidence: In 2022 its manager said that buying more was "hard".');
    expect(d.links).toContain('u5 attacks u4 (contrast: But)');
  });

  it('回顾历史可知，… opening a paragraph’s second sentence makes it the paragraph’s main one', () => {
    const d = show(
      draft(
        [
          '城市应当推行公交免费。免费公交能减少拥堵。',
          '1990年，这座城市的公交曾短暂免费。回顾历史可知，免费公交确实能吸引大量乘客。当年乘客增加了一倍。',
          '因此，免费值得一试。',
        ].join('\n\n'),
      ),
    );
    expect(d.links).toContain('u3 supports u4 (default)');
    expect(d.links).toContain('u4 supports u1 (position)');
  });
});

describe('the offline drafter: two reasons, and a narrative turn', () => {
  it('因为A，而且B opening a sentence: both reasons support the claim before, B is not A’s conclusion', () => {
    const d = show(draft('学校应当推迟上课时间。因为青少年需要更多睡眠，而且早晨的课堂效率很低。'));
    expect(d.links).not.toContain('u2 supports u3 (reason: 因为)');
    // Both reach u1: directly, or jointly through one junction.
    const reaches = (u: string) =>
      d.links.includes(`${u} supports u1 (${u === 'u2' ? 'reason: 因为' : 'addition: 而且'})`) ||
      (d.links.some((l) => l.startsWith(`${u} supports j1`)) &&
        d.links.some((l) => l.startsWith('j1 supports u1')));
    expect(reaches('u2')).toBe(true);
    expect(reaches('u3')).toBe(true);
  });

  it('"Because A, and also B" opening a sentence: both reasons support the claim before', () => {
    const d = show(
      draft(
        'Schools should start later. Because teenagers need more sleep, and also morning lessons achieve little.',
      ),
    );
    expect(d.units.length).toBe(3);
    expect(d.links.some((l) => l.startsWith('u2 supports u3'))).toBe(false);
  });

  it('但是，正当…之际 turns a story, it does not attack the sentence before', () => {
    const d = draft(
      '老街区应当得到保护。许多老人住在那里。\n\n政府计划拆迁老街区。但是，正当政府准备拆迁之际，一场大火烧毁了半条街。火灾之后，居民开始组织起来保护街区。\n\n保护老街区因此成为共识。',
    );
    const turn = d.units.find((u) => u.text.startsWith('但是'))!;
    expect(turn.kind).not.toBe('objection');
    expect(d.links.find((l) => l.from === turn.id)!.relation).toBe('supports');
  });

  it('"But just as …" turns a story likewise', () => {
    const d = draft(
      'The old quarter should be protected. Many old people live there.\n\nThe city planned to clear the quarter. But just as the city was about to clear it, a fire destroyed half a street. After the fire, residents organised to protect it.\n\nProtection thus became common ground.',
    );
    const turn = d.units.find((u) => u.text.startsWith('But'))!;
    expect(turn.kind).not.toBe('objection');
    expect(d.links.find((l) => l.from === turn.id)!.relation).toBe('supports');
  });
});
