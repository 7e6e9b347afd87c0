import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapJsonSchema } from '../../../src/model/jsonSchema';

describe('the committed JSON Schema', () => {
  it('is exactly what the model generates (run `npm run schema` after changing the model)', () => {
    const committed = JSON.parse(readFileSync('maps/argmap.schema.json', 'utf8'));
    expect(committed).toEqual(mapJsonSchema());
  });

  it('names every node kind and requires the fields the contract requires', () => {
    const schema = mapJsonSchema() as {
      required: string[];
      properties: { nodes: { items: { properties: { kind: { enum: string[] } } } } };
    };
    expect(schema.required).toEqual(
      expect.arrayContaining(['format', 'version', 'id', 'title', 'sources', 'nodes', 'edges']),
    );
    expect(schema.properties.nodes.items.properties.kind.enum).toContain('inference');
  });
});
