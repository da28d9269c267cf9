// The built CLI (dist/cli/main.js) in a child process, as a user runs it: a fresh build when
// src/ is newer than dist/ (one build at a time across test files), and runners that capture
// exit code, signal, stdout and stderr.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'dist/cli/main.js');
/** A fixed catalog date, so that no output depends on the day the tests run. */
export const AS_OF = '2026-01-15';

function newest(dir: string): number {
  return Math.max(0, ...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
}

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds dist/ when it is missing or older than src/; other test files wait for a build in progress. */
export function ensureBuilt(): void {
  const stale = (): boolean => !existsSync(CLI) || !existsSync(join(ROOT, 'dist/table/worker.js')) || statSync(CLI).mtimeMs < newest(join(ROOT, 'src'));
  if (!stale()) return;
  const lock = join(ROOT, 'dist', '.certfit-build-lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Someone else is building; a lock older than two minutes is left over from a killed run.
      if (waited > 120_000 || Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      sleep(200);
    }
  }
  try {
    // The exit code is ignored: tsc emits even with a type error elsewhere, and the type check is its own step of npm test.
    if (stale()) {
      spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
      // The engine cache is keyed by the compiled modules too: without a fresh one every CLI run rebuilds it.
      spawnSync(process.execPath, ['scripts/build-engine-cache.mjs'], { cwd: ROOT, stdio: 'ignore' });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  if (!existsSync(CLI)) throw new Error('dist/cli/main.js was not built (run npx tsc -p tsconfig.build.json)');
}

export interface RunOptions {
  cwd?: string;
  /** The whole environment (default: this process's, without NODE_OPTIONS, with NO_COLOR). */
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  timeoutMs?: number;
  /** Where stdout goes instead of a pipe: a file descriptor such as one of /dev/full. */
  stdout?: number;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
}

export function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  return { ...env, ...extra };
}

/** `certfit ARGS` run to the end (synchronously). */
export function certfit(args: string[], o: RunOptions = {}): RunResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: o.cwd ?? ROOT,
    env: o.env ?? baseEnv(),
    input: o.input,
    timeout: o.timeoutMs ?? 60_000,
    maxBuffer: 1 << 28,
    stdio: ['pipe', o.stdout ?? 'pipe', 'pipe'],
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  const stdoutBytes = r.stdout ?? Buffer.alloc(0);
  return { code: r.status, signal: r.signal, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr: (r.stderr ?? Buffer.alloc(0)).toString('utf8') };
}

export interface Running {
  child: ChildProcess;
  /** Resolves when the process has exited and its streams are closed. */
  done: Promise<RunResult>;
}

/** `certfit ARGS` started in the background, for signals and races. */
export function startCertfit(args: string[], o: RunOptions = {}): Running {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: o.cwd ?? ROOT, env: o.env ?? baseEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (b: Buffer) => out.push(b));
  child.stderr!.on('data', (b: Buffer) => err.push(b));
  if (o.input !== undefined) child.stdin!.end(o.input);
  const done = new Promise<RunResult>((res) =>
    child.on('close', (code, signal) => {
      const stdoutBytes = Buffer.concat(out);
      res({ code, signal, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr: Buffer.concat(err).toString('utf8') });
    }),
  );
  return { child, done };
}

/** `certfit ARGS` run to the end without blocking this process (needed when this process serves HTTP to it). */
export function certfitAsync(args: string[], o: RunOptions = {}): Promise<RunResult> {
  const run = startCertfit(args, o);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), o.timeoutMs ?? 60_000);
  return run.done.finally(() => clearTimeout(timer));
}

/** A new temporary folder for one test. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `certfit-${prefix}-`));
}

/** Every entry under `dir` (files and folders, hidden ones too), relative and sorted. */
export function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Leftover temporary outputs (`.NAME.PID.certfit.tmp`) under `dir`. */
export function leftovers(dir: string): string[] {
  return listTree(dir).filter((f) => f.endsWith('.certfit.tmp'));
}
