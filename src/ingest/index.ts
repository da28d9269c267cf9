// The ingest stage: inputs (files, folders, globs, @lists, URLs, stdin) → postings or error items.
import { ingestWith } from './ingest.js';
import type { IngestItem, IngestOptions } from './types.js';

export type { IngestItem, IngestOptions } from './types.js';
export { htmlToText } from './html-to-text.js';

/**
 * Every input yields one or more items, in input order: a posting, or an error with a stable code
 * and a one-line message. URLs are fetched concurrently.
 */
export function ingest(inputs: string[], opts?: IngestOptions): AsyncIterable<IngestItem> {
  return ingestWith(inputs, opts);
}
