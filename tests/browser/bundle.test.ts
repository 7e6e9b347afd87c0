/**
 * The page that opens a map loads at most 250 KB of gzipped JavaScript (the entry script and the
 * chunks it preloads, in the production build the browser tests are served from). The
 * occasional views (presentation, comparison, printing), the dialogs that import files and the
 * validator load when first used.
 */
import { inject, test, expect } from 'vitest';
import { bundleSizes } from '../bench/staticChecks';

const LIMIT = 250 * 1024;

test('the initial JavaScript stays within 250 KB gzipped', () => {
  const bundle = bundleSizes(inject('buildDir'));
  const listed = bundle.initial.map((c) => `${c.file} ${c.gzip}`).join('\n');
  expect(bundle.initialJsGzip, `initial chunks:\n${listed}`).toBeLessThanOrEqual(LIMIT);
});
