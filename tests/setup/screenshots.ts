/**
 * Rebuilds the README's screenshots (`npm run screenshots`): builds the app, serves it, and
 * captures the main views in Debian's Chromium.
 */
import { build } from 'vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { rasterize, svgSize } from '../../src/cli/rasterize';
import { exportSvg } from '../../src/io/exportSvg';
import { exportSlidesSvg } from '../../src/io/exportSlidesSvg';
import { SLIDE_WIDTH } from '../../src/io/slideLayout';
import { parseMapText } from '../../src/io/mapFile';
import { serveBuild } from './serveBuild';
import { launchChromium } from '../browser/browser';
import { ENGLISH_TEXT, newMapFromText, nodeFromText } from '../browser/helpers';
import { alteredArticle } from '../unit/model/alteredArticle';
import { serializeMap } from '../../src/io/mapFile';
import { SCHOOL_START_TEXT } from '../fixtures/maps/schoolStart';

/** The school-start text in Chinese, for the Chinese draft's screenshot. */
const SCHOOL_START_ZH =
  '学校应当推迟早上的上课时间。因为青少年比成年人需要更多睡眠，而且青春期的生物钟会推后。' +
  '例如，推迟上课时间的学区出勤率更高。但是，推迟上课会给早起上班的家长带来不便。' +
  '不过，校车可以低成本地重新安排，因此这一反对意见并不有力。';

const OUT = 'tests/screenshots';

