// Tables of postings (.csv .tsv .jsonl .ndjson): read row by row, scored, written back row for row.
export { createTableReader, tableReader } from './ingest-adapter.js';
export { openTable, tableKind, type OpenTable } from './open-table.js';
export { runTable, Interrupted, type RunTableOptions, type RunTableResult } from './run-table.js';
export { CERTFIT_COLUMNS } from './analyze-row.js';
export { fileSink, stdoutSink, type Sink } from './sink.js';
export { renderSummary } from './run-report.js';
export type { TableInputOptions, TableMeta, TableRow } from './types.js';
