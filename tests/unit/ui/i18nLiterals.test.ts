/**
 * Both interface languages, everywhere: no English or Chinese words written straight into the
 * UI's JSX (text, or the strings of aria-label, title, placeholder, alt, label), so every one
 * goes through the translations; and every translation key has a text in both languages.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { messagesFor, translator, type MessageKey } from '../../../src/ui/i18n';
import { NODE_KINDS, RELATIONS } from '../../../src/model/schema';
import { loadLanguage } from '../../../src/ui/i18n';

// The Chinese interface loads on demand, as in the app.
beforeAll(() => loadLanguage('zh'));

const UI = join(__dirname, '../../../src/ui');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.tsx') ? [path] : [];
  });
}

/** Words: two Latin letters in a row, or any CJK character. */
const WORDS = /[A-Za-z]{2,}|[\u3400-\u9fff]/;

/** Names that are the same in every language: file formats. */
const NAMES = new Set(['SVG', 'PNG', 'Markdown', 'Argdown', 'AIF', 'JSON']);

const wordy = (text: string) => {
  // A template's interpolations are code, not words.
  const plain = text.replace(/\$\{[^}]*\}/g, ' ').trim();
  return WORDS.test(plain) && !NAMES.has(plain.replace(/[().…]/g, '').trim());
};

/**
 * Literals a reader sees: JSX text between tags (outside braces), and string values of the
 * attributes that name or explain a control.
 */
function literals(source: string): string[] {
  const found: string[] = [];
  // Drop comments first (JSX comments are in braces; // and /* */ elsewhere).
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const named =
    /\b(aria-label|title|placeholder|alt|label)=(?:(["'])([^"']*)\2|\{\s*(['"`])([^'"`]*)\4\s*\})/g;
  for (const m of code.matchAll(named)) {
    const value = m[3] ?? m[5]!;
    if (wordy(value)) found.push(`${m[1]}="${value}"`);
  }
  // Text between a tag's end and the next tag or brace: >Some words<
  for (const m of code.matchAll(/>([^<>{}]*)(?=[<{])/g)) {
    const text = m[1]!.trim();
    // Not TypeScript that looks like JSX text (after an arrow or a generic: code characters).
    if (!text || code[m.index! - 1] === '=' || /[(){}=&|[\]]|;\s*(\n|$)/.test(text)) continue;
    if (wordy(text)) found.push(`>${text}<`);
  }
  return found;
}

describe('no hard-coded words in the UI', () => {
  it('finds what it looks for (the check itself can fail)', () => {
    expect(literals('<button title="Fit View">x</button>')).toEqual(['title="Fit View"']);
    expect(literals('<p>Hello there</p>')).toEqual(['>Hello there<']);
    expect(literals('<p>Your map is safe; it is saved.</p>')).toEqual([
      '>Your map is safe; it is saved.<',
    ]);
    expect(literals('<span aria-label={"关闭"} />')).toEqual(['aria-label="关闭"']);
    expect(literals('<b title={`Move ${id}`} />')).toEqual(['title="Move ${id}"']);
    expect(literals('<b title={`${a} ${b}`}>SVG</b>')).toEqual([]);
    expect(literals("<p>{t('hello')}</p>")).toEqual([]);
    expect(literals('<p>{count} ×</p>')).toEqual([]);
  });

  it('every .tsx file in src/ui passes', () => {
    const offenders = files(UI).flatMap((file) =>
      literals(readFileSync(file, 'utf8')).map((l) => `${relative(UI, file)}: ${l}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe('the translations', () => {
  const en = translator('en');
  const zh = translator('zh');
  const keys = Object.keys(messagesFor('en')) as MessageKey[];

  it('have a text for every key in both languages', () => {
    for (const key of keys) {
      expect(en(key), key).toBeTruthy();
      expect(zh(key), key).toBeTruthy();
    }
    for (const kind of NODE_KINDS) expect(zh.kind(kind)).toBeTruthy();
  });

  it('name the rebuttal kind and the attacks relation differently', () => {
    for (const t of [en, zh]) {
      const kinds = NODE_KINDS.map((k) => t.kind(k));
      expect(new Set(kinds).size).toBe(kinds.length);
      expect(kinds).not.toContain(t.relation('attacks'));
      expect(RELATIONS.map((r) => t.relation(r))).not.toContain(t.kind('rebuttal'));
    }
  });
});
