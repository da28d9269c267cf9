// Property: any well-formed CSV of N rows (quotes, delimiters and line breaks inside cells, a
// BOM or not, any of the four delimiters, LF or CRLF) comes back as N rows, in order, with every
// input cell unchanged.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createAnalyzer, type Analyzer } from '../src/analyze.js';
import { CERTFIT_COLUMNS } from '../src/table/analyze-row.js';
import { runTable } from '../src/table/run-table.js';

const tmp = mkdtempSync(join(tmpdir(), 'certfit-table-prop-'));
let analyzer: Analyzer;
beforeAll(() => {
  analyzer = createAnalyzer({ asOf: '2026-01-15' });
});

const piece = fc.constantFrom('a', 'Z', ' ', ',', ';', '\t', '|', '"', '""', '\n', '\r\n', 'é', '€', '😀', "'", '=', '-', 'SageMaker', 'Azure OpenAI', 'Vertex AI', 'AWS Glue ETL', '<p>', '&amp;', '[', ']');
const cell = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));

const table = fc.record({
  width: fc.integer({ min: 2, max: 5 }),
  rows: fc.integer({ min: 0, max: 12 }),
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  lineEnding: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  explicit: fc.boolean(),
  seed: fc.array(cell, { minLength: 60, maxLength: 60 }),
});

it('N rows in, N rows out, in order, input cells byte-identical', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(table, async (t) => {
      const header = ['description', ...Array.from({ length: t.width - 1 }, (_, i) => `col${i}`)];
      const rows = Array.from({ length: t.rows }, (_, r) => Array.from({ length: t.width }, (_, c) => t.seed[(r * t.width + c) % t.seed.length]));
      // Quote what any of the four delimiters would split, so that sniffing sees a well-formed file.
      const q = (c: string) => (/[",;\t|\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
      const text = [header, ...rows].map((r) => r.map(q).join(t.delimiter)).join(t.lineEnding) + t.lineEnding;
      const path = join(tmp, `t${n++}.csv`);
      writeFileSync(path, (t.bom ? '\ufeff' : '') + text);
      let out = '';
      await runTable({
        source: path, table: t.explicit ? { delimiter: t.delimiter } : {}, output: 'csv', analyzer: {}, prebuilt: analyzer, jobs: 1, sanitizeFormulas: false,
        sink: () => ({ closed: false, write: async (s) => void (out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), commit: async () => {}, abort: () => {} }),
        warn: () => {},
      });
      expect(out.startsWith('\ufeff')).toBe(t.bom);
      const back: string[][] = parse(out, { delimiter: t.delimiter, bom: true, relax_column_count: true });
      expect(back).toHaveLength(rows.length + 1);
      expect(back[0]).toEqual([...header, ...CERTFIT_COLUMNS]);
      back.slice(1).forEach((r, i) => {
        expect(r.slice(0, t.width)).toEqual(rows[i]);
        expect(r).toHaveLength(t.width + CERTFIT_COLUMNS.length);
        expect(['ok', 'empty', 'error']).toContain(r[t.width]);
      });
    }),
    { seed: 20260115, numRuns: 100 },
  );
}, 120_000);
