// Round trip of the real exports in ../shared/corpus (read at run time, never copied into the
// project): as many rows out as in, every input cell unchanged, certfit's columns filled, and no
// replacement characters that the input did not have. Skipped when the corpus is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, type Analyzer } from '../src/analyze.js';
import { CERTFIT_COLUMNS } from '../src/table/analyze-row.js';
import { runTable } from '../src/table/run-table.js';

const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
const present = existsSync(CORPUS);
const files = present
  ? readdirSync(CORPUS, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.csv')).map((e) => join(e.parentPath, e.name)).sort()
  : [];
let analyzer: Analyzer;
beforeAll(() => {
  if (present) analyzer = createAnalyzer({ asOf: '2026-01-15' });
});

function decode(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const d = new TextDecoder('windows-1252');
    text = d.decode(bytes, { stream: true }) + d.decode();
  }
  return text.replace(/^\ufeff/, '');
}

const rows = (text: string): string[][] => parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true });
const count = (s: string, c: string): number => s.split(c).length - 1;

describe.skipIf(!present)(`round trip of ${CORPUS}`, () => {
  it.each(files.map((f) => [f.slice(CORPUS.length + 1), f]))('%s', async (_name, path) => {
    const input = decode(readFileSync(path));
    let out = '';
    const result = await runTable({
      source: path, table: {}, output: 'csv', analyzer: {}, prebuilt: analyzer, jobs: 1, sanitizeFormulas: false,
      sink: () => ({ closed: false, write: async (s) => void (out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), commit: async () => {}, abort: () => {} }),
      warn: () => {},
    });
    const before = rows(input);
    const after = rows(out);
    const width = before[0].length;
    expect(after).toHaveLength(before.length);
    expect(result.summary.inputs).toBe(before.length - 1);
    after.forEach((row, i) => {
      const cells = before[i];
      const kept = cells.length > width ? [...row.slice(0, width), ...row.slice(width + CERTFIT_COLUMNS.length)] : row.slice(0, width);
      expect(kept).toEqual(cells.length < width ? [...cells, ...Array(width - cells.length).fill('')] : cells);
      if (i > 0) expect(['ok', 'empty', 'error']).toContain(row[width]);
    });
    expect(count(out, '\ufffd')).toBe(count(input, '\ufffd'));
  }, 120_000);
});

it.runIf(!present)('says plainly that the corpus is absent', () => {
  console.warn(`table-corpus: ${CORPUS} is absent; the round trip of real exports was skipped`);
});
