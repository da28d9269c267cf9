import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingest, type IngestItem, type IngestOptions } from '../src/ingest/index.js';
import { ingestWith } from '../src/ingest/ingest.js';
import { decodeBytes } from '../src/ingest/decode.js';
import type { Posting } from '../src/model.js';

const FIX = 'fixtures/ingest';
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'certfit-files-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function collect(inputs: string[], opts?: IngestOptions): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of ingest(inputs, opts)) out.push(item);
  return out;
}

async function one(input: string, opts?: IngestOptions): Promise<Posting> {
  const items = await collect([input], opts);
  expect(items).toHaveLength(1);
  const [item] = items;
  if (!item.ok) throw new Error(`${item.error.code}: ${item.error.message}`);
  return item.posting;
}

async function failure(input: string, opts?: IngestOptions): Promise<{ source: string; code: string; message: string }> {
  const [item] = await collect([input], opts);
  if (item.ok) throw new Error(`expected an error for ${input}`);
  return { source: item.source, ...item.error };
}

const ids = (items: IngestItem[]): string[] => items.map((i) => (i.ok ? i.posting.id : `!${i.source}:${i.error.code}`));

describe('text files and encodings', () => {
  it('strips a UTF-8 BOM and changes nothing else (CRLF kept)', async () => {
    const p = await one(`${FIX}/text/crlf-bom.txt`);
    const raw = await readFile(`${FIX}/text/crlf-bom.txt`);
    expect(p.text).toBe(raw.subarray(3).toString('utf8'));
    expect(p.text.startsWith('Data Scientist – Azure AI\r\n')).toBe(true);
    expect(p.id).toBe(`${FIX}/text/crlf-bom.txt`);
    expect(p.source).toBe(p.id);
  });

  it('decodes UTF-16 LE with a BOM, and LE/BE without one', async () => {
    const expected = 'ML Platform Engineer\nWe run Vertex AI pipelines and BigQuery ML; café on Fridays ☕.\n';
    expect((await one(`${FIX}/text/utf16le-bom.txt`)).text).toBe(expected);
    expect((await one(`${FIX}/text/utf16le-nobom.txt`)).text).toBe(expected);
    expect((await one(`${FIX}/text/utf16be-nobom.txt`)).text).toBe(expected);
  });

  it('decodes Windows-1252 without mojibake', async () => {
    const p = await one(`${FIX}/text/cp1252.txt`);
    expect(p.text).toBe(
      'Senior AI Engineer – Montréal\r\nWe’re looking for someone who “loves” Azure OpenAI and Amazon Bedrock.\r\n' +
        'Budget: €5,000 for training — naïve questions welcome.\r\n',
    );
    expect(p.text).not.toMatch(/[\u0080-\u009f\ufffd]|Ã|â€/);
  });

  it('keeps Markdown as written and takes its first heading as the title', async () => {
    const p = await one(`${FIX}/text/ml-engineer.md`);
    expect(p.text).toBe(await readFile(`${FIX}/text/ml-engineer.md`, 'utf8'));
    expect(p.title).toBe('Machine Learning Engineer');
  });

  it('takes a plain-text posting\'s first line as its title only when it reads as one', async () => {
    const cases: [string, string | undefined][] = [
      ['Machine Learning Engineer, Recommendations\nNorthwind · Seattle\n\nWe train models.', 'Machine Learning Engineer, Recommendations'],
      ['\r\n  Senior ML Engineer — Forecasting  \r\nFabrikam', 'Senior ML Engineer — Forecasting'],
      ['We are hiring an engineer to build models on SageMaker.\nApply now.', undefined],
      ['Requirements:\n- Python', undefined],
      ['Job Description\nBuild models.', undefined],
      ['Only one line, no more text', undefined],
    ];
    for (const [i, [text, title]] of cases.entries()) {
      const path = join(tmp, `title-${i}.txt`);
      await writeFile(path, text);
      expect((await one(path)).title).toBe(title);
    }
  });
  it('round-trips any text through UTF-8 (with or without BOM) and UTF-16 LE with BOM', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.boolean(), (s, bom) => {
        const utf8 = Buffer.from(s, 'utf8');
        expect(decodeBytes(bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8).text).toBe(s);
        expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])).text).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('what is not a posting', () => {
  it('reports a missing path with what to do', async () => {
    const e = await failure('no/such/posting.txt');
    expect(e).toEqual({ source: 'no/such/posting.txt', code: 'ENOENT', message: 'no such file or directory: no/such/posting.txt (check the path)' });
  });

  it('reports empty, binary and too-large files', async () => {
    await writeFile(join(tmp, 'empty.txt'), '');
    await writeFile(join(tmp, 'logo.txt'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    await writeFile(join(tmp, 'blob'), Buffer.from([1, 2, 3, 0, 0, 7, 8, 9, 0, 1]));
    await writeFile(join(tmp, 'big.txt'), 'x'.repeat(2048));
    expect((await failure(join(tmp, 'empty.txt'))).code).toBe('EMPTY');
    expect(await failure(join(tmp, 'logo.txt'))).toMatchObject({ code: 'BINARY', message: 'not a posting: looks like binary data' });
    expect((await failure(join(tmp, 'blob'))).code).toBe('BINARY');
    const big = await failure(join(tmp, 'big.txt'), { maxBytes: 1024 });
    expect(big.code).toBe('TOO_LARGE');
    expect(big.message).toMatch(/larger than 1 KiB/);
  });

  it('sniffs explicitly named files with other extensions', async () => {
    await writeFile(join(tmp, 'posting.data'), 'Plain posting: we use Amazon Comprehend.\n');
    await writeFile(join(tmp, 'page.aspx'), '<!DOCTYPE html><html><body><main><p>Role: NLP engineer.</p></main></body></html>');
    expect((await one(join(tmp, 'posting.data'))).text).toBe('Plain posting: we use Amazon Comprehend.\n');
    expect((await one(join(tmp, 'page.aspx'))).text).toBe('Role: NLP engineer.');
  });

  it('gives messages on one line', async () => {
    for (const input of ['missing.txt', `${FIX}/json/invalid.json`, `${FIX}/empty-folder`]) {
      expect((await failure(input)).message).not.toMatch(/\n/);
    }
  });
});

describe('folders, lists and globs', () => {
  it('walks folders recursively in path order, picking posting extensions only', async () => {
    const items = await collect([`${FIX}/folder`]);
    expect(ids(items)).toEqual([`${FIX}/folder/a.txt`, `${FIX}/folder/b.txt`, `${FIX}/folder/b/c.md`, `${FIX}/folder/b/d.html`]);
    const html = items[3];
    expect(html.ok && html.posting.text).toBe('Vision Engineer\n\nLabel images with Azure AI Custom Vision.\n\nServe models on AKS.');
  });

  it('skips hidden entries and node_modules', async () => {
    const dir = join(tmp, 'walk');
    await cp(`${FIX}/folder`, dir, { recursive: true });
    await mkdir(join(dir, '.hidden'));
    await writeFile(join(dir, '.hidden', 'x.txt'), 'hidden');
    await writeFile(join(dir, '.draft.txt'), 'hidden');
    await mkdir(join(dir, 'node_modules', 'pkg'), { recursive: true });
    await writeFile(join(dir, 'node_modules', 'pkg', 'readme.md'), 'vendored');
    expect(ids(await collect([dir]))).toEqual(['a.txt', 'b.txt', 'b/c.md', 'b/d.html'].map((f) => join(dir, f)));
  });

  it('reports a folder without postings', async () => {
    const e = await failure(`${FIX}/empty-folder`);
    expect(e.code).toBe('EMPTY_DIR');
    expect(e.message).toContain(`${FIX}/empty-folder`);
  });

  it('reads @lists: comments and blank lines ignored, entries relative to the list, every entry accounted for', async () => {
    const items = await collect([`@${FIX}/lists/postings.txt`]);
    expect(ids(items)).toEqual([`${FIX}/text/ml-engineer.md`, `${FIX}/folder/a.txt`, `!${FIX}/text/does-not-exist.txt:ENOENT`]);
    const missing = await failure('@nowhere/list.txt');
    expect(missing.code).toBe('ENOENT');
    expect(missing.source).toBe('@nowhere/list.txt');
  });

  it('expands globs (sorted) and reports a glob that matches nothing', async () => {
    expect(ids(await collect([`${FIX}/folder/**/*.{md,html}`]))).toEqual([`${FIX}/folder/b/c.md`, `${FIX}/folder/b/d.html`]);
    expect((await failure(`${FIX}/nothing-*.txt`)).code).toBe('NO_MATCH');
    const absolute = join(process.cwd(), FIX, 'folder', '*.txt');
    expect(ids(await collect([absolute]))).toEqual(['a.txt', 'b.txt'].map((f) => join(process.cwd(), FIX, 'folder', f)));
  });

  it('does not hang on symlink loops', async () => {
    const dir = join(tmp, 'loops');
    await mkdir(join(dir, 'sub'), { recursive: true });
    await writeFile(join(dir, 'sub', 'job.txt'), 'Loop-safe posting about Azure AI Vision.');
    await symlink('..', join(dir, 'sub', 'up'));
    await symlink('.', join(dir, 'self-dir'));
    await symlink('self.txt', join(dir, 'self.txt'));
    const items = await collect([dir]);
    expect(ids(items)).toEqual([`!${join(dir, 'self.txt')}:ELOOP`, join(dir, 'sub', 'job.txt')]);
    expect((await failure(join(dir, 'self.txt'))).code).toBe('ELOOP');
  });
});

describe('JSON postings', () => {
  it('reads a single posting object with metadata', async () => {
    const p = await one(`${FIX}/json/posting.json`);
    expect(p).toMatchObject({ id: `${FIX}/json/posting.json`, title: 'MLOps Engineer', company: 'Woodgrove Bank', location: 'Toronto, ON', datePosted: '2026-03-02' });
    expect(p.text).toBe('Own our model registry in Azure Machine Learning.\n\nAutomate retraining with Azure DevOps pipelines and monitor endpoints.');
  });

  it('reads a Greenhouse job board with #N ids, escaped HTML content, and reports jobs without content', async () => {
    const items = await collect([`${FIX}/json/greenhouse-board.json`]);
    const src = `${FIX}/json/greenhouse-board.json`;
    expect(ids(items)).toEqual([`${src}#1`, `${src}#2`, `!${src}#3:EMPTY`]);
    const first = items[0].ok ? items[0].posting : undefined;
    expect(first).toMatchObject({ source: `${src}#1`, title: 'Generative AI Engineer', company: 'Proseware', location: 'Austin, TX', url: 'https://boards.greenhouse.io/proseware/jobs/4100001' });
    expect(first?.text).toBe('About the role\n\nBuild RAG services on Amazon Bedrock & Knowledge Bases.\n\n• Evaluate prompts\n• Ship guardrails');
  });

  it('reads Lever postings: title from text, lists as bullets, additional text', async () => {
    const items = await collect([`${FIX}/json/lever-postings.json`]);
    expect(items).toHaveLength(2);
    const p = items[0].ok ? items[0].posting : undefined;
    expect(p).toMatchObject({ title: 'Machine Learning Engineer, Ranking', company: 'adatum', location: 'New York', datePosted: '2026-01-01T00:00:00.000Z' });
    expect(p?.text).toBe(
      'Adatum ranks millions of listings a day.\nYou will own the training pipeline.\n\nRequirements\n• Experience with SageMaker Pipelines\n• Strong SQL\n\n' +
        'Nice to have\n• Feature stores\n\nWe offer a learning budget.',
    );
    expect(items[1].ok && items[1].posting.text).toBe('Build dashboards in Power BI for the finance team.');
  });

  it('reads an Ashby board', async () => {
    const [item] = await collect([`${FIX}/json/ashby-board.json`]);
    expect(item.ok && item.posting).toMatchObject({ id: `${FIX}/json/ashby-board.json#1`, title: 'AI Solutions Architect', location: 'Berlin' });
    expect(item.ok && item.posting.text).toBe('Design solutions with Azure AI Search and Azure OpenAI.\n\nAdvise customers.');
  });

  it('reports invalid JSON with its line, and JSON that is not a posting', async () => {
    expect(await failure(`${FIX}/json/invalid.json`)).toMatchObject({ code: 'JSON_ERROR', message: expect.stringMatching(/^not valid JSON at line 4: /) });
    expect((await failure(`${FIX}/json/not-a-posting.json`)).code).toBe('NOT_A_POSTING');
  });
});

describe('tables, stdin, order and progress', () => {
  it('reports tables without a table reader, and streams them through one', async () => {
    await writeFile(join(tmp, 'jobs.csv'), 'title\nx\n');
    expect((await failure(join(tmp, 'jobs.csv'))).code).toBe('TABLE_INPUT');
    const tableReader = async function* (path: string): AsyncIterable<IngestItem> {
      yield { ok: true, posting: { id: `${path}#1`, source: `${path}#1`, text: 'row one' } };
      yield { ok: false, source: `${path}#2`, error: { code: 'EMPTY', message: 'row 2 has no description' } };
    };
    const items = await collect([`${FIX}/folder/a.txt`, join(tmp, 'jobs.csv'), `${FIX}/folder/b.txt`], { tableReader });
    expect(ids(items)).toEqual([`${FIX}/folder/a.txt`, `${join(tmp, 'jobs.csv')}#1`, `!${join(tmp, 'jobs.csv')}#2:EMPTY`, `${FIX}/folder/b.txt`]);
  });

  it('reads stdin as one text posting with source "-"', async () => {
    const stdin = Readable.from([Buffer.from('Posting from a pipe:\r\n'), Buffer.from('Amazon Rekognition.')]);
    const items: IngestItem[] = [];
    for await (const item of ingestWith(['-'], {}, { stdin })) items.push(item);
    expect(items).toEqual([{ ok: true, posting: { id: '-', source: '-', text: 'Posting from a pipe:\r\nAmazon Rekognition.' } }]);
  });

  it('accounts for every input in input order and reports progress', async () => {
    const progress: { done: number; total: number; failed: number }[] = [];
    const items = await collect([`${FIX}/folder/b.txt`, 'missing.md', `${FIX}/text/ml-engineer.md`, `${FIX}/json/greenhouse-board.json`], {
      onProgress: (p) => progress.push(p),
    });
    expect(ids(items)).toEqual([
      `${FIX}/folder/b.txt`,
      '!missing.md:ENOENT',
      `${FIX}/text/ml-engineer.md`,
      `${FIX}/json/greenhouse-board.json#1`,
      `${FIX}/json/greenhouse-board.json#2`,
      `!${FIX}/json/greenhouse-board.json#3:EMPTY`,
    ]);
    expect(progress.at(-1)).toEqual({ done: 4, total: 4, failed: 2 });
  });
});
