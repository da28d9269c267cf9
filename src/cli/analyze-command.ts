// `certfit analyze`: ingest → analyse → report, with every input accounted for.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyzeKeyed, buildResult, createAnalyzer, DuplicateTracker, errorResult } from '../analyze.js';
import { CertfitError, EXIT_OK, EXIT_SOME_FAILED } from '../errors.js';
import type { IngestItem, IngestOptions } from '../ingest/index.js';
import { isEmptyRow, type PostingResult } from '../model.js';
import type { Reporter } from '../report/index.js';
import { parseAnalyzeOptions, type AnalyzeOptions } from './options.js';
import { writeOutput } from './output.js';
import { createProgress } from './progress.js';

// What only some runs need loads when they need it: the table code for tables, the ingest stage
// (HTTP client, globbing, document readers) for files and URLs, one reporter for the format.
export const REPORTERS: Record<string, () => Promise<Reporter>> = {
  text: async () => (await import('../report/text.js')).textReporter,
  json: async () => (await import('../report/json.js')).jsonReporter,
  ndjson: async () => (await import('../report/json.js')).ndjsonReporter,
  markdown: async () => (await import('../report/markdown.js')).markdownReporter,
  html: async () => (await import('../report/html.js')).htmlReporter,
};

export function ingestOptions(o: AnalyzeOptions): IngestOptions {
  const table = { inputFormat: o.inputFormat, textColumn: o.textColumn, titleColumn: o.titleColumn, idColumn: o.idColumn, urlColumn: o.urlColumn, delimiter: o.delimiter };
  const warn = (m: string): void => void process.stderr.write(`certfit: warning: ${m}\n`);
  return {
    tableReader: async function* (path: string): AsyncGenerator<IngestItem> {
      const { createTableReader } = await import('../table/index.js');
      yield* createTableReader(table, warn)(path);
    },
    ignoreRobots: o.ignoreRobots,
    cacheDir: o.cacheDir,
    resolve: o.resolve,
    concurrency: o.concurrency,
    timeoutMs: o.timeout * 1000,
    ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}),
  };
}

/** Fails fast, before any work, when -o or --summary names a folder that does not exist. */
function checkOutputFolder(output: string | undefined): void {
  if (!output || output === '-') return;
  const folder = dirname(output);
  if (!existsSync(folder)) throw new CertfitError(`cannot write ${output}: the folder does not exist (create it first)`);
}

export async function runAnalyze(inputs: string[], raw: Record<string, unknown>): Promise<number> {
  const o = await parseAnalyzeOptions(raw);
  checkOutputFolder(o.output);
  checkOutputFolder(o.summary);
  if (inputs.length === 0) {
    if (process.stdin.isTTY) throw new CertfitError('no inputs: give files, folders, URLs or - for stdin (see certfit --help)');
    inputs = ['-'];
  }
  // A table scored row for row streams through src/table: the same CSV back, or one JSON line per row.
  const oneTable = async (): Promise<boolean> =>
    inputs.length === 1 && (await import('../table/index.js')).tableKind(inputs[0], o.inputFormat) !== null && (inputs[0] !== '-' || o.inputFormat !== undefined);
  if (o.format === 'csv' || (o.format === 'ndjson' && (await oneTable()))) return (await import('./table-command.js')).runTableAnalyze(inputs, o);
  if (o.summary) throw new CertfitError(`--summary goes with a table scored as --format csv or ndjson; a --format ${o.format} report has its summary in it`);
  const reporter = await REPORTERS[o.format]?.();
  if (!reporter) throw new CertfitError(`--format ${o.format} is not available in this build`);
  const { ingest } = await import('../ingest/index.js');
  const analyzer = createAnalyzer({ lexicons: o.lexicon, asOf: o.asOf, includeText: o.includeText || o.format === 'html' });
  const progress = createProgress(o.progress && process.stderr.isTTY === true);
  const dups = new DuplicateTracker();
  const results: PostingResult[] = [];
  let failed = 0;
  for await (const item of ingest(inputs, ingestOptions(o))) {
    if (item.ok) {
      const { result: r, key } = analyzeKeyed(analyzer, item.posting);
      dups.mark(r, item.posting.text, key);
      results.push(r);
    } else {
      if (!isEmptyRow(item.error)) failed++;
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
