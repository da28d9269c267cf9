// Faults on the output side, with the built CLI: a disk that fills up, stdout on a full device
// or closed early, an output folder that is missing, read-only or not a folder. Each ends with
// its documented exit code and one line on stderr, and never leaves a partial file (or a
// temporary one) under the output's folder.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, baseEnv, certfit, CLI, ensureBuilt, leftovers, listTree, startCertfit, tempDir } from './helpers/cli.js';

const tmp = tempDir('fault-output');
/** A posting long enough that its JSON report (with --include-text) is far above 64 KiB. */
const big = join(tmp, 'big.txt');
/** A table whose scored CSV is far above 64 KiB. */
const table = join(tmp, 'table.csv');
const mounts: string[] = [];

type Mount = { dir: string } | { skip: string };
/** A fresh tmpfs (options such as size=64k or ro), or the reason this machine cannot mount one. Mounted in a hook, never while tests are only being listed. */
function mountTmpfs(name: string, options: string): Mount {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { skip: `cannot mount a tmpfs here (${(r.stderr || r.error?.message || '').trim() || `exit ${r.status}`}); run as root to test a full disk` };
  mounts.push(dir);
  return { dir };
}

beforeAll(() => {
  ensureBuilt();
  writeFileSync(big, 'Requirements: Amazon SageMaker, AWS Glue ETL and Amazon Bedrock on AWS. '.repeat(3000));
  const rows = ['title,description'];
  for (let i = 0; i < 400; i++) rows.push(`Role ${i},"Row ${i}: we build on Amazon SageMaker and AWS Glue ETL. ${'Ownership and delivery. '.repeat(8)}"`);
  writeFileSync(table, `${rows.join('\n')}\n`);
}, 180_000);

afterAll(() => {
  for (const dir of mounts) spawnSync('umount', [dir]);
  rmSync(tmp, { recursive: true, force: true });
});

const oneLineError = (stderr: string): void => {
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(stderr).not.toMatch(/internal error/);
};

