// Limits on what comes in: postings over the size limit (files, stdin, decompressed responses),
// folders with very many files, and absurdly deep HTML. Each is either handled in bounded time
// and memory or refused with a clear, documented error.
import { mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestItem } from '../src/ingest/index.js';
import { ingestWith } from '../src/ingest/ingest.js';
import { flattenDeepHtml, MAX_HTML_DEPTH } from '../src/ingest/html-depth.js';
import { htmlToPostings } from '../src/ingest/html-posting.js';
import { htmlToText } from '../src/ingest/html-to-text.js';
import { AS_OF, certfit, ensureBuilt, tempDir } from './helpers/cli.js';
import { startServer, type TestServer } from './helpers/http-server.js';

const tmp = tempDir('limits-input');
const JOB = 'Requirements: Amazon SageMaker and AWS Glue ETL on AWS.';

async function collect(inputs: string[], maxBytes?: number): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of ingestWith(inputs, maxBytes ? { maxBytes } : {})) out.push(item);
  return out;
}
const heapMiB = (): number => process.memoryUsage().heapUsed / 1024 / 1024;

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('postings over the size limit', () => {
  it('a file over --max-bytes and standard input over --max-bytes are TOO_LARGE, with what to do', () => {
    const file = join(tmp, 'long.txt');
    writeFileSync(file, `${JOB} `.repeat(2000));
    const r = certfit(['analyze', file, '-', '--max-bytes', '65536', '--format', 'json', '--as-of', AS_OF, '--no-progress'], { input: `${JOB} `.repeat(2000) });
    expect(r.code).toBe(1);
    const errors = (JSON.parse(r.stdout).postings as { error?: { code: string; message: string } }[]).map((p) => p.error);
    expect(errors).toEqual([
      { code: 'TOO_LARGE', message: 'file is larger than 64 KiB; raise the size limit (--max-bytes) if it really is a posting' },
      { code: 'TOO_LARGE', message: 'standard input is larger than 64 KiB; raise the size limit (--max-bytes) if it really is a posting' },
    ]);
  });

  it('the default limit is 10 MiB, judged by the size before anything is read', async () => {
    const file = join(tmp, 'sparse.txt');
    writeFileSync(file, '');
    truncateSync(file, 2 * 1024 * 1024 * 1024); // a 2 GiB "export" that takes no disk space
    const before = heapMiB();
    const [item] = await collect([file]);
    expect(item).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: 'file is larger than 10 MiB; raise the size limit (--max-bytes) if it really is a posting' } });
    expect(heapMiB() - before).toBeLessThan(64);
  });

  describe('compressed responses', () => {
    let server: TestServer;
    beforeAll(async () => {
      const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)); // 64 MiB of spaces in 64 KiB
      server = await startServer({
        '/bomb': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb),
        '/double': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip, gzip' }).end(gzipSync(gzipSync('<p>SageMaker</p>'))),
        '/pdf-as-html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj broken'),
      });
    });
    afterAll(() => server.close());

    it('a gzip bomb stops at the limit after decompression, in bounded memory; stacked encodings and a PDF sent as HTML are named', async () => {
      // (tests/ingest-url.test.ts › ends every URL as its documented result also serves a bomb under a 1 MiB limit.)
      const before = heapMiB();
      const items = await collect([`${server.origin}/bomb`, `${server.origin}/double`, `${server.origin}/pdf-as-html`]);
      expect(heapMiB() - before).toBeLessThan(48);
      expect(items.map((i) => (i.ok ? 'ok' : `${i.error.code}: ${i.error.message}`))).toEqual([
        'TOO_LARGE: response is larger than 10 MiB; raise the size limit (--max-bytes) if it really is a posting',
        'BAD_ENCODING: unsupported content encoding "gzip, gzip"',
        expect.stringMatching(/^PDF_ERROR: could not read the PDF/),
      ]);
    });
  });
});

