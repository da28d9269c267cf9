// UTF-8 chunks → CSV records with csv-parse, pulled one chunk at a time (so the reader never
// runs ahead of the writer). The parser's transform step is driven directly: every record it
// finds is kept even when the chunk ends in an error, and an unterminated quote at the end of
// the file becomes one error record instead of a crash.
import { Parser, type Options } from 'csv-parse';
import type { InputError } from '../model.js';

/** A larger record is taken to be a runaway quote rather than a posting. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

export type CsvItem = { cells: string[]; error?: undefined } | { cells?: undefined; error: InputError };

class CollectingParser extends Parser {
  readonly out: string[][] = [];
  /** The line on which the last complete record ended. */
  lastRecordLine = 1;
  override push(record: unknown): boolean {
    if (record === null) return true;
    this.out.push(record as string[]);
    this.lastRecordLine = this.info.lines;
    return true;
  }
}

function step(parser: CollectingParser, chunk: Buffer | null): Error | undefined {
  let failure: Error | undefined;
  const done = (err?: Error | null): void => {
    if (err) failure = err;
  };
  if (chunk) parser._transform(chunk, 'utf8', done);
  else parser._flush(done);
  return failure;
}

function describe(err: Error & { code?: string }, lines: number): InputError {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { code: 'CSV_UNTERMINATED_QUOTE', message: `a quoted cell opened after line ${lines} never closes; the rest of the file could not be split into rows (close the quote)` };
    case 'CSV_MAX_RECORD_SIZE':
      return { code: 'CSV_RECORD_TOO_LARGE', message: `a record after line ${lines} is larger than ${MAX_RECORD_CHARS / 1024 / 1024} MiB, probably an unterminated quote; the rest of the file was not read` };
    default:
      return { code: err.code ?? 'CSV_ERROR', message: `${err.message.split('\n')[0]}; the rest of the file was not read` };
  }
}

/**
 * Records in order. After a parse error the records already found are yielded, then one error
 * item for the unreadable rest, and reading stops.
 */
export async function* csvRecords(chunks: AsyncIterable<Buffer>, delimiter: string): AsyncGenerator<CsvItem> {
  const options: Options = {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  };
  const parser = new CollectingParser(options);
  const drain = function* (): Generator<CsvItem> {
    const records = parser.out.splice(0);
    for (const cells of records) yield { cells };
  };
  for await (const chunk of chunks) {
    const err = step(parser, chunk);
    yield* drain();
    if (err) {
      yield { error: describe(err, parser.lastRecordLine) };
      return;
    }
  }
  const err = step(parser, null);
  yield* drain();
  if (err) yield { error: describe(err, parser.lastRecordLine) };
}
