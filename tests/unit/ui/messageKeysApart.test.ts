/**
 * The interface's dictionary spreads the model's messages (operations' refusals, import and
 * session messages) among its own keys: a UI key with the name of a model message silently
 * replaces it (a refused share link once read only "link refused"). The three sets of keys stay
 * apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/model/messages';
import { OPERATION_MESSAGES } from '../../../src/model/operations';

/** The keys written in `en` itself (src/ui/i18n.ts), not those spread into it. */
function ownUiKeys(): string[] {
  const source = readFileSync(new URL('../../../src/ui/i18n.ts', import.meta.url), 'utf8');
  const start = source.indexOf('const en = {');
  const end = source.indexOf('} as const;', start);
  return [...source.slice(start, end).matchAll(/^ {2}([A-Za-z0-9_]+):/gm)].map((m) => m[1]!);
}

describe('message keys', () => {
  it('are read from the dictionary (the check itself sees the keys)', () => {
    expect(ownUiKeys()).toContain('readOnlyRefused');
    expect(ownUiKeys().length).toBeGreaterThan(300);
  });

  it('of the interface, the model’s operations and the model’s messages never share a name', () => {
    const ui = new Set(ownUiKeys());
    const operations = Object.keys(OPERATION_MESSAGES);
    const model = Object.keys(MESSAGES);
    expect(operations.filter((k) => ui.has(k))).toEqual([]);
    expect(model.filter((k) => ui.has(k))).toEqual([]);
    expect(model.filter((k) => operations.includes(k))).toEqual([]);
  });
});
