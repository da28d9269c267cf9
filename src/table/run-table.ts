// The table pipeline: read rows → analyse in batches (here or on workers) → write each row
// back in input order → summarise incrementally. Memory stays flat: at most a window of
// batches is in flight, and the reader waits for the writer (which waits for 'drain').
import type { Readable } from 'node:stream';
import { createAnalyzer, today, type Analyzer, type AnalyzerOptions } from '../analyze.js';
import type { Summary } from '../model.js';
import { openTable } from './open-table.js';
import { PortfolioAccumulator } from '../score/portfolio.js';
import { rowJob, textColumnName } from './row-posting.js';
import { ByteWriter } from './byte-writer.js';
import { createRowWriter } from './row-writer.js';
import type { Sink } from './sink.js';
import type { RowContext, RowJob, RowOutcome, TableInputOptions, TableMeta } from './types.js';
import { inProcess, sharedPool, type RowProcessor } from './worker-pool.js';

export interface RunTableOptions {
  source: string;
  table: TableInputOptions;
  output: 'csv' | 'ndjson';
  analyzer: AnalyzerOptions;
  /** An analyzer already built (library use, tests); used when jobs is 1. */
  prebuilt?: Analyzer;
  jobs: number;
  sanitizeFormulas: boolean;
  /** Made once the table has opened, so that a usage error never creates an output file. */
  sink: (meta: TableMeta) => Sink;
  signal?: AbortSignal;
  warn: (message: string) => void;
  progress?: (rows: number, bytesRead: number, size: number | undefined) => void;
  batchSize?: number;
  workerUrl?: URL;
  stdin?: Readable;
}

export interface RunTableResult {
  meta: TableMeta;
  asOf: string;
  summary: Summary;
  /** Stopped by the signal or because stdout's reader went away. */
  stopped: boolean;
}

const WRITE_BYTES = 32 * 1024;

export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** Rejects as soon as the signal fires, so no await outlives an interrupt. */
function raceSignal<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new Interrupted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Interrupted());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export async function runTable(o: RunTableOptions): Promise<RunTableResult> {
  const table = await openTable(o.source, { ...o.table, warn: o.warn, stdin: o.stdin });
  const { meta } = table;
  let processor: RowProcessor | undefined;
  try {
    const ctx: RowContext = { source: o.source, textColumn: textColumnName(meta), wantCells: o.output === 'csv', wantJson: o.output === 'ndjson' };
    // CSV output shows verdicts only: rejected candidates are counted, not located.
    const analyzerOptions = { ...o.analyzer, asOf: o.analyzer.asOf ?? today(), keepRejected: o.output === 'ndjson' };
    const a = (o.jobs <= 1 && o.prebuilt) || createAnalyzer(analyzerOptions);
    const { catalog, asOf } = a;
    processor = o.jobs <= 1 ? inProcess(a, ctx) : sharedPool(a, o.jobs, { analyzer: analyzerOptions, ctx }, o.workerUrl);
    const acc = new PortfolioAccumulator(catalog, asOf);
    if (meta.header.some((h) => h.startsWith('certfit_'))) o.warn(`${o.source} already has certfit_ columns (a scored file?); they are passed through and new ones added`);
    const sink = o.sink(meta);
    const writer = createRowWriter(meta, o.output, o.sanitizeFormulas, acc);
    const bytes = new ByteWriter();
    await sink.write(writer.header());
    const ragged: number[] = [];
    let raggedCount = 0;
    let done = 0;

    type Batch = { jobs: RowJob[]; cells: string[][] };
    const inflight: { result: Promise<RowOutcome[]>; batch: Batch }[] = [];
    const windowSize = o.jobs <= 1 ? 1 : o.jobs * 2;
    // Rows in flight live long enough to reach the old generation: 24 a batch keeps --jobs 2 under 200 MB.
    const size = o.batchSize ?? 24;
    const flushOne = async (): Promise<void> => {
      const { result, batch } = inflight.shift()!;
      const outcomes = await raceSignal(result, o.signal);
      // Written in pieces of some 32 KB as they fill, so that a batch's output is never held whole.
      for (let i = 0; i < outcomes.length; i++) {
        writer.row(outcomes[i], batch.cells[i], bytes);
        if (bytes.size >= WRITE_BYTES) for (const b of bytes.take()) await raceSignal(sink.write(b), o.signal);
      }
      done += outcomes.length;
      for (const b of bytes.take()) await raceSignal(sink.write(b), o.signal);
      o.progress?.(done, table.bytesRead(), table.size);
    };
    const submit = async (batch: Batch): Promise<void> => {
      const result = processor!.run(batch.jobs);
      result.catch(() => undefined);
      inflight.push({ result, batch });
      while (inflight.length >= windowSize) await flushOne();
    };

    let batch: Batch = { jobs: [], cells: [] };
    let stopped = false;
    const rows = table.rows[Symbol.asyncIterator]();
    for (;;) {
      if (o.signal?.aborted) throw new Interrupted();
      if (sink.closed) {
        stopped = true;
        break;
      }
      const next = await raceSignal(rows.next(), o.signal);
      if (next.done) break;
      const row = next.value;
      if (meta.format === 'csv' && !row.error && row.cells.length !== meta.header.length) {
        if (raggedCount++ < 5) ragged.push(row.row);
      }
      batch.jobs.push(rowJob(meta.columns, row));
      batch.cells.push(row.cells);
      if (batch.jobs.length >= size) {
        await submit(batch);
        batch = { jobs: [], cells: [] };
      }
    }
    if (batch.jobs.length) await submit(batch);
    while (inflight.length) await flushOne();
    if (done === 0 && !stopped) o.warn(`${o.source} has a header but no rows: nothing to score`);
    if (raggedCount) o.warn(`${o.source}: ${raggedCount} row(s) have a different number of cells than the header's ${meta.header.length} (rows ${ragged.join(', ')}${raggedCount > 5 ? ', …' : ''}); kept, short rows padded`);
    if (!stopped) await sink.write(writer.footer(asOf));
    return { meta, asOf, summary: acc.summary(), stopped };
  } finally {
    table.close();
    await processor?.close();
  }
}
