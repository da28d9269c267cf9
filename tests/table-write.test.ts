// Writing table output straight into bytes: what comes out must be exactly the UTF-8 of the text
// the row formatter describes, however strings fall across the writer's 64 KB buffers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../src/table/byte-writer.js';
import { createCellQuoter, createRowFormatter } from '../src/table/csv-format.js';
import { csvSafe } from '../src/report/sanitize.js';

const bytesOf = (w: ByteWriter): Buffer => Buffer.concat(w.take());

describe('ByteWriter', () => {
  it('writes strings of any size in order, each buffer holding whole characters', () => {
    const w = new ByteWriter();
    const parts = ['a', '😀'.repeat(9000), 'é', 'x'.repeat(70_000), '\ud800', '€'.repeat(21_845), '', 'end'];
    for (const p of parts) w.text(p);
    w.byte(10);
    expect(w.size).toBe(Buffer.byteLength(parts.join('') + '\n'));
    const chunks = w.take();
    expect(chunks.length).toBeGreaterThan(2);
    // Each chunk decodes alone: no character is cut between two buffers.
    expect(chunks.map((c) => c.toString('utf8')).join('')).toBe(Buffer.from(parts.join('') + '\n').toString('utf8'));
    expect(w.size).toBe(0);
    expect(w.take()).toEqual([]);
  });

  it('never writes into a buffer it has handed out', () => {
    const w = new ByteWriter();
    w.text('first');
    const [first] = w.take();
    w.text('second, longer than the first');
    w.take();
    expect(first.toString()).toBe('first');
  });
});

const cellArb = fc.array(fc.constantFrom('a', '"', '""', ',', ';', '\t', '|', '\n', '\r', '=', '-', '😀', '\ud83d', 'é', ' '), { maxLength: 12 }).map((p) => p.join(''));

describe('row formatter', () => {
  it('writes what joining quoted cells would, for every delimiter', () => {
    fc.assert(fc.property(fc.constantFrom(',', ';', '\t', '|'), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 4 }), fc.array(cellArb, { maxLength: 7 }), fc.array(cellArb, { maxLength: 3 }), fc.boolean(),
      (delimiter, lineEnding, width, input, certfit, sanitize) => {
        const quote = createCellQuoter(delimiter);
        const padded = Array.from({ length: width }, (_, i) => input[i] ?? '');
        const own = (c: string) => quote(sanitize ? csvSafe(c) : c);
        const expected = [...padded.map(own), ...certfit.map(quote), ...input.slice(width).map(own)].join(delimiter) + lineEnding;
        const w = new ByteWriter();
        createRowFormatter({ delimiter, lineEnding }, width, sanitize)(w, input, certfit);
        expect(bytesOf(w).equals(Buffer.from(expected, 'utf8'))).toBe(true);
      }), { seed: 5, numRuns: 2000 });
  });

  it('doubles quotes wherever they stand', () => {
    const w = new ByteWriter();
    createRowFormatter({ delimiter: ',', lineEnding: '\n' }, 3, false)(w, ['"start', 'mid"dle', 'end""'], ['"']);
    expect(bytesOf(w).toString()).toBe('"""start","mid""dle","end""""",""""\n');
  });
});