describe('very many inputs', () => {
  it('20 000 files in one folder tree are read in input order in bounded memory', async () => {
    const dir = join(tmp, 'many');
    for (let i = 0; i < 20_000; i++) {
      if (i % 1000 === 0) mkdirSync(join(dir, `d${String(i / 1000).padStart(2, '0')}`), { recursive: true });
      writeFileSync(join(dir, `d${String(Math.floor(i / 1000)).padStart(2, '0')}`, `p${String(i).padStart(5, '0')}.txt`), `Posting ${i}: ${JOB}`);
    }
    const before = heapMiB();
    let n = 0;
    let peak = 0;
    let last = '';
    let ordered = true;
    for await (const item of ingestWith([dir])) {
      if (!item.ok) throw new Error(`${item.source}: ${item.error.message}`);
      ordered &&= item.posting.id > last;
      last = item.posting.id;
      if (++n % 2000 === 0) peak = Math.max(peak, heapMiB() - before);
    }
    expect(n).toBe(20_000);
    expect(ordered).toBe(true);
    // The texts are not kept: memory is the list of paths plus a few files read ahead.
    expect(peak).toBeLessThan(64);
  }, 60_000);

  it('the CLI accounts for every one of 2 000 files, in order', () => {
    const dir = join(tmp, 'many-cli');
    mkdirSync(dir);
    for (let i = 0; i < 2000; i++) writeFileSync(join(dir, `p${String(i).padStart(4, '0')}.txt`), `Posting ${i}: ${JOB}`);
    const r = certfit(['analyze', dir, '--format', 'ndjson', '--as-of', AS_OF, '--no-progress']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; id?: string; inputs?: number });
    const postings = lines.filter((l) => l.type === 'posting');
    expect(postings.map((p) => p.id)).toEqual(Array.from({ length: 2000 }, (_, i) => join(dir, `p${String(i).padStart(4, '0')}.txt`)));
    expect(lines.at(-1)).toMatchObject({ type: 'summary', inputs: 2000 });
  }, 60_000);
});

describe('deeply nested HTML', () => {
  const SENTENCE = 'We use Amazon SageMaker and AWS Glue ETL.';

  it('100 000 nested <div>s: analysed in seconds, the text kept (it took minutes, then ran out of stack)', () => {
    const file = join(tmp, 'deep.html');
    writeFileSync(file, `<html><body>${'<div>'.repeat(100_000)}${SENTENCE}${'</div>'.repeat(100_000)}</body></html>`);
    const started = Date.now();
    const r = certfit(['analyze', file, '--format', 'json', '--include-text', '--as-of', AS_OF, '--no-progress']);
    expect(r.code).toBe(0);
    const [posting] = JSON.parse(r.stdout).postings as { text: string; mentions: { term: string }[] }[];
    expect(posting.text).toBe(SENTENCE);
    expect(posting.mentions.map((m) => m.term)).toEqual(['aws.sagemaker', 'aws.glue']);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('100 000 unclosed <b>s in a page, and 50 000 nested <span>s in a table cell', () => {
    const started = Date.now();
    expect(htmlToPostings(`<body>${'<b>'.repeat(100_000)}${SENTENCE}`).map((d) => d.text)).toEqual([SENTENCE]);
    expect(htmlToText(`${'<span><i>'.repeat(25_000)}${SENTENCE}`)).toBe(SENTENCE);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('flattens only what is deeper than the limit, and leaves every real page alone', () => {
    const shallow = `<main>${'<div>'.repeat(MAX_HTML_DEPTH - 2)}x${'</div>'.repeat(MAX_HTML_DEPTH - 2)}</main>`;
    expect(flattenDeepHtml(shallow)).toBe(shallow);
    // Tags inside scripts, comments, attribute values and SVG self-closing elements do not count.
    const tricky = `<script>${'<div>'.repeat(2000)}</script><!-- ${'<div>'.repeat(2000)} --><p title="${'<div>'.repeat(2000)}">x</p><svg>${'<path d="M0"/>'.repeat(2000)}</svg><p>${SENTENCE}</p>`;
    expect(flattenDeepHtml(tricky)).toBe(tricky);
    expect(flattenDeepHtml(`${'<div>'.repeat(5)}a${'</div>'.repeat(5)}`, 2)).toBe('<div><div><br><br><br>a<br><br><br></div></div>');
    // A "<" just before a flattened tag does not open a new one.
    expect(htmlToText(flattenDeepHtml(`${'<b>'.repeat(4)}x<</b>SageMaker`, 2))).toBe('x<SageMaker');
  });
});
