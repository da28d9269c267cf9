// UTF-8 chunks → CSV records, pulled one chunk at a time (so the reader never runs ahead of the
// writer). Every record found before an error is kept, and an unreadable rest of the file (a quote
// that never closes, a runaway record) becomes one error item instead of a crash.
//
// Two readers, one behaviour. csv-parse (with the options below) defines what a record is; the
// fast reader, CsvScanner (./csv-scan.ts), reproduces it on decoded text with native string
// searches, 6 to 14 times faster, and is what runs for the delimiters it supports (any single
// character but a quote, CR, LF or half a surrogate pair). csv-parse itself still reads the files
// with any other delimiter, and is the oracle the scanner is tested against record for record
// (tests/csv-records.test.ts: every quirk, every chunk boundary, random text, the real corpus).
// Handing csv-parse only the records the scanner is unsure about would not make it simpler: where
// a record ends after a stray quote is itself csv-parse's quirk, so the scanner must know it anyway.
import { Parser, type Options } from 'csv-parse';
import { TextDecoder } from 'node:util';
import type { InputError } from '../model.js';
import { CsvScanner, scannable } from './csv-scan.js';

/** A larger record is taken to be a runaway quote rather than a posting. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

const PIECE_BYTES = 16 * 1024;

export type CsvItem = { cells: string[]; error?: undefined } | { cells?: undefined; error: InputError };

function describe(err: { code?: string; message: string }, lines: number): InputError {
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
  if (!scannable(delimiter)) {
    yield* csvParseRecords(chunks, delimiter);
    return;
  }
  const scanner = new CsvScanner(delimiter, MAX_RECORD_CHARS);
  // ignoreBOM: a BOM is stripped upstream; one still here is text, as it is to csv-parse.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const { out } = scanner;
  // Records are yielded right here, not through yield* of a helper: that costs a promise apiece.
  for await (const chunk of chunks) {
    // Decoded and scanned a piece at a time: the text of a 64 KB chunk (plus the record carried
    // over) would be a string of over 128 KB, which V8 puts straight into its old generation,
    // so that every chunk would grow the heap until the next full collection.
    for (let at = 0; at < chunk.length && !scanner.failure; at += PIECE_BYTES) {
      scanner.feed(decoder.decode(chunk.subarray(at, at + PIECE_BYTES), { stream: true }), false);
      for (const cells of out) yield { cells };
      out.length = 0;
    }
    if (scanner.failure) break;
  }
  if (!scanner.failure) {
    scanner.feed(decoder.decode(), true);
    for (const cells of out) yield { cells };
    out.length = 0;
  }
  if (scanner.failure) yield { error: describe({ code: scanner.failure, message: '' }, scanner.lastRecordLine) };
}

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

/** csvRecords by csv-parse alone: its transform step driven directly, one chunk at a time. */
export async function* csvParseRecords(chunks: AsyncIterable<Buffer>, delimiter: string): AsyncGenerator<CsvItem> {
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
