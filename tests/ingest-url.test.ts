// URLs end to end against a real HTTP server on 127.0.0.1 (no mocks of undici).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestItem, IngestOptions } from '../src/ingest/index.js';
import { ingestWith } from '../src/ingest/ingest.js';
import { retryAfterMs } from '../src/ingest/fetch-client.js';
import { atsTarget, DEFAULT_API_BASES } from '../src/ingest/fetch-ats.js';
import type { IngestInternals } from '../src/ingest/types.js';
import { startServer, streamBytes, type Handler, type TestServer } from './helpers/http-server.js';

const FIX = 'fixtures/ingest';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const LEVER_ID = '5c1f2e3d-0000-4a4b-9c9d-111122223333';
const ASHBY_ID = '0b7c1d2e-aaaa-4bbb-8ccc-123456789abc';

const html = (body: string): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
};

async function collect(inputs: string[], opts: IngestOptions, internals: Partial<IngestInternals> = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of ingestWith(inputs, opts, internals)) out.push(item);
  return out;
}

const summary = (item: IngestItem): string => (item.ok ? `ok:${item.posting.text.slice(0, 40)}` : `${item.error.code}:${item.error.message}`);

describe('URL ingestion against a local server', () => {
  let server: TestServer;
  let base: string;
  let apiBases: IngestInternals['apiBases'];
  let pins: string[];
  const retryTimes: number[] = [];

  beforeAll(async () => {
    const graph = await readFile(`${FIX}/html/graph.html`, 'utf8');
    const chrome = await readFile(`${FIX}/html/chrome.html`, 'utf8');
    const board = JSON.parse(await readFile(`${FIX}/json/greenhouse-board.json`, 'utf8')) as { jobs: unknown[] };
    const compressed = '<html><body><main><p>Compressed posting about Amazon Kendra.</p></main></body></html>';
    const cp1252Page =
      '<html><body><main><p>We\u2019re hiring in Montr\u00e9al: a \u201csenior\u201d engineer for Azure AI Speech \u2013 budget \u20ac2,000 for conferences.</p></main></body></html>';
    const CP1252: Record<string, number> = { '\u2019': 0x92, '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96, '\u20ac': 0x80 };
    const cpBytes = Buffer.from([...cp1252Page].map((c) => CP1252[c] ?? c.charCodeAt(0)));
    server = await startServer({
      '/robots.txt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
      '/job.html': html(graph),
      '/chrome.html': html(chrome),
      '/private/job.html': html(graph),
      '/redirect': (_req, res) => res.writeHead(301, { location: '/chrome.html' }).end(),
      '/slow-headers': () => undefined,
      '/endless-body': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<p>This body never ends');
      },
      '/reset': (req) => req.socket.destroy(),
      '/flaky': (req, res, hit) => (hit === 1 ? res.writeHead(500).end('oops') : html(chrome)(req, res, hit)),
      '/rate-limited': (req, res, hit) => {
        retryTimes.push(Date.now());
        if (hit === 1) res.writeHead(429, { 'retry-after': '1' }).end();
        else html(graph)(req, res, hit);
      },
      '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
      '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
      '/huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        streamBytes(res, 50 * 1024 * 1024);
      },
      '/png-as-html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PNG),
      '/image.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG),
      '/cp1252.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(cpBytes),
      '/gzip.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(compressed)),
      '/br.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliCompressSync(compressed)),
      '/deflate.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(deflateSync(compressed)),
      '/raw-deflate.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(deflateRawSync(compressed)),
      '/bad-gzip': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end('<p>not gzip at all</p>'),
      '/bomb': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x20))),
      '/v1/boards/proseware/jobs/4100001': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(board.jobs[0])),
      [`/adatum/${LEVER_ID}`]: html(chrome), // the Lever API route is missing: falls back to the page
      '/posting-api/job-board/relecloud': async (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(await readFile(`${FIX}/json/ashby-board.json`)),
    });
    base = server.origin;
    const p = server.port;
    apiBases = { greenhouse: `http://boards-api.greenhouse.io:${p}`, lever: `http://api.lever.co:${p}`, ashby: `http://api.ashbyhq.com:${p}` };
    pins = ['boards.greenhouse.io', 'boards-api.greenhouse.io', 'jobs.lever.co', 'api.lever.co', 'jobs.ashbyhq.com', 'api.ashbyhq.com'].map((h) => `${h}:${p}:127.0.0.1`);
  });

  afterAll(async () => {
    await server.close();
  });

  it('ends every URL as its documented result, in input order, within the timeouts', async () => {
    const p = server.port;
    const cases: [string, string | RegExp][] = [
      [`${base}/job.html`, /^ok:Lead the team that forecasts/],
      [`${base}/slow-headers`, 'TIMEOUT:timed out after 0.5 s'],
      [`${base}/endless-body`, 'TIMEOUT:timed out after 0.5 s'],
      [`${base}/reset`, /^NETWORK:connection to 127\.0\.0\.1:\d+ was closed/],
      [`${base}/missing`, 'HTTP_404:HTTP 404 Not Found'],
      [`${base}/flaky`, /^ok:Applied AI Engineer/],
      [`${base}/rate-limited`, /^ok:Lead the team/],
      [`${base}/loop-a`, /^REDIRECTS:redirect loop at/],
      [`${base}/redirect`, /^ok:Applied AI Engineer/],
      [`${base}/huge`, /^TOO_LARGE:response is larger than 1 MiB/],
      [`${base}/png-as-html`, 'BINARY:not a posting: looks like binary data'],
      [`${base}/image.png`, 'NOT_A_POSTING:not a posting: image/png'],
      [`${base}/cp1252.html`, /^ok:We’re hiring in Montréal: a “senior” en/],
      [`${base}/gzip.html`, /^ok:Compressed posting about Amazon Kendra\./],
      [`${base}/br.html`, /^ok:Compressed posting about Amazon Kendra\./],
      [`${base}/deflate.html`, /^ok:Compressed posting about Amazon Kendra\./],
      [`${base}/raw-deflate.html`, /^ok:Compressed posting about Amazon Kendra\./],
      [`${base}/bad-gzip`, /^BAD_ENCODING:could not decompress the response \(gzip data is corrupt\)/],
      [`${base}/bomb`, /^TOO_LARGE:response is larger than 1 MiB/],
      [`${base}/private/job.html`, 'ROBOTS:blocked by robots.txt; use --ignore-robots if you have permission'],
      [`http://boards.greenhouse.io:${p}/proseware/jobs/4100001`, /^ok:About the role\n\nBuild RAG services on Am/],
      [`http://jobs.lever.co:${p}/adatum/${LEVER_ID}`, /^ok:Applied AI Engineer/],
      [`http://jobs.ashbyhq.com:${p}/relecloud/${ASHBY_ID}`, /^ok:Design solutions with Azure AI Search/],
    ];
    const started = Date.now();
    const items = await collect(
      cases.map(([url]) => url),
      { timeoutMs: 500, maxBytes: 1024 * 1024, retries: 2, concurrency: 16, perHost: 16, resolve: pins },
      { apiBases, backoffBaseMs: 20 },
    );
    expect(Date.now() - started).toBeLessThan(15000);
    expect(items.map(summary)).toHaveLength(cases.length);
    items.forEach((item, i) => {
      const [url, expected] = cases[i];
      expect(item.ok ? item.posting.source : item.source, url).toBe(url);
      if (typeof expected === 'string') expect(summary(item), url).toBe(expected);
      else expect(summary(item), url).toMatch(expected);
    });

    // metadata from JSON-LD and from the APIs; the page URL stays the source
    const posting = (url: string): unknown => items.map((i) => (i.ok ? i.posting : undefined)).find((i) => i?.source === url);
    const job = posting(`${base}/job.html`);
    expect(job).toMatchObject({ id: `${base}/job.html`, title: 'Senior ML Engineer & Tech Lead', company: 'Fourth Coffee' });
    const gh = posting(`http://boards.greenhouse.io:${p}/proseware/jobs/4100001`);
    expect(gh).toMatchObject({ title: 'Generative AI Engineer', company: 'Proseware', url: `http://boards.greenhouse.io:${p}/proseware/jobs/4100001` });
    const ashby = posting(`http://jobs.ashbyhq.com:${p}/relecloud/${ASHBY_ID}`);
    expect(ashby).toMatchObject({ title: 'AI Solutions Architect', location: 'Berlin' });

    // retries: 500 then 200; 429 honoured Retry-After: 1; reset retried then given up
    expect(server.hits.get('/flaky')).toBe(2);
    expect(retryTimes).toHaveLength(2);
    expect(retryTimes[1] - retryTimes[0]).toBeGreaterThanOrEqual(900);
    expect(server.hits.get('/reset')).toBe(3);
    expect(server.hits.get('/missing')).toBe(1);
    // robots: never fetched the disallowed page; robots.txt once per origin
    expect(server.hits.get('/private/job.html')).toBeUndefined();
    const robotsHosts = server.log.filter((r) => r.path === '/robots.txt').map((r) => r.host);
    expect(new Set(robotsHosts).size).toBe(robotsHosts.length);
    // the pins sent the real host names
    expect(server.log.some((r) => r.host === `boards-api.greenhouse.io:${p}` && r.path === '/v1/boards/proseware/jobs/4100001')).toBe(true);
    expect(server.log.some((r) => r.host === `api.lever.co:${p}`)).toBe(true);
    expect(server.log.find((r) => r.path === '/job.html')?.headers['user-agent']).toMatch(/^certfit\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/certfit\/certfit\)$/);
  });

  it('fetches a robots-disallowed page with ignoreRobots', async () => {
    const items = await collect([`${base}/private/job.html`], { ignoreRobots: true, timeoutMs: 2000 });
    expect(items[0].ok).toBe(true);
  });

  it('caps a long Retry-After', async () => {
    server.route('/retry-later', (req, res, hit) => (hit === 1 ? res.writeHead(503, { 'retry-after': '3600' }).end() : html('<p>Back again.</p>')(req, res, hit)));
    const started = Date.now();
    const items = await collect([`${base}/retry-later`], { timeoutMs: 2000 }, { retryAfterCapMs: 50 });
    expect(summary(items[0])).toBe('ok:Back again.');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports an HTTP error after the retries are used up', async () => {
    server.route('/always-503', (_req, res) => res.writeHead(503).end());
    const items = await collect([`${base}/always-503`], { timeoutMs: 2000, retries: 1 }, { backoffBaseMs: 5 });
    expect(summary(items[0])).toBe('HTTP_503:HTTP 503 Service Unavailable');
    expect(server.hits.get('/always-503')).toBe(2);
  });

  it('gives up after 5 redirects', async () => {
    for (let i = 0; i < 7; i++) server.route(`/hop/${i}`, (_req, res) => res.writeHead(307, { location: `/hop/${i + 1}` }).end());
    const items = await collect([`${base}/hop/0`], { timeoutMs: 2000 });
    expect(summary(items[0])).toMatch(/^REDIRECTS:more than 5 redirects/);
    expect(server.hits.get('/hop/5')).toBe(1);
    expect(server.hits.get('/hop/6')).toBeUndefined();
  });

  it('rejects a malformed resolve pin', async () => {
    await expect(collect([`${base}/job.html`], { resolve: ['example.com:443'] })).rejects.toThrow(/HOST:PORT:ADDRESS/);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(10000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('job-board URLs', () => {
  it('maps Greenhouse, Lever and Ashby job pages to their APIs', () => {
    const api = (url: string): string | undefined => atsTarget(url, DEFAULT_API_BASES)?.apiUrl;
    expect(api('https://boards.greenhouse.io/acme/jobs/123')).toBe('https://boards-api.greenhouse.io/v1/boards/acme/jobs/123');
    expect(api('https://job-boards.greenhouse.io/acme/jobs/123?gh_src=x')).toBe('https://boards-api.greenhouse.io/v1/boards/acme/jobs/123');
    expect(api('https://boards.greenhouse.io/embed/job_app?for=acme&token=123')).toBe('https://boards-api.greenhouse.io/v1/boards/acme/jobs/123');
    expect(api(`https://jobs.lever.co/acme/${LEVER_ID}/apply`)).toBe(`https://api.lever.co/v0/postings/acme/${LEVER_ID}?mode=json`);
    expect(api(`https://jobs.ashbyhq.com/acme/${ASHBY_ID}`)).toBe('https://api.ashbyhq.com/posting-api/job-board/acme');
    expect(api('https://boards.greenhouse.io/acme')).toBeUndefined();
    expect(api('https://example.com/acme/jobs/123')).toBeUndefined();
  });
});

describe('concurrency', () => {
  it('keeps the per-host limit and yields in input order even when later URLs finish first', async () => {
    const server = await startServer({
      '/robots.txt': (_req, res) => res.writeHead(404).end(),
    });
    try {
      for (let i = 1; i <= 6; i++) {
        server.route(`/job/${i}`, (_req, res) => {
          setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end(`Posting ${i}`), i === 1 ? 300 : 40);
        });
      }
      const urls = [1, 2, 3, 4, 5, 6].map((i) => `${server.origin}/job/${i}`);
      const items = await collect(urls, { perHost: 2, concurrency: 8, timeoutMs: 2000 });
      expect(items.map(summary)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `ok:Posting ${i}`));
      expect(server.maxInFlight()).toBeLessThanOrEqual(2);
    } finally {
      await server.close();
    }
  });
});

describe('HTTP cache', () => {
  let cacheDir: string;
  beforeAll(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'certfit-cache-'));
  });
  afterAll(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('revalidates with ETag (304 reuses the body), ignores a corrupt entry, and serves offline', async () => {
    const page = '<html><body><main><p>Cached posting about Azure Machine Learning.</p></main></body></html>';
    const server = await startServer({
      '/etag.html': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"', 'last-modified': 'Wed, 01 Jul 2026 10:00:00 GMT' }).end(page);
      },
    });
    const url = `${server.origin}/etag.html`;
    const opts = { cacheDir, timeoutMs: 1000, retries: 0 };
    const first = await collect([url], opts);
    const second = await collect([url], opts);
    expect(second).toEqual(first);
    expect(summary(second[0])).toBe('ok:Cached posting about Azure Machine Learn');
    const pageRequests = server.log.filter((r) => r.path === '/etag.html');
    expect(pageRequests.map((r) => r.headers['if-none-match'])).toEqual([undefined, '"v1"']);
    expect(pageRequests[1].headers['if-modified-since']).toBe('Wed, 01 Jul 2026 10:00:00 GMT');

    // a corrupt entry is ignored: fetched again without validators
    for (const f of await readdir(cacheDir)) if (f.endsWith('.json')) await writeFile(join(cacheDir, f), '{ not json');
    expect(summary((await collect([url], opts))[0])).toMatch(/^ok:Cached posting/);
    expect(server.log.filter((r) => r.path === '/etag.html').at(-1)?.headers['if-none-match']).toBeUndefined();

    // offline: the server is gone, the cached copy answers
    await server.close();
    expect(summary((await collect([url], opts))[0])).toMatch(/^ok:Cached posting/);
    expect(summary((await collect([`${url}?other`], opts))[0])).toMatch(/^NETWORK:connection refused/);
  });
});
