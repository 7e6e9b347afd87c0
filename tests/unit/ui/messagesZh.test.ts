/**
 * Issue #12, "both languages, everywhere", for the messages made outside the interface: every
 * message key (model/messages.ts) has its English and its Chinese with the same arguments, and
 * what an import reports — a refused file's problems, the notes on an AIF, Argdown or text file —
 * shows in Chinese with no English words left but its arguments (file names, paths, ids, data).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { importBytes } from '../../../src/io/importBytes';
import { MESSAGES, english, say, type Message, type MessageArg } from '../../../src/model/messages';
import { problemMessages } from '../../../src/model/problem';
import { OPERATION_MESSAGES } from '../../../src/model/operations';
import { showPlace, showText } from '../../../src/ui/i18nMessages';
import { MESSAGES_ZH } from '../../../src/ui/i18nMessagesZh';
import { messagesFor, translator } from '../../../src/ui/i18n';
import { BAD_INPUTS } from '../../fixtures/bad/badInputs';
import { loadLanguage } from '../../../src/ui/i18n';

// The Chinese interface loads on demand, as in the app.
beforeAll(() => loadLanguage('zh'));

const zh = translator('zh');
const en = translator('en');

/** Names and code that stay as they are in Chinese: formats, fields, protocols, units. */
const KEPT =
  /Access-Control-Allow-Origin|argmap-backup|OpenDocument|Not Found|Argdown|nodeID|fromID|toID|argmap|format|nodes|edges|elaborates|JSON|YAML|AIF|CORS|UTF|BOM|PNG|JPEG|GIF|PDF|ZIP|gzip|Word|Excel|https?|HTTP|localhost|example\.org|MB|RA|CA|MA|true|false|null|\\[nu]/g;

/** English words (two Latin letters in a row) in `text`, once the kept names are taken out. */
function englishWords(text: string): string[] {
  return text.replace(KEPT, ' ').match(/[A-Za-z]{2,}/g) ?? [];
}

/** The data a message carries: its string arguments, at any depth. */
function argumentsOf(message: MessageArg): string[] {
  return typeof message === 'string' ? [message] : message.args.flatMap(argumentsOf);
}

/** A message in Chinese with its arguments taken out (longest first, so none is cut short). */
function withoutArguments(message: Message): string {
  let text = showText(zh, message);
  for (const arg of argumentsOf(message).sort((a, b) => b.length - a.length))
    if (arg) text = text.split(arg).join(' ');
  return text;
}

const placeholders = (template: string) =>
  [...template.matchAll(/\{\d\}/g)].map((m) => m[0]).sort();

describe('the message tables', () => {
  it('give every key its English and its Chinese, with the same arguments', () => {
    const keys = Object.keys(MESSAGES) as (keyof typeof MESSAGES)[];
    expect(Object.keys(MESSAGES_ZH).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(MESSAGES_ZH[key].trim(), key).not.toBe('');
      expect(placeholders(MESSAGES_ZH[key]), key).toEqual(placeholders(MESSAGES[key]));
      // The interface's dictionaries hold them (spread into i18n.ts).
      expect(messagesFor('en')[key], key).toBe(MESSAGES[key]);
      expect(messagesFor('zh')[key], key).toBe(MESSAGES_ZH[key]);
    }
    // An edit's refusals: the Chinese may leave an argument out (这种节点), never add one.
    for (const key of Object.keys(OPERATION_MESSAGES) as (keyof typeof OPERATION_MESSAGES)[]) {
      expect(zh(key), key).not.toBe(OPERATION_MESSAGES[key]);
      for (const p of placeholders(zh(key)))
        expect(placeholders(OPERATION_MESSAGES[key]), key).toContain(p);
    }
  });

  it('leave no English words in the Chinese but names of formats and code', () => {
    const leftover = Object.entries(MESSAGES_ZH).flatMap(([key, text]) =>
      englishWords(text.replace(/\{\d\}/g, ' ')).map((word) => `${key}: ${word}`),
    );
    expect(leftover).toEqual([]);
    // The check itself finds English.
    expect(englishWords('文件 is empty')).toEqual(['is', 'empty']);
    expect(englishWords('此 JSON 不是 AIF')).toEqual([]);
  });

  it('show places of problems in Chinese, paths as they are', () => {
    expect(showPlace(zh, 'line 4, column 5')).toBe('第 4 行第 5 列');
    expect(showPlace(zh, 'line 12')).toBe('第 12 行');
    expect(showPlace(zh, 'nodes[3].refs[0]')).toBe('nodes[3].refs[0]');
    expect(showPlace(en, 'line 4, column 5')).toBe('line 4, column 5');
  });

  it('render nested messages in one language, and in English for the command line', () => {
    const message = say('fileIsKind', say('fileKindPng'));
    expect(english(message)).toBe(
      'This is a PNG image, not a text file, so it cannot be an argument map, AIF, Argdown or plain text.',
    );
    expect(showText(en, message)).toBe(english(message));
    expect(showText(zh, message)).toBe(
      '这是 PNG 图片，不是文本文件，因此不可能是论证图、AIF、Argdown 或纯文本。',
    );
  });
});

