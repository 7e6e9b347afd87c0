/**
 * A backup is restored map by map, in real Chromium: the healthy map comes back (and opens) while
 * a map over the limits is listed with its number, title and reason, and nothing stored before is
 * changed.
 */
import { describe, expect, it } from 'vitest';
import { freshPagePerTest } from './freshPage';
import { serializeBackup } from '../../src/io/backup';
import { sampleMap } from '../unit/model/sampleMap';

const state = freshPagePerTest();

describe('restoring a backup', () => {
  it('brings back the healthy maps and lists each refused one with its reasons', async () => {
    const { page } = state;
    const healthy = { ...sampleMap(), id: 'restored-trees', title: 'Restored trees' };
    const oversized = {
      ...sampleMap(),
      id: 'big-note',
      title: 'Pasted too much',
      nodes: sampleMap().nodes.map((n, i) => (i === 1 ? { ...n, note: 'x'.repeat(100_001) } : n)),
    };
    await page.getByTestId('file-menu').click();
    await page.getByTestId('import-input').setInputFiles({
      name: 'argmap-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(serializeBackup([healthy, oversized])),
    });
    const entry = page.locator('[data-testid="import-file"][data-file="argmap-backup.json"]');
    await entry.waitFor({ timeout: 30_000 });
    const lines = await entry.locator('li').allTextContents();
    expect(lines[0]).toBe('1 map(s) restored.');
    expect(lines[1]).toBe('Not restored: map 2 “Pasted too much”:');
    expect(lines[2]).toMatch(
      /^\s*nodes\[1\]\.note: is 100,001 characters long; the limit for this field is 100,000/,
    );
    // The restored map is the one opened.
    await expect
      .poll(() => page.locator('.react-flow__node-arg').count(), { timeout: 20_000 })
      .toBe(4);
  });
});
