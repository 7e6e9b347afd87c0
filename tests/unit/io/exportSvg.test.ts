// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { exportSvg } from '../../../src/io/exportSvg';
import { kindStyles } from '../../../src/io/kindStyles';
import { NODE_KINDS, type ArgMap } from '../../../src/model/schema';
import { loadMap } from './loadFixture';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { measureDrawing } from '../../../src/layout/metrics';
import type { Rect } from '../../../src/layout/geometry';

const XSS = '</text><script>alert(1)</script><foreignObject>x</foreignObject> & "q" \'s';

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

function withHostileText(map: ArgMap): ArgMap {
  return {
    ...map,
    title: `<title>${XSS}`,
    nodes: map.nodes.map((n) => (n.id === 'n2' ? { ...n, text: XSS, tags: ['<b>'] } : n)),
  };
}

describe('exportSvg', () => {
  const map = loadMap();

  it('is well-formed SVG with text as <text>/<tspan> and no foreign content', () => {
    const doc = parse(exportSvg(map));
    const root = doc.documentElement;
    expect(root.localName).toBe('svg');
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(doc.getElementsByTagName('text').length).toBeGreaterThan(map.nodes.length);
    expect(doc.getElementsByTagName('foreignObject').length).toBe(0);
    expect(doc.getElementsByTagName('script').length).toBe(0);
    expect(doc.getElementsByTagName('style').length).toBe(0);
    expect(doc.getElementsByTagName('title')[0]?.textContent).toBe(map.title);
  });

  it('is self-contained: no event attributes, no external references', () => {
    const doc = parse(exportSvg(withHostileText(map)));
    for (const el of Array.from(doc.getElementsByTagName('*'))) {
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name.startsWith('on'), `${el.localName} has ${attr.name}`).toBe(false);
        expect(attr.name.endsWith('href'), `${el.localName} has ${attr.name}`).toBe(false);
        if (attr.value.includes('url(')) expect(attr.value).toMatch(/^url\(#[\w-]+\)$/);
      }
    }
  });

  it('writes hostile node text and titles literally', () => {
    const svg = exportSvg(withHostileText(map));
    const doc = parse(svg);
    expect(doc.getElementsByTagName('script').length).toBe(0);
    expect(doc.getElementsByTagName('foreignObject').length).toBe(0);
    const node = doc.querySelector('[data-id="n2"]')!;
    const shown = Array.from(node.getElementsByTagName('tspan'))
      .map((t) => t.textContent)
      .join(' ');
    expect(shown.replace(/\s+/g, '')).toBe(XSS.replace(/\s+/g, ''));
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc.getElementsByTagName('title')[0]?.textContent).toBe(`<title>${XSS}`);
  });

  it('drops characters XML cannot hold instead of producing a broken file', () => {
    const bad = {
      ...map,
      nodes: map.nodes.map((n) => (n.id === 'n1' ? { ...n, text: 'a\u0000b\u0007c\uD800d' } : n)),
    };
    const doc = parse(exportSvg(bad));
    expect(doc.querySelector('[data-id="n1"] tspan')?.textContent).toBe('abcd');
  });

  it('draws every edge as a path with an arrowhead marker of its relation', () => {
    const doc = parse(exportSvg(map));
    const paths = Array.from(doc.querySelectorAll('path[data-edge]'));
    expect(paths.map((p) => p.getAttribute('data-edge')).sort()).toEqual(
      map.edges.map((e) => e.id).sort(),
    );
    for (const p of paths) {
      const relation = p.getAttribute('data-relation');
      expect(p.getAttribute('marker-end')).toBe(`url(#arrow-${relation})`);
      expect(doc.getElementById(`arrow-${relation}`)?.localName).toBe('marker');
    }
  });

  it('colours nodes by kind and shows a legend of the kinds and relations used', () => {
    const doc = parse(exportSvg(map));
    const rect = doc.querySelector('[data-id="n4"] rect')!;
    expect(rect.getAttribute('fill')).toBe(kindStyles.objection.fill);
    const legend = doc.querySelector('g.legend')!.textContent!;
    for (const kind of NODE_KINDS) expect(legend).toContain(kindStyles[kind].label);
    for (const relation of ['supports', 'attacks', 'elaborates'])
      expect(legend).toContain(relation);
  });

  it('exports a subset of nodes with only the edges between them', () => {
    const doc = parse(exportSvg(map, { nodeIds: ['n1', 'n2', 'n9'] }));
    expect(
      Array.from(doc.querySelectorAll('[data-id]')).map((g) => g.getAttribute('data-id')),
    ).toEqual(['n1', 'n2', 'n9']);
    expect(
      Array.from(doc.querySelectorAll('path[data-edge]')).map((p) => p.getAttribute('data-edge')),
    ).toEqual(['e1', 'e7']);
    expect(doc.querySelector('g.legend')!.textContent).not.toContain('Objection');
  });

  it('labels in English from translations, falling back to the node text', () => {
    const doc = parse(exportSvg(map, { language: 'en' }));
    const text = (id: string) =>
      Array.from(doc.querySelectorAll(`[data-id="${id}"] tspan`))
        .map((t) => t.textContent)
        .join(' ');
    expect(text('n1')).toBe('Japan should not adopt nuclear sharing with the US.');
    expect(text('n7')).toBe('A policy the public rejects is hard to sustain.');
  });

  it('uses measured sizes and given positions', () => {
    const doc = parse(
      exportSvg(map, {
        sizes: { n1: { width: 300, height: 90 } },
        positions: { n1: { x: 0, y: 0 } },
      }),
    );
    const rect = doc.querySelector('[data-id="n1"] rect')!;
    expect(rect.getAttribute('width')).toBe('300');
    expect(rect.getAttribute('height')).toBe('90');
  });

  it('crops to the nodes shown, wherever they sit on the canvas', () => {
    const far = {
      ...map,
      nodes: map.nodes.map((n, i) => ({ ...n, position: { x: 5000 + i * 300, y: 3000 } })),
    };
    const doc = parse(exportSvg(far, { nodeIds: ['n1'] }));
    expect(doc.querySelector('[data-id="n1"] rect')?.getAttribute('x')).toBe('24');
    expect(Number(doc.documentElement.getAttribute('width'))).toBeLessThan(600);
    expect(parse(exportSvg(far, { nodeIds: [] })).documentElement.getAttribute('width')).toBe(
      '480',
    );
  });

  it('lays out maps without positions so no two nodes overlap', () => {
    const doc = parse(exportSvg(map));
    const boxes = Array.from(doc.querySelectorAll('[data-id] rect')).map((r) => ({
      x: Number(r.getAttribute('x')),
      y: Number(r.getAttribute('y')),
      w: Number(r.getAttribute('width')),
      h: Number(r.getAttribute('height')),
    }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart).toBe(true);
      }
    }
  });

  it('has a transparent variant without the background rectangle', () => {
    expect(exportSvg(map)).toMatch(/<rect width="[\d.]+" height="[\d.]+" fill="#FFFFFF"\/>/);
    expect(exportSvg(map, { background: 'transparent' })).not.toMatch(
      /<rect width="[\d.]+" height="[\d.]+" fill="#FFFFFF"\/>/,
    );
  });
});

