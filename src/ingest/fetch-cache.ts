// On-disk HTTP cache: one body file and one metadata file per URL, validated on read.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

let metaSchema: Promise<{ parse(v: unknown): { v: 1; url: string; finalUrl: string; status: number; headers: Record<string, string>; size: number; sha256: string; storedAt: string } }> | undefined;
const loadMetaSchema = () => (metaSchema ??= import('zod').then(({ z }) => z.object({
  v: z.literal(1),
  url: z.string(),
  finalUrl: z.string(),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  storedAt: z.string(),
})));

export interface CachedResponse {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const KEPT_HEADERS = ['content-type', 'etag', 'last-modified', 'content-language'];
const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

export class HttpCache {
  constructor(private readonly dir: string) {}

  private paths(url: string): { meta: string; body: string } {
    const key = sha256(url).slice(0, 40);
    return { meta: join(this.dir, `${key}.json`), body: join(this.dir, `${key}.body`) };
  }

  /** The cached response, or null when absent, unreadable or corrupt (never throws). */
  async read(url: string): Promise<CachedResponse | null> {
    const p = this.paths(url);
    try {
      const meta = (await loadMetaSchema()).parse(JSON.parse(await readFile(p.meta, 'utf8')));
      if (meta.url !== url) return null;
      const body = await readFile(p.body);
      if (body.length !== meta.size || sha256(body) !== meta.sha256) return null;
      return { url: meta.url, finalUrl: meta.finalUrl, status: meta.status, headers: meta.headers, body };
    } catch {
      return null;
    }
  }

  /** Stores a 200 response; failures to write are ignored (the cache is only an optimisation). */
  async write(url: string, finalUrl: string, headers: Record<string, string>, body: Buffer): Promise<void> {
    const p = this.paths(url);
    const kept: Record<string, string> = {};
    for (const h of KEPT_HEADERS) if (headers[h]) kept[h] = headers[h];
    const meta = { v: 1, url, finalUrl, status: 200, headers: kept, size: body.length, sha256: sha256(body), storedAt: new Date().toISOString() };
    const tmp = `.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(p.body + tmp, body);
      await rename(p.body + tmp, p.body);
      await writeFile(p.meta + tmp, JSON.stringify(meta));
      await rename(p.meta + tmp, p.meta);
    } catch {
      // A read-only or full disk only costs the next run a download; leave no temporary files behind.
      await Promise.all([rm(p.body + tmp, { force: true }), rm(p.meta + tmp, { force: true })]).catch(() => undefined);
    }
  }
}

/** Validators for a conditional request. */
export function conditionalHeaders(cached: CachedResponse | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (cached?.headers.etag) out['if-none-match'] = cached.headers.etag;
  if (cached?.headers['last-modified']) out['if-modified-since'] = cached.headers['last-modified'];
  return out;
}
