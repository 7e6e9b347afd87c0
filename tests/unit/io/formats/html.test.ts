/**
 * The web-page reader on saved pages: an English news page and a Chinese one, each with
 * navigation, a cookie banner or top bar, ads, a sidebar, related links, comments, scripts and a
 * footer around the article. The cleaned text is the article, clause by clause as the page's
 * article body has it, and nothing else; the citation fields are the page's.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDate, readHtml, stripInert } from '../../../../src/io/formats/html';
import type { ExtractedText } from '../../../../src/io/formats/extracted';
import { htmlToText } from '../../../../src/io/htmlToText';
import { english } from '../../../../src/model/messages';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../fixtures/formats', name), 'utf8');

function read(html: string, url?: string): ExtractedText {
  const result = readHtml(html, url ? { url } : {});
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.extracted;
}

/** The article body's text on the page, as clauses (split at punctuation), whitespace squashed. */
function clausesOf(html: string, from: string, to: string): string[] {
  const body = html.slice(html.indexOf(from), html.indexOf(to));
  return htmlToText(body)
    .text.split(/[,.;:!?，。；：！？、\n]/)
    .map((clause) => clause.replace(/\s+/g, ''))
    .filter((clause) => clause.length > 0);
}

/** Every clause appears in `text` (whitespace squashed), in order. */
function expectClausesInOrder(text: string, clauses: string[]): void {
  const squashed = text.replace(/\s+/g, '');
  let at = 0;
  for (const clause of clauses) {
    const found = squashed.indexOf(clause, at);
    expect(found, `clause “${clause}” in order`).toBeGreaterThanOrEqual(0);
    at = found + clause.length;
  }
}

const headingTitles = (extracted: ExtractedText) =>
  (extracted.headings ?? []).map((h) => [h.level, extracted.text.slice(h.start, h.end), h.title]);

describe('a saved English news page', () => {
  const html = fixture('news-article.html');
  const extracted = read(html);
  const paragraphs = extracted.text.split('\n\n');

  it('gives the article, paragraph by paragraph, with headings as paragraphs of their own', () => {
    expect(paragraphs).toEqual([
      "When the council of Pontevedra closed its old town to through traffic in 1999, the shopkeepers' association predicted ruin. Twenty-five years later, the centre has more shops than it had then, and fewer of them stand empty.",
      'The argument against closing streets to cars is simple: customers who drive spend more, and a shop that loses them loses its margin. It is also, on the evidence of the last decade, mostly wrong.',
      'What the receipts show',
      'A study of card payments in Madrid Central found that spending in the restricted zone rose by 9.5% in the first Christmas season after the ban, against 3.3% in the city as a whole.',
      'Pedestrians visit more often. They spend less on each visit, but they come back, and over a month they spend more than drivers do.',
      'Shopkeepers consistently overestimate how many of their customers arrive by car. In one survey in Graz, traders guessed 58%; the real figure was 32%.',
      'Where the argument still holds',
      'None of this means that every street can close. Deliveries still need access, and people with limited mobility still need to reach the door.',
      'A centre that closes its streets without buses, bicycle parking and loading bays will lose trade. The evidence supports closing streets, not closing them carelessly.',
      "“We didn't take the cars away. We gave the street back,” the mayor said.",
      'The lesson for councils is therefore not whether to close streets but how: with the traders, in stages, and with the numbers published.',
    ]);
  });

  it("keeps every clause of the page's article body, in order, and nothing around it", () => {
    const clauses = clausesOf(html, '<div class="story-body"', '<footer class="story-footer">')
      // The ad slot inside the article body is not the article.
      .filter((clause) => !/Advertisement|googletag/.test(clause));
    expect(clauses.length).toBeGreaterThan(30);
    expectClausesInOrder(extracted.text, clauses);
    // Nothing but those clauses: the text without whitespace and the punctuation split at.
    expect(extracted.text.replace(/[\s,.;:!?]/g, '')).toBe(clauses.join(''));
    for (const residue of [
      'cookies',
      'Accept all',
      'Subscribe',
      'Transport',
      'Advertisement',
      'Roadster',
      'Most read',
      'Council tax',
      'newsletter',
      'Comments',
      'roadrunner77',
      'propaganda',
      'Share this article',
      'All rights reserved',
      'gtag',
      'dataLayer',
      'googletag',
      'Photo: Civic Ledger',
      '5 March 2024',
      'By Maren Holt',
    ])
      expect(extracted.text, residue).not.toContain(residue);
  });

  it('lists the headings where they stand in the text, ranked from 1', () => {
    expect(headingTitles(extracted)).toEqual([
      [1, 'What the receipts show', 'What the receipts show'],
      [1, 'Where the argument still holds', 'Where the argument still holds'],
    ]);
  });

  it('keeps the citation fields: title, author, site, date, canonical address, language', () => {
    expect(extracted).toMatchObject({
      title: 'Why car-free city centres pay for themselves',
      author: 'Maren Holt',
      publication: 'The Civic Ledger',
      date: '2024-03-05T08:30:00+00:00',
      url: 'https://civicledger.example.org/2024/03/car-free-centres',
      language: 'en-GB',
    });
    expect(extracted.notes).toBeUndefined();
  });

  it('takes the address it was fetched from over the one the page names', () => {
    expect(read(html, 'https://mirror.example.com/a?id=1').url).toBe(
      'https://mirror.example.com/a?id=1',
    );
  });
});