const utf8 = (text: string) => new TextEncoder().encode(text);

/** What the import report lists for a file, as messages (as src/app/importFiles.ts makes them). */
async function reportOf(name: string, bytes: Uint8Array): Promise<Message[]> {
  const result = await importBytes({ name, bytes }, false);
  if (result.kind === 'refused') {
    // Every problem by key, but the Argdown parser's own words about a line.
    for (const p of result.problems)
      if (!/\.argdown$/.test(name) || !/^line \d/.test(p.path))
        expect(p.says, p.message).toBeDefined();
    return problemMessages(result.problems);
  }
  if (result.kind === 'map') return result.notes;
  return [say('impRestored', result.maps.length)];
}

/** AIF that loses things on the way in: a locution, no analysed text, no kinds. */
const LOSSY_AIF = JSON.stringify({
  nodes: [
    { nodeID: '1', text: 'Schools should start later.', type: 'I' },
    { nodeID: '2', text: 'Teenagers sleep late.', type: 'I' },
    { nodeID: '3', text: 'Default Inference', type: 'RA' },
    { nodeID: '4', text: 'Bob: schools should start later', type: 'L' },
    { nodeID: '5', text: 'Default Conflict', type: 'CA' },
    { nodeID: '6', text: 'Buses cost more.', type: 'I' },
  ],
  edges: [
    { edgeID: 'a', fromID: '2', toID: '3' },
    { edgeID: 'b', fromID: '3', toID: '1' },
    { edgeID: 'c', fromID: '6', toID: '5' },
    { edgeID: 'd', fromID: '5', toID: '1' },
  ],
});

const NOTED_ARGDOWN = `# Start times

[Later]: Schools should start later.
  + <Sleep>: Teenagers sleep late.
  - Buses cost more.

## Costs

[Costs]: Buses cost more. {elaborates: "Nowhere"}
`;

describe('an import report in Chinese', () => {
  const cases: [string, string, Uint8Array][] = [
    ...BAD_INPUTS.filter((c) => !c.large).map(
      (c) => [c.title, c.name, c.bytes()] as [string, string, Uint8Array],
    ),
    ['an AIF file with losses', 'lossy.json', utf8(LOSSY_AIF)],
    ['an Argdown file with notes', 'noted.argdown', utf8(NOTED_ARGDOWN)],
    ['a plain text', 'plain.txt', utf8('One sentence. Another one.')],
  ];

  it.each(cases)('has no English words but its arguments: %s', async (_title, name, bytes) => {
    const lines = await reportOf(name, bytes);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const shown = showText(zh, line);
      expect(shown, english(line)).not.toBe(english(line));
      expect(englishWords(withoutArguments(line)), shown).toEqual([]);
    }
  });

  it('names what an AIF file lost, in Chinese', async () => {
    const shown = (await reportOf('lossy.json', utf8(LOSSY_AIF))).map((m) => showText(zh, m));
    expect(shown).toContain('已跳过 1 个 L（话语）节点：只有 I、RA、CA 和 MA 节点承载论证。');
    expect(shown).toContain('此 AIF 不含分析文本：来源由各陈述拼成。');
  });
});