describe('a disk that fills up (ENOSPC)', () => {
  let full: Mount = { skip: 'not mounted' };
  beforeAll(() => {
    full = mountTmpfs('full', 'size=64k');
  });

  it('analyze -o on a 64 KiB tmpfs: exit 2, "the disk is full", no file, no temporary file', (ctx) => {
    if ('skip' in full) return ctx.skip(full.skip);
    // Regression: one write(2) of the whole report wrote what fitted and returned a short count,
    // so a truncated report was renamed into place and the run exited 0.
    const out = join(full.dir, 'report.json');
    const r = certfit(['analyze', big, '--format', 'json', '--include-text', '-o', out, '--as-of', AS_OF, '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${out}: the disk is full`);
    oneLineError(r.stderr);
    expect(listTree(full.dir)).toEqual([]);
  });

  it('a table with --format csv -o on the full disk: exit 2, no file, no temporary file', (ctx) => {
    if ('skip' in full) return ctx.skip(full.skip);
    for (const format of ['csv', 'ndjson']) {
      const out = join(full.dir, `scored.${format}`);
      const r = certfit(['analyze', table, '--format', format, '-o', out, '--as-of', AS_OF, '--no-progress']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot write ${out}: the disk is full`);
      oneLineError(r.stderr);
      expect(listTree(full.dir)).toEqual([]);
    }
  });

  it('--summary on the full disk: exit 2 and no summary file', (ctx) => {
    if ('skip' in full) return ctx.skip(full.skip);
    try {
      writeFileSync(join(full.dir, 'filler'), Buffer.alloc(128 * 1024)); // fills the disk, then fails
    } catch {
      // ENOSPC: what was wanted
    }
    try {
      const summary = join(full.dir, 'summary.json');
      const r = certfit(['analyze', table, '--format', 'csv', '--summary', summary, '--as-of', AS_OF, '--no-progress']);
      expect(r.code).toBe(2);
      expect(existsSync(summary)).toBe(false);
      expect(leftovers(full.dir)).toEqual([]);
    } finally {
      rmSync(join(full.dir, 'filler'), { force: true });
    }
  });
});

describe.runIf(existsSync('/dev/full'))('stdout on /dev/full', () => {
  // Regression: the ENOSPC error event on stdout crashed with a stack trace and exit 1.
  const cases: [string, string[]][] = [
    ['analyze', ['analyze', big, '--format', 'json', '--as-of', AS_OF]],
    ['analyze, text', ['analyze', big, '--as-of', AS_OF]],
    ['a table', ['analyze', table, '--format', 'csv', '--as-of', AS_OF]],
    ['explain', ['explain', big]],
    ['lexicon check', ['lexicon', 'check']],
  ];
  for (const [name, args] of cases) {
    it(`${name}: exit 2 and "cannot write to standard output"`, () => {
      const fd = openSync('/dev/full', 'w');
      try {
        const r = certfit(args, { stdout: fd });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/cannot write to standard output: the disk is full \(free space and run again\)/);
        oneLineError(r.stderr);
      } finally {
        closeSync(fd);
      }
    });
  }
});

describe('stdout closed early and stderr that cannot be written', () => {
  it('a reader that goes away (certfit … | head -c 100) ends the run quietly with its own exit code', async () => {
    const inputs = Array.from({ length: 40 }, (_, i) => {
      const p = join(tmp, `p${i}.txt`);
      writeFileSync(p, `Posting ${i}: Amazon SageMaker, AWS Glue ETL and Azure OpenAI. ${'Details. '.repeat(200)}`);
      return p;
    });
    const run = startCertfit(['analyze', ...inputs, '--format', 'json', '--include-text', '--as-of', AS_OF, '--no-progress']);
    run.child.stdout!.once('data', () => run.child.stdout!.destroy());
    const r = await run.done;
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it.runIf(existsSync('/dev/full'))('stderr on /dev/full does not change the exit code of a usage error', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, 'analyze', '--format', 'bogus'], { stdio: ['ignore', 'ignore', fd] });
      expect(r.status).toBe(2);
    } finally {
      closeSync(fd);
    }
  });
});

describe('an output folder that cannot take the file', () => {
  it('a missing folder: exit 2, "the folder does not exist", and the folder is not created', () => {
    const out = join(tmp, 'no', 'such', 'folder', 'report.json');
    const r = certfit(['analyze', big, '--format', 'json', '-o', out, '--as-of', AS_OF, '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${out}: the folder does not exist`);
    expect(existsSync(join(tmp, 'no'))).toBe(false);
    const t = certfit(['analyze', table, '--format', 'csv', '-o', out, '--as-of', AS_OF, '--no-progress']);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain(`cannot write ${out}: the folder does not exist`);
  });

  it('an output path that is a folder: exit 2, the folder untouched, no temporary file', () => {
    const dir = join(tmp, 'is-a-folder');
    mkdirSync(dir);
    writeFileSync(join(dir, 'keep.txt'), 'keep');
    const r = certfit(['analyze', big, '--format', 'json', '-o', dir, '--as-of', AS_OF, '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*is-a-folder: /);
    expect(listTree(dir)).toEqual(['keep.txt']);
    expect(leftovers(tmp)).toEqual([]);
  });

  let ro: Mount = { skip: 'not mounted' };
  beforeAll(() => {
    ro = mountTmpfs('read-only', 'ro,size=64k');
  });
  it('a read-only folder: exit 2, "permission denied", nothing written', (ctx) => {
    if ('skip' in ro) return ctx.skip(ro.skip);
    for (const args of [[big, '--format', 'json'], [table, '--format', 'csv']]) {
      const out = join(ro.dir, 'report.out');
      const r = certfit(['analyze', ...args, '-o', out, '--as-of', AS_OF, '--no-progress']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot write ${out}: permission denied`);
      expect(listTree(ro.dir)).toEqual([]);
    }
  });
});

describe('a bug inside certfit', () => {
  it('an unexpected exception ends with exit 70 and "internal error" with its stack, and no output file', () => {
    // Injected: JSON.stringify throws when the JSON reporter serialises the result.
    const inject = join(tmp, 'inject-fault.cjs');
    writeFileSync(inject, `const s = JSON.stringify;\nJSON.stringify = function (v, ...rest) { if (v && v.schemaVersion === 1) throw new Error('injected fault'); return s.call(this, v, ...rest); };\n`);
    const out = join(tmp, 'never.json');
    const r = certfit(['analyze', big, '--format', 'json', '-o', out, '--as-of', AS_OF, '--no-progress'], { env: baseEnv({ NODE_OPTIONS: `--require=${inject}` }) });
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/^certfit: internal error: Error: injected fault\n\s+at /);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(tmp)).toEqual([]);
  });
});

