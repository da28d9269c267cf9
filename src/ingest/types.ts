// Public and internal shapes of the ingest stage.
import type { InputError, Posting, PostingMeta } from '../model.js';

export interface IngestOptions {
  ignoreRobots?: boolean;
  /** On-disk HTTP cache with ETag/Last-Modified revalidation; undefined = no cache. */
  cacheDir?: string;
  /** curl-style HOST:PORT:ADDRESS pins. */
  resolve?: string[];
  /** Overall concurrency of HTTP requests (default 8). */
  concurrency?: number;
  /** Per-host concurrency (default 2). */
  perHost?: number;
  /** Connect, headers and body idle timeouts in ms (default 15000). */
  timeoutMs?: number;
  /** Body and file size cap in bytes (default 10 MiB). */
  maxBytes?: number;
  /** Retries on 429/500/502/503/504 and dropped connections (default 3). */
  retries?: number;
  userAgent?: string;
  /** For .csv/.tsv/.jsonl/.ndjson files; when absent such a file is an error item with code TABLE_INPUT. */
  tableReader?: (path: string) => AsyncIterable<IngestItem>;
  onProgress?: (p: { done: number; total: number; failed: number }) => void;
}

export type IngestItem =
  | { ok: true; posting: Posting }
  | { ok: false; source: string; error: InputError };

/** Knobs that only tests change. */
export interface IngestInternals {
  /** Bases of the job-board APIs, without a trailing slash. */
  apiBases: { greenhouse: string; lever: string; ashby: string };
  /** Longest wait honoured from a Retry-After header. */
  retryAfterCapMs: number;
  /** First backoff step when the server gives no Retry-After. */
  backoffBaseMs: number;
  pdfPageLimit: number;
  pdfTimeMs: number;
  stdin: AsyncIterable<Uint8Array | string>;
}

/** A posting before it has an id and a source. */
export interface Draft extends PostingMeta {
  text: string;
}

export type ContentKind = 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'json';

/** What an input expands to: units of work, in output order. */
export type Unit =
  | { type: 'file'; path: string }
  | { type: 'table'; path: string }
  | { type: 'url'; url: string; source: string }
  | { type: 'stdin' }
  | { type: 'error'; source: string; error: InputError };
