/**
 * A web page (a saved `.html` file, pasted HTML or a fetched page) → its article's cleaned text.
 *
 * The article is found by Mozilla's Readability (Firefox's reader view), over a DOM built by
 * linkedom, which needs no browser: it runs in Node (the command line) and in a Web Worker (the
 * editor's I/O worker), where there is no DOMParser. Navigation, ads, cookie banners, comments
 * and the like are what Readability leaves out. The article is then walked into paragraphs
 * (`paragraphs.ts`): headings become paragraphs of their own and are listed, links and other
 * inline markup leave their text, scripts, styles and images go. The citation fields are the
 * page's: title, author (the byline), site, date of publication, address, language.
 *
 * A page in which Readability finds no article keeps its whole body text (with a note); a page
 * with no text at all is refused.
 *
 * (`io/htmlToText.ts` is another thing: it reads the HTML that OVA stores as an AIF's analysed
 * text, keeping the places of elements with ids, and never builds a DOM.)
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Extraction, ExtractedText } from './extracted';
import { problem } from '../../model/problem';
import { say, type Message } from '../../model/messages';
import { ParagraphText, tidyParagraph, walkDom } from './paragraphs';

export interface ReadHtmlOptions {
  /** The address the page was fetched from; else the page's canonical address, if it gives one. */
  url?: string;
}

/** Elements never read as text, whose content is most of a large page's bytes. */
const INERT = /<(script|style|svg|noscript|template)(?=[\s/>])[^>]*>|<!--/gi;
/** The same, and the page's navigation and asides, never an article's text (see {@link stripInert}). */
const INERT_AND_CHROME = /<(script|style|svg|noscript|template|nav|aside)(?=[\s/>])[^>]*>|<!--/gi;

/**
 * The page without its scripts (but JSON-LD, where Readability finds the author and date),
 * styles, inline SVG pictures, `<noscript>` and `<template>` content and comments, cut out before
 * the page is parsed: they are most of a large page, and none of them is text (Readability drops
 * `<noscript>` whole). With `chrome`, the content of `<nav>` and `<aside>` goes too: menus,
 * related links and sidebars, which Readability never takes into an article (it removes asides
 * from the one it finds), but which cost it time to parse and score. One pass over the page, each
 * end found by `indexOf` (an element never closed runs to the end of the page, as the parser
 * would read it; an element nested in one of its own kind leaves its outer one's rest in place).
 */
export function stripInert(html: string, chrome = false): string {
  const pattern = chrome ? INERT_AND_CHROME : INERT;
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    const tag = match[1]?.toLowerCase();
    const contentStart = pattern.lastIndex;
    if (!tag) {
      const close = html.indexOf('-->', contentStart);
      out += html.slice(from, match.index);
      from = close === -1 ? html.length : close + 3;
      pattern.lastIndex = from;
    } else if (!match[0].endsWith('/>')) {
      const end = closingTag(lower, tag, contentStart);
      // The element stays, empty (JSON-LD stays whole).
      if (!(tag === 'script' && /application\/ld\+json/i.test(match[0]))) {
        out += html.slice(from, contentStart);
        from = end;
      }
      pattern.lastIndex = end;
    }
    if (pattern.lastIndex >= html.length) break;
  }
  return out + html.slice(from);
}

/** Where `</tag>` begins from `from` on (not `</tag-name>`), else the end of the page. */
function closingTag(lower: string, tag: string, from: number): number {
  for (
    let at = lower.indexOf(`</${tag}`, from);
    at !== -1;
    at = lower.indexOf(`</${tag}`, at + 1)
  ) {
    const after = lower.charAt(at + tag.length + 2);
    if (after === '>' || after === '' || /\s/.test(after)) return at;
  }
  return lower.length;
}

/**
 * A DOM document of the page (a fragment, such as pasted HTML, is put in a body), without its
 * inert elements, and without its navigation and asides when `chrome` (see {@link stripInert}).
 */
function parsePage(page: string, chrome: boolean): Document {
  const html = stripInert(page, chrome);
  // linkedom reads a whole document: a fragment goes into a body, a body into an html element.
  const whole = /<html[\s>]/i.test(html)
    ? html
    : /<(?:body|head)[\s>]/i.test(html)
      ? `<!DOCTYPE html><html>${html}</html>`
      : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as Document;
}

