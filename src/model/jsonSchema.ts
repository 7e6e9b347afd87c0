/** The JSON Schema of the document, generated from the same zod definition as the validator. */
import { z } from 'zod';
import { mapSchema } from './schema';

export const SCHEMA_ID = 'https://argmap.invalid/argmap.schema.json';

/**
 * The structural rules as JSON Schema (draft 2020-12). The cross-record rules (unique ids,
 * references, offsets, quotes) are beyond JSON Schema; the description says so.
 */
export function mapJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(mapSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: SCHEMA_ID,
    ...schema,
    description:
      'One argument map (*.argmap.json), version 2. This schema checks structure only (unknown fields are refused); the editor also checks that ids are unique, that every reference resolves (sentences, nodes, groups, tour steps, comment targets and replies), that groups form no cycle, that offsets lie inside the text, in order and never inside a surrogate pair, that pages are in order, and that quotes match their spans (see src/model/validate.ts).',
  };
}
