// The undici dispatcher (timeouts, HOST:PORT:ADDRESS pins), one GET without redirects or retries, and how failures read.
import { STATUS_CODES } from 'node:http';
import type { Readable } from 'node:stream';
import type { Agent, buildConnector, Dispatcher } from 'undici';
import { undici } from './lazy.js';
import { readBody } from './fetch-body.js';
import { IngestError, tooLarge } from './errors.js';

export interface RawResponse {
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Empty for redirects, errors and 304s. */
  body: Buffer;
}

export interface RequestSettings {
  dispatcher: Dispatcher;
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
}

/** Parses `HOST:PORT:ADDRESS` pins into a map keyed by `host:port`. */
export function parsePins(pins: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const pin of pins) {
    const m = pin.match(/^([^:]+):(\d+):(.+)$/);
    if (!m) throw new IngestError('BAD_OPTION', `bad resolve pin "${pin}": use HOST:PORT:ADDRESS, e.g. example.com:443:127.0.0.1`);
    map.set(`${m[1].toLowerCase()}:${m[2]}`, m[3].replace(/^\[(.*)\]$/, '$1'));
  }
  return map;
}

export function createAgent(timeoutMs: number, pins: Map<string, string>): Agent {
  const { Agent, buildConnector } = undici();
  const base = buildConnector({ timeout: timeoutMs });
  const connect: buildConnector.connector = (options, callback) => {
    const port = options.port || (options.protocol === 'https:' ? '443' : '80');
    const address = pins.get(`${options.hostname.toLowerCase()}:${port}`);
    // `host` stays the real name, so the Host header and TLS server name are unchanged.
    return base(address ? { ...options, hostname: address } : options, callback);
  };
  return new Agent({ connect, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connections: 16 });
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const DROPPED_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

function codeOf(err: unknown): string {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code ?? '';
}

/** A dropped connection is worth another try; a timeout is not (it would only multiply the wait). */
export function isRetryableNetworkError(err: unknown): boolean {
  return DROPPED_CODES.has(codeOf(err));
}

export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

export function networkError(err: unknown, url: string, timeoutMs: number): IngestError {
  if (err instanceof IngestError) return err;
  const code = codeOf(err);
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  if (TIMEOUT_CODES.has(code) || (err as Error)?.name === 'TimeoutError') return new IngestError('TIMEOUT', `timed out after ${seconds(timeoutMs)}`);
  if (DROPPED_CODES.has(code)) {
    return new IngestError('NETWORK', `connection to ${host} was closed before the response was complete; try again later`, { cause: err });
  }
  if (code === 'ECONNREFUSED') return new IngestError('NETWORK', `connection refused by ${host}; check the URL or try again later`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new IngestError('DNS', `cannot resolve ${host}; check the URL and your network`);
  if (/CERT|TLS|SSL/i.test(code)) return new IngestError('TLS', `TLS error with ${host} (${code}); check the URL`);
  const message = err instanceof Error ? err.message : String(err);
  return new IngestError('NETWORK', `request to ${host} failed: ${message}`);
}

export function httpError(status: number): IngestError {
  const text = `HTTP ${status} ${STATUS_CODES[status] ?? 'Error'}`;
  const hint = status === 401 || status === 403 ? ' (the site refuses automated access; save the page and pass the file)' : status === 429 ? ' (still rate limited after retries; try again later)' : '';
  return new IngestError(`HTTP_${status}`, text + hint);
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** GET `url` once. 2xx bodies are read (capped, decompressed); other bodies are discarded. */
export async function requestOnce(url: string, extraHeaders: Record<string, string>, s: RequestSettings): Promise<RawResponse> {
  // The idle timeouts miss a body that trickles forever; this caps the whole exchange.
  const signal = AbortSignal.timeout(s.timeoutMs * 4);
  try {
    const res = await undici().request(url, {
      method: 'GET',
      dispatcher: s.dispatcher,
      signal,
      headers: {
        'user-agent': s.userAgent,
        accept: 'text/html,application/xhtml+xml,application/json;q=0.9,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        'accept-encoding': 'gzip, br, deflate',
        ...extraHeaders,
      },
    });
    const headers = flatHeaders(res.headers);
    const status = res.statusCode;
    if (status < 200 || status >= 300) {
      await res.body.dump({ limit: 65536 }).catch(() => undefined);
      return { url, status, headers, body: Buffer.alloc(0) };
    }
    const length = Number(headers['content-length']);
    if (Number.isFinite(length) && length > s.maxBytes && !headers['content-encoding']) {
      res.body.destroy();
      throw tooLarge(s.maxBytes, 'response');
    }
    const body = await readBody(res.body as unknown as Readable, headers['content-encoding'], s.maxBytes);
    return { url, status, headers, body };
  } catch (err) {
    if (signal.aborted && !(err instanceof IngestError)) throw new IngestError('TIMEOUT', `timed out after ${seconds(s.timeoutMs * 4)}`);
    throw networkError(err, url, s.timeoutMs);
  }
}
