import { describe, expect, it } from 'vitest';
import { escapeMarkdown, exportMarkdown, outlineOrder } from '../../../src/io/exportMarkdown';
import { loadMap } from './loadFixture';

describe('exportMarkdown', () => {
  const map = loadMap();
  const md = exportMarkdown(map);

  it('outlines from each conclusion down, marking pro, con, detail and joint premises', () => {
    const items = md.split('\n').filter((l) => /^\s*- /.test(l));
    expect(items[0]).toBe('- **Conclusion:** 日本不应与美国实行核共享。');
    expect(items).toContain('  - **Pro** (claim): 核共享会削弱《不扩散核武器条约》的信誉。');
    expect(items).toContain('    - **Detail** (context): 《不扩散核武器条约》于1970年生效。');
    expect(items).toContain('  - **Pro, jointly:**');
    expect(items).toContain(
      '    - **Premise** (claim, implicit): A policy the public rejects is hard to sustain.',
    );
    expect(items).toContain('  - **Con** (objection): 核共享能增强威慑。');
    expect(items).toContain('    - **Con** (rebuttal): 现有的延伸威慑已经足够。');
    expect(items).toContain('- **Recommendation:** 日本应当加强常规防卫能力。');
  });

  it('quotes the source under each item with a footnote citing the source and the sentence', () => {
    expect(md).toContain('  > “日本不应与美国实行核共享。”[^1]');
    expect(md).toMatch(/ {6}> “日本民众普遍反对核武器。”\[\^(\d+)\]/);
    const n = /日本民众普遍反对核武器。”\[\^(\d+)\]/.exec(md)![1];
    expect(md).toContain('[^1]: 张三, *核共享辨析*, 示例期刊 2024, sentence 1.');
    expect(md).toContain(`[^${n}]: 张三, *核共享辨析*, 示例期刊 2024, sentence 3.`);
  });

  it('cites the printed page where the source has pages', () => {
    const paged = {
      ...map,
      sources: map.sources.map((s) => ({
        ...s,
        pages: [
          { label: '98', start: 0 },
          { label: '99', start: 33 },
        ],
      })),
    };
    const out = exportMarkdown(paged);
    expect(out).toContain('[^1]: 张三, *核共享辨析*, 示例期刊 2024, p. 98, sentence 1.');
    expect(out).toMatch(/\[\^\d+\]: 张三, \*核共享辨析\*, 示例期刊 2024, p\. 99, sentence 3\./);
  });

  it('renders English where asked, keeping the original quotes', () => {
    const en = exportMarkdown(map, { language: 'en' });
    expect(en).toContain('- **Conclusion:** Japan should not adopt nuclear sharing with the US.');
    expect(en).toContain('  > “日本不应与美国实行核共享。”[^1]');
  });

  it('escapes node text so it cannot inject HTML or markup', () => {
    const hostile = '<script>alert(1)</script> **bold** [x](javascript:y) ![i](z)\n# heading';
    const out = exportMarkdown({
      ...map,
      nodes: map.nodes.map((n) => (n.id === 'n1' ? { ...n, text: hostile } : n)),
    });
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('**bold**');
    expect(out).not.toMatch(/(?<!\\)\]\(/);
    expect(out).toContain('\\[x\\](javascript:y)');
    expect(out).not.toMatch(/\n# heading/);
    expect(escapeMarkdown('a < b & c')).toBe('a &lt; b &amp; c');
  });

  it('ends cycles and shared premises with “see above” instead of repeating them', () => {
    const cyclic = {
      ...map,
      edges: [...map.edges, { id: 'e8', from: 'n1', to: 'n2', relation: 'attacks' as const }],
    };
    const out = exportMarkdown(cyclic);
    expect(out).toContain('*(see above)*');
    expect(out.length).toBeLessThan(5000);
  });
});

describe('outlineOrder', () => {
  it('lists statements in the order the outline shows them, junctions passed through', () => {
    expect(outlineOrder(loadMap())).toEqual(['n1', 'n2', 'n9', 'n3', 'n7', 'n4', 'n5', 'n6']);
  });

  it('lists every statement once, even in a cycle with no root', () => {
    const map = loadMap();
    const cyclic = {
      ...map,
      nodes: map.nodes.filter((n) => ['n4', 'n5'].includes(n.id)),
      edges: [
        { id: 'a', from: 'n4', to: 'n5', relation: 'attacks' as const },
        { id: 'b', from: 'n5', to: 'n4', relation: 'attacks' as const },
      ],
    };
    expect(outlineOrder(cyclic)).toEqual(['n4', 'n5']);
  });
});