describe('a saved Chinese news page', () => {
  const html = fixture('news-article.zh.html');
  const extracted = read(html);

  it('gives the article with lines joined without spaces between Chinese characters', () => {
    expect(extracted.text.split('\n\n')).toEqual([
      '老城区步行化十年：商户的担心落空了吗？',
      '十年前，老城区主要街道禁止机动车通行的方案公布时，沿街商户普遍担心客流会大幅下降。当时的一份问卷显示，超过六成商户反对这一方案。',
      '十年过去，街区里的店铺数量不降反升。据区商务部门统计，2022 年街区内营业的店铺比步行化之前增加了百分之十八，空置率则从百分之十一降到了百分之四。',
      '客流从哪里来',
      '研究者认为，步行者到访的次数更多。他们每次消费的金额较少，但一个月下来，总消费反而超过驾车而来的顾客。',
      '商户往往高估了开车来的顾客所占的比例。一项调查中，商户估计的比例是百分之五十八，实际只有百分之三十二。',
      '并非所有街道都适合',
      '不过，这并不意味着每条街都可以封闭。送货车辆仍需通行，行动不便的人也需要能够到达店门口。',
      '因此，问题不在于要不要步行化，而在于怎样步行化：与商户一起商量，分阶段推进，并公开相关数据。',
    ]);
    const clauses = clausesOf(html, '<div class="article-content">', '<div class="article-footer">')
      .map((clause) => clause.replace(/\u3000/g, ''))
      .filter((clause) => !/广告|showAd/.test(clause));
    expectClausesInOrder(extracted.text, clauses);
    // The article body's clauses, and the title (a heading above the body) before them.
    expect(extracted.text.replace(/[\s,.;:!?，。；：！？、]/g, '')).toBe(
      `老城区步行化十年商户的担心落空了吗？${clauses.join('')}`.replace(/[？]/g, ''),
    );
    for (const residue of [
      '登录',
      '首页',
      '广告',
      '新车上市',
      '作者',
      '来源',
      '责任编辑',
      '分享到',
      '相关阅读',
      '网友评论',
      '路人甲',
      '热点排行',
      '版权所有',
      '_hmt',
    ])
      expect(extracted.text, residue).not.toContain(residue);
  });

  it('lists the headings and keeps the citation fields', () => {
    expect(headingTitles(extracted).map(([, text]) => text)).toEqual([
      '老城区步行化十年：商户的担心落空了吗？',
      '客流从哪里来',
      '并非所有街道都适合',
    ]);
    expect(extracted).toMatchObject({
      title: '老城区步行化十年：商户的担心落空了吗？',
      author: '林晓雯',
      publication: '城市观察网',
      date: '2023-11-20',
      url: 'https://www.chengshi.example.cn/news/2023/11/20/buxing.html',
      language: 'zh-CN',
    });
  });
});