describe('exportSvg of the article map', () => {
  const article = JSON.parse(
    readFileSync(resolve(process.cwd(), 'maps/us-japan-nuclear-sharing.argmap.json'), 'utf8'),
  ) as ArgMap;

  it.each(['source', 'en'])(
    'draws (%s labels) no edge through a box that is not one of its ends, and no box on another',
    (language) => {
      const doc = parse(exportSvg(article, { language }));
      const boxes = new Map<string, Rect>();
      for (const g of doc.querySelectorAll('g[data-id]')) {
        const r = g.querySelector('rect') ?? g.querySelector('circle')!;
        const box =
          r.tagName === 'rect'
            ? {
                x: +r.getAttribute('x')!,
                y: +r.getAttribute('y')!,
                width: +r.getAttribute('width')!,
                height: +r.getAttribute('height')!,
              }
            : {
                x: +r.getAttribute('cx')! - +r.getAttribute('r')!,
                y: +r.getAttribute('cy')! - +r.getAttribute('r')!,
                width: 2 * +r.getAttribute('r')!,
                height: 2 * +r.getAttribute('r')!,
              };
        boxes.set(g.getAttribute('data-id')!, box);
      }
      const byId = new Map(article.edges.map((e) => [e.id, e]));
      const edges = [...doc.querySelectorAll('path[data-edge]')].map((p) => {
        const e = byId.get(p.getAttribute('data-edge')!)!;
        const points = [...p.getAttribute('d')!.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map(
          (m) => ({ x: +m[1]!, y: +m[2]! }),
        );
        return { ...e, points };
      });
      expect(boxes.size).toBe(article.nodes.length);
      expect(edges).toHaveLength(article.edges.length);
      const metrics = measureDrawing(boxes, edges);
      expect(metrics.edgeCrossings).toEqual([]);
      expect(metrics.overlaps).toEqual([]);
    },
  );
});
