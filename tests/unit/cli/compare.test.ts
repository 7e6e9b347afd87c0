/** `argmap compare <reference> <student>`, driven in-process through `run` as the other CLI tests. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/argmap';
import { fakeIo } from './fakeIo';
import { serializeMap } from '../../../src/io/mapFile';
import { alteredArticle } from '../model/alteredArticle';

const ARTICLE = 'maps/us-japan-nuclear-sharing.argmap.json';
const SMALL = 'tests/fixtures/io/small.argmap.json';

const { student, removed, shifted } = alteredArticle();
const files = { 'student.argmap.json': serializeMap(student) };

describe('argmap compare', () => {
  it('writes the feedback sheet for the acceptance case, with its counts on stderr', async () => {
    const t = fakeIo(files);
    expect(await run(['compare', ARTICLE, 'student.argmap.json'], t.io)).toBe(0);
    const md = t.stdout();
    expect(md).toMatch(/^# Feedback: /);
    expect(md).toContain('## Missing points (5)');
    expect(md).toContain('## Extra points (0)');
    expect(md).toContain('## Relations reversed (support ↔ attack) (2)');
    expect(md).toContain('## Missing relations (0)');
    expect(md).toContain('## Shifted spans (3)');
    expect(t.stderr()).toMatch(
      /^note: points: 141 of 146 found, 5 missing, 0 extra, 3 shifted; relations: \d+ agree, 2 reversed, 0 differ, 0 missing, 0 extra\.\n$/,
    );
  });

  it('writes JSON, and the sheet in Chinese, to a file with --out', async () => {
    const json = fakeIo(files);
    expect(
      await run(['compare', ARTICLE, 'student.argmap.json', '--format', 'json'], json.io),
    ).toBe(0);
    const result = JSON.parse(json.stdout());
    expect(result.points.missing.map((p: { id: string }) => p.id)).toEqual(removed);
    expect(result.points.shifted.map((m: { reference: { id: string } }) => m.reference.id)).toEqual(
      shifted,
    );
    expect(result.relations.reversed).toHaveLength(2);

    const zh = fakeIo(files);
    expect(
      await run(
        ['compare', ARTICLE, 'student.argmap.json', '--lang=zh', '--out', 'feedback.md'],
        zh.io,
      ),
    ).toBe(0);
    expect(zh.stdout()).toBe('');
    const sheet = zh.written.get('feedback.md') as string;
    expect(sheet).toMatch(/^# 反馈：/);
    expect(sheet).toContain('## 遗漏的论点 (5)');
    expect(sheet).toContain('## 相反的关系（支持 ↔ 反对） (2)');
  });

  it.each([
    [['compare', ARTICLE], /compare needs two files: <reference> <student>/],
    [['compare', ARTICLE, SMALL, 'third'], /Unexpected argument\(s\): third/],
    [
      ['compare', ARTICLE, SMALL, '--format', 'svg'],
      /--format must be one of md, json \(got "svg"\)/,
    ],
    [['compare', ARTICLE, SMALL, '--lang', 'fr'], /--lang must be one of en, zh \(got "fr"\)/],
    [['compare', ARTICLE, SMALL, '--scale', '2'], /compare does not take --scale/],
    [['compare', ARTICLE, SMALL, '--out', ' '], /--out needs a file name/],
  ])('exits 2 with the usage on a usage error: %j', async (argv, message) => {
    const t = fakeIo();
    expect(await run(argv, t.io)).toBe(2);
    expect(t.stderr()).toMatch(message);
    expect(t.stderr()).toContain('compare <reference> <student>');
  });

  it('exits 1 naming the file that is not a valid map', async () => {
    const t = fakeIo({ 'bad.argmap.json': '{"format":"argmap"' });
    expect(await run(['compare', ARTICLE, 'bad.argmap.json'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/^argmap: bad\.argmap\.json is not a valid argument map:/);
    const gone = fakeIo();
    expect(await run(['compare', 'nope.json', SMALL], gone.io)).toBe(1);
    expect(gone.stderr()).toBe('argmap: nope.json: no such file.\n');
  });

  it('prints nothing a terminal would act on from the maps', async () => {
    const map = JSON.parse(readFileSync(SMALL, 'utf8'));
    map.title = 'Evil\u001b]0;pwned\u0007 title\u202e';
    map.nodes[0].text = 'Text \u001b[2J with \u009b controls';
    const evil = fakeIo({ 'evil.argmap.json': JSON.stringify(map) });
    for (const format of ['md', 'json']) {
      evil.io.stdout = (t) => {
        const s = String(t);
        // eslint-disable-next-line no-control-regex -- matching control characters is the point
        expect(s).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      };
      expect(await run(['compare', SMALL, 'evil.argmap.json', '--format', format], evil.io)).toBe(
        0,
      );
    }
  });
});