await build({ logLevel: 'warn' });
const { server, url } = await serveBuild('dist');
const browser = await launchChromium();
try {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 900 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  // The whole map at open, as a new user sees it on a 1440×900 screen.
  const small = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const first = await small.newPage();
  await first.goto(url);
  await first.waitForSelector('.react-flow__node');
  // Every node of the opening view on the canvas (it takes them a batch per task).
  await first.waitForSelector('.canvas:not([data-opening])');
  await first.waitForTimeout(2000);
  await first.screenshot({ path: `${OUT}/overview.png` });
  // One section up close: the countermeasures, reached through the outline.
  await first.getByTestId('outline-toggle').click();
  await first.waitForTimeout(500);
  await first.screenshot({ path: `${OUT}/outline.png` });
  await first.getByTestId('outline-toggle').click();
  await first.getByTestId('search-input').fill('密切关注美日相关政策文件');
  await first.keyboard.press('Enter');
  await first.getByTestId('search-input').fill('');
  await first.waitForTimeout(300);
  await first.mouse.move(740, 480);
  await first.mouse.wheel(0, 500);
  await first.waitForTimeout(1500);
  await first.screenshot({ path: `${OUT}/section.png` });
  await small.close();

  // The article's SVG export, as a class sees it on a projected 1600-px-wide image.
  const article = parseMapText(readFileSync('maps/us-japan-nuclear-sharing.argmap.json', 'utf8'));
  if (!article.ok) throw new Error('the article map is invalid');
  const svg = exportSvg(article.map);
  const png = rasterize(svg, { scale: 1600 / svgSize(svg)!.width }).png;
  writeFileSync(`${OUT}/article-svg.png`, png);

  await page.goto(url);
  await page.waitForSelector('.react-flow__node');
  await page.waitForSelector('.canvas:not([data-opening])');
  await page.waitForTimeout(800);
  // Jump to a piece of evidence through search, so its sentence lights up in the text.
  await page.getByTestId('search-input').fill('安倍晋三');
  await page.keyboard.press('Enter');
  await page.getByTestId('search-input').fill('');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.getByTestId('search-input').fill('安倍晋三');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(900);
  await page.screenshot({ path: `${OUT}/editor.png` });
  await page.getByTestId('search-input').fill(''); // the other views without the search's dimming

  await page.getByTestId('label-language').selectOption('en');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/editor-english-labels.png` });
  await page.getByTestId('label-language').selectOption('source');

  // Presentation (#13): the stage at a projector's 1280×720 and at 1920×1080 — a section's
  // overview and a tour stop — and the presenter window beside it.
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    const screen = await browser.newContext({ viewport: { width, height } });
    const stage = await screen.newPage();
    await stage.goto(url);
    await stage.waitForSelector('.react-flow__node');
    await stage.getByTestId('present').click();
    // The stage's code loads when first asked for.
    await stage.getByTestId('presentation').waitFor();
    await stage.keyboard.press('ArrowRight');
    await stage.waitForSelector('[data-testid="presentation-overview"]');
    const suffix = width === 1280 ? '' : `-${width}`;
    await stage.screenshot({ path: `${OUT}/presentation-overview${suffix}.png` });
    await stage.keyboard.press('ArrowRight');
    await stage.waitForSelector('[data-testid="presentation-node"]');
    await stage.screenshot({ path: `${OUT}/presentation${suffix}.png` });
    if (width === 1280) {
      // The presenter window, moved on to the first stop with speaker notes.
      const [presenter] = await Promise.all([
        screen.waitForEvent('page'),
        stage.keyboard.press('p'),
      ]);
      await presenter.setViewportSize({ width: 960, height: 600 });
      await presenter.waitForSelector('[data-testid="presenter"]');
      const next = presenter.getByTestId('presenter-next-button');
      while ((await presenter.locator('.presenter-none').count()) > 0 && (await next.isEnabled()))
        await next.click();
      await presenter.waitForTimeout(1200);
      await presenter.screenshot({ path: `${OUT}/presenter.png` });
    }
    await screen.close();
  }

  await page.evaluate(() => (window.print = () => undefined));
  await page.getByTestId('file-menu').click();
  await page.getByTestId('export-print').click();
  await page.waitForSelector('[data-testid="print-handout"][data-ready="true"]', {
    state: 'attached',
  });
  // The handout as printed: a section's numbered map page (A4 landscape, 1,123 px wide at
  // 96 dpi) and the start of the numbered list (A4 portrait).
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1123, height: 794 });
  await page
    .locator('.handout-map')
    .nth(2)
    .screenshot({ path: `${OUT}/handout-section.png` });
  await page.setViewportSize({ width: 794, height: 1123 });
  // (In the page's coordinates: the shot of the section above scrolled the page.)
  const top = await page.evaluate(
    () => document.querySelector('.handout-statements')!.getBoundingClientRect().top + scrollY,
  );
  await page.screenshot({
    path: `${OUT}/handout.png`,
    fullPage: true,
    clip: { x: 0, y: top, width: 794, height: 1000 },
  });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1600, height: 900 });

  await newMapFromText(page, ENGLISH_TEXT, 'Street trees');
  const conclusion = await nodeFromText(page, 's1', 0, 38, 'conclusion');
  await page.locator(`.react-flow__node[data-id="${conclusion}"]`).click();
  await nodeFromText(page, 's2', 0, 48, 'evidence');
  await page.locator(`.react-flow__node[data-id="${conclusion}"]`).click();
  await nodeFromText(page, 's4', 0, 49, 'objection');
  await page.getByTestId('auto-layout').click();
  await page.waitForTimeout(800);
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/english-map.png` });

  // The article as a PDF (printed by Chromium with a running header and page numbers), previewed
  // as a new map's source: its printed pages marked, its headings offered as sections.
  const shipped = parseMapText(readFileSync('maps/us-japan-nuclear-sharing.argmap.json', 'utf8'));
  if (shipped.ok) {
    const escape = (t: string) =>
      t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const paragraphs = shipped.map.sources[0]!.text.split('\n\n');
    const printer = await context.newPage();
    await printer.setContent(
      `<html lang="zh-Hans"><body style="font: 11pt 'Noto Serif CJK SC', serif">${paragraphs
        .map((p) => `<p>${escape(p)}</p>`)
        .join('')}</body></html>`,
    );
    const small = 'font-size:9px;width:100%;text-align:center';
    const pdf = await printer.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small}">日本学刊 · 美日核关系</div>`,
      footerTemplate: `<div style="${small}">· <span class="pageNumber"></span> ·</div>`,
      margin: { top: '2cm', bottom: '2cm', left: '2.2cm', right: '2.2cm' },
    });
    await printer.close();
    await page.getByTestId('file-menu').click();
    await page.getByTestId('new-map-from-file-input').setInputFiles({
      name: 'article.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    const dialog = page.getByTestId('new-map-dialog');
    await dialog.getByTestId('page-mark').nth(1).waitFor({ timeout: 60_000 });
    await dialog
      .getByTestId('new-map-preview')
      .evaluate((el) => el.querySelectorAll('[data-testid="page-mark"]')[1]?.scrollIntoView());
    await page.screenshot({ path: `${OUT}/pdf-preview.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }

  // A draft under review (issue 15): the school-start text drafted in the new-map flow, at
  // 1280 × 800 with the side panes narrowed to 330 and 260 px (as a user can drag them).
  {
    const drafting = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
    });
    await drafting.addInitScript(() => {
      const key = 'argmap-editor-ui';
      if (localStorage.getItem(key)) return;
      const ui = { state: { paneWidths: { source: 330, inspector: 260 } }, version: 1 };
      localStorage.setItem(key, JSON.stringify(ui));
    });
    for (const [language, text, title, file] of [
      ['en', SCHOOL_START_TEXT, 'School start times', 'draft-review.png'],
      ['zh', SCHOOL_START_ZH, '学校上课时间', 'draft-review-zh.png'],
    ] as const) {
      const view = await drafting.newPage();
      await view.goto(url);
      await view.waitForSelector('.canvas:not([data-opening])');
      if (language === 'zh') await view.getByTestId('language-switch').click();
      await view.getByTestId('toolbar-new-map').click();
      await view.getByTestId('new-map-text').fill(text);
      await view.getByTestId('new-map-title').fill(title);
      await view.getByTestId('new-map-preview').locator('li').first().waitFor();
      await view.getByTestId('new-map-draft').check();
      await view.getByTestId('create-map').click();
      await view.getByTestId('draft-review').waitFor({ timeout: 60_000 });
      await view.getByTestId('draft-drafting').waitFor({ state: 'detached', timeout: 60_000 });
      await view.waitForTimeout(1500);
      await view.screenshot({ path: `${OUT}/${file}` });
      await view.close();
    }
    await drafting.close();
  }

  // A slide of the article's lesson, as a 1280 × 720 projector shows it.
  const lesson = parseMapText(readFileSync('maps/us-japan-nuclear-sharing.argmap.json', 'utf8'));
  if (lesson.ok) {
    const slides = exportSlidesSvg(lesson.map, { lang: 'en' });
    const slide = slides.find((svg) => svg.includes('>99 · Claim<')) ?? slides[1]!;
    writeFileSync(
      `${OUT}/slide.png`,
      rasterize(slide, { scale: 1280 / ((SLIDE_WIDTH * 4) / 3) } /* the SVG is sized in points */)
        .png,
    );
  }
  // A student's map checked against the article's (#13): the copy with five points removed, two
  // relations flipped and three spans shifted, its marks on the map, one reversal accepted.
  {
    const compare = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const student = await compare.newPage();
    await student.goto(url);
    await student.waitForSelector('.react-flow__node');
    const copy = { ...alteredArticle().student, id: 'student-copy', title: 'Student copy' };
    await student.getByTestId('file-menu').click();
    await student.getByTestId('import-input').setInputFiles([
      {
        name: 'student.argmap.json',
        mimeType: 'application/json',
        buffer: Buffer.from(serializeMap(copy)),
      },
    ]);
    await student.waitForFunction(
      () => document.querySelector('.toolbar h1')?.textContent === 'Student copy',
    );
    await student.getByTestId('import-report').locator('.banner-close').click();
    await student.getByTestId('file-menu').click();
    await student.getByTestId('compare-start').click();
    await student.getByTestId('compare-chooser').locator('.library-open').first().click();
    const reversed = student.getByTestId('compare-reversed').getByTestId('compare-entry');
    await reversed.first().locator('.compare-show').click();
    await reversed.last().locator('button[data-verdict="right"]').click();
    await student.waitForTimeout(1200);
    // Closer, so the marks on the nodes read as ✓ and ⇄.
    await student.mouse.move(760, 380);
    await student.mouse.wheel(0, -250);
    await student.waitForTimeout(800);
    await student.getByTestId('compare-panel').evaluate((el) => el.scrollTo(0, 0));
    await student.screenshot({ path: `${OUT}/compare.png` });
    await compare.close();
  }
  console.log(`Screenshots written to ${OUT}/`);
} finally {
  await browser.close();
  await server.close();
}
