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

describe('the JSON Schema of version 2', () => {
  /** Every object schema in `node` with named properties, with its JSON path. */
  function objects(node: unknown, path = ''): [string, Record<string, unknown>][] {
    if (typeof node !== 'object' || node === null) return [];
    const here = node as Record<string, unknown>;
    const found: [string, Record<string, unknown>][] = here.properties ? [[path, here]] : [];
    for (const [key, value] of Object.entries(here))
      found.push(...objects(value, `${path}/${key}`));
    return found;
  }

  it('refuses unknown fields on every object, as the validator does', () => {
    const all = objects(mapJsonSchema());
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const [path, schema] of all) expect(schema.additionalProperties, path).toBe(false);
  });

  it('has the fields of version 2, and requires tours instead of tour', () => {
    const schema = mapJsonSchema() as {
      required: string[];
      properties: Record<string, { items?: { properties: Record<string, unknown> } }>;
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['groups', 'tours', 'comments']),
    );
    expect(schema.properties).not.toHaveProperty('tour');
    expect(schema.required).toContain('tours');
    expect(Object.keys(schema.properties.nodes!.items!.properties)).toEqual(
      expect.arrayContaining(['group', 'label', 'scheme']),
    );
    expect(Object.keys(schema.properties.sources!.items!.properties)).toEqual(
      expect.arrayContaining(['origin', 'pages']),
    );
    expect(schema.properties.edges!.items!.properties).toHaveProperty('scheme');
  });
});
