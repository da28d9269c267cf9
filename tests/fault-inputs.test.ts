// Faults on the input side: files that vanish or change between listing and reading, symlink
// loops, FIFOs and devices, and an HTTP cache folder that is corrupt, unwritable or not a
// folder. Every input is accounted for with its documented code, and nothing hangs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestItem } from '../src/ingest/index.js';
import { ingestWith } from '../src/ingest/ingest.js';
import { AS_OF, certfit, certfitAsync, ensureBuilt, listTree, tempDir } from './helpers/cli.js';
import { startServer, type TestServer } from './helpers/http-server.js';

const tmp = tempDir('fault-inputs');
const JOB = 'Requirements: Amazon SageMaker and AWS Glue ETL pipelines on AWS.';
const summary = (item: IngestItem): string => (item.ok ? `ok ${item.posting.id}: ${item.posting.text}` : `${item.error.code} ${item.source}`);
const mkfifo = (path: string): boolean => spawnSync('mkfifo', [path]).status === 0;

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('files that change between listing and reading', () => {
  it('a file deleted, one rewritten, one turned into a folder and one into a FIFO after the folder was listed', async () => {
    const dir = join(tmp, 'changing');
    mkdirSync(dir);
    const name = (i: number): string => join(dir, `f${String(i).padStart(2, '0')}.txt`);
    for (let i = 0; i < 24; i++) writeFileSync(name(i), `${i}: ${JOB}`);
    const items: IngestItem[] = [];
    // Files are read a few ahead of their turn (8), so changes to files 16–19 after the first item
    // land between listing and reading.
    for await (const item of ingestWith([dir])) {
      if (items.length === 0) {
        unlinkSync(name(16));
        writeFileSync(name(17), '17: rewritten, now about Azure OpenAI and Azure AI Search.');
        unlinkSync(name(18));
        mkdirSync(name(18));
        unlinkSync(name(19));
        if (!mkfifo(name(19))) writeFileSync(name(19), '');
      }
      items.push(item);
    }
    expect(items).toHaveLength(24);
    expect(items.slice(15, 21).map(summary)).toEqual([
      `ok ${name(15)}: 15: ${JOB}`,
      `ENOENT ${name(16)}`,
      `ok ${name(17)}: 17: rewritten, now about Azure OpenAI and Azure AI Search.`,
      `EISDIR ${name(18)}`,
      `${existsSync('/usr/bin/mkfifo') ? 'NOT_A_FILE' : 'EMPTY'} ${name(19)}`,
      `ok ${name(20)}: 20: ${JOB}`,
    ]);
  });
});

describe('special files', () => {
  it('a FIFO named on the command line or found in a folder is reported, never opened for a blocking read', (ctx) => {
    const dir = join(tmp, 'fifo');
    mkdirSync(dir);
    writeFileSync(join(dir, 'job.txt'), JOB);
    if (!mkfifo(join(dir, 'pipe.txt')) || !mkfifo(join(tmp, 'named.html'))) return ctx.skip('mkfifo is not available');
    // Regression: open() on a FIFO without a writer blocked forever; a FIFO in a folder was skipped silently.
    const r = certfit(['analyze', join(tmp, 'named.html'), dir, '--format', 'json', '--as-of', AS_OF, '--no-progress'], { timeoutMs: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    const postings = JSON.parse(r.stdout).postings as { source: string; status: string; error?: { code: string; message: string } }[];
    expect(postings.map((p) => [p.source, p.status, p.error?.code])).toEqual([
      [join(tmp, 'named.html'), 'error', 'NOT_A_FILE'],
      [join(dir, 'job.txt'), 'ok', undefined],
      [join(dir, 'pipe.txt'), 'error', 'NOT_A_FILE'],
    ]);
    expect(postings[0].error!.message).toBe(`${join(tmp, 'named.html')} is a named pipe (FIFO), not a regular file; to read a stream, pipe it to standard input (… | certfit -)`);
  });

  // (Where /dev/null is a plain empty file, as in some sandboxes, only the real devices are tried.)
  const devices = ['/dev/zero', '/dev/urandom', '/dev/null', '/dev/full'].filter((d) => statSync(d, { throwIfNoEntry: false })?.isCharacterDevice());
  it.runIf(devices.length > 0)('devices are not postings: /dev/zero does not read forever, none is called an empty file', () => {
    // Regression: a device reports size 0, so each was "empty file: nothing to analyse".
    const r = certfit(['analyze', ...devices, '--format', 'json', '--as-of', AS_OF, '--no-progress'], { timeoutMs: 30_000 });
    expect(r.code).toBe(1);
    const postings = JSON.parse(r.stdout).postings as { error?: { code: string; message: string } }[];
    expect(postings.map((p) => p.error)).toEqual(
      devices.map((d) => ({ code: 'NOT_A_FILE', message: `${d} is a device, not a regular file; to read a stream, pipe it to standard input (… | certfit -)` })),
    );
  });

  it('a symlink loop in a scanned folder: the loop is one ELOOP error, the rest is analysed, nothing hangs', () => {
    const dir = join(tmp, 'loops');
    mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'deeper', 'job.txt'), JOB);
    symlinkSync('..', join(dir, 'sub', 'deeper', 'up'));
    symlinkSync(dir, join(dir, 'sub', 'root'));
    symlinkSync('a.txt', join(dir, 'b.txt'));
    symlinkSync('b.txt', join(dir, 'a.txt'));
    const r = certfit(['analyze', dir, '--format', 'json', '--as-of', AS_OF, '--no-progress'], { timeoutMs: 30_000 });
    expect(r.code).toBe(1);
    const postings = JSON.parse(r.stdout).postings as { source: string; error?: { code: string } }[];
    expect(postings.map((p) => [p.source, p.error?.code])).toEqual([
      [join(dir, 'a.txt'), 'ELOOP'],
      [join(dir, 'b.txt'), 'ELOOP'],
      [join(dir, 'sub', 'deeper', 'job.txt'), undefined],
    ]);
  });
});

