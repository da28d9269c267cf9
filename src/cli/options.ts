// Command-line options, validated into one typed object (knip-style): a bad value is a usage
// error (exit 2) that names the flag and what it accepts. The zod schema in options-schema.ts
// is the reference; loading zod costs some 50 ms at start-up, so the values commander usually
// hands over (defaults, plain numbers, known names, real dates) are checked here without it,
// giving exactly what the schema would, and anything else goes to the schema.
import type { z } from 'zod';
import { CertfitError } from '../errors.js';
import type { analyzeOptionsSchema } from './options-schema.js';

export const FORMATS = ['text', 'json', 'ndjson', 'markdown', 'csv', 'html'] as const;
export const INPUT_FORMATS = ['csv', 'tsv', 'jsonl', 'ndjson', 'text'] as const;

export type AnalyzeOptions = z.infer<typeof analyzeOptionsSchema>;

const FLAG: Record<string, string> = { asOf: '--as-of', maxBytes: '--max-bytes', inputFormat: '--input-format', textColumn: '--text-column', cacheDir: '--cache-dir' };

/** Thrown inside the fast check: this value is for the schema to judge. */
const DOUBT = Symbol('doubt');

function realDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The options as the schema would give them, when every value is one it plainly accepts; else throws DOUBT. */
function fastParse(raw: Record<string, unknown>): AnalyzeOptions {
  const check = <T>(ok: boolean, value: T): T => {
    if (!ok) throw DOUBT;
    return value;
  };
  const str = (v: unknown): string | undefined => check(v === undefined || typeof v === 'string', v as string | undefined);
  const bool = (v: unknown, dflt: boolean): boolean => (v === undefined ? dflt : check(typeof v === 'boolean', v as boolean));
  const strings = (v: unknown, each: (s: string) => boolean = () => true): string[] =>
    v === undefined ? [] : check(Array.isArray(v) && v.every((s) => typeof s === 'string' && each(s)), [...(v as string[])]);
  // Plain decimal integers that are safe integers: what z.coerce.number().int().positive() accepts, as Number() reads them.
  const positiveInt = (v: unknown): number | undefined => (v === undefined ? undefined : check(typeof v === 'string' && /^[1-9]\d{0,14}$/.test(v), Number(v)));
  const positive = (v: unknown): number | undefined => (v === undefined ? undefined : check(typeof v === 'string' && /^\d{1,9}(\.\d{1,9})?$/.test(v) && Number(v) > 0, Number(v)));
  const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | undefined => (v === undefined ? undefined : check(values.includes(v as T), v as T));
  const asOf = str(raw.asOf);
  const delimiter = str(raw.delimiter);
  return {
    format: oneOf(raw.format, FORMATS) ?? 'text',
    output: str(raw.output),
    lexicon: strings(raw.lexicon),
    asOf: check(asOf === undefined || realDate(asOf), asOf),
    includeText: bool(raw.includeText, false),
    ignoreRobots: bool(raw.ignoreRobots, false),
    cacheDir: str(raw.cacheDir),
    resolve: strings(raw.resolve, (s) => /^[^:\s]+:\d+:[^\s]+$/.test(s)),
    concurrency: positiveInt(raw.concurrency) ?? 8,
    timeout: positive(raw.timeout) ?? 15,
    maxBytes: positiveInt(raw.maxBytes),
    jobs: positiveInt(raw.jobs) ?? 1,
    inputFormat: oneOf(raw.inputFormat, INPUT_FORMATS),
    textColumn: str(raw.textColumn),
    titleColumn: str(raw.titleColumn),
    idColumn: str(raw.idColumn),
    urlColumn: str(raw.urlColumn),
    delimiter: check(delimiter === undefined || delimiter.length <= 1, delimiter),
    sanitizeFormulas: bool(raw.sanitizeFormulas, false),
    summary: str(raw.summary),
    progress: bool(raw.progress, true),
    color: bool(raw.color, true),
  };
}

/** The options by the schema alone (the reference the fast check is tested against). */
export async function schemaParse(raw: Record<string, unknown>): Promise<AnalyzeOptions> {
  const { analyzeOptionsSchema } = await import('./options-schema.js');
  const parsed = analyzeOptionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue.path[0] ?? '');
  const flag = FLAG[key] ?? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const given = raw[key];
  throw new CertfitError(`invalid value for ${flag}${typeof given === 'string' ? ` (${JSON.stringify(given)})` : ''}: ${issue.message}`);
}

export async function parseAnalyzeOptions(raw: Record<string, unknown>): Promise<AnalyzeOptions> {
  try {
    return fastParse(raw);
  } catch (err) {
    if (err !== DOUBT) throw err;
    return schemaParse(raw);
  }
}
