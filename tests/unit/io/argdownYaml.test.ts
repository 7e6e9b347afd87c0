/** YAML inside Argdown (front matter and statement data) is read with bounded work. */
import { describe, expect, it } from 'vitest';
import { importArgdown } from '../../../src/io/importArgdown';

/** A "billion laughs": nine levels of nine aliases each (9⁹ strings once expanded). */
function laughs(indent = ''): string {
  const lines = [`${indent}a0: &a0 "lol"`];
  for (let i = 1; i <= 9; i++)
    lines.push(
      `${indent}a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return lines.join('\n');
}

describe('YAML in Argdown', () => {
  it('refuses an alias bomb in the front matter, quickly, naming the problem', () => {
    const input = `===\n${laughs()}\n===\n\n[s]: A statement.\n`;
    const started = performance.now();
    const result = importArgdown(input, { now: 'x' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]!.path).toBe('line 1');
      expect(result.problems[0]!.message).toMatch(/front matter.*more than/);
    }
  });

  it('refuses an alias bomb in statement data, quickly', () => {
    const data = laughs().replace(/\n/g, ', ');
    const input = `[s]: A statement. {${data}}\n`;
    const started = performance.now();
    const result = importArgdown(input, { now: 'x' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/data.*more than/);
  });

  it('refuses a long string repeated by aliases', () => {
    const long = 'x'.repeat(50_000);
    const input = `[s]: A statement. {a: &a "${long}", b: [*a, *a, *a]}\n`;
    const result = importArgdown(input, { now: 'x' });
    expect(result.ok).toBe(false);
  });

  it('reports invalid YAML with its line instead of dropping it', () => {
    const result = importArgdown('[s]: Fine.\n\n[t]: Broken. {a: [1, 2}\n', { now: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toBe('line 3');
  });

  it('still reads ordinary front matter and data', () => {
    const input =
      '===\ntitle: A title\nauthor: Someone\n===\n\n[s]: A statement. #claim {rating: 4}\n  + [t]: A reason.\n';
    const result = importArgdown(input, { now: 'x' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.map.title).toBe('A title');
    expect(result.map.sources[0]!.author).toBe('Someone');
    expect(result.map.nodes.find((n) => n.text === 'A statement.')?.rating).toBe(4);
  });

  it('does not let front matter change the parser’s settings', () => {
    // Argdown's own DataPlugin merges front matter into the request (its settings).
    const input = '===\nmodel:\n  removeTagsFromText: false\n===\n\n[s]: A statement #claim\n';
    const result = importArgdown(input, { now: 'x' });
    expect(result.ok && result.map.nodes[0]!.text).toBe('A statement');
  });
});