describe("the showcase article's Chinese text as a saved web page", () => {
  // The article this project started from, as cleaned for the showcase map: a section of it put
  // in a news page, its paragraphs broken into lines between Chinese characters (as a page's
  // source often is), with navigation, related links and comments around it.
  const map = JSON.parse(
    readFileSync(
      resolve(__dirname, '../../../../maps/us-japan-nuclear-sharing.argmap.json'),
      'utf8',
    ),
  ) as { sources: { text: string }[] };
  const paragraphs = map.sources[0]!.text.split('\n\n').slice(4, 12);
  const breakLines = (paragraph: string) =>
    paragraph.replace(
      /([\u4E00-\u9FFF])(?=[\u4E00-\u9FFF])/g,
      (ch: string, _c: string, at: number) => (at % 37 === 36 ? `${ch}\n        ` : ch),
    );
  const [heading, ...body] = paragraphs;
  const page = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>战后美日核关系的形成与发展 - 国际观察</title>
<meta property="og:site_name" content="国际观察"></head>
<body><div class="nav"><a href="/">首页</a> <a href="/world">国际</a> <a href="/asia">亚太</a></div>
<div class="main"><div class="article">
<h2>${heading}</h2>
${body.map((p) => `<p>\n        ${breakLines(p)}\n      </p>`).join('\n')}
</div>
<div class="related"><h3>相关阅读</h3><ul><li><a href="/a">东北亚安全形势综述</a></li><li><a href="/b">核不扩散条约审议大会闭幕</a></li></ul></div>
<div class="comments" id="comments"><h3>网友评论</h3><p>写得很详细，受教了。</p><p>期待下一篇。</p></div></div>
<div class="footer">版权所有 © 国际观察</div></body></html>`;

  it('gives the paragraphs exactly as the cleaned article has them, and nothing around them', () => {
    // Lines broken inside the paragraphs: several in each.
    expect(body.map(breakLines).join('').split('\n').length).toBeGreaterThan(body.length * 3);
    const extracted = read(page);
    expect(extracted.text.split('\n\n')).toEqual(paragraphs);
    expect(extracted.headings?.map((h) => h.title)).toEqual([heading]);
    expect(extracted.publication).toBe('国际观察');
  });
});

describe('pages without an article', () => {
  it('refuses a page with no text, with a message that says so', () => {
    for (const html of [
      '<!DOCTYPE html><html><head><title>Empty</title><script>var x = "text";</script></head><body><img src="a.png"><div>  </div></body></html>',
      '',
      '<style>p { color: red }</style>',
    ]) {
      const result = readHtml(html);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problems.map((p) => p.says?.key)).toEqual(['fmtHtmlNoText']);
      expect(english(result.problems[0]!.says!)).toBe('The web page holds no text to import.');
    }
  });

  it('reads pasted HTML (a fragment): links leave their text, scripts and images go', () => {
    const extracted = read(
      '<h3>Claim</h3><p>Cities <a href="/x">should</a> close streets<script>alert(1)</script>.<img src="y.png" alt="chart"></p><p>Line one<br>line two<br><br>New paragraph.</p>',
    );
    expect(extracted.text).toBe(
      'Claim\n\nCities should close streets.\n\nLine one line two\n\nNew paragraph.',
    );
    expect(headingTitles(extracted)).toEqual([[1, 'Claim', 'Claim']]);
  });

  it('keeps the whole body text, with a note, when no article is found', () => {
    // Readability takes nothing from an <aside>: the page's own text is all there is.
    const result = readHtml(
      '<html><head><title>Notice</title></head><body><aside>The office is closed on Monday.<br><br>Call 555 0100.</aside></body></html>',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.extracted.text).toBe('The office is closed on Monday.\n\nCall 555 0100.');
    expect(result.extracted.title).toBe('Notice');
    expect(result.extracted.notes?.map((n) => n.key)).toEqual(['fmtHtmlWholePage']);
  });

  it('reads a page given as a body without an html element', () => {
    const extracted = read(
      '<body><table><tr><td>Cell one</td><td>Cell two</td></tr></table></body>',
    );
    expect(extracted.text).toBe('Cell one\n\nCell two');
  });
});

describe('dates and inert markup', () => {
  it('gives dates as ISO 8601 where they can be read as one', () => {
    expect(isoDate('2024-03-05T08:30:00Z')).toBe('2024-03-05T08:30:00Z');
    expect(isoDate('2024-03-05')).toBe('2024-03-05');
    expect(isoDate('March 5, 2024')).toBe('2024-03-05');
    expect(isoDate('March 5, 2024 9:30')).toBe('2024-03-05T09:30');
    expect(isoDate('5 March')).toBe('5 March');
    expect(isoDate('sometime last spring')).toBe('sometime last spring');
  });

  it('cuts scripts, styles, SVG and comments out before parsing, keeping JSON-LD', () => {
    expect(
      stripInert(
        'a<script>x("</p>")</script>b<STYLE>p{}</STYLE>c<svg><text>t</text></svg>d<!-- <p>e</p> -->f<svg/>g<script type="application/ld+json">{"author":"A"}</script>',
      ),
    ).toBe(
      'a<script></script>b<STYLE></STYLE>c<svg></svg>df<svg/>g<script type="application/ld+json">{"author":"A"}</script>',
    );
    // Never closed: the rest of the page is the element's, as a parser reads it.
    expect(stripInert('a<script>never closed <p>x</p>')).toBe('a<script>');
    expect(stripInert('a<!-- never closed')).toBe('a');
    // <noscript> and <template> hold no text either; an element whose name only begins alike stays.
    expect(
      stripInert('<noscript><p>x</p></noscript><template>t</template><svg-icon>s</svg-icon>'),
    ).toBe('<noscript></noscript><template></template><svg-icon>s</svg-icon>');
  });

  it("cuts a page's navigation and asides out before Readability, but keeps them for the whole-page fallback", () => {
    const page =
      '<nav class="menu"><a href="/">Home</a></nav><p>Text.</p><aside>Related</aside><nav-bar>n</nav-bar>';
    expect(stripInert(page, true)).toBe(
      '<nav class="menu"></nav><p>Text.</p><aside></aside><nav-bar>n</nav-bar>',
    );
    expect(stripInert(page)).toBe(page);
  });
});

describe('speed', () => {
  it("never serialises the article Readability found (its debug log's markup is not made)", () => {
    // linkedom's innerHTML getter, counted for elements outside the page: Readability's article.
    const { document } = parseHTML('<p>x</p>');
    let owner: object | null = document.body;
    while (owner && !Object.getOwnPropertyDescriptor(owner, 'innerHTML'))
      owner = Object.getPrototypeOf(owner) as object | null;
    const real = Object.getOwnPropertyDescriptor(owner!, 'innerHTML')!;
    let detached = 0;
    Object.defineProperty(owner!, 'innerHTML', {
      ...real,
      get(this: Element) {
        if (!this.parentNode) detached++;
        return real.get!.call(this) as string;
      },
    });
    try {
      const extracted = read(fixture('news-article.html'));
      expect(extracted.text.length).toBeGreaterThan(1000);
    } finally {
      Object.defineProperty(owner!, 'innerHTML', real);
    }
    expect(detached).toBe(0);
  });

  it('reads a 1 MB page in about a second', () => {
    const html = fixture('news-article.html');
    const body = html.slice(
      html.indexOf('<div class="story-body"'),
      html.indexOf('<footer class="story-footer">'),
    );
    const comments = html.slice(html.indexOf('<section id="comments"'), html.indexOf('</main>'));
    const parts: string[] = [];
    let size = html.length;
    for (let i = 0; size < 1_000_000; i++) {
      const part = `<h2>Part ${i + 1}</h2>${body.replace(/<(\/?)h2>/g, '<$1h3>')}`;
      parts.push(part);
      size += part.length + comments.length;
    }
    const big = html
      .replace('<footer class="story-footer">', `${parts.join('\n')}<footer class="story-footer">`)
      .replace('</main>', `${comments.repeat(parts.length)}</main>`);
    expect(big.length).toBeGreaterThanOrEqual(1_000_000);
    const times: number[] = [];
    const cpu: number[] = [];
    let extracted: ExtractedText | undefined;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const usage = process.cpuUsage();
      extracted = read(big);
      const used = process.cpuUsage(usage);
      cpu.push((used.user + used.system) / 1000);
      times.push(performance.now() - started);
    }
    // Every part of the article, none of the comments.
    expect(extracted!.headings!.filter((h) => /^Part \d+$/.test(h.title))).toHaveLength(
      parts.length,
    );
    expect(extracted!.text).not.toContain('roadrunner77');
    const ms = (list: number[]) => list.map((t) => Math.round(t)).join(', ');
    console.log(`1 MB page: ${ms(times)} ms (processor time ${ms(cpu)} ms)`);
    // The target is a second on an unloaded machine (measured by the bench). Processor time,
    // not wall time, is bounded here: the test machine may be busy with other work; the bound
    // still catches a slow path.
    expect(Math.min(...cpu)).toBeLessThan(3000);
  }, 60_000);
});
