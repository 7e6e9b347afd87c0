/**
 * A rendering from a `translations` record, by language tag: only the record's own entries, so a
 * tag such as `__proto__` or `constructor` finds nothing rather than an object's inner workings.
 */
export function translationIn(
  translations: Readonly<Record<string, string>> | undefined,
  language: string | undefined,
): string | undefined {
  if (!translations || !language || !Object.hasOwn(translations, language)) return undefined;
  const text = translations[language];
  return typeof text === 'string' ? text : undefined;
}
