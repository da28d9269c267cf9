// The CLI's quick option check (no zod at start-up) gives exactly what the zod schema gives, and
// leaves every value it is unsure of, with its error message, to the schema.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnalyzeOptions, schemaParse } from '../src/cli/options.js';
import { REPORTERS } from '../src/cli/analyze-command.js';
import { reporters } from '../src/report/index.js';

const outcome = async (p: Promise<unknown>): Promise<unknown> => p.then((value) => ({ value }), (err: Error) => ({ error: err.message }));

const pick = (...values: unknown[]) => fc.constantFrom(...values);
const number = pick(undefined, '1', '8', '16', '0', '-1', '1.5', '1e3', '0x10', ' 8', '', 'abc', '007', '999999999999999', '9999999999999999', 'Infinity', '2.', '.5');
const text = pick(undefined, '', 'x', 'out.json', 'a b', ',', '\t', 'ab', '∑');
const raw = fc.record(
  {
    format: pick(undefined, 'text', 'json', 'ndjson', 'markdown', 'csv', 'html', 'xml', 'TEXT', ''),
    output: text,
    lexicon: pick(undefined, [], ['a.json'], ['a.json', 'b.json'], [''], 'a.json', [1]),
    asOf: pick(undefined, '2026-01-15', '2024-02-29', '2025-02-29', '2026-13-01', '2026-1-15', '2026-01-15 ', '20260115', '0000-01-01', '9999-12-31', ''),
    includeText: pick(undefined, true, false, 'yes'),
    ignoreRobots: pick(undefined, true, false),
    cacheDir: text,
    resolve: pick(undefined, [], ['example.com:443:127.0.0.1'], ['bad'], ['a:1:b', 'c:x:d'], ['a :1:b']),
    concurrency: number,
    timeout: number,
    maxBytes: number,
    jobs: number,
    inputFormat: pick(undefined, 'csv', 'tsv', 'jsonl', 'ndjson', 'text', 'CSV', 'xlsx'),
    textColumn: text,
    titleColumn: text,
    idColumn: text,
    urlColumn: text,
    delimiter: text,
    sanitizeFormulas: pick(undefined, true, false),
    summary: text,
    progress: pick(undefined, true, false),
    color: pick(undefined, true, false, 1),
    unknown: pick(undefined, 'ignored'),
  },
  { requiredKeys: [] },
);

// Only values the schema accepts (with edge cases: leading zeros, the largest safe integers, leap days).
const fine = fc.record(
  {
    format: pick(undefined, 'text', 'json', 'ndjson', 'markdown', 'csv', 'html'),
    output: pick(undefined, '', 'out.json'),
    lexicon: pick(undefined, [], ['a.json', 'b.json']),
    asOf: pick(undefined, '2026-01-15', '2024-02-29', '0001-01-01', '9999-12-31'),
    includeText: pick(undefined, true, false),
    resolve: pick(undefined, [], ['example.com:443:127.0.0.1']),
    concurrency: pick(undefined, '1', '8', '007', '999999999999999'),
    timeout: pick(undefined, '15', '0.5', '1.5', '0001', '1e3', '.5'),
    maxBytes: pick(undefined, '1', '10485760'),
    jobs: pick(undefined, '1', '2'),
    inputFormat: pick(undefined, 'csv', 'text'),
    delimiter: pick(undefined, '', ';', '\t'),
    progress: pick(undefined, true, false),
    color: pick(undefined, true, false),
  },
  { requiredKeys: [] },
);

describe('analyze options', () => {
  it('gives what the zod schema gives for values it accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fine, async (r) => {
        expect(await parseAnalyzeOptions(r)).toEqual(await schemaParse(r));
      }),
      { numRuns: 1000 },
    );
  });


  it('parses as the zod schema does, value for value and error for error', async () => {
    await fc.assert(
      fc.asyncProperty(raw, async (r) => {
        expect(await outcome(parseAnalyzeOptions(r))).toEqual(await outcome(schemaParse(r)));
      }),
      { numRuns: 3000 },
    );
  });

  it('parses what commander hands over by default', async () => {
    const defaults = { format: 'text', concurrency: '8', timeout: '15', jobs: '1', progress: true, color: true };
    expect(await parseAnalyzeOptions(defaults)).toEqual(await schemaParse(defaults));
    expect(await parseAnalyzeOptions(defaults)).toMatchObject({ format: 'text', concurrency: 8, timeout: 15, jobs: 1, lexicon: [], resolve: [] });
  });
});

describe('reporters loaded on demand', () => {
  it('are the reporters of every format', async () => {
    expect(Object.keys(REPORTERS).sort()).toEqual(Object.keys(reporters).sort());
    for (const [format, load] of Object.entries(REPORTERS)) expect(await load(), format).toBe(reporters[format]);
  });
});
