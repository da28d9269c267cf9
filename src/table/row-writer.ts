// Turning outcomes, in input order, into output text: duplicates are decided here (the first
// row with the same content wins, as DuplicateTracker does), the portfolio is accumulated, and
// each row becomes a CSV line (input cells, then certfit's) or an NDJSON line.
import { csvSafe } from '../report/sanitize.js';
import { CERTFIT_COLUMNS, DUPLICATE_CELL } from './analyze-row.js';
import type { ByteWriter } from './byte-writer.js';
import { createRowFormatter, formatHeader } from './csv-format.js';
import type { PortfolioAccumulator } from '../score/portfolio.js';
import type { RowOutcome, TableMeta } from './types.js';

export interface RowWriter {
  /** What goes before the first row (CSV: the BOM if the input had one, and the header). */
  header(): string;
  /** Writes the row's line into `into`. */
  row(out: RowOutcome, cells: string[], into: ByteWriter): void;
  /** What goes after the last row (NDJSON: the summary line, as the ndjson reporter writes it). */
  footer(asOf: string): string;
}

export function createRowWriter(meta: TableMeta, output: 'csv' | 'ndjson', sanitizeFormulas: boolean, acc: PortfolioAccumulator): RowWriter {
  // Per distinct posting only 52 bits of its content hash and its id (the id column's cell, usually
  // short, or `file#row`): some 60–80 bytes, so a million rows cost well under 100 MB (a collision
  // needs ~10^7 rows to become likely).
  const firstByHash = new Map<number, string>();
  const style = { delimiter: meta.delimiter, lineEnding: meta.lineEnding };
  const formatRow = createRowFormatter(style, meta.header.length, sanitizeFormulas);

  const duplicateOf = (out: RowOutcome): string | undefined => {
    if (out.hash === undefined) return undefined;
    const key = parseInt(out.hash.slice(0, 13), 16);
    const first = firstByHash.get(key);
    // A copy: a cell read in this thread is a slice of a decoded piece of the input, which it would keep alive.
    if (first === undefined) firstByHash.set(key, (' ' + out.id).slice(1));
    return first;
  };

  return {
    header: () => (output === 'csv' ? (meta.bom ? '\ufeff' : '') + formatHeader(style, meta.header, CERTFIT_COLUMNS, sanitizeFormulas) : ''),
    row(out, cells, into) {
      const dup = duplicateOf(out);
      acc.addRow(out.empty ? 'empty' : out.status, dup !== undefined, out.contribution);
      if (output === 'ndjson') {
        // The posting's JSON ends with '}'; duplicateOf goes last, where DuplicateTracker would put it.
        if (dup) into.text(`${out.json!.slice(0, -1)},"duplicateOf":${JSON.stringify(dup)}}`);
        else into.text(out.json!);
        into.byte(10);
        return;
      }
      const certfit = out.cells!;
      if (dup) certfit[DUPLICATE_CELL] = csvSafe(dup);
      formatRow(into, cells, certfit);
    },
    footer: (asOf) => (output === 'ndjson' ? `${JSON.stringify({ type: 'summary', schemaVersion: 1, asOf, ...acc.summary() })}\n` : ''),
  };
}