describe('a corrupt HTTP cache', () => {
  let server: TestServer;
  let url: string;
  let reference: string;
  const PAGE = `<html><body><main><h1>ML Engineer</h1><p>${JOB}</p></main></body></html>`;

  beforeAll(async () => {
    server = await startServer({
      '/job.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' }).end(PAGE),
    });
    url = `${server.origin}/job.html`;
    const r = await certfitAsync(['analyze', url, '--format', 'json', '--as-of', AS_OF, '--no-progress']);
    expect(r.code).toBe(0);
    reference = r.stdout;
  });
  afterAll(() => server.close());

  /** Every file in a cache folder overwritten with `bytes` (names kept). */
  function spoil(dir: string, bytes: (name: string) => string | Buffer): void {
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), bytes(name));
  }

  it('garbage, truncated bodies, wrong checksums, a file instead of a folder, or a folder instead of a file: the page is fetched again, the report is unchanged', async () => {
    const cache = join(tmp, 'cache');
    const run = (dir: string) => certfitAsync(['analyze', url, '--cache-dir', dir, '--format', 'json', '--as-of', AS_OF, '--no-progress']);
    expect((await run(cache)).stdout).toBe(reference);
    const files = readdirSync(cache);
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const spoilers: [string, (name: string) => string | Buffer][] = [
      ['garbage', () => Buffer.from([0xff, 0x00, 0xfe, 0x7b])],
      ['empty files', () => ''],
      ['truncated JSON', (n) => (n.endsWith('.json') ? '{"v":1,"url":' : PAGE.slice(0, 20))],
      ['valid metadata, another body', (n) => (n.endsWith('.json') ? JSON.stringify({ v: 1, url, finalUrl: url, status: 200, headers: { etag: '"v1"' }, size: 5, sha256: '0'.repeat(64), storedAt: 'x' }) : 'hello')],
    ];
    for (const [name, bytes] of spoilers) {
      spoil(cache, bytes);
      const hitsBefore = server.hits.get('/job.html') ?? 0;
      const r = await run(cache);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toBe(reference);
      expect(server.hits.get('/job.html'), name).toBe(hitsBefore + 1);
    }
    // The cache "folder" is a file; and the cache entries are folders.
    const notADir = join(tmp, 'cache-file');
    writeFileSync(notADir, 'not a folder');
    expect(await run(notADir)).toMatchObject({ code: 0, stdout: reference });
    rmSync(cache, { recursive: true });
    mkdirSync(cache);
    expect((await run(cache)).code).toBe(0);
    for (const name of readdirSync(cache)) {
      rmSync(join(cache, name));
      mkdirSync(join(cache, name));
    }
    expect(await run(cache)).toMatchObject({ code: 0, stdout: reference });
    // No temporary files are left behind in the cache.
    expect(listTree(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
