// Writing CSV rows: cells as they are, quoted only where CSV needs it (the delimiter, a quote,
// or a line break inside), in the input's delimiter and line ending.
import { csvSafe } from '../report/sanitize.js';

export interface CsvStyle {
  delimiter: string;
  lineEnding: string;
}

export function createCellQuoter(delimiter: string): (cell: string) => string {
  const special = delimiter === '"' || delimiter === '\r' || delimiter === '\n' ? /["\r\n]/ : new RegExp(`["\\r\\n${delimiter.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&')}]`);
  return (cell) => (special.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
}

/**
 * Formats whole rows: the input cells (padded to the header's width; extra cells of a long row
 * go after certfit's, so that certfit's columns stay aligned), then certfit's cells.
 */
export function createRowFormatter(style: CsvStyle, width: number, sanitizeInput: boolean): (input: string[], certfit: string[]) => string {
  const quote = createCellQuoter(style.delimiter);
  const d = style.delimiter;
  return (input, certfit) => {
    const parts: string[] = [];
    for (let i = 0; i < width; i++) {
      const c = i < input.length ? input[i] : '';
      parts.push(quote(sanitizeInput ? csvSafe(c) : c));
    }
    for (const c of certfit) parts.push(quote(c));
    for (let i = width; i < input.length; i++) parts.push(quote(sanitizeInput ? csvSafe(input[i]) : input[i]));
    return parts.join(d) + style.lineEnding;
  };
}

export function formatHeader(style: CsvStyle, header: string[], extra: readonly string[], sanitizeInput: boolean): string {
  const quote = createCellQuoter(style.delimiter);
  return [...header.map((h) => quote(sanitizeInput ? csvSafe(h) : h)), ...extra.map(quote)].join(style.delimiter) + style.lineEnding;
}
