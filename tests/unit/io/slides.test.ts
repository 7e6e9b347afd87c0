import { describe, expect, it } from 'vitest';
import { buildDeck, type Slide, type StopSlide } from '../../../src/io/slides';
import { BODY_SIZE, layoutSlide, SLIDE_HEIGHT, SLIDE_WIDTH } from '../../../src/io/slideLayout';
import { exportSlidesSvg } from '../../../src/io/exportSlidesSvg';
import type { ArgMap, Draft } from '../../../src/model/schema';
import { SOURCE_TEXT, sampleMap } from '../model/sampleMap';

/** The sample map with two sections, printed pages, an English-to-Chinese rendering and a note. */
function lessonMap(): Draft<ArgMap> {
  const map = sampleMap();
  map.groups = [
    { id: 'g1', title: 'Benefits', translations: { zh: '益处' } },
    { id: 'g2', title: 'Costs' },
  ];
  map.nodes[0]!.group = 'g1';
  map.nodes[1]!.group = 'g1';
  map.nodes[2]!.group = 'g1';
  map.nodes[3]!.group = 'g2';
  map.nodes[2]!.translations = { zh: '树荫节省能源' };
  map.nodes[2]!.note = 'Ask the class for an example.';
  map.sources[0]!.title = 'Street trees';
  map.sources[0]!.author = 'A. Writer';
  map.sources[0]!.pages = [
    { label: '12', start: 0 },
    { label: '13', start: 72 },
  ];
  return map;
}

const stops = (slides: Slide[]) => slides.filter((s): s is StopSlide => s.type === 'stop');

describe('a deck of slides', () => {
  it('follows the tour, opening each section with an overview slide, numbered in order', () => {
    const deck = buildDeck(lessonMap());
    expect(deck.slides.map((s) => (s.type === 'stop' ? s.nodeId : s.type))).toEqual([
      'title',
      'section',
      'n1',
      'n2',
      'n3',
      'section',
      'n4',
    ]);
    expect(deck.slides.map((s) => [s.index, s.total])).toEqual(
      deck.slides.map((_, i) => [i + 1, 7]),
    );
    expect(deck.slides[0]).toMatchObject({ title: 'Urban trees', contents: ['Benefits', 'Costs'] });
    expect(deck.slides[1]).toMatchObject({ title: 'Benefits', nodeCount: 3 });
    // The section's main point is the conclusion; its premises are under it.
    expect(
      deck.slides[1]!.type === 'section' && deck.slides[1]!.items.map((i) => i.nodeId),
    ).toEqual(['n1']);
  });

  it('says how each node bears on the others, in words and by number, both ways', () => {
    const [n1, , , n4] = stops(buildDeck(lessonMap()).slides);
    expect(n1!.relations.map((r) => `${r.words} ${r.number} ${r.text}`)).toEqual([
      'supported by 2 Trees cool streets',
      'supported by 3 Shade saves energy',
      'attacked by 4 Too costly',
    ]);
    expect(n4!.relations.map((r) => `${r.words} ${r.number}`)).toEqual(['attacks 1']);
    const zh = stops(buildDeck(lessonMap(), { lang: 'zh' }).slides);
    expect(zh[3]!.relations[0]!.words).toBe('攻击');
    expect(zh[3]!.kindName).toBe('反对意见');
    expect(zh[0]!.relations.map((r) => r.words)).toEqual(['受到支持', '受到支持', '受到攻击']);
  });

  it('looks through inference junctions: joint premises bear on what the junction bears on', () => {
    const map = lessonMap();
    map.nodes.push({ id: 'j1', kind: 'inference', text: '', refs: [] });
    map.edges = [
      { id: 'e1', from: 'n2', to: 'j1', relation: 'supports' },
      { id: 'e2', from: 'n3', to: 'j1', relation: 'supports' },
      { id: 'e4', from: 'j1', to: 'n1', relation: 'supports' },
    ];
    const [n1, n2] = stops(buildDeck(map).slides);
    expect(n1!.relations.map((r) => r.nodeId)).toEqual(['n2', 'n3']);
    expect(n2!.relations.map((r) => `${r.words} ${r.nodeId}`)).toEqual(['supports n1']);
  });

  it('quotes the author only where the words add to the node, with the printed page', () => {
    const [n1, n2, n3, n4] = stops(buildDeck(lessonMap()).slides);
    // n2's quote is its own text: nothing to add.
    expect(n2!.quotes).toEqual([]);
    expect(n1!.quotes).toEqual([
      { text: 'Cities should plant more trees.', page: '12', cite: 'A. Writer, Street trees' },
    ]);
    expect(n4!.quotes[0]).toMatchObject({ text: SOURCE_TEXT.slice(94, 126).trim(), page: '13' });
    expect(n3!.notes).toBe('Ask the class for an example.');
  });

  it('looks for the rendering in the languages asked for, in turn, skipping a mere repeat', () => {
    const map = lessonMap();
    map.nodes[2]!.translations = { zh: '树荫节省能源', en: 'Shade saves energy (EN)' };
    map.nodes[1]!.translations = { en: map.nodes[1]!.text };
    // The stage asks for the interface's language, then English.
    const zh = stops(buildDeck(map, { lang: 'zh', renderings: ['zh', 'en'] }).slides);
    expect(zh[2]!.rendering).toBe('树荫节省能源');
    const en = stops(buildDeck(map, { lang: 'en', renderings: ['fr', 'en'] }).slides);
    expect(en[2]!.rendering).toBe('Shade saves energy (EN)');
    expect(en[1]!.rendering).toBeUndefined();
    // Without the option, only the deck's language (the exports' behaviour).
    expect(stops(buildDeck(map, { lang: 'en' }).slides)[2]!.rendering).toBe(
      'Shade saves energy (EN)',
    );
    expect(stops(buildDeck(map, { lang: 'zh' }).slides)[1]!.rendering).toBeUndefined();
  });

  it('names each neighbour’s kind, so a slide can say it supports the thesis', () => {
    const [n1, n2] = stops(buildDeck(lessonMap()).slides);
    expect(n2!.relations.map((r) => `${r.words} ${r.kind}`)).toEqual(['supports conclusion']);
    expect(n1!.relations.map((r) => r.kind)).toEqual(['evidence', 'claim', 'objection']);
  });

  it('renders the node in the deck’s language where the map has that rendering', () => {
    const zh = stops(buildDeck(lessonMap(), { lang: 'zh' }).slides);
    expect(zh[2]!.rendering).toBe('树荫节省能源');
    expect(stops(buildDeck(lessonMap(), { lang: 'en' }).slides)[2]!.rendering).toBeUndefined();
    expect(buildDeck(lessonMap(), { lang: 'zh' }).slides[0]).toMatchObject({
      contents: ['益处', 'Costs'],
    });
  });

  it('makes one overview per section when asked, and one for a map without sections', () => {
    const bySection = buildDeck(lessonMap(), { by: 'section' });
    expect(bySection.slides.map((s) => s.type)).toEqual(['title', 'section', 'section']);
    const plain = sampleMap();
    plain.tours = [];
    const deck = buildDeck(plain);
    expect(deck.slides.map((s) => s.type)).toEqual(['title', 'section']);
    expect(deck.slides[1]).toMatchObject({ title: 'Urban trees', nodeCount: 4 });
  });
});

