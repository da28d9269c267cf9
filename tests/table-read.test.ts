// Reading tables: encodings, delimiters, columns, cells, and broken files that must not crash.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CertfitError } from '../src/errors.js';
import { ingest } from '../src/ingest/index.js';
import { cellLine, cellText, pythonList } from '../src/table/cell-text.js';
import { toUtf8, utf8Boundary } from '../src/table/decode-stream.js';
import { createTableReader } from '../src/table/ingest-adapter.js';
import { openTable } from '../src/table/open-table.js';
import { sniffDelimiter, sniffLineEnding } from '../src/table/sniff.js';
import type { TableRow } from '../src/table/types.js';

const FIX = 'fixtures/table';
const tmp = mkdtempSync(join(tmpdir(), 'certfit-table-read-'));

async function readAll(path: string, opts = {}) {
  const t = await openTable(path, opts);
  const rows: TableRow[] = [];
  for await (const r of t.rows) rows.push(r);
  return { meta: t.meta, rows };
}

/** The same table as semicolon-delimited UTF-16LE with a BOM (Excel's "Unicode Text" family). */
function toUtf16Semicolon(rows: string[][]): Buffer {
  const q = (c: string) => (/[";\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const text = rows.map((r) => r.map(q).join(';')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

describe('sniffing', () => {
  it('finds the delimiter outside quotes', () => {
    expect(sniffDelimiter('a,b,c\n1,"x; y; z",3\n', ',')).toBe(',');
    expect(sniffDelimiter('a;b;c\n1;"x, y, z";3\n2;"p, q";4\n', ',')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t"x,y"\n', ',')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n', ',')).toBe('|');
    expect(sniffDelimiter('justonecolumn\nvalue\n', ',')).toBe(',');
    expect(sniffLineEnding('a,"x\ny"\r\n1,2\r\n')).toBe('\r\n');
  });

  it('cuts UTF-8 only between whole characters', () => {
    const euro = Buffer.from('ab€', 'utf8');
    expect(utf8Boundary(euro)).toBe(5);
    expect(utf8Boundary(euro.subarray(0, 4))).toBe(2);
  });
});

describe('encodings', () => {
  it('reads Windows-1252 without replacement characters', async () => {
    const { meta, rows } = await readAll(`${FIX}/cp1252.csv`);
    expect(meta.encoding).toBe('windows-1252');
    const all = rows.flatMap((r) => r.cells).join('\n');
    expect(all).not.toContain('\ufffd');
    expect(all).toContain('We’re hiring: “MLOps” on SageMaker — budget €50k; café culture.');
    expect(rows[1].cells[1]).toBe('Müller & Söhne');
  });

  it('reads UTF-16LE with a BOM, semicolon-delimited, as the same cells as the UTF-8 original', async () => {
    const { meta: m8, rows: r8 } = await readAll(`${FIX}/basic.csv`);
    const path = join(tmp, 'basic-utf16.csv');
    writeFileSync(path, toUtf16Semicolon([m8.header, ...r8.map((r) => r.cells)]));
    const { meta, rows } = await readAll(path);
    expect(meta).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: ';', lineEnding: '\r\n', header: m8.header });
    expect(rows.map((r) => r.cells)).toEqual(r8.map((r) => r.cells));
  });

  it('switches to a legacy code page when UTF-8 breaks after the first chunk', async () => {
    const head = Buffer.from(`title,description\n${'x,plain ascii\n'.repeat(6000)}`);
    const tail = Buffer.from('caf\xe9,na\xefve\n', 'latin1');
    const switched: string[] = [];
    const stream = await toUtf8((async function* () {
      yield head;
      yield tail;
    })(), (e) => switched.push(e));
    let text = '';
    for await (const c of stream.chunks) text += c.toString('utf8');
    expect(switched).toEqual(['windows-1252']);
    expect(text.endsWith('café,naïve\n')).toBe(true);
  });

  it('strips a UTF-8 BOM and remembers it', async () => {
    const path = join(tmp, 'bom.csv');
    writeFileSync(path, '\ufefftitle,description\nA,SageMaker\n');
    const { meta, rows } = await readAll(path);
    expect(meta).toMatchObject({ bom: true, encoding: 'utf-8', header: ['title', 'description'] });
    expect(rows).toHaveLength(1);
  });
});

