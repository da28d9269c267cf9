// Tables through the ordinary ingest stage (`certfit analyze export.csv --format json`): one
// IngestItem per row, in order, with ids `${path}#${row}`.
import { CertfitError } from '../errors.js';
import type { IngestItem } from '../ingest/index.js';
import { openTable } from './open-table.js';
import { isPosting, jobToPosting, rowId, rowJob, textColumnName } from './row-posting.js';
import type { TableInputOptions } from './types.js';

export function createTableReader(opts: TableInputOptions = {}, warn?: (message: string) => void): (path: string) => AsyncIterable<IngestItem> {
  return async function* read(path: string): AsyncGenerator<IngestItem> {
    let table;
    try {
      table = await openTable(path, { ...opts, warn });
    } catch (err) {
      if (!(err instanceof CertfitError)) throw err;
      const details = err.details.length ? ` (${err.details.join('; ')})` : '';
      yield { ok: false, source: path, error: { code: err.code ?? 'TABLE_ERROR', message: `${err.message}${details}` } };
      return;
    }
    try {
      const textColumn = textColumnName(table.meta);
      let rows = 0;
      for await (const row of table.rows) {
        rows++;
        const p = jobToPosting(rowJob(table.meta.columns, row), path, textColumn);
        yield isPosting(p) ? { ok: true, posting: p } : { ok: false, source: rowId(path, row.row), error: p };
      }
      if (rows === 0) warn?.(`${path} has a header but no rows: nothing to score`);
    } finally {
      table.close();
    }
  };
}

/** The reader with columns detected by name, for `ingest(inputs, { tableReader })`. */
export const tableReader: (path: string) => AsyncIterable<IngestItem> = createTableReader();
