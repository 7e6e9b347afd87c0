import { describe, expect, it } from 'vitest';
import { shiftIntoView } from '../../../src/ui/canvas/freeArea';

const free = { x: 0, y: 0, width: 1000, height: 600 };

describe('shiftIntoView', () => {
  it('moves nothing when the box is already in view', () => {
    expect(shiftIntoView({ x: 100, y: 100, width: 200, height: 80 }, free)).toEqual({
      dx: 0,
      dy: 0,
    });
  });
  it('moves only as far as needed, on the axis that needs it', () => {
    expect(shiftIntoView({ x: 900, y: 100, width: 200, height: 80 }, free, 20)).toEqual({
      dx: -120,
      dy: 0,
    });
    expect(shiftIntoView({ x: 100, y: -50, width: 200, height: 80 }, free, 20)).toEqual({
      dx: 0,
      dy: 70,
    });
  });
  it('aligns a box larger than the free area with its top-left corner', () => {
    expect(shiftIntoView({ x: 300, y: 0, width: 2000, height: 80 }, free, 10).dx).toBe(-290);
  });
});
