// A table row → the raw fields analysis needs (RowJob), and a RowJob → a Posting (its id the
// id column's cell, else `${source}#${row}`), or the reason it is not one.
import { EMPTY_ROW, type InputError, type Posting } from '../model.js';
import { cellLine, cellText } from './cell-text.js';
import type { ColumnMap, RowJob, TableMeta, TableRow } from './types.js';

const cell = (cells: string[], i: number): string | undefined => (i >= 0 && i < cells.length && cells[i] !== '' ? cells[i] : undefined);

export function rowJob(columns: ColumnMap, row: TableRow): RowJob {
  if (row.error) return { row: row.row, text: '', error: row.error };
  const c = row.cells;
  const job: RowJob = { row: row.row, text: cell(c, columns.text) ?? '' };
  const id = cell(c, columns.id)?.replace(/\s+/g, ' ').trim();
  if (id) job.id = id;
  const fields = [['title', columns.title], ['company', columns.company], ['url', columns.url], ['location', columns.location], ['datePosted', columns.date]] as const;
  for (const [key, i] of fields) {
    const v = cell(c, i);
    if (v !== undefined) job[key] = v;
  }
  return job;
}


export const rowId = (source: string, row: number): string => `${source}#${row}`;

/** A row's posting id: its id column's cell when it has one (what a recruiter knows it by), else where it is. */
export const postingId = (source: string, job: RowJob): string => job.id ?? rowId(source, job.row);

/** The text column's name, for messages. */
export const textColumnName = (meta: TableMeta): string => meta.header[meta.columns.text] ?? 'text';

/** A RowJob as a posting, or an InputError when the row failed to read or has no text. */
export function jobToPosting(job: RowJob, source: string, textColumn: string): Posting | InputError {
  if (job.error) return job.error;
  const text = cellText(job.text);
  if (!text.trim()) return { code: EMPTY_ROW, message: `row ${job.row} has no posting text in column ${JSON.stringify(textColumn)}` };
  const posting: Posting = { id: postingId(source, job), source: rowId(source, job.row), text };
  const title = job.title === undefined ? undefined : cellLine(job.title);
  if (title) posting.title = title;
  const company = job.company === undefined ? undefined : cellLine(job.company);
  if (company) posting.company = company;
  const location = job.location === undefined ? undefined : cellLine(job.location);
  if (location) posting.location = location;
  if (job.datePosted?.trim()) posting.datePosted = job.datePosted.trim();
  if (job.url && /^https?:\/\//i.test(job.url.trim())) posting.url = job.url.trim();
  return posting;
}

export const isPosting = (x: Posting | InputError): x is Posting => 'text' in x;
