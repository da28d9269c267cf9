// Writes lexicons/*.schema.json from the zod schemas (run `npm run schema` after changing them).
import { writeFileSync } from 'node:fs';
import { catalogJsonSchema, lexiconJsonSchema } from '../dist/lexicon/json-schema.js';

writeFileSync(new URL('../lexicons/lexicon.schema.json', import.meta.url), lexiconJsonSchema());
writeFileSync(new URL('../lexicons/certifications.schema.json', import.meta.url), catalogJsonSchema());
console.log('wrote lexicons/lexicon.schema.json and lexicons/certifications.schema.json');
