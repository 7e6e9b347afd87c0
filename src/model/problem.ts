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
