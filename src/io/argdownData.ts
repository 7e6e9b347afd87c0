/**
 * YAML in Argdown — the front matter (`=== … ===`) and a statement's data (`{…}`) — read with
 * bounded work, in place of `@argdown/core`'s DataPlugin. js-yaml keeps an alias as a second
 * reference to the same value, so loading never expands one; what expands is whatever walks the
 * value afterwards (the DataPlugin deep-merges the front matter into the parser's settings, and a
 * map's data is copied and printed). Here each value is measured as if expanded, stopping as soon
 * as it passes {@link INPUT_LIMITS}.yamlValues values or yamlChars characters, and refused then;
 * the front matter is kept as the document's metadata and never merged into the settings.
 */
import { load } from 'js-yaml';
import type { IArgdownPlugin, ITokenNodeHandler } from '@argdown/core';
import { problem, type Problem } from '../model/problem';
import { say, type Message } from '../model/messages';
import { INPUT_LIMITS, formatCount } from './inputLimits';

interface Token {
  image: string;
  startLine?: number | undefined;
}

/** Why `value` is too big once its aliases are expanded, or undefined; stops at the limits. */
export function yamlTooBig(value: unknown): Message | undefined {
  let values = 0;
  let chars = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (++values > INPUT_LIMITS.yamlValues)
      return say('adYamlValues', formatCount(INPUT_LIMITS.yamlValues));
    if (typeof v === 'string') chars += v.length;
    else if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (typeof v === 'object' && v !== null) {
      for (const [key, item] of Object.entries(v)) {
        chars += key.length;
        stack.push(item);
      }
    }
    if (chars > INPUT_LIMITS.yamlChars)
      return say('adYamlChars', formatCount(INPUT_LIMITS.yamlChars));
  }
  return undefined;
}

const FRONT_START = /^\s*={3,}/;
const FRONT_END = /={3,}\s*$/;
const BLOCK_START = /^{[ \t]*(\n\r|\n)/;
const BLOCK_END = /}\s*$/;

/** The DataPlugin's replacement; `problems` collects what it refused, with lines. */
export class BoundedDataPlugin implements IArgdownPlugin {
  name = 'DataPlugin';
  readonly problems: Problem[] = [];

  private read(what: Message, source: string, token: Token): unknown {
    const path = token.startLine !== undefined ? `line ${token.startLine}` : '';
    let value: unknown;
    try {
      value = load(source);
    } catch (error) {
      const reason = (error as { reason?: string }).reason ?? (error as Error).message;
      this.problems.push(problem(path, 'adYamlInvalid', what, reason));
      return undefined;
    }
    const tooBig = yamlTooBig(value);
    if (tooBig) {
      this.problems.push(problem(path, 'adYamlTooBig', what, tooBig));
      return undefined;
    }
    return value;
  }

  tokenListeners: Record<string, ITokenNodeHandler> = {
    Data: (_request, _response, node, parentNode) => {
      // chevrotain's token type does not resolve here; a token has at least these two fields.
      const token = node as unknown as Token;
      let source = token.image;
      const block = BLOCK_START.exec(source);
      if (block) source = source.slice(block[0].length).replace(BLOCK_END, '');
      const data = this.read(say('adData'), source, token);
      if (parentNode) parentNode.data = data;
    },
    FrontMatter: (_request, response, node, parentNode) => {
      const token = node as unknown as Token;
      const source = token.image.replace(FRONT_START, '').replace(FRONT_END, '');
      const data = this.read(say('adFrontMatter'), source, token);
      if (parentNode) parentNode.data = data;
      response.frontMatter = data;
    },
  };
}
