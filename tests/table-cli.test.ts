// The table command as a user runs it (the built CLI in a child process): exit codes, stdout
// kept clean, --jobs, Ctrl-C leaving no partial file, and a worker that dies on one row.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CERTFIT_COLUMNS } from '../src/table/analyze-row.js';
import type { RowContext, RowJob } from '../src/table/types.js';
import { workerPool } from '../src/table/worker-pool.js';

const ROOT = process.cwd();
const FIX = 'fixtures/table';
const tmp = mkdtempSync(join(tmpdir(), 'certfit-table-cli-'));
const cli = [resolve('dist/cli/main.js')];

function newest(dir: string): number {
  return Math.max(0, ...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
}

beforeAll(() => {
  const built = 'dist/table/worker.js';
  if (!existsSync(built) || !existsSync('dist/cli/main.js') || statSync(built).mtimeMs < newest('src')) {
    spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
  }
  expect(existsSync(built)).toBe(true);
}, 120_000);

function certfit(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [...cli, 'analyze', ...args, '--as-of', '2026-01-15', '--no-progress'], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const rowsOf = (text: string): string[][] => parse(text, { relax_column_count: true, relax_quotes: true, bom: true });

/** A big table from the fixtures' postings, with unique titles so nothing is a duplicate. */
function bigTable(path: string, rows: number): void {
  const texts = rowsOf(readFileSync(`${FIX}/basic.csv`, 'utf8')).slice(1).map((r) => r[4]).filter(Boolean);
  const pad = ' Our team values ownership, written communication and steady delivery across time zones.'.repeat(20);
  const lines = ['title,description'];
  for (let i = 0; i < rows; i++) lines.push(`Role ${i},"${`${texts[i % texts.length]} (req ${i})${pad}`.replace(/"/g, '""')}"`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

describe('exit codes and streams', () => {
  it('exit 1 when a row failed, the file still complete, stdout empty with -o, summary on stderr', () => {
    const out = join(tmp, 'unterminated-out.csv');
    const r = certfit([`${FIX}/unterminated.csv`, '--format', 'csv', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Verdict:');
    expect(r.stderr).toMatch(/1 failed/);
    expect(rowsOf(readFileSync(out, 'utf8'))).toHaveLength(4);
  });

  it('exit 0 when the only rows not analysed are empty ones (scraped exports have many); they are counted apart', () => {
    const out = join(tmp, 'basic-out.csv');
    const r = certfit([`${FIX}/basic.csv`, '--format', 'csv', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/6 input\(s\): 5 analysed, 0 failed, 1 duplicate\(s\), 1 empty/);
    expect(r.stderr).toContain('1 row(s) without posting text');
    expect(rowsOf(readFileSync(out, 'utf8'))).toHaveLength(7);
  });

  it('exit 0 when every row is analysed; the table alone on stdout', () => {
    const r = certfit([`${FIX}/glassdoor.csv`, '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = rowsOf(r.stdout);
    expect(rows).toHaveLength(3);
    expect(rows[0].slice(-CERTFIT_COLUMNS.length)).toEqual([...CERTFIT_COLUMNS]);
    expect(r.stderr).toContain('Verdict:');
  });

  it('exit 2 for a table without a text column, listing its columns, and no output file', () => {
    const out = join(tmp, 'never.csv');
    const r = certfit([`${FIX}/no-text-column.csv`, '--format', 'csv', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"title", "company", "salary"');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exit 2 when worker threads cannot load a lexicon, and no output file', () => {
    const out = join(tmp, 'never-jobs.csv');
    const r = certfit([`${FIX}/basic.csv`, '--format', 'csv', '-o', out, '--jobs', '2', '--lexicon', join(tmp, 'missing-lexicon.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid lexicon/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exit 2 for two inputs, or stdin without --input-format', () => {
    expect(certfit([`${FIX}/basic.csv`, `${FIX}/glassdoor.csv`, '--format', 'csv']).code).toBe(2);
    expect(certfit(['-', '--format', 'csv'], 'title,description\nA,SageMaker\n').code).toBe(2);
  });

  it('reads a table from stdin with --input-format', () => {
    const r = certfit(['-', '--format', 'csv', '--input-format', 'csv'], 'title;description\nA;SageMaker and AWS Glue ETL\n');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/^A;SageMaker and AWS Glue ETL;ok;aws;/);
  });

  it('--summary FILE.json takes the summary off stderr', () => {
    const summary = join(tmp, 'summary.json');
    const r = certfit([`${FIX}/glassdoor.csv`, '--format', 'ndjson', '--summary', summary]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(readFileSync(summary, 'utf8')).summary).toMatchObject({ inputs: 2, analysed: 2 });
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
  });
});

describe('--jobs', () => {
  it('writes the same output with 2 worker threads as with one', () => {
    const input = join(tmp, 'jobs.csv');
    bigTable(input, 700);
    const one = certfit([input, '--format', 'csv']);
    const two = certfit([input, '--format', 'csv', '--jobs', '2']);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(rowsOf(two.stdout)).toHaveLength(701);
    // Many workers are no leak: no Node warning on stderr.
    const many = certfit([`${FIX}/basic.csv`, '--format', 'csv', '--jobs', '12']);
    expect(many.code).toBe(0);
    expect(many.stderr).not.toMatch(/Warning/);
    expect(many.stdout).toBe(certfit([`${FIX}/basic.csv`, '--format', 'csv']).stdout);
  }, 120_000);

  /** The real worker, whose message handler first runs `action` on a batch holding `marker`. */
  function markedWorker(name: string, marker: string, action: string): URL {
    const path = join(tmp, name);
    const real = pathToFileURL(resolve('dist/table/worker.js')).href;
    writeFileSync(path, `import { parentPort } from 'node:worker_threads';
const on = parentPort.on.bind(parentPort);
parentPort.on = (event, fn) => on(event, event !== 'message' ? fn : (m) => {
  if (m.jobs.some((j) => j.text.includes(${JSON.stringify(marker)}))) ${action};
  fn(m);
});
await import(${JSON.stringify(real)});
`);
    return pathToFileURL(path);
  }

  it('a worker that dies on one row costs only that row', async () => {
    const crashing = markedWorker('crashing-worker.mjs', 'CRASH-ME', 'process.exit(7)');
    const ctx: RowContext = { source: 't.csv', textColumn: 'description', wantCells: true, wantJson: false };
    const pool = workerPool(2, { analyzer: { asOf: '2026-01-15' }, ctx }, crashing);
    try {
      // Row 71 dies in the second batch a worker holds; row 11 in the first, with another batch queued behind it.
      for (const bad of [70, 10]) {
        const jobs: RowJob[] = Array.from({ length: 150 }, (_, i) => ({ row: i + 1, text: i === bad ? 'CRASH-ME on SageMaker' : `Row ${i} uses SageMaker and AWS Glue ETL.` }));
        const batches = await Promise.all([pool.run(jobs.slice(0, 64)), pool.run(jobs.slice(64, 128)), pool.run(jobs.slice(128))]);
        const outcomes = batches.flat();
        expect(outcomes.map((o) => o.row)).toEqual(jobs.map((j) => j.row));
        expect(outcomes[bad]).toMatchObject({ status: 'error', error: { code: 'WORKER_CRASH' } });
        expect(outcomes.filter((o) => o.status === 'ok')).toHaveLength(149);
      }
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('a worker that hangs on one row is replaced, and costs only that row', async () => {
    const hanging = markedWorker('hanging-worker.mjs', 'HANG-ME', 'for (;;);');
    const ctx: RowContext = { source: 't.csv', textColumn: 'description', wantCells: true, wantJson: false };
    const pool = workerPool(1, { analyzer: { asOf: '2026-01-15' }, ctx }, hanging, { baseMs: 1500, perMillionCharsMs: 0, startMs: 60_000 });
    try {
      const jobs: RowJob[] = Array.from({ length: 20 }, (_, i) => ({ row: i + 1, text: i === 5 ? 'HANG-ME on SageMaker' : `Row ${i} uses SageMaker.` }));
      const outcomes = (await Promise.all([pool.run(jobs.slice(0, 10)), pool.run(jobs.slice(10))])).flat();
      expect(outcomes.map((o) => o.row)).toEqual(jobs.map((j) => j.row));
      expect(outcomes[5]).toMatchObject({ status: 'error', error: { code: 'WORKER_TIMEOUT' } });
      expect(outcomes[5].error!.message).toMatch(/^row 6 stopped its worker thread \(it took more than 2 s\); it was skipped; --jobs 1 has no such limit$/);
      expect(outcomes.filter((o) => o.status === 'ok')).toHaveLength(19);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('a worker that never starts ends the run with one clear line', async () => {
    const stuck = join(tmp, 'stuck-worker.mjs');
    writeFileSync(stuck, 'for (;;);\n');
    const ctx: RowContext = { source: 't.csv', textColumn: 'description', wantCells: true, wantJson: false };
    const pool = workerPool(1, { analyzer: { asOf: '2026-01-15' }, ctx }, pathToFileURL(stuck), { baseMs: 60_000, perMillionCharsMs: 0, startMs: 1000 });
    try {
      await expect(pool.run([{ row: 1, text: 'Amazon SageMaker' }])).rejects.toThrow(/^a worker thread could not start \(no answer within 1 s\)$/);
    } finally {
      await pool.close();
    }
  }, 30_000);
});

describe('interrupts', () => {
  async function interrupt(signal: NodeJS.Signals, extra: string[]) {
    const dir = mkdtempSync(join(tmp, 'int-'));
    const input = join(dir, 'in.csv');
    bigTable(input, 30_000);
    const out = join(dir, 'out.csv');
    const child = spawn(process.execPath, [...cli, 'analyze', input, '--format', 'csv', '-o', out, '--no-progress', ...extra], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    let finished = false;
    void exited.then(() => (finished = true));
    // Wait until the temporary output has some rows in it, then interrupt.
    const started = Date.now();
    while (!finished && Date.now() - started < 30_000) {
      const partial = readdirSync(dir).find((f) => f.endsWith('.certfit.tmp'));
      if (partial && statSync(join(dir, partial)).size > 100_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const interrupted = !finished && child.kill(signal);
    const code = await exited;
    const left = readdirSync(dir).filter((f) => f !== 'in.csv');
    return { code, out, left, interrupted };
  }

  for (const [signal, extra] of [['SIGINT', []], ['SIGTERM', ['--jobs', '2']]] as const) {
    it(`${signal} ${extra.join(' ')} leaves no partial file and no temporary file`, async () => {
      const r = await interrupt(signal, [...extra]);
      if (r.interrupted) {
        expect(r.code).toBe(130);
        expect(r.left).toEqual([]);
      } else {
        // Finished before the signal: then the file must be whole.
        expect(rowsOf(readFileSync(r.out, 'utf8'))).toHaveLength(30_001);
      }
    }, 120_000);
  }
});
