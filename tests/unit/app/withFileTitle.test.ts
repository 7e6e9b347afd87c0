import { describe, expect, it } from 'vitest';
import { withFileTitle } from '../../../src/app/importFiles';

describe('a map imported without a title of its own', () => {
  it('is named after its file, not "Imported AIF"', () => {
    expect(withFileTitle({ title: 'Imported AIF' }, 'school-start_v2.json').title).toBe(
      'school start v2',
    );
    expect(withFileTitle({ title: 'Imported Argdown' }, '学校.argdown').title).toBe('学校');
  });
  it('keeps a title the document gave', () => {
    expect(withFileTitle({ title: 'School start' }, 'x.argdown').title).toBe('School start');
  });
});
