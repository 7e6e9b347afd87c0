/**
 * Editing as fast as thought, in real Chromium with real keys, clicks and selection, in both
 * interface languages: typing never fires commands, quick building from a selected node, the
 * caret and Esc, edges as first-class (select, inspect, change the relation, delete, undo), the
 * shortcut list from the command registry and dialogs keeping the focus.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPagePerTest } from './freshPage';
import { newMapFromText, nodeFromText, nodeIds } from './helpers';

const session = freshPagePerTest();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      testId: el?.dataset.testid ?? null,
      node: el?.classList.contains('react-flow__node') ? el.dataset.id : null,
    };
  });
const kindOf = (id: string) => node(id).locator('.arg-node').getAttribute('data-kind');
const edgeBetween = (from: string, to: string) =>
  page.locator(`.react-flow__edge[data-from="${from}"][data-to="${to}"]`);

async function setLanguage(language: 'en' | 'zh') {
  if (language === 'zh') {
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
  }
}

for (const language of ['en', 'zh'] as const) {
  describe(`commands and quick building (${language} interface)`, () => {
    it('puts the caret in a new node: typing its text fires no command, Esc returns to the node', async () => {
      await setLanguage(language);
      await newMapFromText(page);
      const thesis = await nodeFromText(page, 's1', 0, 10, 'conclusion');
      await node(thesis).click();
      const before = await node(thesis).boundingBox();
      await page.keyboard.press('n');
      await expect.poll(async () => (await focused()).testId).toBe('node-text');
      // Every letter of a command key: n, l, t, c, o, s, a, e, f, g, 1, ?.
      const text = 'Alternative treatments can be costly, slow and often inelegant? 1';
      await page.keyboard.type(text);
      const ids = await nodeIds(page);
      expect(ids).toHaveLength(2);
      const added = ids.find((id) => id !== thesis)!;
      expect(await node(added).locator('.arg-node-text').textContent()).toBe(text);
      expect(await page.getByTestId('node-text').inputValue()).toBe(text);
      // No layout ran, no toggle happened, no dialog opened.
      expect(await node(thesis).boundingBox()).toEqual(before);
      expect(await page.getByTestId('label-language').inputValue()).toBe('source');
      expect(await page.getByTestId('outline-view').count()).toBe(0);
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await focused()).node).toBe(added);
      // From the node, single keys act again: A adds an objection to it, caret in its text.
      await page.keyboard.press('a');
      await expect.poll(async () => (await nodeIds(page)).length).toBe(3);
      await expect.poll(async () => (await focused()).testId).toBe('node-text');
      const objection = (await nodeIds(page)).find((id) => id !== thesis && id !== added)!;
      expect(await kindOf(objection)).toBe('objection');
      expect(await edgeBetween(objection, added).getAttribute('class')).toContain('edge-attacks');
    });

    it('adds a reason, an objection and a rebuttal with the buttons on the selected node', async () => {
      await setLanguage(language);
      await newMapFromText(page);
      const thesis = await nodeFromText(page, 's1', 0, 10, 'conclusion');
      await node(thesis).click();
      await node(thesis).getByTestId('add-reason').click();
      await expect.poll(async () => (await nodeIds(page)).length).toBe(2);
      const reason = (await nodeIds(page)).find((id) => id !== thesis)!;
      expect(await kindOf(reason)).toBe('claim');
      expect(await edgeBetween(reason, thesis).getAttribute('class')).toContain('edge-supports');
      await expect.poll(async () => (await focused()).testId).toBe('node-text');
      await page.keyboard.type('Shade saves energy');

      // Beside its sibling, below the thesis, without moving either.
      const thesisBox = await node(thesis).boundingBox();
      const reasonBox = await node(reason).boundingBox();
      await node(thesis).click();
      await node(thesis).getByTestId('add-objection').click();
      await expect.poll(async () => (await nodeIds(page)).length).toBe(3);
      const objection = (await nodeIds(page)).find((id) => id !== thesis && id !== reason)!;
      expect(await kindOf(objection)).toBe('objection');
      expect(await edgeBetween(objection, thesis).getAttribute('class')).toContain('edge-attacks');
      const objectionBox = (await node(objection).boundingBox())!;
      expect(await node(thesis).boundingBox()).toEqual(thesisBox);
      expect(await node(reason).boundingBox()).toEqual(reasonBox);
      expect(Math.abs(objectionBox.y - reasonBox!.y)).toBeLessThan(2);
      expect(objectionBox.x).toBeGreaterThanOrEqual(reasonBox!.x + reasonBox!.width);
      // In view.
      const canvas = (await page.locator('.canvas').boundingBox())!;
      expect(objectionBox.x + objectionBox.width).toBeLessThanOrEqual(canvas.x + canvas.width);

      // On an objection the button is "+ rebuttal".
      await node(objection).click();
      expect(await node(objection).getByTestId('add-objection').count()).toBe(0);
      await node(objection).getByTestId('add-rebuttal').click();
      await expect.poll(async () => (await nodeIds(page)).length).toBe(4);
      const rebuttal = (await nodeIds(page)).find(
        (id) => ![thesis, reason, objection].includes(id),
      )!;
      expect(await kindOf(rebuttal)).toBe('rebuttal');
      expect(await edgeBetween(rebuttal, objection).getAttribute('class')).toContain(
        'edge-attacks',
      );
      // Undo takes the rebuttal (node and edge) back in one step.
      await page.getByTestId('undo').click();
      await expect.poll(async () => (await nodeIds(page)).length).toBe(3);
      expect(await edgeBetween(rebuttal, objection).count()).toBe(0);
    });
  });

  describe(`edges on the canvas (${language} interface)`, () => {
    it('selects an edge by click, shows both ends by text, changes its relation, deletes it', async () => {
      await setLanguage(language);
      await newMapFromText(page);
      const thesis = await nodeFromText(page, 's1', 0, 38, 'conclusion');
      const premise = await nodeFromText(page, 's2', 0, 18, 'evidence');
      const edge = edgeBetween(premise, thesis);
      // (A straight vertical edge has no width: attached, not "visible" to Playwright.)
      await edge.waitFor({ state: 'attached' });
      // The edge is named by its ends' text, not by ids.
      expect(await edge.getAttribute('aria-label')).toContain('Trees cool streets');
      expect(await edge.getAttribute('aria-label')).toContain('Cities should plant');
      // Click on the drawn route.
      const point = await edge.locator('path.react-flow__edge-path').evaluate((p) => {
        const path = p as SVGPathElement;
        const at = path.getPointAtLength(path.getTotalLength() / 2);
        const m = path.getScreenCTM()!;
        return { x: at.x * m.a + m.e, y: at.y * m.d + m.f };
      });
      await page.mouse.click(point.x, point.y);
      const inspector = page.getByTestId('edge-inspector');
      await inspector.waitFor();
      expect(await inspector.getByTestId('edge-from').textContent()).toContain(
        'Trees cool streets',
      );
      expect(await inspector.getByTestId('edge-to').textContent()).toContain(
        'Cities should plant more street trees.',
      );
      expect(await page.getByTestId('edge-relation').inputValue()).toBe('supports');
      // Keys: A attacks, E elaborates; the label menu: supports.
      await page.keyboard.press('a');
      await expect.poll(() => edge.getAttribute('class')).toContain('edge-attacks');
      await page.keyboard.press('e');
      await expect.poll(() => edge.getAttribute('class')).toContain('edge-elaborates');
      await page.getByTestId('edge-menu').locator('[data-relation="supports"]').click();
      await expect.poll(() => edge.getAttribute('class')).toContain('edge-supports');
      // A note on the edge.
      await page.getByTestId('edge-note').fill('only in summer');
      // Delete removes it (not its ends); undo brings it back with its note.
      await page.mouse.click(point.x, point.y);
      await page.keyboard.press('Delete');
      await expect.poll(() => edge.count()).toBe(0);
      expect((await nodeIds(page)).sort()).toEqual([thesis, premise].sort());
      await page.getByTestId('undo').click();
      await expect.poll(() => edge.count()).toBe(1);
      await page.mouse.click(point.x, point.y);
      await expect.poll(() => page.getByTestId('edge-note').inputValue()).toBe('only in summer');
    });
  });
}

for (const language of ['en', 'zh'] as const) {
  describe(`spans in the source (${language} interface)`, () => {
    it('marks each cited span in its node’s kind colour, lights only the selected node’s span, names the nodes on hover', async () => {
      await setLanguage(language);
      await newMapFromText(page);
      // Two nodes citing the two halves of one sentence.
      const first = await nodeFromText(page, 's2', 0, 18, 'evidence');
      await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
      const second = await nodeFromText(page, 's2', 19, 48, 'objection');
      const piece = (id: string) =>
        page.locator(`[data-sentence-id="s2"] .piece[data-nodes="${id}"]`);
      expect(await piece(first).textContent()).toBe('Trees cool streets');
      expect(await piece(second).textContent()).toBe('by several degrees in summer.');
      // Underlined in each node's kind colour (evidence green, objection orange).
      const colours = async (id: string) =>
        piece(id).evaluate((el) => getComputedStyle(el).backgroundImage);
      expect(await colours(first)).not.toBe(await colours(second));
      // Selecting the first node lights its span only, not the whole sentence.
      await node(first).click();
      await expect.poll(() => piece(first).getAttribute('class')).toContain('lit');
      expect(await piece(second).getAttribute('class')).not.toContain('lit');
      expect(await page.locator('[data-sentence-id="s2"]').getAttribute('class')).not.toContain(
        'lit-whole',
      );
      // Hovering a piece names the nodes citing it by kind and text.
      await piece(second).hover();
      await expect
        .poll(() => piece(second).getAttribute('title'))
        .toContain('by several degrees in summer.');
      expect(await piece(second).getAttribute('title')).not.toContain(second);
    });

    it('makes a node from text selected with the keyboard alone', async () => {
      await setLanguage(language);
      await newMapFromText(page);
      await page.getByTestId('source-body').focus();
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
      await expect.poll(() => page.locator('.selection-quote').textContent()).toContain('Cities');
      // Typing in the text changes nothing (it is only editable for the caret).
      await page.keyboard.press('x');
      expect(await page.locator('[data-sentence-id="s1"]').textContent()).toBe(
        'Cities should plant more street trees.',
      );
      expect(await nodeIds(page)).toEqual([]);
      for (let i = 0; i < 5; i++) {
        const now = await focused();
        if (now.testId === 'create-node-from-selection') break;
        await page.keyboard.press('Tab');
      }
      expect((await focused()).testId).toBe('create-node-from-selection');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await nodeIds(page)).length).toBe(1);
      const [made] = await nodeIds(page);
      expect(await node(made!).locator('.arg-node-text').textContent()).toBe('Cities');
      expect(await kindOf(made!)).toBe('conclusion');
    });
  });
}

for (const language of ['en', 'zh'] as const) {
  describe(`keyboard order and menus (${language} interface)`, () => {
    it('tabs toolbar → source → nodes in outline order → edges → inspector; a tabbed-to edge is selected and takes S/A/E', async () => {
      await setLanguage(language);
      await newMapFromText(page);
      // Made in this order: thesis, reason, objection, then a reason for the reason. The outline
      // lists the reason's own reason under it, before the objection.
      const thesis = await nodeFromText(page, 's1', 0, 38, 'conclusion');
      const made = [thesis];
      const addTo = async (parent: string, button: 'add-reason' | 'add-objection') => {
        await node(parent).click();
        await node(parent).getByTestId(button).click();
        await expect.poll(async () => (await nodeIds(page)).length).toBe(made.length + 1);
        const id = (await nodeIds(page)).find((n) => !made.includes(n))!;
        made.push(id);
        await expect.poll(async () => (await focused()).testId).toBe('node-text');
        await page.keyboard.type(`${button} ${made.length}`);
        await page.keyboard.press('Escape');
        return id;
      };
      const reason = await addTo(thesis, 'add-reason');
      const objection = await addTo(thesis, 'add-objection');
      const reasonOfReason = await addTo(reason, 'add-reason');
      await page.keyboard.press('Escape');
      await page.getByTestId('language-switch').focus();
      const areas: string[] = [];
      const tabbedNodes: string[] = [];
      for (let i = 0; i < 80 && !areas.includes('inspector'); i++) {
        await page.keyboard.press('Tab');
        const { area, id } = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const place = (): string => {
            if (el.closest('.toolbar')) return 'toolbar';
            if (el.closest('.source-pane')) return 'source';
            if (el.classList.contains('react-flow__node')) return 'node';
            if (el.closest('.edge-tabs')) return 'edge';
            if (el.closest('.inspector')) return 'inspector';
            return 'other';
          };
          return { area: place(), id: el.dataset.id ?? null };
        });
        if (area === 'node') tabbedNodes.push(id!);
        if (area !== 'other' && areas[areas.length - 1] !== area) areas.push(area);
      }
      // (Splitters, a node's quick-build buttons, the zoom controls and the legend lie between.)
      expect(areas).toEqual(['toolbar', 'source', 'node', 'edge', 'inspector']);
      expect(tabbedNodes).toEqual([thesis, reason, reasonOfReason, objection]);
      // Back to an edge: it is selected, named by its ends, and A makes it an attack.
      const tab = page.locator(`.edge-tabs button[data-edge-id]`).first();
      const edgeId = await tab.getAttribute('data-edge-id');
      await tab.focus();
      const edge = page.locator(`.react-flow__edge[data-id="${edgeId}"]`);
      await expect.poll(() => edge.getAttribute('class')).toContain('selected');
      const from = await edge.getAttribute('data-from');
      expect(await tab.textContent()).toContain(
        await node(from!).locator('.arg-node-text').textContent(),
      );
      await page.keyboard.press('a');
      await expect.poll(() => edge.getAttribute('class')).toContain('edge-attacks');
    });

    it('closes the File menu on Esc and on a click outside', async () => {
      await setLanguage(language);
      const menu = page.locator('details.menu');
      await page.getByTestId('file-menu').click();
      expect(await menu.getAttribute('open')).not.toBeNull();
      await page.keyboard.press('Escape');
      await expect.poll(() => menu.getAttribute('open')).toBeNull();
      await page.getByTestId('file-menu').click();
      expect(await menu.getAttribute('open')).not.toBeNull();
      await page.getByTestId('source-pane').click({ position: { x: 30, y: 300 } });
      await expect.poll(() => menu.getAttribute('open')).toBeNull();
    });
  });

  describe(`the map title (${language} interface)`, () => {
    it('is renamed where it is shown; Esc cancels; undo takes it back', async () => {
      await setLanguage(language);
      await newMapFromText(page);
      const title = page.locator('.toolbar h1');
      await title.dblclick();
      const field = page.getByTestId('title-input');
      await field.fill('Shade and streets');
      await page.keyboard.press('Escape');
      await expect.poll(() => title.textContent()).toBe('Street trees');
      await page.getByTestId('rename-title').click();
      await field.fill('Shade and streets');
      await page.keyboard.press('Enter');
      await expect.poll(() => title.textContent()).toBe('Shade and streets');
      await page.getByTestId('undo').click();
      await expect.poll(() => title.textContent()).toBe('Street trees');
    });
  });
}

describe('connecting by dragging', () => {
  /** Two unconnected nodes side by side: a conclusion, and an evidence node to its right. */
  async function twoNodes() {
    await newMapFromText(page);
    const thesis = await nodeFromText(page, 's1', 0, 38, 'conclusion');
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    const premise = await nodeFromText(page, 's2', 0, 18, 'evidence');
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    return { thesis, premise };
  }
  /** Drags with the mouse from the premise's top handle to `to` (screen pixels). */
  async function dragFromHandle(premise: string, to: { x: number; y: number }) {
    const handle = (await node(premise).locator('.react-flow__handle.source').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x - 40, to.y - 30, { steps: 8 });
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
  }

  it('connects when the drag ends anywhere on the target node, far from its handles', async () => {
    const { thesis, premise } = await twoNodes();
    const box = (await node(thesis).boundingBox())!;
    const zoom = await page
      .locator('.react-flow__viewport')
      .evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a);
    // Near the box's right end, level with its text: far from the bottom handle, in map pixels
    // too (React Flow's snap radius is 60).
    const drop = { x: box.x + box.width - 12, y: box.y + box.height / 2 };
    const bottomHandle = { x: box.x + box.width / 2, y: box.y + box.height };
    expect(Math.hypot(drop.x - bottomHandle.x, drop.y - bottomHandle.y) / zoom).toBeGreaterThan(90);
    await dragFromHandle(premise, drop);
    await expect.poll(() => edgeBetween(premise, thesis).count()).toBe(1);
    expect(await edgeBetween(premise, thesis).getAttribute('class')).toContain('edge-supports');
    // Dropped back on its own box, a drag connects nothing (and reports nothing).
    const own = (await node(premise).boundingBox())!;
    await dragFromHandle(premise, { x: own.x + own.width - 12, y: own.y + own.height / 2 });
    expect(await page.locator('.react-flow__edge').count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    // Undo takes the connection back.
    await page.getByTestId('undo').click();
    await expect.poll(() => edgeBetween(premise, thesis).count()).toBe(0);
  });

  it('draws a fresh edge round its own ends from its first frame, never through them', async () => {
    const { thesis, premise } = await twoNodes();
    // Every shape the new edge takes, frame by frame, from before it exists.
    await page.evaluate((from) => {
      const w = window as unknown as { shapes: string[]; stop: boolean };
      w.shapes = [];
      w.stop = false;
      const tick = () => {
        for (const p of document.querySelectorAll(
          `.react-flow__edge[data-from="${from}"] path.react-flow__edge-path`,
        )) {
          const d = p.getAttribute('d')!;
          if (w.shapes[w.shapes.length - 1] !== d) w.shapes.push(d);
        }
        if (!w.stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, premise);
    // Dropped on the target's own (bottom) handle, as always worked.
    const handle = (await node(thesis)
      .locator('.react-flow__handle.target')
      .first()
      .boundingBox())!;
    await dragFromHandle(premise, {
      x: handle.x + handle.width / 2,
      y: handle.y + handle.height / 2,
    });
    await expect.poll(() => edgeBetween(premise, thesis).count()).toBe(1);
    // Some frames more for the edge to settle, then stop recording.
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          let frames = 20;
          const tick = () => (--frames ? requestAnimationFrame(tick) : done());
          requestAnimationFrame(tick);
        }),
    );
    const crossings = await page.evaluate(
      ({ from, to }) => {
        const w = window as unknown as { shapes: string[]; stop: boolean };
        w.stop = true;
        const path = document.querySelector<SVGPathElement>(
          `.react-flow__edge[data-from="${from}"] path.react-flow__edge-path`,
        )!;
        const boxes = [from, to].map((id) =>
          document.querySelector(`.react-flow__node[data-id="${id}"]`)!.getBoundingClientRect(),
        );
        const probe = path.cloneNode() as SVGPathElement;
        path.parentNode!.appendChild(probe);
        const found: string[] = [];
        for (const d of w.shapes) {
          probe.setAttribute('d', d);
          const m = probe.getScreenCTM()!;
          const length = probe.getTotalLength();
          for (let i = 0; i <= 100; i++) {
            const p = probe.getPointAtLength((length * i) / 100);
            const x = p.x * m.a + m.e;
            const y = p.y * m.d + m.f;
            // Strictly inside a box (its border, where the edge starts and ends, excepted).
            if (
              boxes.some(
                (b) => x > b.left + 3 && x < b.right - 3 && y > b.top + 3 && y < b.bottom - 3,
              )
            )
              found.push(d);
          }
        }
        probe.remove();
        return { shapes: w.shapes.length, crossing: [...new Set(found)] };
      },
      { from: premise, to: thesis },
    );
    expect(crossings.shapes).toBeGreaterThan(0);
    expect(crossings.crossing).toEqual([]);
  });
});

