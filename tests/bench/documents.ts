/**
 * The documents the `documents` group reads through File › New map from a file… (issue 14's
 * speed targets): a 30-page PDF article printed by Chromium (a real typesetter) with a running
 * header and page numbers, and a saved web page of about 1 MB, mostly the article's paragraphs
 * inside the chrome of a news site (navigation, ads, related links, comments, scripts).
 *
 * Both are made from the shipped map's source text (the article, cleaned, in Chinese), repeated
 * as the parts of a longer report: the article alone fills about 8 A4 pages.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { escapeHtml } from '../unit/io/pdfFixtures';

/** The pages the PDF has. */
export const PDF_PAGES = 30;
const HEADER = '美日核关系研究 · 测试刊 2022 年';

/** The article's paragraphs (the shipped map's source text), and whether each is a heading. */
function articleParagraphs(): { text: string; heading: boolean }[] {
  const map = JSON.parse(readFileSync('maps/us-japan-nuclear-sharing.argmap.json', 'utf8')) as {
    sources: { text: string }[];
  };
  return map.sources[0]!.text.split('\n\n').map((text) => ({
    text: text.trim(),
    heading: /^[一二三四五六七八九十]、/.test(text) || text.trim() === '注释',
  }));
}

/** The article `copies` times over, as the numbered parts of one long report, in HTML. */
function reportBody(copies: number, paragraph: (text: string, i: number) => string): string {
  const paragraphs = articleParagraphs();
  const parts: string[] = [];
  for (let part = 1; part <= copies; part++) {
    parts.push(`<h2>第${part}部分</h2>`);
    paragraphs.forEach((p, i) =>
      parts.push(
        p.heading
          ? `<h3>${escapeHtml(p.text)}</h3>`
          : paragraph(escapeHtml(p.text), part * 1000 + i),
      ),
    );
  }
  return parts.join('\n');
}

/**
 * A 30-page A4 PDF: the report printed by Chromium with a running header and the page number
 * in the footer, cut at page 30 (the last page ends mid-paragraph, as an excerpt would).
 */
export async function articlePdf(browser: Browser): Promise<Uint8Array> {
  const html = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">
    <title>战后美日核关系的形成与发展</title><style>
    body { font: 11pt 'Noto Serif CJK SC', serif; line-height: 1.6 }
    p { margin: 0 0 0.6em; text-indent: 2em } h2 { font-size: 16pt } h3 { font-size: 13pt }
    </style></head><body><h1>战后美日核关系的形成与发展</h1>
    ${reportBody(6, (text) => `<p>${text}</p>`)}</body></html>`;
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    const small = 'font-size:9px;width:100%;text-align:center;font-family:serif';
    const pdf = await page.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small}">${escapeHtml(HEADER)}</div>`,
      footerTemplate: `<div style="${small}">·<span class="pageNumber"></span>·</div>`,
      margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
      pageRanges: `1-${PDF_PAGES}`,
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

/** Some lines of JavaScript as a news site ships them inline (a bundle, analytics, state). */
function inlineScript(kb: number, seed: string): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < kb * 1024; i++) {
    const line = `  window.__${seed}[${i}] = { id: "${seed}-${i}", slot: "div-gpt-ad-${i % 17}", sizes: [[300, 250], [728, 90]], targeting: { section: "world", pos: ${i % 5}, kw: ["nuclear", "japan", "usa", "alliance"] }, track: function (e) { return navigator.sendBeacon && navigator.sendBeacon("/t?e=" + e + "&i=${i}"); } };`;
    lines.push(line);
    size += line.length + 1;
  }
  return `<script>\nwindow.__${seed} = [];\n${lines.join('\n')}\n</script>`;
}

/**
 * A saved news page of about 1 MB: head with styles and inline scripts, a navigation bar of
 * 150 links, ad slots, the report's paragraphs in `<article>`, an aside of related stories, 120
 * reader comments and a footer of links, then more scripts.
 */
export function savedPageHtml(): string {
  const links = (n: number, prefix: string) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<li><a href="https://news.example.cn/${prefix}/${i}.html">${prefix}频道 ${i + 1}</a></li>`,
    ).join('');
  const css = Array.from(
    { length: 400 },
    (_, i) =>
      `.c${i} { margin: ${i % 7}px; padding: ${i % 5}px ${i % 3}px; color: #${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)} }`,
  ).join('\n');
  const related = Array.from(
    { length: 40 },
    (_, i) =>
      `<li class="c${i}"><a href="/world/${20220000 + i}.html"><img src="/img/t${i}.jpg" alt="">相关阅读：东亚安全形势观察之${i + 1}</a><span class="time">2022-03-${(i % 28) + 1}</span></li>`,
  ).join('');
  const comments = Array.from(
    { length: 120 },
    (_, i) =>
      `<li class="comment" id="c${i}"><div class="user"><img src="/avatar/${i}.png" alt=""><a href="/u/${i}">网友${1000 + i}</a></div><p class="comment-text">这篇文章分析得很透彻，第${i + 1}条评论：核共享问题值得持续关注。</p><div class="tools"><button>赞 ${i * 3}</button><button>回复</button><button>举报</button></div></li>`,
  ).join('');
  const ad = (i: number) =>
    `<div class="ad" id="div-gpt-ad-${i}"><a href="https://ads.example.com/click?id=${i}"><img src="https://ads.example.com/${i}.jpg" alt="广告"></a><span>广告</span></div>`;
  const article = reportBody(
    21,
    (text, i) =>
      `<p class="para c${i % 400}" data-pid="${i}">${text}</p>${i % 37 === 0 ? ad(i) : ''}`,
  );
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>战后美日核关系的形成与发展 - 国际频道 - 示例新闻网</title>
<meta name="description" content="世界百年未有之大变局加速演进，日本出现了寻求与美国建立“核共享”机制的言论。">
<meta property="og:title" content="战后美日核关系的形成与发展">
<meta name="author" content="示例作者">
<link rel="stylesheet" href="/static/css/main.3f9a1c.css">
<style>\n${css}\n</style>
${inlineScript(90, 'ads')}
</head><body>
<header class="site-header"><a class="logo" href="/">示例新闻网</a>
<nav class="main-nav"><ul>${links(150, 'news')}</ul></nav>
<div class="login"><a href="/login">登录</a> <a href="/register">注册</a></div></header>
${ad(1)}
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/world/">国际</a> &gt; 正文</div>
<main class="layout">
<article class="article-content">
<h1>战后美日核关系的形成与发展</h1>
<div class="byline"><span class="author">示例作者</span> <time datetime="2022-03-15">2022-03-15 08:00</time> <span class="source">来源：示例期刊</span></div>
${article}
<div class="share"><a href="#">分享到微博</a> <a href="#">分享到微信</a> <a href="#">打印</a></div>
<div class="editor">责任编辑：示例编辑</div>
</article>
<aside class="sidebar"><h2>相关阅读</h2><ul>${related}</ul>${ad(2)}<h2>热门排行</h2><ol>${links(20, 'hot')}</ol></aside>
<section class="comments"><h2>网友评论（120）</h2><ul>${comments}</ul></section>
</main>
<footer class="site-footer"><ul>${links(60, 'about')}</ul><p>版权所有 © 示例新闻网 京ICP备00000000号</p></footer>
${inlineScript(60, 'analytics')}
</body></html>
`;
}
