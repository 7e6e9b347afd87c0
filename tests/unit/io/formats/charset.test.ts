/**
 * Web pages not in UTF-8 (issue 14): a page's character set is read from its byte-order mark,
 * else from its `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes,
 * and the page decoded in it. The GBK, Big5 and Shift_JIS pages are real bytes, encoded by
 * Python's codecs (tests/fixtures/formats/make-charset-pages.py); windows-1252 is written here
 * byte by byte. A character set the platform cannot read, or bytes not valid in it, are refused
 * with a message that names it, in English and in Chinese.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { declaredCharset, decodeHtml, decodeText } from '../../../../src/io/decodeText';
import { importWithRegistry, type ImportedFile } from '../../../../src/io/registry';
import { showText } from '../../../../src/ui/i18nMessages';
import { translator } from '../../../../src/ui/i18n';
import { loadLanguage } from '../../../../src/ui/i18n';

// The Chinese interface loads on demand, as in the app.
beforeAll(() => loadLanguage('zh'));

const page = (name: string) =>
  new Uint8Array(readFileSync(resolve(__dirname, '../../../fixtures/formats', name)));
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const bytesOf = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...ascii(p)] : p)));

async function imported(name: string, bytes: Uint8Array) {
  const result: ImportedFile = await importWithRegistry({ file: { name, bytes } });
  if (result.kind !== 'map') throw new Error(JSON.stringify(result));
  return result.map;
}

function refusal(bytes: Uint8Array) {
  const read = decodeHtml(bytes);
  if (read.ok) throw new Error('read, not refused');
  const [problem] = read.problems;
  return { en: problem!.message, zh: showText(translator('zh'), problem!.says!) };
}

describe('web pages in other character sets than UTF-8', () => {
  it('reads a GBK page as it declares, into a map of its article', async () => {
    const bytes = page('page-gbk.html');
    expect(decodeText(bytes).ok).toBe(false); // not UTF-8: refused as a text file, as before
    const map = await imported('page-gbk.html', bytes);
    expect(map.sources[0]!.text).toBe(
      '核共享的争论\n\n日本国内出现了寻求与美国建立“核共享”机制的言论。这种主张引起了广泛争议。\n\n反对者认为，核共享将违背“无核三原则”，也会削弱国际核不扩散体制。',
    );
    expect(map.title).toBe('核共享的争论');
    expect(map.sources[0]!.language).toBe('zh-CN');
  });

  it('reads Big5 declared by http-equiv, and Shift_JIS past a declaration in a comment', async () => {
    const big5 = await imported('page-big5.html', page('page-big5.html'));
    expect(big5.sources[0]!.text).toContain('日本國內出現了尋求與美國建立「核共享」機制的言論。');
    const sjis = await imported('page-shift-jis.html', page('page-shift-jis.html'));
    expect(sjis.sources[0]!.text).toContain('日本では、米国との「核共有」を求める声が出ている。');
    expect(sjis.title).toBe('核共有の議論');
  });

  it('reads windows-1252 (and ISO-8859-1, which the web reads as windows-1252)', () => {
    for (const label of ['windows-1252', 'ISO-8859-1']) {
      const bytes = bytesOf(
        `<html><head><meta charset="${label}"></head><body><p>Caf`,
        [0xe9, 0x20, 0x96, 0x20],
        'na',
        [0xef],
        've.</p></body></html>',
      );
      const read = decodeHtml(bytes);
      expect(read.ok && read.text).toContain('<p>Café – naïve.</p>');
    }
  });

  it('believes a byte-order mark over the page’s declaration', () => {
    const bytes = bytesOf([0xef, 0xbb, 0xbf], '<meta charset="gbk"><p>', [0xc3, 0xa9], '</p>');
    const read = decodeHtml(bytes);
    expect(read.ok && read.text).toBe('<meta charset="gbk"><p>é</p>');
  });

  it('reads a page that declares UTF-8, or nothing, as before', () => {
    const utf8 = new TextEncoder().encode('<meta charset="UTF-8"><p>汉字</p>');
    expect(decodeHtml(utf8)).toEqual({ ok: true, text: '<meta charset="UTF-8"><p>汉字</p>' });
    // Nothing declared and not UTF-8: the text file's refusal, saying where.
    const read = decodeHtml(bytesOf('<p>Caf', [0xe9], '</p>'));
    expect(!read.ok && read.problems[0]!.message).toMatch(
      /^This is not a UTF-8 text file: byte 0xE9/,
    );
  });

  it('refuses a character set it cannot read, naming it, in both languages', () => {
    expect(refusal(ascii('<meta charset="klingon-8"><p>x</p>'))).toEqual({
      en: 'The page says its text is in the character set “klingon-8”, which cannot be read here. Save the page as UTF-8 and open it again.',
      zh: '网页声明其文字编码为“klingon-8”，此处无法读取这种编码。请将网页另存为 UTF-8 后重新打开。',
    });
  });

  it('refuses bytes that are not valid in the declared character set, naming it', () => {
    // 0x81 begins a two-byte GBK character; a space cannot end one.
    expect(refusal(bytesOf('<meta charset="gbk"><p>', [0x81, 0x20], '</p>'))).toEqual({
      en: 'The page says its text is in the character set “gbk”, but it holds bytes that are not valid in it: the file may be damaged, or its declared character set wrong.',
      zh: '网页声明其文字编码为“gbk”，但其中有在该编码下无效的字节：文件可能已损坏，或所声明的编码有误。',
    });
  });
});

describe('the prescan for a declared character set', () => {
  it('finds <meta charset> and http-equiv, quoted or not, in the first 1024 bytes only', () => {
    expect(declaredCharset(ascii('<meta charset=gb2312>'))).toBe('gb2312');
    expect(declaredCharset(ascii("<META CHARSET = 'Big5' >"))).toBe('Big5');
    expect(
      declaredCharset(
        ascii('<meta content="text/html; charset=Shift_JIS" http-equiv="content-type">'),
      ),
    ).toBe('Shift_JIS');
    expect(declaredCharset(ascii('<meta http-equiv="refresh" content="5; charset=gbk">'))).toBe(
      undefined,
    );
    expect(declaredCharset(ascii('<meta name="x" content="a > b"><meta charset="gbk">'))).toBe(
      'gbk',
    );
    expect(declaredCharset(ascii(`<!-- <meta charset="gbk"> -->${' '.repeat(1100)}`))).toBe(
      undefined,
    );
    expect(declaredCharset(ascii(`${' '.repeat(1024)}<meta charset="gbk">`))).toBe(undefined);
  });
});
