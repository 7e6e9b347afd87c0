/** One thing wrong with a document, at a JSON path such as `nodes[3].refs[0].sentence`. */
export interface Problem {
  path: string;
  message: string;
}

/** Formats a path of keys and indices as `nodes[3].refs[0].sentence` (empty for the root). */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** `nodes[3].text: must be a string` — or just the message when the problem is the whole document. */
export function describeProblem(problem: Problem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/**
 * A value as a problem message shows it: a string quoted and clipped to `max` characters, a
 * number, true/false/null, or just "a list" / "an object" (never walked: it may be huge or deep).
 */
export function briefValue(value: unknown, max = 40): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** How many problems a message lists; the rest are counted. */
export const SHOWN_PROBLEMS = 20;

/** The first {@link SHOWN_PROBLEMS} problems as lines, and "…and N more." for the rest. */
export function problemLines(problems: readonly Problem[]): string[] {
  const lines = problems.slice(0, SHOWN_PROBLEMS).map(describeProblem);
  if (problems.length > SHOWN_PROBLEMS)
    lines.push(`…and ${problems.length - SHOWN_PROBLEMS} more.`);
  return lines;
}