describe('columns', () => {
  it('detects JobSpy’s 34 columns (description, not company_description)', async () => {
    const { meta } = await readAll(`${FIX}/jobspy-34.csv`);
    expect(meta.header).toHaveLength(34);
    const name = (i: number) => meta.header[i];
    expect([name(meta.columns.text), name(meta.columns.title), name(meta.columns.company), name(meta.columns.url), name(meta.columns.id)]).toEqual(['description', 'title', 'company', 'job_url', 'id']);
  });

  it('detects Glassdoor’s "Job Description" and "Job Title"', async () => {
    const { meta } = await readAll(`${FIX}/glassdoor.csv`);
    expect(meta.header[meta.columns.text]).toBe('Job Description');
    expect(meta.header[meta.columns.title]).toBe('Job Title');
    expect(meta.header[meta.columns.company]).toBe('Company Name');
  });

  it('a missing text column is a usage error listing the columns', async () => {
    const err = await openTable(`${FIX}/no-text-column.csv`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CertfitError);
    expect((err as CertfitError).exitCode).toBe(2);
    expect((err as CertfitError).details.join(' ')).toContain('"title", "company", "salary"');
  });

  it('--text-column overrides detection, by name or number', async () => {
    const byName = await readAll(`${FIX}/basic.csv`, { textColumn: 'TITLE' });
    expect(byName.meta.columns.text).toBe(1);
    const byNumber = await readAll(`${FIX}/basic.csv`, { textColumn: '3' });
    expect(byNumber.meta.columns.text).toBe(2);
    await expect(openTable(`${FIX}/basic.csv`, { urlColumn: 'link' })).rejects.toThrow(/--url-column "link": no such column/);
  });
});

describe('broken files', () => {
  it('keeps ragged rows as they are', async () => {
    const { rows } = await readAll(`${FIX}/ragged.csv`);
    expect(rows.map((r) => r.cells.length)).toEqual([2, 5, 3]);
  });

  it('keeps the rows before an unterminated quote and makes the tail one error row', async () => {
    const { rows } = await readAll(`${FIX}/unterminated.csv`);
    expect(rows).toHaveLength(3);
    expect(rows[1].cells).toEqual(['Second', 'Azure OpenAI and Azure AI Search.']);
    expect(rows[2].error?.code).toBe('CSV_UNTERMINATED_QUOTE');
    expect(rows[2].row).toBe(3);
  });

  it('reads a 10 MB cell whole', async () => {
    const big = `${'SageMaker and Glue ETL, "quoted", and more.\n'.repeat(240_000)}`;
    expect(big.length).toBeGreaterThan(10_000_000);
    const path = join(tmp, 'big-cell.csv');
    writeFileSync(path, `title,description\nBig,"${big.replace(/"/g, '""')}"\nSmall,Azure ML\n`);
    const { rows } = await readAll(path);
    expect(rows).toHaveLength(2);
    expect(rows[0].cells[1]).toBe(big);
    expect(rows[1].cells).toEqual(['Small', 'Azure ML']);
  });

  it('refuses a binary file named .csv, and names codes for the errors a table read through ingest gets', async () => {
    const bin = join(tmp, 'archive.csv');
    writeFileSync(bin, Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from('title,description\n')]));
    await expect(openTable(bin)).rejects.toThrow(`${bin} is not text (a binary or compressed file?): give the table itself, as CSV, TSV or JSON lines`);
    const codes = async (path: string, opts = {}) => {
      const out: string[] = [];
      for await (const item of createTableReader(opts)(path)) out.push(item.ok ? 'ok' : item.error.code);
      return out;
    };
    expect(await codes(bin)).toEqual(['BINARY']);
    expect(await codes(`${FIX}/no-text-column.csv`)).toEqual(['NO_TEXT_COLUMN']);
    expect(await codes(`${FIX}/basic.csv`, { titleColumn: 'nosuch' })).toEqual(['NO_SUCH_COLUMN']);
  });

  it('warns of a table with a header and no rows', async () => {
    const path = join(tmp, 'header-only.csv');
    writeFileSync(path, 'title,description\n');
    const warnings: string[] = [];
    const items = [];
    for await (const item of createTableReader({}, (m) => warnings.push(m))(path)) items.push(item);
    expect(items).toEqual([]);
    expect(warnings).toEqual([`${path} has a header but no rows: nothing to score`]);
  });

  it('makes a JSON line that is not an object an error row and goes on', async () => {
    const { meta, rows } = await readAll(`${FIX}/postings.jsonl`);
    expect(meta.header).toEqual(['title', 'company', 'apply_url', 'text']);
    expect(rows.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'ok', 'JSON_ERROR', 'ok']);
  });
});

