// The ingest run: expand inputs, work ahead on a bounded window, yield items in input order.
import type { Posting } from '../model.js';
import { IngestError, toInputError } from './errors.js';
import type { Extracted } from './extract.js';
import { DEFAULT_API_BASES } from './fetch-ats.js';
import { HttpClient } from './fetch-client.js';
import { createAgent, parsePins } from './fetch-http.js';
import { fetchUrl } from './fetch-url.js';
import { expandInput } from './inputs.js';
import { readFileBytes, readFileSource, readStdin, specialFileError } from './read-source.js';
import type { IngestInternals, IngestItem, IngestOptions, Unit } from './types.js';
import { VERSION } from '../version.js';

export const DEFAULT_USER_AGENT = `certfit/${VERSION} (+https://github.com/certfit/certfit)`;
/** Files whose bytes are read ahead of their turn. */
const FILES_AHEAD = 8;
export const DEFAULTS = { concurrency: 8, perHost: 2, timeoutMs: 15000, maxBytes: 10 * 1024 * 1024, retries: 3 };

const DEFAULT_INTERNALS: IngestInternals = {
  apiBases: DEFAULT_API_BASES,
  retryAfterCapMs: 30000,
  backoffBaseMs: 500,
  pdfPageLimit: 50,
  pdfTimeMs: 20000,
  stdin: process.stdin,
};

const positive = (v: number | undefined, fallback: number): number => (v !== undefined && Number.isFinite(v) && v > 0 ? v : fallback);

function toItems(extracted: Extracted, source: string, isUrl: boolean): IngestItem[] {
  return extracted.items.map((item, i) => {
    const id = extracted.collection ? `${source}#${i + 1}` : source;
    if (item instanceof IngestError) return { ok: false, source: id, error: toInputError(item) };
    const posting: Posting = { id, source: isUrl ? source : id, text: item.text };
    for (const key of ['title', 'company', 'location', 'datePosted', 'url'] as const) {
      const value = item[key];
      if (value) posting[key] = value;
    }
    return { ok: true, posting };
  });
}

export async function* ingestWith(inputs: string[], opts: IngestOptions = {}, overrides: Partial<IngestInternals> = {}): AsyncGenerator<IngestItem> {
  const internals = { ...DEFAULT_INTERNALS, ...overrides };
  const maxBytes = positive(opts.maxBytes, DEFAULTS.maxBytes);
  const timeoutMs = positive(opts.timeoutMs, DEFAULTS.timeoutMs);
  const pdf = { pageLimit: internals.pdfPageLimit, timeMs: internals.pdfTimeMs };
  const pins = parsePins(opts.resolve ?? []);

  const units: Unit[] = [];
  const ctx = { maxBytes, lists: new Set<string>() };
  for (const input of inputs) units.push(...(await expandInput(input, ctx)));

  let client: HttpClient | undefined;
  const http = (): HttpClient =>
    (client ??= new HttpClient({
      dispatcher: createAgent(timeoutMs, pins),
      userAgent: opts.userAgent ?? DEFAULT_USER_AGENT,
      timeoutMs,
      maxBytes,
      concurrency: positive(opts.concurrency, DEFAULTS.concurrency),
      perHost: positive(opts.perHost, DEFAULTS.perHost),
      retries: Math.max(0, Math.floor(opts.retries ?? DEFAULTS.retries)),
      ignoreRobots: opts.ignoreRobots ?? false,
      cacheDir: opts.cacheDir,
      retryAfterCapMs: internals.retryAfterCapMs,
      backoffBaseMs: internals.backoffBaseMs,
    }));

  // Files are read a few ahead (the disk works while the CPU extracts), and extracted in turn:
  // at most FILES_AHEAD files' bytes wait in memory.
  const reads = new Map<number, ReturnType<typeof readFileBytes>>();
  const run = async (unit: Unit, index = -1): Promise<IngestItem[]> => {
    const source = unit.type === 'url' ? unit.source : unit.type === 'stdin' ? '-' : unit.type === 'error' ? unit.source : unit.path;
    try {
      switch (unit.type) {
        case 'error':
          return [{ ok: false, source, error: unit.error }];
        case 'url':
          return toItems(await fetchUrl(unit.url, http(), pdf, internals.apiBases), source, true);
        case 'stdin':
          return toItems(await readStdin(internals.stdin, maxBytes, pdf), source, false);
        case 'file': {
          const read = reads.get(index);
          reads.delete(index);
          return toItems(await readFileSource(unit.path, maxBytes, pdf, read), source, false);
        }
        case 'table': {
          const ext = unit.path.slice(unit.path.lastIndexOf('.'));
          const error = { code: 'TABLE_INPUT', message: `${ext} files are tables, one posting per row: score them with certfit analyze` };
          return [{ ok: false, source, error }];
        }
      }
    } catch (err) {
      return [{ ok: false, source, error: toInputError(err) }];
    }
  };

  // Work ahead on a bounded window (URLs are slow), but yield strictly in input order.
  const window = Math.max(16, positive(opts.concurrency, DEFAULTS.concurrency) * 4);
  const pending = new Map<number, Promise<IngestItem[]>>();
  let next = 0;
  let nextRead = 0;
  let failed = 0;
  try {
    for (let i = 0; i < units.length; i++) {
      // URLs start early; files are read a little ahead; both are yielded in input order.
      for (; next < units.length && next < i + window; next++) {
        const unit = units[next];
        if (unit.type === 'url') pending.set(next, run(unit));
      }
      for (; nextRead < units.length && nextRead <= i + FILES_AHEAD; nextRead++) {
        const unit = units[nextRead];
        if (unit.type !== 'file') continue;
        const read = readFileBytes(unit.path, maxBytes);
        read.catch(() => undefined); // handled when its turn comes
        reads.set(nextRead, read);
      }
      const unit = units[i];
      let unitFailed = false;
      if (unit.type === 'table' && opts.tableReader) {
        // A table reader would block on a FIFO until a writer came.
        const special = await specialFileError(unit.path);
        try {
          if (special) throw special;
          for await (const item of opts.tableReader(unit.path)) {
            if (!item.ok) unitFailed = true;
            yield item;
          }
        } catch (err) {
          unitFailed = true;
          yield { ok: false, source: unit.path, error: toInputError(err) };
        }
      } else {
        const items = await (pending.get(i) ?? run(unit, i));
        pending.delete(i);
        for (const item of items) {
          if (!item.ok) unitFailed = true;
          yield item;
        }
      }
      if (unitFailed) failed++;
      opts.onProgress?.({ done: i + 1, total: units.length, failed });
    }
  } finally {
    await client?.close();
  }
}
