// Analysing batches of rows: in this thread (--jobs 1), or here and on N - 1 worker threads. Results come
// back per batch, so the caller can keep input order. A worker that dies takes only the row it
// died on with it: its batch is retried one row at a time on a fresh worker, and a row that
// kills a worker again becomes an error outcome.
import { Worker } from 'node:worker_threads';
import { CertfitError, EXIT_INTERNAL } from '../errors.js';
import { analyzeRow, failedOutcome } from './analyze-row.js';
import type { Analyzer, AnalyzerOptions } from '../analyze.js';
import type { RowContext, RowJob, RowOutcome } from './types.js';

export interface WorkerInit {
  analyzer: AnalyzerOptions;
  ctx: RowContext;
}
export interface WorkerRequest {
  id: number;
  jobs: RowJob[];
}
export interface WorkerReply {
  id: number;
  /** Sent once the worker has built its analyzer. */
  ready?: boolean;
  outcomes?: RowOutcome[];
  /** The worker could not start (e.g. an invalid lexicon): the CertfitError's parts. */
  fatal?: { message: string; exitCode?: number; details?: string[] };
}

export interface RowProcessor {
  run(jobs: RowJob[]): Promise<RowOutcome[]>;
  close(): Promise<void>;
}

export function inProcess(a: Analyzer, ctx: RowContext): RowProcessor {
  return {
    run: async (jobs) => jobs.map((job) => analyzeRow(a, ctx, job)),
    close: async () => {},
  };
}

/** The compiled worker beside this module; from the TypeScript sources (tests), the one in dist/. */
export function defaultWorkerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/table/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url);
}

interface Task {
  jobs: RowJob[];
  /** Set for one-row retries: where the outcome goes in the parent's results. */
  parent?: { task: Task; index: number };
  results: (RowOutcome | undefined)[];
  left: number;
  resolve: (o: RowOutcome[]) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Batches sent and not yet answered, oldest first, with their request ids. */
  tasks: { task: Task; id: number }[];
  ready: boolean;
  /** Fires when the worker has not started, or its oldest batch has taken longer than its time limit. */
  timer?: NodeJS.Timeout;
}

/** Batches a worker holds at once: the next one is already there when it finishes one. */
const PER_WORKER = 2;

/**
 * How long a worker may spend on one batch before it is taken for hung and replaced: far beyond
 * what any posting needs (a batch takes milliseconds; a 10 MB cell, seconds), more for long texts.
 * A worker that does not start in `startMs` (it takes well under a second) ends the run.
 */
export interface TimeLimit {
  baseMs: number;
  perMillionCharsMs: number;
  startMs: number;
}
const TIME_LIMIT: TimeLimit = { baseMs: 120_000, perMillionCharsMs: 60_000, startMs: 60_000 };

function limitFor(jobs: RowJob[], limit: TimeLimit): number {
  let chars = 0;
  for (const j of jobs) chars += j.text?.length ?? 0;
  return limit.baseMs + (limit.perMillionCharsMs * chars) / 1e6;
}

