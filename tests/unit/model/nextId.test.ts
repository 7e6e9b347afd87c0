import { afterEach, describe, expect, it } from 'vitest';
import { nextId, setIdTag } from '../../../src/model/ids';

describe('nextId', () => {
  afterEach(() => setIdTag(null));

  it('is one past the highest number used with the prefix', () => {
    expect(nextId('n', ['n1', 'n7', 'e9', 'nx'])).toBe('n8');
    expect(nextId('n', [])).toBe('n1');
  });

  it('in a shared map, tags ids with this person, so two people adding at once never collide', () => {
    const taken = ['n1', 'n150'];
    setIdTag('k3f');
    const mine = nextId('n', taken);
    setIdTag('z9a');
    const theirs = nextId('n', taken);
    expect(mine).toBe('n151.k3f');
    expect(theirs).toBe('n151.z9a');
    // Tagged ids still count: the next one after them goes on from their number.
    setIdTag('k3f');
    expect(nextId('n', [...taken, mine, theirs])).toBe('n152.k3f');
    setIdTag(null);
    expect(nextId('n', [...taken, mine])).toBe('n152');
  });
});
