// Shapes shared by the table stages: reading rows, analysing them (in process or in a
// worker), and writing them back in input order.
import type { InputError } from '../model.js';
import type { Contribution } from '../score/portfolio.js';

export type TableFormat = 'csv' | 'jsonl';

/** What the user can say about a table (the table flags of `certfit analyze`). */
export interface TableInputOptions {
  /** csv, tsv, jsonl or ndjson; default: from the file extension. */
  inputFormat?: string;
  textColumn?: string;
  titleColumn?: string;
  idColumn?: string;
  urlColumn?: string;
  /** One character; default: sniffed from the first chunk. */
  delimiter?: string;
}

/** Column indexes of the fields certfit reads; -1 when the table has no such column. */
export interface ColumnMap {
  text: number;
  title: number;
  id: number;
  company: number;
  url: number;
  location: number;
  date: number;
}

export interface TableMeta {
  /** The path as given, or `-` for stdin; row ids are `${source}#${row}`. */
  source: string;
  format: TableFormat;
  header: string[];
  columns: ColumnMap;
  delimiter: string;
  lineEnding: string;
  /** The encoding the bytes were read as (utf-8, utf-16le, windows-1252…). */
  encoding: string;
  bom: boolean;
}

/** One data row as read: the cells exactly as parsed, or an error for a part that could not be read. */
export interface TableRow {
  /** 1-based data row (the header is not counted). */
  row: number;
  cells: string[];
  error?: InputError;
}

/** The raw fields of one row that analysis needs; this is what crosses to a worker. */
export interface RowJob {
  row: number;
  /** The id column's cell, when the table has one and the cell is not blank. */
  id?: string;
  text: string;
  title?: string;
  company?: string;
  url?: string;
  location?: string;
  datePosted?: string;
  error?: InputError;
}

/** The result of analysing one row, in the small form that output and summary need. */
export interface RowOutcome {
  row: number;
  /** The posting's id: the id column's cell, else `${source}#${row}`. */
  id: string;
  status: 'ok' | 'error';
  /** The row had no posting text. */
  empty: boolean;
  error?: InputError;
  /** Content hash for duplicate detection (ok rows only). */
  hash?: string;
  /** certfit's CSV cells, certfit_duplicate_of left blank (filled in order by the writer). */
  cells?: string[];
  /** The PostingResult as one JSON line (ndjson output), without duplicateOf. */
  json?: string;
  contribution?: Contribution;
}

/** What the analysing side needs to know besides the rows. */
export interface RowContext {
  source: string;
  /** Column names, for messages. */
  textColumn: string;
  wantCells: boolean;
  wantJson: boolean;
}