export function workerPool(size: number, init: WorkerInit, workerUrl = defaultWorkerUrl(), limit = TIME_LIMIT): RowProcessor {
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let closed = false;
  let fatal: Error | null = null;
  let nextId = 0;

  const fail = (err: Error): void => {
    fatal ??= err;
    for (const s of slots) for (const t of s.tasks) t.task.reject(err);
    for (const t of queue.splice(0)) t.reject(err);
  };

  const settle = (task: Task, index: number, outcome: RowOutcome): void => {
    task.results[index] = outcome;
    if (--task.left > 0) return;
    if (task.parent) settle(task.parent.task, task.parent.index, task.results[0]!);
    else task.resolve(task.results as RowOutcome[]);
  };

  /** Times the slot's oldest batch, the one its worker is on. */
  const arm = (slot: Slot): void => {
    if (!slot.ready) return; // the start-up timer runs until the worker says it is ready
    clearTimeout(slot.timer);
    if (slot.tasks.length === 0) return;
    const ms = limitFor(slot.tasks[0].task.jobs, limit);
    slot.timer = setTimeout(() => {
      void slot.worker.terminate();
      crashed(slot, `it took more than ${Math.round(ms / 1000)} s`, 'WORKER_TIMEOUT');
    }, ms);
  };

  const dispatch = (): void => {
    for (const slot of slots) {
      while (slot.tasks.length < PER_WORKER && queue.length > 0) {
        const task = queue.shift()!;
        const id = nextId++;
        slot.tasks.push({ task, id });
        if (slot.tasks.length === 1) arm(slot);
        const req: WorkerRequest = { id, jobs: task.jobs };
        slot.worker.postMessage(req);
      }
    }
  };

  const crashed = (slot: Slot, why: string, code = 'WORKER_CRASH'): void => {
    clearTimeout(slot.timer);
    if (!slots.includes(slot) || closed || fatal) return;
    // A worker that dies before it is ready would die again: that is not a row's fault.
    if (!slot.ready) return fail(new CertfitError(`a worker thread could not start (${why})`, { exitCode: EXIT_INTERNAL }));
    // The oldest batch is the one it died on; those sent after it go back to the queue as they were.
    const [first, ...rest] = slot.tasks.splice(0);
    const task = first?.task;
    queue.unshift(...rest.map((t) => t.task));
    slots.splice(slots.indexOf(slot), 1, spawn());
    if (task && task.parent === undefined && task.jobs.length > 1) {
      // Retry row by row, at the front of the queue, to find the row that kills a worker.
      const singles: Task[] = task.jobs.map((job, index) => ({ jobs: [job], parent: { task, index }, results: [], left: 1, resolve: () => {}, reject: task.reject }));
      queue.unshift(...singles);
    } else if (task) {
      const job = task.jobs[0];
      const hint = /memory|took more/i.test(why) ? '; --jobs 1 has no such limit' : '';
      settle(task, 0, failedOutcome(job, init.ctx, { code, message: `row ${job.row} stopped its worker thread (${why}); it was skipped${hint}` }));
    }
    dispatch();
  };

  function spawn(): Slot {
    // Heap limits keep each thread's heap slack (and the run's RSS) down. A posting that needs more
    // (a 10 MB cell with ~500k mentions) kills only its worker and becomes an error row; --jobs 1 has no limit.
    const worker = new Worker(workerUrl, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 } });
    const slot: Slot = { worker, tasks: [], ready: false };
    slot.timer = setTimeout(() => {
      void worker.terminate();
      crashed(slot, `no answer within ${Math.round(limit.startMs / 1000)} s`);
    }, limit.startMs);
    worker.on('message', (reply: WorkerReply) => {
      if (reply.ready) {
        slot.ready = true;
        arm(slot);
      }
      if (reply.fatal) return fail(new CertfitError(reply.fatal.message, { exitCode: reply.fatal.exitCode ?? EXIT_INTERNAL, details: reply.fatal.details }));
      if (slot.tasks.length === 0 || reply.id !== slot.tasks[0].id || !reply.outcomes) return;
      const { task } = slot.tasks.shift()!;
      arm(slot);
      reply.outcomes.forEach((o, i) => settle(task, i, o));
      dispatch();
    });
    worker.on('error', (err) => crashed(slot, err.message.split('\n')[0]));
    worker.on('exit', (code) => crashed(slot, `exit code ${code}`));
    return slot;
  }

  // Each worker's stdout and stderr are piped into ours, a listener apiece: with --jobs 10 and more,
  // Node would warn of a leak that is not one.
  for (const s of [process.stdout, process.stderr]) s.setMaxListeners(Math.max(s.getMaxListeners(), size + 10));
  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    run(jobs) {
      if (fatal) return Promise.reject(fatal);
      if (jobs.length === 0) return Promise.resolve([]);
      return new Promise((resolve, reject) => {
        queue.push({ jobs, results: [], left: jobs.length, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const s of slots) clearTimeout(s.timer);
      const workers = slots.splice(0).map((s) => s.worker);
      fail(new Error('the worker pool was closed'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * `--jobs N` as N analysing threads: N - 1 workers and this thread, which also reads and writes.
 * This thread takes one batch in 2N - 1, and runs it from the event loop (setImmediate) so that the
 * workers' answers are handled between its batches; each worker holds two batches, so that it is
 * never idle while this thread is busy. Fewer threads than cores also leaves the garbage collector's
 * helper threads room to work.
 */
export function sharedPool(a: Analyzer, size: number, init: WorkerInit, workerUrl?: URL): RowProcessor {
  const workers = workerPool(size - 1, init, workerUrl);
  const here = inProcess(a, init.ctx);
  let n = 0;
  return {
    run(jobs) {
      // Half a worker's share: this thread also reads, writes and sums (1 batch in 3 with --jobs 2).
      if (n++ % (2 * size - 1) !== 0) return workers.run(jobs);
      return new Promise((resolve, reject) => setImmediate(() => here.run(jobs).then(resolve, reject)));
    },
    close: () => workers.close(),
  };
}
