// Command-line options, validated with zod into one typed object (knip-style): a bad value
// is a usage error (exit 2) that names the flag and what it accepts.
import { z } from 'zod';
import { CertfitError } from '../errors.js';

export const FORMATS = ['text', 'json', 'ndjson', 'markdown', 'csv', 'html'] as const;

const realDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'a real calendar date');

const positiveInt = z.coerce.number().int().positive();

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
  timeout: z.coerce.number().positive().default(15),
  maxBytes: positiveInt.optional(),
  jobs: positiveInt.default(1),
  inputFormat: z.enum(['csv', 'tsv', 'jsonl', 'ndjson', 'text']).optional(),
  textColumn: z.string().optional(),
  titleColumn: z.string().optional(),
  idColumn: z.string().optional(),
  urlColumn: z.string().optional(),
  delimiter: z.string().max(1).optional(),
  sanitizeFormulas: z.boolean().default(false),
  summary: z.string().optional(),
  progress: z.boolean().default(true),
  color: z.boolean().default(true),
});
export type AnalyzeOptions = z.infer<typeof analyzeOptionsSchema>;

const FLAG: Record<string, string> = { asOf: '--as-of', maxBytes: '--max-bytes', inputFormat: '--input-format', textColumn: '--text-column', cacheDir: '--cache-dir' };

export function parseAnalyzeOptions(raw: Record<string, unknown>): AnalyzeOptions {
  const parsed = analyzeOptionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue.path[0] ?? '');
  const flag = FLAG[key] ?? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  throw new CertfitError(`invalid value for ${flag}: ${issue.message}`);
}
