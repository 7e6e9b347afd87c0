/** Writes maps/argmap.schema.json from the model's zod definition (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mapJsonSchema } from '../model/jsonSchema';

const target = fileURLToPath(new URL('../../maps/argmap.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(mapJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target}`);
