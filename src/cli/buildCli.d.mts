/** Types of buildCli.mjs (plain JavaScript, so `npm ci`'s `prepare` runs it without tsx). */
export const CLI_DIR: string;
export const CLI_BUNDLE: string;
export function cliBundleIsFresh(): boolean;
export function buildCli(): Promise<void>;
export function ensureCliBundle(): Promise<boolean>;
