// Writing CSV rows: cells as they are, quoted only where CSV needs it (the delimiter, a quote,
// or a line break inside), in the input's delimiter and line ending.
import { csvSafe } from '../report/sanitize.js';
import type { ByteWriter } from './byte-writer.js';

export interface CsvStyle {
  delimiter: string;
  lineEnding: string;
}

/** What makes a cell need quotes in this delimiter. */
function specialChars(delimiter: string): RegExp {
  return delimiter === '"' || delimiter === '\r' || delimiter === '\n' ? /["\r\n]/ : new RegExp(`["\\r\\n${delimiter.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&')}]`);
}

export function createCellQuoter(delimiter: string): (cell: string) => string {
  const special = specialChars(delimiter);
  return (cell) => (special.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
}

const QUOTE = 34;

/**
 * Writes whole rows: the input cells (padded to the header's width; extra cells of a long row
 * go after certfit's, so that certfit's columns stay aligned), then certfit's cells.
 * A quoted cell is written in slices between its quotes, so no doubled copy of it is made.
 */
export function createRowFormatter(style: CsvStyle, width: number, sanitizeInput: boolean): (out: ByteWriter, input: string[], certfit: string[]) => void {
  const special = specialChars(style.delimiter);
  const { delimiter, lineEnding } = style;
  const cell = (out: ByteWriter, c: string): void => {
    if (!special.test(c)) return out.text(c);
    out.byte(QUOTE);
    let a = 0;
    // Each slice ends with a quote and the next begins with it again: "" as CSV wants.
    for (let q = c.indexOf('"'); q !== -1; q = c.indexOf('"', q + 1)) {
      out.text(c.slice(a, q + 1));
      a = q;
    }
    out.text(c.slice(a));
    out.byte(QUOTE);
  };
  return (out, input, certfit) => {
    for (let i = 0; i < width; i++) {
      if (i > 0) out.text(delimiter);
      const c = i < input.length ? input[i] : '';
      cell(out, sanitizeInput ? csvSafe(c) : c);
    }
    for (let i = 0; i < certfit.length; i++) {
      if (width + i > 0) out.text(delimiter);
      cell(out, certfit[i]);
    }
    for (let i = width; i < input.length; i++) {
      out.text(delimiter);
      cell(out, sanitizeInput ? csvSafe(input[i]) : input[i]);
    }
    out.text(lineEnding);
  };
}

export function formatHeader(style: CsvStyle, header: string[], extra: readonly string[], sanitizeInput: boolean): string {
  const quote = createCellQuoter(style.delimiter);
  return [...header.map((h) => quote(sanitizeInput ? csvSafe(h) : h)), ...extra.map(quote)].join(style.delimiter) + style.lineEnding;
}