/** An http(s) address, resolved against `base` when relative; else undefined. */
function httpUrl(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The page's own words about itself, read before Readability changes the document. */
interface PageFacts {
  url?: string;
  date?: string;
  language?: string;
  title?: string;
}

/** Where a page's date of publication may be, most telling first. */
const DATE_PLACES = [
  'meta article:published_time',
  'meta datePublished',
  'meta date',
  'meta publishdate',
  'meta pubdate',
  'meta publish_date',
  'time datePublished',
  'time in article',
  'time',
] as const;

/**
 * The page's address, date, language and title, from one pass over its `<meta>`, `<link>` and
 * `<time>` elements (a query per field would walk the whole page each time).
 */
function pageFacts(document: Document, given?: string): PageFacts {
  let canonical: string | undefined;
  let ogUrl: string | undefined;
  const dates = new Map<(typeof DATE_PLACES)[number], string>();
  const found = (place: (typeof DATE_PLACES)[number], value: string | null | undefined) => {
    const date = value?.trim();
    if (date && !dates.has(place)) dates.set(place, date);
  };
  for (const element of Array.from(document.querySelectorAll('meta, link, time'))) {
    const get = (name: string) => element.getAttribute(name)?.trim() || undefined;
    const tag = element.localName.toLowerCase();
    if (tag === 'link') {
      if (get('rel')?.toLowerCase() === 'canonical') canonical ??= get('href');
    } else if (tag === 'meta') {
      const content = get('content');
      const property = get('property');
      const name = get('name')?.toLowerCase();
      if (property === 'og:url') ogUrl ??= content;
      else if (property === 'article:published_time') found('meta article:published_time', content);
      if (get('itemprop') === 'datePublished') found('meta datePublished', content);
      if (
        name === 'date' ||
        name === 'publishdate' ||
        name === 'pubdate' ||
        name === 'publish_date'
      )
        found(`meta ${name}`, content);
    } else {
      const datetime = get('datetime');
      if (get('itemprop') === 'datePublished') found('time datePublished', datetime);
      if (datetime && element.closest('article')) found('time in article', datetime);
      found('time', datetime);
    }
  }
  const url = httpUrl(given) ?? httpUrl(canonical, given) ?? httpUrl(ogUrl, given);
  const date = DATE_PLACES.map((place) => dates.get(place)).find((d) => d !== undefined);
  const language = document.documentElement?.getAttribute('lang')?.trim() || undefined;
  const title = tidyParagraph(document.querySelector('title')?.textContent ?? '') || undefined;
  return {
    ...(url ? { url } : {}),
    ...(date ? { date } : {}),
    ...(language ? { language } : {}),
    ...(title ? { title } : {}),
  };
}

/** A class or id that names an ad slot: `ad`, `ads`, `ad-slot`, `inline-ad`, `advertisement`… */
const AD_NAME =
  /^(?:ads?|adv|adverts?|advertisement|advertising|sponsored|guanggao|ads?[-_][\w-]+|[\w-]+[-_]ads?|dfp[-_][\w-]*|gpt[-_]ad[\w-]*)$/i;

/**
 * A class or id that names an article's metadata line or tool row: `article-info`, `post-meta`,
 * `dateline`, `share`, `tags`, `editor`… Readability keeps these when they sit in the article
 * (turning a `<div>` of spans into a `<p>` of its own, without its class).
 */
const META_NAME =
  /^(?:(?:article|post|entry|story|news)[-_]?)?(?:info|meta|metadata|dateline|source|editor|share|sharing|social|tags|toolbar|footer)$/i;
/** Where the author's name is, for Readability to find it (as its byline). */
const BYLINE = '[rel="author"], [itemprop~="author"], [class*="byline"], [class*="author"]';
/** Longer than this, an element named like a metadata line is taken for text. */
const META_MAX_CHARS = 200;

/**
 * Removes ad slots, which Readability keeps when their names escape its patterns (`ad-slot`,
 * `inline-ad`) and whose labels ("Advertisement") would otherwise read as a paragraph; and the
 * article's metadata lines and tool rows (see {@link META_NAME}), short ones only: a byline inside
 * one is kept, alone, for Readability to read the author from (it then takes the byline out of
 * the text itself).
 */
function removeClutter(document: Document): void {
  for (const element of Array.from(document.querySelectorAll('[class], [id]'))) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
      .split(/\s+/)
      .filter(Boolean);
    if (names.some((name) => AD_NAME.test(name))) {
      element.remove();
      continue;
    }
    if (!names.some((name) => META_NAME.test(name))) continue;
    if ((element.textContent ?? '').trim().length > META_MAX_CHARS) continue;
    const byline = element.querySelector(BYLINE);
    if (byline) element.replaceWith(byline);
    else element.remove();
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as the page gives it, as ISO 8601 where it can be read as one: `2024-03-05T09:30:00Z`
 * stays; `March 5, 2024` becomes `2024-03-05`; anything else stays as written.
 */
export function isoDate(given: string): string {
  const date = given.trim();
  if (/^\d{4}-\d{2}(?:-\d{2})?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(date)) return date;
  // Only dates that name a year: Date.parse reads "5 March" as the year 2001.
  if (!/\b\d{4}\b/.test(date)) return date;
  const parsed = new Date(date);
  if (Number.isNaN(parsed.getTime())) return date;
  const day = `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
  // A time without a zone stays a local time, as the page gives it.
  const hasTime = /\d{1,2}:\d{2}/.test(date);
  return hasTime ? `${day}T${pad(parsed.getHours())}:${pad(parsed.getMinutes())}` : day;
}

/** A byline without its "By " (or 作者：) and extra whitespace. */
function cleanByline(byline: string): string {
  return tidyParagraph(byline)
    .replace(/^(?:by|von|par|por)\s+/i, '')
    .replace(/^(?:作者|文|撰文|记者)\s*[:：/|｜]\s*/, '')
    .trim();
}

/**
 * How many characters an article needs for Readability to take it at once (its default is 500).
 * Below it Readability tries again with looser rules, and a second try keeps the byline in the
 * text (it was taken out on the first); 500 characters is a long page of Chinese.
 */
const CHAR_THRESHOLD = 200;

/**
 * Readability 0.6 writes the article it found into a debug log (`this.log("Grabbed: " +
 * articleContent.innerHTML)` in `parse`) whether or not it is debugging: the whole article
 * serialised to markup, for nothing (the other such logs are behind `if (this._debug)`). Until it
 * is, the article, as `_grabArticle` gives it, serialises to nothing for the length of `parse`
 * (nothing else reads its markup: the serializer here hands over the node itself). The element
 * is returned so that the stand-in can be removed. Leaves Readability as it is if it has no
 * `_grabArticle`.
 */
function withoutLoggedArticle(reader: Readability<Node>): { article?: Element } {
  const seen: { article?: Element } = {};
  const internals = reader as unknown as { _grabArticle?: (page?: Node | null) => Element | null };
  const grab = internals._grabArticle;
  if (typeof grab !== 'function') return seen;
  internals._grabArticle = (page) => {
    const article = grab.call(reader, page);
    if (article) {
      Object.defineProperty(article, 'innerHTML', { configurable: true, get: () => '' });
      seen.article = article;
    }
    return article;
  };
  return seen;
}

/** Reads a web page's article (see the module comment). */
export function readHtml(html: string, options: ReadHtmlOptions = {}): Extraction {
  const document = parsePage(html, true);
  const facts = pageFacts(document, options.url);
  removeClutter(document);
  const reader = new Readability<Node>(document, {
    serializer: (node) => node,
    charThreshold: CHAR_THRESHOLD,
  });
  const unserialised = withoutLoggedArticle(reader);
  const article = reader.parse();
  if (unserialised.article) delete (unserialised.article as { innerHTML?: string }).innerHTML;
  const notes: Message[] = [];

  let body = new ParagraphText();
  if (article?.content) walkDom(article.content, body);
  if (body.isEmpty) {
    // No article (or an empty one): the whole body's text, from a fresh copy of the page.
    const page = parsePage(html, false);
    body = new ParagraphText();
    walkDom(page.body ?? page.documentElement, body);
    if (!body.isEmpty) notes.push(say('fmtHtmlWholePage'));
  }
  if (body.isEmpty) return { ok: false, problems: [problem('', 'fmtHtmlNoText')] };

  const { text, headings } = body.build();
  const title = tidyParagraph(article?.title ?? '') || facts.title;
  const author = cleanByline(article?.byline ?? '');
  const publication = tidyParagraph(article?.siteName ?? '');
  const date = article?.publishedTime?.trim() || facts.date;
  const language = article?.lang?.trim() || facts.language;
  const extracted: ExtractedText = {
    text,
    ...(headings.length ? { headings } : {}),
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    ...(publication ? { publication } : {}),
    ...(date ? { date: isoDate(date) } : {}),
    ...(facts.url ? { url: facts.url } : {}),
    ...(language ? { language } : {}),
    ...(notes.length ? { notes } : {}),
  };
  return { ok: true, extracted };
}