describe('the shortcut list and dialogs', () => {
  it('lists every command key from the registry, keeps the focus inside and gives it back', async () => {
    await newMapFromText(page);
    const shortcutsButton = page.locator('.toolbar [data-command="shortcuts"]');
    await shortcutsButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const rows = await dialog
      .locator('tr')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-command')));
    for (const id of ['addReason', 'addObjection', 'addRebuttal', 'edgeAttacks', 'addNode'])
      expect(rows).toContain(id);
    // Tab never leaves the dialog.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await shortcutsButton.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it('the import report takes the focus, keeps it inside, and gives it back to the File menu', async () => {
    await page.getByTestId('file-menu').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import').click();
    await (
      await chooser
    ).setFiles({
      name: 'broken.argmap.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "argmap", "version": 1,'),
    });
    const report = page.getByRole('alertdialog', { name: 'Import report' });
    await report.waitFor();
    await expect.poll(() => report.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await report.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Shift+Tab');
      expect(await report.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => report.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'file-menu',
    );
  });

  it('presentation mode takes the focus, keeps Tab inside, and gives it back to ▶ Present', async () => {
    const present = page.locator('.toolbar [data-command="present"]');
    await present.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Presentation' });
    await dialog.waitFor();
    await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    // The arrows still step through it.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => dialog.getAttribute('data-slide')).toBe('1');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await present.evaluate((b) => b === document.activeElement)).toBe(true);
  });
});
