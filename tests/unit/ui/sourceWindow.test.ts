import { describe, expect, it } from 'vitest';
import {
  BLOCK_CHARS,
  BlockHeights,
  SPLIT_PARAGRAPH_CHARS,
  blockOfSentence,
  bodyItems,
  sourceBlocks,
} from '../../../src/ui/sourceWindow';

/** A source of `paragraphs` paragraphs of `each` sentences of `length` characters. */
function source(paragraphs: number, each: number, length = 40) {
  const sentences: { id: string; start: number; end: number }[] = [];
  let text = '';
  for (let p = 0; p < paragraphs; p++) {
    if (p) text += '\n\n';
    for (let i = 0; i < each; i++) {
      if (i) text += ' ';
      const s = `${'x'.repeat(length - 1)}.`;
      sentences.push({
        id: `s${sentences.length}`,
        start: text.length,
        end: text.length + s.length,
      });
      text += s;
    }
  }
  return { text, sentences };
}

/** Every sentence once, in order, across the blocks' pieces. */
function covered(blocks: ReturnType<typeof sourceBlocks>): number[] {
  return blocks.flatMap((b) =>
    b.pieces.flatMap((p) => Array.from({ length: p.end - p.first }, (_, i) => p.first + i)),
  );
}

describe('the source pane in blocks', () => {
  it('not windowed: one block of every paragraph, none cut', () => {
    const s = source(3, 400);
    const blocks = sourceBlocks(s, false);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.pieces.map((p) => [p.first, p.end, p.continues])).toEqual([
      [0, 400, false],
      [400, 800, false],
      [800, 1200, false],
    ]);
  });

  it('windowed: short paragraphs gathered up to a block, long ones cut between sentences', () => {
    const s = source(60, 5); // paragraphs of 200 characters
    const blocks = sourceBlocks(s, true);
    expect(covered(blocks)).toEqual(s.sentences.map((_, i) => i));
    for (const b of blocks) {
      expect(b.chars).toBeLessThanOrEqual(BLOCK_CHARS);
      expect(b.pieces.every((p) => !p.continues)).toBe(true);
    }
    expect(blocks.length).toBeLessThan(15);
    // One paragraph of 5,000 sentences (the largest file's shape): pieces that go on.
    const long = source(1, 5_000);
    const cut = sourceBlocks(long, true);
    expect(covered(cut)).toEqual(long.sentences.map((_, i) => i));
    expect(cut.length).toBeGreaterThan(100);
    expect(cut.slice(0, -1).every((b) => b.pieces[0]!.continues)).toBe(true);
    expect(cut.at(-1)!.pieces[0]!.continues).toBe(false);
    // A paragraph under the cutting length stays whole.
    const whole = source(1, Math.floor(SPLIT_PARAGRAPH_CHARS / 41));
    expect(sourceBlocks(whole, true)).toHaveLength(1);
  });

  it('finds the block of a sentence', () => {
    const blocks = sourceBlocks(source(1, 5_000), true);
    for (const index of [0, 1, 37, 2_500, 4_999]) {
      const b = blocks[blockOfSentence(blocks, index)]!;
      expect(b.first <= index && index < b.end).toBe(true);
    }
  });

  it('estimates heights, learns from measured ones, and finds the blocks in view', () => {
    const blocks = sourceBlocks(source(1, 5_000), true);
    const heights = new BlockHeights(blocks);
    heights.setWidth(400);
    const estimate = heights.height(10);
    expect(estimate).toBeGreaterThan(0);
    // Measured twice as tall as estimated: the unmeasured ones are estimated twice as tall too.
    expect(heights.measure(0, heights.height(0) * 2)).toBe(true);
    heights.recompute();
    expect(heights.height(10)).toBeCloseTo(estimate * 2);
    expect(heights.measure(0, heights.height(0))).toBe(false);
    // The offsets add up; the range covers exactly the blocks overlapping the view.
    expect(heights.offsets[1]).toBeCloseTo(heights.height(0));
    const [from, to] = heights.range(heights.offsets[20]! + 1, heights.offsets[23]! - 1)!;
    expect([from, to]).toEqual([20, 22]);
    expect(heights.range(-100, -1)).toBeNull();
    expect(heights.range(heights.total + 1, heights.total + 100)).toBeNull();
    // A new width forgets what was measured.
    expect(heights.setWidth(800)).toBe(true);
    expect(heights.height(0)).toBeLessThan(estimate);
  });

  it('stands a spacer for every run of blocks left out', () => {
    const blocks = sourceBlocks(source(1, 5_000), true);
    const heights = new BlockHeights(blocks);
    const items = bodyItems([5, 6, 7, 40], blocks.length, heights);
    expect(items.map((i) => ('block' in i ? i.block : `spacer ${i.spacer}`))).toEqual([
      'spacer 0',
      5,
      6,
      7,
      'spacer 8',
      40,
      'spacer 41',
    ]);
    const total = items.reduce(
      (sum, i) => sum + ('block' in i ? heights.height(i.block) : i.height),
      0,
    );
    expect(total).toBeCloseTo(heights.total);
  });
});
