// `certfit analyze export.csv --format csv|ndjson`: one table in, the same table out with
// certfit's columns (or one JSON line per row), streamed; the portfolio summary on stderr or in
// --summary FILE. Ctrl-C leaves no partial output file behind and exits 130.
import { CertfitError, EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED } from '../errors.js';
import { fileSink, Interrupted, renderSummary, runTable, stdoutSink, tableKind, type Sink } from '../table/index.js';
import type { AnalyzeOptions } from './options.js';
import { writeAtomic } from './output.js';
import { createTableProgress } from './progress.js';


function checkInputs(inputs: string[], o: AnalyzeOptions): string {
  if (o.format !== 'csv' && o.format !== 'ndjson') throw new CertfitError(`tables are written as --format csv or ndjson, not ${o.format}`);
  if (inputs.length !== 1) {
    throw new CertfitError(`--format ${o.format} scores one table at a time; got ${inputs.length === 0 ? 'no input' : `${inputs.length} inputs`} (give one .csv, .tsv, .jsonl or .ndjson file, or - with --input-format)`);
  }
  const [input] = inputs;
  if (input === '-' && !o.inputFormat) throw new CertfitError('reading a table from stdin needs --input-format csv, tsv, jsonl or ndjson');
  if (!tableKind(input, o.inputFormat)) {
    throw new CertfitError(`${input} is not a table: --format ${o.format} needs a .csv, .tsv, .jsonl or .ndjson file (or --input-format csv, tsv, jsonl, ndjson)`);
  }
  return input;
}

export async function runTableAnalyze(inputs: string[], o: AnalyzeOptions): Promise<number> {
  const input = checkInputs(inputs, o);
  const controller = new AbortController();
  let sink: Sink | undefined;
  let signals = 0;
  const onSignal = (): void => {
    // The first signal stops the run cleanly; a second one does not wait for it.
    if (++signals > 1) {
      sink?.abort();
      process.exit(EXIT_INTERRUPTED);
    }
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = createTableProgress(o.progress && process.stderr.isTTY === true);
  const warn = (message: string): void => {
    process.stderr.write(`${process.stderr.isTTY ? '\r\u001b[2K' : ''}certfit: warning: ${message}\n`);
  };
  try {
    const result = await runTable({
      source: input,
      table: { inputFormat: o.inputFormat, textColumn: o.textColumn, titleColumn: o.titleColumn, idColumn: o.idColumn, urlColumn: o.urlColumn, delimiter: o.delimiter },
      output: o.format === 'csv' ? 'csv' : 'ndjson',
      analyzer: { lexicons: o.lexicon, asOf: o.asOf, includeText: o.includeText },
      jobs: o.jobs,
      sanitizeFormulas: o.sanitizeFormulas,
      sink: () => (sink = o.output && o.output !== '-' ? fileSink(o.output) : stdoutSink()),
      signal: controller.signal,
      warn,
      progress: (rows, bytes, size) => progress.tick(rows, bytes, size),
    });
    progress.end();
    await sink!.commit();
    if (result.stopped) return EXIT_OK;
    const color = o.color && !o.summary && process.stderr.isTTY === true && !process.env.NO_COLOR;
    const text = renderSummary(result.asOf, result.summary, o.summary, color);
    if (o.summary) writeAtomic(o.summary, text);
    else process.stderr.write(text);
    return result.summary.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
  } catch (err) {
    progress.end();
    sink?.abort();
    if (err instanceof Interrupted) {
      process.stderr.write(`certfit: interrupted${o.output && o.output !== '-' ? `; ${o.output} was not written` : ''}\n`);
      return EXIT_INTERRUPTED;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
