// A table file (or stdin) → its meta (header, columns, delimiter, encoding) and its rows,
// streamed. Usage problems (no text column, empty file) are thrown before any row is read.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CertfitError } from '../errors.js';
import { fsError } from '../ingest/errors.js';
import { resolveColumns } from './columns.js';
import { csvRecords } from './csv-records.js';
import { toUtf8 } from './decode-stream.js';
import { jsonCell, jsonlRecords } from './jsonl-records.js';
import { sniffDelimiter, sniffLineEnding } from './sniff.js';
import type { TableFormat, TableInputOptions, TableMeta, TableRow } from './types.js';

export interface OpenTable {
  meta: TableMeta;
  rows: AsyncGenerator<TableRow>;
  /** Bytes of the input read so far, and its size when known (for progress). */
  bytesRead: () => number;
  size: number | undefined;
  /** Stops reading and releases the file. */
  close: () => void;
}

export interface OpenOptions extends TableInputOptions {
  /** Told about things worth a line on stderr (encoding switches). */
  warn?: (message: string) => void;
  stdin?: Readable;
}

const EXTENSIONS: Record<string, { format: TableFormat; delimiter?: string }> = {
  csv: { format: 'csv' },
  tsv: { format: 'csv', delimiter: '\t' },
  jsonl: { format: 'jsonl' },
  ndjson: { format: 'jsonl' },
};

/** The table kind of an input, from --input-format or the extension; null when it is not a table. */
export function tableKind(source: string, inputFormat?: string): { format: TableFormat; delimiter?: string } | null {
  if (inputFormat) return EXTENSIONS[inputFormat.toLowerCase()] ?? null;
  const ext = source.slice(source.lastIndexOf('.') + 1).toLowerCase();
  return source.includes('.') ? (EXTENSIONS[ext] ?? null) : null;
}

async function openSource(source: string, stdin: Readable | undefined): Promise<{ stream: Readable; size: number | undefined }> {
  if (source === '-') return { stream: stdin ?? process.stdin, size: undefined };
  try {
    const info = await stat(source);
    if (info.isDirectory()) throw new CertfitError(`${source} is a folder; give one table file`);
    // A FIFO or device would block the whole process on open: only regular files are tables.
    if (!info.isFile()) throw new CertfitError(`${source} is not a regular file; give a .csv, .tsv, .jsonl or .ndjson file; to read a stream, pipe it to standard input (… | certfit - --input-format csv)`);
    const stream = createReadStream(source, { highWaterMark: 64 * 1024 });
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
    return { stream, size: info.size };
  } catch (err) {
    if (err instanceof CertfitError) throw err;
    throw new CertfitError(fsError(err, source).message, { cause: err });
  }
}

export async function openTable(source: string, opts: OpenOptions = {}): Promise<OpenTable> {
  const kind = tableKind(source, opts.inputFormat);
  if (!kind) throw new CertfitError(`${source} is not a table: give a .csv, .tsv, .jsonl or .ndjson file, or say --input-format`);
  const { stream, size } = await openSource(source, opts.stdin);
  let bytes = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  const close = (): void => {
    if (stream !== process.stdin) stream.destroy();
  };
  try {
    const utf8 = await toUtf8(counted(), (enc) => opts.warn?.(`${source}: not all UTF-8; read the rest as ${enc} from byte ${bytes} on`));
    if (utf8.binary) throw new CertfitError(`${source} is not text (a binary or compressed file?): give the table itself, as CSV, TSV or JSON lines`, { code: 'BINARY' });
    const base = { source, encoding: utf8.encoding, bom: utf8.bom };
    const complete = size !== undefined && bytes >= size;
    if (kind.format === 'csv') {
      const delimiter = opts.delimiter || sniffDelimiter(utf8.head, kind.delimiter ?? ',', complete) || ',';
      const records = csvRecords(utf8.chunks, delimiter);
      const first = await records.next();
      if (first.done) throw new CertfitError(`${source} is empty: a table needs a header row`);
      if (!first.value.cells) throw new CertfitError(`${source}: the header row cannot be read: ${first.value.error.message}`);
      const header = first.value.cells;
      const meta: TableMeta = { ...base, format: 'csv', header, columns: resolveColumns(header, opts, source), delimiter, lineEnding: sniffLineEnding(utf8.head) };
      async function* rows(): AsyncGenerator<TableRow> {
        let row = 0;
        for await (const item of records) yield item.error ? { row: ++row, cells: [], error: item.error } : { row: ++row, cells: item.cells };
      }
      return { meta, rows: rows(), bytesRead: () => bytes, size, close };
    }
    const records = jsonlRecords(utf8.chunks);
    const pending: TableRow[] = [];
    let row = 0;
    let header: string[] | null = null;
    // Manual next(): breaking out of a for-await would close the generator.
    for (let r = await records.next(); !r.done; r = await records.next()) {
      const item = r.value;
      row++;
      if (item.error) {
        pending.push({ row, cells: [], error: item.error });
        continue;
      }
      header = Object.keys(item.value);
      pending.push({ row, cells: header.map((k) => jsonCell(item.value[k])) });
      break;
    }
    if (!header) throw new CertfitError(`${source} holds no JSON object per line`);
    const keys = header;
    const meta: TableMeta = { ...base, format: 'jsonl', header: keys, columns: resolveColumns(keys, opts, source), delimiter: ',', lineEnding: '\n' };
    async function* rows(): AsyncGenerator<TableRow> {
      yield* pending;
      for await (const item of records) {
        row++;
        yield item.error ? { row, cells: [], error: item.error } : { row, cells: keys.map((k) => jsonCell(item.value[k])) };
      }
    }
    return { meta, rows: rows(), bytesRead: () => bytes, size, close };
  } catch (err) {
    close();
    throw err;
  }
}
