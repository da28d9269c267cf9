// The HTTP client of one ingest run: concurrency limits, robots.txt, redirects, retries and the cache.
import pLimit, { type LimitFunction } from 'p-limit';
import type { Agent } from 'undici';
import { conditionalHeaders, HttpCache, type CachedResponse } from './fetch-cache.js';
import { httpError, isRetryableNetworkError, requestOnce, type RawResponse, type RequestSettings } from './fetch-http.js';
import { RobotsRules } from './fetch-robots.js';
import { IngestError } from './errors.js';

export interface ClientSettings extends RequestSettings {
  dispatcher: Agent;
  concurrency: number;
  perHost: number;
  retries: number;
  ignoreRobots: boolean;
  cacheDir?: string;
  retryAfterCapMs: number;
  backoffBaseMs: number;
}

export interface Fetched {
  /** The URL after redirects. */
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  fromCache: boolean;
}

const MAX_REDIRECTS = 5;
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const OFFLINE_CODES = new Set(['NETWORK', 'DNS', 'TIMEOUT', 'TLS']);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After as milliseconds (delta-seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export class HttpClient {
  private readonly overall: LimitFunction;
  private readonly hosts = new Map<string, LimitFunction>();
  private readonly robots: RobotsRules;
  private readonly cache?: HttpCache;

  constructor(private readonly s: ClientSettings) {
    this.overall = pLimit(s.concurrency);
    // robots.txt gets no retries: a flaky one should not hold up the page.
    this.robots = new RobotsRules((url, maxBytes) => this.follow(url, {}, { robots: false, maxBytes, retries: 0 }), s.userAgent);
    if (s.cacheDir) this.cache = new HttpCache(s.cacheDir);
  }

  private limited<T>(url: string, fn: () => Promise<T>): Promise<T> {
    const host = new URL(url).host;
    let limit = this.hosts.get(host);
    if (!limit) this.hosts.set(host, (limit = pLimit(this.s.perHost)));
    // Host slot first, so a request waiting for its host holds no overall slot.
    return limit(() => this.overall(fn));
  }

  private backoff(attempt: number, res?: RawResponse): number {
    const asked = retryAfterMs(res?.headers['retry-after']);
    const wait = asked ?? this.s.backoffBaseMs * 2 ** attempt * (1 + Math.random() * 0.25);
    return Math.min(wait, this.s.retryAfterCapMs);
  }

  private async withRetries(url: string, headers: Record<string, string>, maxBytes: number, retries: number): Promise<RawResponse> {
    for (let attempt = 0; ; attempt++) {
      let res: RawResponse;
      try {
        res = await this.limited(url, () => requestOnce(url, headers, { ...this.s, maxBytes }));
      } catch (err) {
        if (attempt < retries && isRetryableNetworkError((err as { cause?: unknown }).cause ?? err)) {
          await sleep(this.backoff(attempt));
          continue;
        }
        throw err;
      }
      if (attempt < retries && RETRY_STATUSES.has(res.status)) {
        await sleep(this.backoff(attempt, res));
        continue;
      }
      return res;
    }
  }

  /** GET with redirects (at most 5, loops detected) and robots.txt checked at every hop. */
  private async follow(url: string, headers: Record<string, string>, o: { robots: boolean; maxBytes: number; retries: number }): Promise<RawResponse> {
    const seen = new Set<string>();
    let current = url;
    for (let hops = 0; ; hops++) {
      if (o.robots && !this.s.ignoreRobots) await this.robots.check(current);
      seen.add(current);
      const res = await this.withRetries(current, headers, o.maxBytes, o.retries);
      if (!REDIRECT_STATUSES.has(res.status) || !res.headers.location) return res;
      const next = new URL(res.headers.location, current);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new IngestError('REDIRECTS', `redirected to an unsupported address: ${next.href}`);
      if (seen.has(next.href)) throw new IngestError('REDIRECTS', `redirect loop at ${next.href}; open the URL in a browser to find the real page`);
      if (hops + 1 > MAX_REDIRECTS) throw new IngestError('REDIRECTS', `more than ${MAX_REDIRECTS} redirects; pass the final URL instead`);
      current = next.href;
    }
  }

  private fromCache(c: CachedResponse): Fetched {
    return { url: c.finalUrl, headers: c.headers, body: c.body, fromCache: true };
  }

  /** A successful response for `url`, revalidated against (or, offline, served from) the cache. */
  async get(url: string): Promise<Fetched> {
    const cached = this.cache ? await this.cache.read(url) : null;
    let res: RawResponse;
    try {
      res = await this.follow(url, conditionalHeaders(cached), { robots: true, maxBytes: this.s.maxBytes, retries: this.s.retries });
    } catch (err) {
      if (cached && err instanceof IngestError && OFFLINE_CODES.has(err.code)) return this.fromCache(cached);
      throw err;
    }
    if (res.status === 304 && cached) return this.fromCache(cached);
    if (res.status >= 200 && res.status < 300) {
      await this.cache?.write(url, res.url, res.headers, res.body);
      return { url: res.url, headers: res.headers, body: res.body, fromCache: false };
    }
    if (cached && res.status >= 500) return this.fromCache(cached);
    throw httpError(res.status);
  }

  async close(): Promise<void> {
    await this.s.dispatcher.destroy().catch(() => undefined);
  }
}
