// JSON Schemas generated from the zod schemas, committed beside the lexicons for editors.
import { z } from 'zod';
import { lexiconFileSchema } from './schema.js';
import { catalogFileSchema } from './catalog-schema.js';

export function lexiconJsonSchema(): string {
  return `${JSON.stringify({ ...z.toJSONSchema(lexiconFileSchema, { io: 'input' }), title: 'certfit lexicon' }, null, 2)}\n`;
}

export function catalogJsonSchema(): string {
  return `${JSON.stringify({ ...z.toJSONSchema(catalogFileSchema, { io: 'input' }), title: 'certfit certification catalog' }, null, 2)}\n`;
}