describe('slide layout', () => {
  const longText = '日本政府对核共享的回应'.repeat(30);

  it('keeps everything on the 16:9 page, a class’s text at 18 pt or more', () => {
    const map = lessonMap();
    map.nodes[0]!.text = longText;
    for (const lang of ['en', 'zh'] as const) {
      const deck = buildDeck(map, { lang });
      for (const slide of deck.slides) {
        const drawing = layoutSlide(slide, lang);
        expect(drawing.width / drawing.height).toBeCloseTo(16 / 9, 2);
        for (const item of drawing.items) {
          if (item.type === 'box') {
            expect(item.x + item.width).toBeLessThanOrEqual(SLIDE_WIDTH);
            expect(item.y + item.height).toBeLessThanOrEqual(SLIDE_HEIGHT);
            continue;
          }
          expect(item.y).toBeLessThan(SLIDE_HEIGHT - 8);
          const small = item.y < 40 || item.text.startsWith('—') || /points|论点/.test(item.text);
          if (!small) expect(item.size, item.text).toBeGreaterThanOrEqual(BODY_SIZE);
        }
      }
    }
  });

  it('cuts a node too long for the slide with an ellipsis instead of running off it', () => {
    const map = lessonMap();
    map.nodes[0]!.text = longText;
    const slide = buildDeck(map).slides.find((s) => s.type === 'stop')!;
    const texts = layoutSlide(slide, 'en').items.flatMap((i) => (i.type === 'text' ? [i] : []));
    const node = texts.filter((t) => t.bold && t.size >= 24);
    expect(node.length).toBe(5);
    expect(node[4]!.text.endsWith('…')).toBe(true);
  });

  it('exports one SVG per slide, text as text and escaped', () => {
    const map = lessonMap();
    map.nodes[3]!.text = 'Too costly <script>alert(1)</script> & more';
    const svgs = exportSlidesSvg(map);
    expect(svgs).toHaveLength(7);
    expect(svgs[6]).toContain('Too costly &lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(svgs[6]).not.toContain('<script>');
    expect(svgs[2]).toMatch(/<text [^>]*font-size="(2[4-9])"[^>]*>Plant more trees<\/text>/);
  });
});
