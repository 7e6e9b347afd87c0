/**
 * How the interface shows a message made outside it (`model/messages.ts`: an import's report and
 * problems, a refused file, a map that cannot be opened by address) in its language. Their English
 * is `MESSAGES`, next to the keys; their Chinese is `MESSAGES_ZH` (i18nMessagesZh.ts, loaded with
 * the Chinese interface).
 */
import {
  fillTemplate,
  MESSAGES,
  type Message,
  type MessageArg,
  type MessageKey,
} from '../model/messages';

export { MESSAGES };

/** A template by key in a language: the UI's translator (`t`) passes its own dictionary. */
type Lookup = (key: MessageKey) => string;

/**
 * A message in the interface's language (its arguments too, when they are messages); a string
 * (free words, data) as it is.
 */
export function showText(t: Lookup, text: MessageArg): string {
  if (typeof text === 'string') return text;
  const show = (m: Message): string => {
    const [place, ...rest] = m.args;
    // A problem's place (`line 4, column 5`) in the same language.
    const args =
      m.key === 'problemAt' && typeof place === 'string' ? [showPlace(t, place), ...rest] : m.args;
    return fillTemplate(t(m.key), args, show);
  };
  return show(text);
}

/** A problem's place in the interface's language: `line 4, column 5` → 第 4 行第 5 列. */
export function showPlace(t: Lookup, place: string): string {
  const at = /^line (\d+)(?:, column (\d+))?$/.exec(place);
  if (!at) return place;
  return at[2] === undefined
    ? fillTemplate(t('placeLine'), [at[1]!], String)
    : fillTemplate(t('placeLineColumn'), [at[1]!, at[2]], String);
}
