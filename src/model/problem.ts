import { english, say, type Message, type MessageArg, type MessageKey } from './messages';

/**
 * One thing wrong with a document, at a JSON path such as `nodes[3].refs[0].sentence` (or a
 * place, `line 4, column 5`): its message in English, and, when made from a key, that key and
 * its arguments, for the editor to show in its interface's language.
 */
export interface Problem {
  path: string;
  message: string;
  says?: Message;
}

/** A problem at `path`, from a message key (see `model/messages.ts`) and its arguments. */
export function problem(path: string, key: MessageKey, ...args: (MessageArg | number)[]): Problem {
  const says = say(key, ...args);
  return { path, message: english(says), says };
}

/** A problem's message as a message (a problem made from free words is shown as it is). */
export function problemMessage(problem: Problem): MessageArg {
  return problem.says ?? problem.message;
}

/** The same problem, its message wrapped by a message with the key `key` (`{0}` is the message). */
export function rewordProblem(p: Problem, key: MessageKey, ...before: MessageArg[]): Problem {
  const says = say(key, ...before, problemMessage(p));
  return { ...p, message: english(says), says };
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
  return problemMessages(problems).map(english);
}

/** {@link problemLines} as messages, for the editor to show in its language. */
export function problemMessages(problems: readonly Problem[], shown = SHOWN_PROBLEMS): Message[] {
  const lines = problems
    .slice(0, shown)
    .map((p) =>
      p.path ? say('problemAt', p.path, problemMessage(p)) : say('plain', problemMessage(p)),
    );
  if (problems.length > shown) lines.push(say('moreProblems', problems.length - shown));
  return lines;
}
