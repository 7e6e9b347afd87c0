import { MAP_LIMITS } from '../model/limits';

export { formatCount } from '../model/limits';

/**
 * How much input the importers accept. The format contract sets no sizes; these limits are the
 * import boundary's, so that no file can freeze the tab or exhaust the call stack. They apply to
 * files (opened, dropped, fetched or given to the command line). The limits of one map (string
 * lengths, counts, its total text), which every importer and every edit applies, are
 * `MAP_LIMITS` in `model/limits.ts`; the string limits here are the same numbers.
 */
export const INPUT_LIMITS = {
  /** File size in bytes, checked before the file is read. */
  bytes: 50_000_000,
  /** Length of a file's decoded text, in UTF-16 code units. */
  chars: 20_000_000,
  /** Nesting of JSON objects and arrays; argument maps nest 6 levels, AIF 4. */
  jsonDepth: 100,
  /**
   * A source text: `sources[i].text` of a map (also inside a backup), AIF's analysed text, an AIF
   * sidecar `.txt`, a plain-text or Argdown file. About a 700-page book; splitting it into
   * sentences takes about a second.
   */
  sourceChars: MAP_LIMITS.sourceChars,
  /** Any other string in a JSON file: a node's text, a note, a quote, a title, a translation. */
  stringChars: MAP_LIMITS.stringChars,
  /** Nesting of Argdown relations (indentation levels); the parser recurses on each. */
  argdownDepth: 50,
  /**
   * YAML in Argdown (front matter, a statement's data), measured as if its aliases were expanded:
   * at most this many values and characters in one block.
   */
  yamlValues: 10_000,
  yamlChars: 100_000,
  /**
   * A backup file (`"format": "argmap-backup"`, told from its first bytes), in bytes and in
   * characters: it holds many maps, each read and checked on its own against `MAP_LIMITS`, so a
   * backup of maps within those limits is never refused for its size below these.
   */
  backupBytes: 200_000_000,
  backupChars: 200_000_000,
} as const;

/** The size limits of a whole file, before it is parsed. */
export interface FileLimits {
  bytes: number;
  chars: number;
}

export const BACKUP_FILE_LIMITS: FileLimits = {
  bytes: INPUT_LIMITS.backupBytes,
  chars: INPUT_LIMITS.backupChars,
};

/** `52.4 MB` (decimal megabytes, as file managers show). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
}
