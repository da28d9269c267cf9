// A worker thread for `--jobs N`: builds its own analyzer once, then analyses batches of rows.
// Runs as compiled JS from dist/ (see worker-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer, type Analyzer } from '../analyze.js';
import { analyzeRow } from './analyze-row.js';
import type { WorkerInit, WorkerReply, WorkerRequest } from './worker-pool.js';

const init = workerData as WorkerInit;
let analyzer: Analyzer | undefined;
try {
  analyzer = createAnalyzer(init.analyzer);
  const ready: WorkerReply = { id: -1, ready: true };
  parentPort?.postMessage(ready);
} catch (err) {
  const e = err as { message?: string; exitCode?: number; details?: string[] };
  const reply: WorkerReply = { id: -1, fatal: { message: e.message ?? String(err), exitCode: e.exitCode, details: e.details } };
  parentPort?.postMessage(reply);
}

parentPort?.on('message', (req: WorkerRequest) => {
  if (!analyzer) return;
  const a = analyzer;
  const reply: WorkerReply = { id: req.id, outcomes: req.jobs.map((job) => analyzeRow(a, init.ctx, job)) };
  parentPort?.postMessage(reply);
});