describe('cells', () => {
  it('turns HTML, escaped HTML and Python lists into text', async () => {
    const { rows, meta } = await readAll(`${FIX}/html-cells.csv`);
    const texts = rows.map((r) => cellText(r.cells[meta.columns.text]));
    expect(texts[0]).toContain('You will build agents on Azure AI Foundry & Azure OpenAI.');
    expect(texts[0]).toContain('• Azure AI Search');
    expect(texts[1]).toBe('Train models on SageMaker & deploy with AWS Lambda (serverless).');
    expect(texts[2]).toBe('About Us\nWe analyse data in BigQuery on Google Cloud.\nIt\'s a "great" team.');
    expect(cellText('R&amp;D\n\n## Skills\n* Python')).toBe('R&D\n\n## Skills\n* Python');
    expect(cellText('Markdown with one <br> tag\nand\nmore\nlines')).toContain('\nand\n');
  });

  it('reads a title or company cell as one line of text', () => {
    expect(cellLine('  Senior \n ML   Engineer ')).toBe('Senior ML Engineer');
    expect(cellLine('R&D Engineer')).toBe('R&D Engineer');
    expect(cellLine('AT&amp;T &#x41;I Engineer')).toBe('AT&T AI Engineer');
    expect(cellLine('Pay &lt; 100k &amp;amp; more')).toBe('Pay < 100k &amp; more');
    expect(cellLine('ML Engineer &ndash; Soci&eacute;t&eacute; G&eacute;n&eacute;rale&rsquo;s AI')).toBe('ML Engineer – Société Générale’s AI');
    expect(cellLine('Salary < 100k > 50k')).toBe('Salary < 100k > 50k');
    expect(cellLine('<b>Senior</b>\n<i>Engineer</i> &amp; Lead')).toBe('Senior Engineer & Lead');
    expect(cellLine(' &nbsp; ')).toBeUndefined();
    expect(cellLine('   ')).toBeUndefined();
  });

  it('leaves cells that only look like lists alone', () => {
    expect(pythonList('[Remote] Data Engineer')).toBeNull();
    expect(pythonList("['a', 'b\\nc', \"d\"]")).toEqual(['a', 'b\nc', 'd']);
    expect(pythonList('[]')).toEqual([]);
  });
});

describe('through ingest', () => {
  it('yields one item per row: sources path#row, ids from the id column', async () => {
    const items = [];
    for await (const item of ingest([`${FIX}/basic.csv`], { tableReader: createTableReader() })) items.push(item);
    expect(items).toHaveLength(6);
    expect(items.map((i) => (i.ok ? `${i.posting.source} ${i.posting.id}` : `${i.source}:${i.error.code}`))).toEqual([
      `${FIX}/basic.csv#1 101`, `${FIX}/basic.csv#2 102`, `${FIX}/basic.csv#3 103`, `${FIX}/basic.csv#4 104`, `${FIX}/basic.csv#5:EMPTY_ROW`, `${FIX}/basic.csv#6 106`,
    ]);
    const first = items[0];
    expect(first.ok && first.posting).toMatchObject({ title: 'Machine Learning Engineer', company: 'Northwind Outfitters', url: 'https://jobs.example.com/101', location: 'Seattle, WA' });
  });

  it('a table without a text column is one error item', async () => {
    const items = [];
    for await (const item of createTableReader()(`${FIX}/no-text-column.csv`)) items.push(item);
    expect(items).toHaveLength(1);
    expect(items[0].ok).toBe(false);
  });

  it('keeps the Windows-1252 fixture in Windows-1252 (an editor must not re-save it as UTF-8)', () => {
    expect(readFileSync(`${FIX}/cp1252.csv`).includes(Buffer.from([0x92]))).toBe(true);
  });
});
