// `certfit analyze`: ingest → analyse → report, with every input accounted for.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyzePosting, buildResult, createAnalyzer, DuplicateTracker, errorResult } from '../analyze.js';
import { CertfitError, EXIT_OK, EXIT_SOME_FAILED } from '../errors.js';
import { ingest, type IngestOptions } from '../ingest/index.js';
import { createTableReader, tableKind } from '../table/index.js';
import { runTableAnalyze } from './table-command.js';
import type { PostingResult } from '../model.js';
import { reporters } from '../report/index.js';
import { parseAnalyzeOptions, type AnalyzeOptions } from './options.js';
import { writeOutput } from './output.js';
import { createProgress } from './progress.js';

export function ingestOptions(o: AnalyzeOptions): IngestOptions {
  const table = { inputFormat: o.inputFormat, textColumn: o.textColumn, titleColumn: o.titleColumn, idColumn: o.idColumn, urlColumn: o.urlColumn, delimiter: o.delimiter };
  return {
    tableReader: createTableReader(table, (m) => process.stderr.write(`certfit: warning: ${m}\n`)),
    ignoreRobots: o.ignoreRobots,
    cacheDir: o.cacheDir,
    resolve: o.resolve,
    concurrency: o.concurrency,
    timeoutMs: o.timeout * 1000,
    ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}),
  };
}

/** Fails fast, before any work, when -o names a folder that does not exist. */
function checkOutputFolder(output: string | undefined): void {
  if (!output || output === '-') return;
  const folder = dirname(output);
  if (!existsSync(folder)) throw new CertfitError(`cannot write ${output}: the folder does not exist (create it first)`);
}

export async function runAnalyze(inputs: string[], raw: Record<string, unknown>): Promise<number> {
  const o = parseAnalyzeOptions(raw);
  checkOutputFolder(o.output);
  if (inputs.length === 0) {
    if (process.stdin.isTTY) throw new CertfitError('no inputs: give files, folders, URLs or - for stdin (see certfit --help)');
    inputs = ['-'];
  }
  // A table scored row for row streams through src/table: the same CSV back, or one JSON line per row.
  const oneTable = inputs.length === 1 && tableKind(inputs[0], o.inputFormat) !== null && (inputs[0] !== '-' || o.inputFormat !== undefined);
  if (o.format === 'csv' || (o.format === 'ndjson' && oneTable)) return runTableAnalyze(inputs, o);
  const reporter = reporters[o.format];
  if (!reporter) throw new CertfitError(`--format ${o.format} is not available in this build`);
  const analyzer = createAnalyzer({ lexicons: o.lexicon, asOf: o.asOf, includeText: o.includeText || o.format === 'html' });
  const progress = createProgress(o.progress && process.stderr.isTTY === true);
  const dups = new DuplicateTracker();
  const results: PostingResult[] = [];
  let failed = 0;
  for await (const item of ingest(inputs, ingestOptions(o))) {
    if (item.ok) {
      const r = analyzePosting(analyzer, item.posting);
      dups.mark(r, item.posting.text);
      results.push(r);
    } else {
      failed++;
      results.push(errorResult(item.source, item.error));
    }
    progress.tick(results.length, undefined, failed);
  }
  progress.end();
  const result = buildResult(analyzer, results);
  const color = o.color && !o.output && process.stdout.isTTY === true && !process.env.NO_COLOR;
  writeOutput(o.output, reporter.render(result, { color }));
  return result.summary.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
