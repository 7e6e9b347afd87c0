/**
 * `argmap compare <reference> <student> [--format md|json] [--lang en|zh] [--out file]`: a
 * student's map checked against the reference map of the same text (`model/compare.ts`), as a
 * Markdown feedback sheet (default) or JSON. `argmap.ts` loads both maps (the one load path and
 * the map limits), checks the options with {@link compareOptionProblem} and writes the output
 * (atomically with --out).
 */
import type { ArgMap } from '../model/schema';
import { compareMaps, type MapComparison } from '../model/compare';
import {
  exportCompareJson,
  exportCompareMarkdown,
  type FeedbackLanguage,
} from '../io/exportCompare';

export const COMPARE_FORMATS = ['md', 'json'] as const;
export const COMPARE_LANGUAGES = ['en', 'zh'] as const;

/** What is wrong with compare's options, as a usage message naming what is allowed; else undefined. */
export function compareOptionProblem(options: ReadonlyMap<string, string>): string | undefined {
  const format = options.get('--format');
  if (format !== undefined && !(COMPARE_FORMATS as readonly string[]).includes(format))
    return `compare --format must be one of ${COMPARE_FORMATS.join(', ')} (got "${format}").`;
  const lang = options.get('--lang');
  if (lang !== undefined && !(COMPARE_LANGUAGES as readonly string[]).includes(lang))
    return `compare --lang must be one of ${COMPARE_LANGUAGES.join(', ')} (got "${lang}").`;
  return undefined;
}

/** One line for stderr: the counts a teacher looks at first. */
export function compareSummary(result: MapComparison): string {
  const { points, relations } = result;
  return (
    `points: ${points.found.length} of ${result.reference.points} found, ${points.missing.length} missing, ` +
    `${points.extra.length} extra, ${points.shifted.length} shifted; relations: ${relations.agree.length} agree, ` +
    `${relations.reversed.length} reversed, ${relations.differs.length} differ, ${relations.missing.length} missing, ` +
    `${relations.extra.length} extra.`
  );
}

/** The comparison in the format and language asked for (options already checked). */
export function compareCommandOutput(
  reference: ArgMap,
  student: ArgMap,
  options: ReadonlyMap<string, string>,
): { data: string; summary: string } {
  const result = compareMaps(reference, student);
  const lang = (options.get('--lang') ?? 'en') as FeedbackLanguage;
  const data =
    options.get('--format') === 'json'
      ? exportCompareJson(result)
      : exportCompareMarkdown(result, { lang });
  return { data, summary: compareSummary(result) };
}
