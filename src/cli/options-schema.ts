// The analyze options as a zod schema: the reference for what each flag accepts, and where a
// bad value's message comes from. Loaded only when options.ts's fast check has a doubt.
import { z } from 'zod';
import { FORMATS, INPUT_FORMATS } from './options.js';

const realDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'a real calendar date');

const WHOLE = { error: 'expected a whole number of 1 or more' };
const positiveInt = z.coerce.number(WHOLE).int(WHOLE).positive(WHOLE);
const SECONDS = { error: 'expected a number of seconds above 0' };

export const analyzeOptionsSchema = z.object({
  format: z.enum(FORMATS).default('text'),
  output: z.string().optional(),
  lexicon: z.array(z.string()).default([]),
  asOf: realDate.optional(),
  includeText: z.boolean().default(false),
  ignoreRobots: z.boolean().default(false),
  cacheDir: z.string().optional(),
  resolve: z.array(z.string().regex(/^[^:\s]+:\d+:[^\s]+$/, 'HOST:PORT:ADDRESS')).default([]),
  concurrency: positiveInt.default(8),
  timeout: z.coerce.number(SECONDS).positive(SECONDS).default(15),
  maxBytes: positiveInt.optional(),
  jobs: positiveInt.default(1),
  inputFormat: z.enum(INPUT_FORMATS).optional(),
  textColumn: z.string().optional(),
  titleColumn: z.string().optional(),
  idColumn: z.string().optional(),
  urlColumn: z.string().optional(),
  delimiter: z.string().max(1, { error: 'expected a single character' }).optional(),
  sanitizeFormulas: z.boolean().default(false),
  summary: z.string().optional(),
  progress: z.boolean().default(true),
  color: z.boolean().default(true),
});
