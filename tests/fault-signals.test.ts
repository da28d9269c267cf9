// Ctrl-C (SIGINT) and SIGTERM in the middle of a run, with the built CLI: exit 130, one line on
// stderr, and no report or temporary file under the output's folder. (Long table runs are
// interrupted in tests/table-cli.test.ts › interrupts.)
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ensureBuilt, listTree, startCertfit, tempDir, type Running } from './helpers/cli.js';
import { startServer, type TestServer } from './helpers/http-server.js';

let server: TestServer;
const hanging = new Set<{ destroy: () => void }>();

beforeAll(async () => {
  ensureBuilt();
  server = await startServer({
    // Accepts the request and never answers: the run is stuck in the network until interrupted.
    '/hang': (req) => void hanging.add(req.socket),
  });
}, 180_000);
afterAll(async () => {
  for (const s of hanging) s.destroy();
  await server.close();
});

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const started = Date.now();
  while (!ok()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function interrupt(run: Running, signal: NodeJS.Signals, ready: () => boolean) {
  let exited = false;
  void run.done.then(() => (exited = true));
  try {
    await until('the run to get going', () => ready() || exited);
  } catch (err) {
    run.child.kill('SIGKILL');
    throw err;
  }
  expect(exited, 'the run ended before it could be interrupted').toBe(false);
  run.child.kill(signal);
  return run.done;
}

describe('plain analyze', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while a URL is being fetched: exit 130, "interrupted", no report, no temporary file`, async () => {
      const dir = tempDir(`signal-${signal}`);
      const out = join(dir, 'report.json');
      const before = server.hits.get('/hang') ?? 0;
      const run = startCertfit(['analyze', 'fixtures/examples/aws-ml-engineer.txt', `${server.origin}/hang`, '--format', 'json', '-o', out, '--timeout', '120', '--as-of', AS_OF, '--no-progress']);
      const r = await interrupt(run, signal, () => (server.hits.get('/hang') ?? 0) > before);
      expect(r.code).toBe(130);
      expect(r.stderr).toBe('certfit: interrupted; no report was written\n');
      expect(r.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
      expect(listTree(dir)).toEqual([]);
      rmSync(dir, { recursive: true, force: true });
    });
  }

  it('SIGINT while reading a standard input that never ends: exit 130 and nothing on stdout', async () => {
    const run = startCertfit(['analyze', '-', '--format', 'json', '--as-of', AS_OF, '--no-progress']);
    run.child.stdin!.write('We use Amazon SageMaker');
    let stderr = '';
    run.child.stderr!.on('data', (b: Buffer) => (stderr += b));
    // Give the process time to start reading (it has no other way to say so).
    const started = Date.now();
    const r = await interrupt(run, 'SIGINT', () => Date.now() - started > 1500);
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    expect(stderr).toContain('interrupted');
  });
});

describe('tables', () => {
  for (const [signal, jobs] of [['SIGINT', '1'], ['SIGTERM', '2']] as const) {
    it(`${signal} (--jobs ${jobs}) while a table streams in from stdin: exit 130, no file, no temporary file`, async () => {
      const dir = tempDir(`table-${signal}`);
      const out = join(dir, 'scored.csv');
      const run = startCertfit(['analyze', '-', '--input-format', 'csv', '--format', 'csv', '-o', out, '--jobs', jobs, '--as-of', AS_OF, '--no-progress']);
      run.child.stdin!.write('title,description\n');
      for (let i = 0; i < 3000; i++) run.child.stdin!.write(`Role ${i},"Amazon SageMaker and AWS Glue ETL, row ${i}."\n`);
      // The table is open (and its temporary output exists) once the header has been read; stdin stays open.
      const r = await interrupt(run, signal, () => listTree(dir).some((f) => f.endsWith('.certfit.tmp')));
      expect(r.code).toBe(130);
      expect(r.stderr).toContain(`certfit: interrupted; ${out} was not written`);
      expect(listTree(dir)).toEqual([]);
      rmSync(dir, { recursive: true, force: true });
    });
  }
});
