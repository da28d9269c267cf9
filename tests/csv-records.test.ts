// The fast CSV reader (src/table/csv-scan.ts) against csv-parse, its definition: the quirks one by
// one, every chunk boundary, characters split across chunks, a 10 MB cell, the size limit, random
// CSV-ish text in random chunks, and every CSV of the shared corpus. The oracle is csv-parse's sync
// API with the reader's options; `on_record` keeps the records found before an error and the
// `info.lines` that the error messages quote.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { csvParseRecords, csvRecords, MAX_RECORD_CHARS, type CsvItem } from '../src/table/csv-records.js';
import { CsvScanner } from '../src/table/csv-scan.js';
import { toUtf8 } from '../src/table/decode-stream.js';
import { sniffDelimiter } from '../src/table/sniff.js';

interface Outcome {
  records: string[][];
  failure?: string;
  /** The line the error message would quote (csv-parse's `info.lines` at the last record). */
  line?: number;
}

function oracle(text: string, delimiter = ',', max = MAX_RECORD_CHARS): Outcome {
  const records: string[][] = [];
  let line = 1;
  try {
    parse(Buffer.from(text), {
      delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: max,
      on_record: (r: string[], info: { lines: number }) => {
        records.push(r);
        line = info.lines;
        return r;
      },
    });
    return { records };
  } catch (err) {
    return { records, failure: (err as { code: string }).code, line };
  }
}

/** The bytes of `text` cut at the given byte offsets. */
function cut(text: string | Buffer, at: number[]): Buffer[] {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const cuts = [...new Set(at.map((a) => Math.max(0, Math.min(bytes.length, a))))].sort((a, b) => a - b);
  return [0, ...cuts].map((from, i) => bytes.subarray(from, i < cuts.length ? cuts[i] : bytes.length));
}

function scan(chunks: Buffer[], delimiter = ',', max = MAX_RECORD_CHARS): Outcome {
  const scanner = new CsvScanner(delimiter, max);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const records: string[][] = [];
  for (const c of chunks) {
    scanner.feed(decoder.decode(c, { stream: true }), false);
    records.push(...scanner.out.splice(0));
    if (scanner.failure) break;
  }
  if (!scanner.failure) scanner.feed(decoder.decode(), true);
  records.push(...scanner.out.splice(0));
  return scanner.failure ? { records, failure: scanner.failure, line: scanner.lastRecordLine } : { records };
}

async function items(gen: AsyncGenerator<CsvItem>): Promise<CsvItem[]> {
  const out: CsvItem[] = [];
  for await (const item of gen) out.push(item);
  return out;
}

async function* from(chunks: Buffer[]): AsyncGenerator<Buffer> {
  yield* chunks;
}

/** Both readers on the same chunks; they must agree item for item, messages included. */
async function both(text: string | Buffer, at: number[] = [], delimiter = ','): Promise<CsvItem[]> {
  const fast = await items(csvRecords(from(cut(text, at)), delimiter));
  expect(fast).toEqual(await items(csvParseRecords(from(cut(text, at)), delimiter)));
  return fast;
}

const cells = (out: CsvItem[]) => out.map((i) => i.cells ?? i.error.code);

describe('csv-parse semantics, kept', () => {
  it('line endings: the first one outside quotes is the record delimiter, the others are text', async () => {
    expect(cells(await both('a,b\nc,d\n'))).toEqual([['a', 'b'], ['c', 'd']]);
    expect(cells(await both('a,b\r\nc,d\r\n'))).toEqual([['a', 'b'], ['c', 'd']]);
    expect(cells(await both('a,b\rc,d\r'))).toEqual([['a', 'b'], ['c', 'd']]);
    expect(cells(await both('a\nb\r\nc\rd\n'))).toEqual([['a'], ['b\r'], ['c\rd']]);
    expect(cells(await both('a\r\nb\nc\r\n'))).toEqual([['a'], ['b\nc']]);
    expect(cells(await both('a\rb\r\nc\r'))).toEqual([['a'], ['b'], ['\nc']]);
    expect(cells(await both('"a\nb"\r\nc\nd\r\n'))).toEqual([['a\nb'], ['c\nd']]);
    expect(cells(await both('a\n"abc"\r\n'))).toEqual([['a'], ['"abc"\r']]);
    expect(cells(await both('a\r\nb\r'))).toEqual([['a'], ['b\r']]);
  });

  it('quotes: "" escapes, line breaks and delimiters inside, a quote closing at the end', async () => {
    expect(cells(await both('"a ""b"", c",d\n'))).toEqual([['a "b", c', 'd']]);
    expect(cells(await both('"x\r\ny\nz",2'))).toEqual([['x\r\ny\nz', '2']]);
    expect(cells(await both('"a"""'))).toEqual([['a"']]);
    expect(cells(await both('"",""\n""'))).toEqual([['', ''], ['']]);
    expect(cells(await both('a,"b"'))).toEqual([['a', 'b']]);
  });

  it('stray quotes are text; text after a closing quote keeps both quotes; NUL after one does not', async () => {
    expect(cells(await both('x"y"z,"q"\n'))).toEqual([['x"y"z', 'q']]);
    expect(cells(await both(' "a",b\n'))).toEqual([[' "a"', 'b']]);
    expect(cells(await both('"abc"def,x\n'))).toEqual([['"abc"def', 'x']]);
    expect(cells(await both('"a""b"x"y,z\n'))).toEqual([['"a"b"x"y', 'z']]);
    expect(cells(await both('"abc"\0def,x\n'))).toEqual([['abc\0def', 'x']]);
    expect(cells(await both('""\0"x",y\n'))).toEqual([['\0"x"', 'y']]);
    expect(cells(await both('"a" ,b\n"c"\r\n'))).toEqual([['"a" ', 'b'], ['"c"\r']]);
  });

  it('empty lines are skipped, lines of spaces and of "" are not; ragged rows stay ragged', async () => {
    expect(cells(await both('\n\na,b\n\n\n"",\n,\n  \nc\n\n'))).toEqual([['a', 'b'], ['', ''], ['', ''], ['  '], ['c']]);
    expect(cells(await both('\r\n\r\na\r\n\r\n'))).toEqual([['a']]);
    expect(cells(await both('a,b,c\n1\n1,2,3,4,5\n'))).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4', '5']]);
  });

  it('a BOM left in the text is text (the decoder must not eat it)', async () => {
    expect(cells(await both('\ufeffa,b\n\ufeff\n'))).toEqual([['\ufeffa', 'b'], ['\ufeff']]);
  });

  it('a quote that never closes: the records before it, then one error quoting the line of the last record', async () => {
    const out = await both('h\r\n1\r\n"2\r\nx","3\r\n"\r\n\r\n4\r\n"never\nclosed');
    expect(cells(out)).toEqual([['h'], ['1'], ['2\r\nx', '3\r\n'], ['4'], 'CSV_UNTERMINATED_QUOTE']);
    expect(out[4].error?.message).toBe('a quoted cell opened after line 9 never closes; the rest of the file could not be split into rows (close the quote)');
    expect(cells(await both('a,"b""'))).toEqual(['CSV_UNTERMINATED_QUOTE']);
    expect(cells(await both('"'))).toEqual(['CSV_UNTERMINATED_QUOTE']);
    expect(await both('')).toEqual([]);
  });

  it('other delimiters, and the ones only csv-parse reads', async () => {
    for (const d of [';', '\t', '|', ' ', '\0', '§', '€']) expect(cells(await both(`a${d}"b${d}c"${d}\n"x""${d}"${d}y\n`, [], d))).toEqual([['a', `b${d}c`, ''], [`x"${d}`, 'y']]);
    for (const d of ['"', '\r', '\n']) expect(await items(csvRecords(from(cut('a"b\rc\nd', [])), d))).toEqual(await items(csvParseRecords(from(cut('a"b\rc\nd', [])), d)));
  });
});

describe('chunk boundaries', () => {
  const tricky = [
    'id,"text ""quoted"", here",x\r\n"multi\r\nline\n""",2,"é€😀"\r\n\r\n"a"b,"c"\0d,e"f\r\n"",\r\n"tail\r\n"',
    'a\r"b\r\n",c\r\r"",d"\r',
    '"x"\r\n',
    'é,"😀\n€"\n"\n"\n',
  ];
  it.each(tricky.map((t) => [JSON.stringify(t).slice(0, 40), t]))('every cut, and every pair of cuts, of %s', (_name, text) => {
    const n = Buffer.byteLength(text);
    const want = oracle(text);
    for (let i = 0; i <= n; i++) {
      expect(scan(cut(text, [i])), `cut at ${i}`).toEqual(want);
      for (let j = i + 1; j <= n; j += 1) expect(scan(cut(text, [i, j])), `cuts at ${i}, ${j}`).toEqual(want);
    }
    expect(scan(cut(text, Array.from({ length: n }, (_, i) => i)))).toEqual(want);
  });

  it('a character of 2, 3 or 4 bytes split at every offset', async () => {
    const text = 'né,"€ 😀 ""é""",😀\n€😀,"x\né"\n';
    const bytes = Buffer.from(text);
    const want = oracle(text);
    expect(want.records).toEqual([['né', '€ 😀 "é"', '😀'], ['€😀', 'x\né']]);
    for (let i = 0; i <= bytes.length; i++) expect(scan(cut(bytes, [i]))).toEqual(want);
    expect(await both(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(want.records.map((c) => ({ cells: c })));
  });
});

describe('large records', () => {
  it('a 10 MB quoted cell in small chunks, quotes and line breaks inside, is read in linear time', async () => {
    const cell = 'SageMaker "and" Azure, é€😀\r\n'.repeat(340_000);
    const text = `id,text,n\n1,"${cell.replace(/"/g, '""')}",x\n2,"",y`;
    const bytes = Buffer.from(text);
    // 4 KB chunks: a reader that went back over the pending cell at each chunk would copy 12 GB.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, i) => bytes.subarray(i * 4096, (i + 1) * 4096));
    const t0 = performance.now();
    const out = await items(csvRecords(from(chunks), ','));
    const ms = performance.now() - t0;
    expect(out.map((i) => i.cells?.length)).toEqual([3, 3, 3]);
    expect(out[1].cells?.[1] === cell).toBe(true);
    expect(out[2].cells).toEqual(['2', '', 'y']);
    expect(ms).toBeLessThan(2000);
  }, 30_000);

  it('the size limit: UTF-16 length of the finished cells plus UTF-8 bytes of the current one, as csv-parse counts', () => {
    const cases = ['a,bb\ncc,dddd\n', 'abcdefgh\n', '"abcdefg"\n', '"abcdef"x\n', 'é€😀,x\n', 'ab,€😀\n', 'x\n"abcdefghijk', 'x\n"ab""cd""ef', ',,,,,,,,,,,\n', '"ab"\0cdefg\n'];
    for (const text of cases) for (let max = 1; max <= 12; max++) for (let i = 0; i <= text.length; i += 3) expect(scan(cut(text, [i]), ',', max), `${JSON.stringify(text)} max ${max}`).toEqual(oracle(text, ',', max));
  });

  it('a record over the limit is one CSV_RECORD_TOO_LARGE item after the records before it', async () => {
    const chunks = [Buffer.from('h\nok\n"')];
    const big = Buffer.alloc(1 << 20, 'x');
    async function* gen(): AsyncGenerator<Buffer> {
      yield* chunks;
      for (let i = 0; i < 65; i++) yield big;
      throw new Error('read past the limit');
    }
    const out = await items(csvRecords(gen(), ','));
    expect(out.slice(0, 2)).toEqual([{ cells: ['h'] }, { cells: ['ok'] }]);
    expect(out[2].error).toEqual({ code: 'CSV_RECORD_TOO_LARGE', message: 'a record after line 2 is larger than 64 MiB, probably an unterminated quote; the rest of the file was not read' });
  }, 30_000);
});

describe('random text in random chunks: the same as csv-parse', () => {
  const soup = fc.constantFrom('a', 'b', 'x y', ' ', ',', ',', ';', '\t', '|', '"', '"', '""', '\n', '\n', '\r', '\r\n', 'é', '€', '😀', '\0', '\ufeff', '§');
  const quoted = fc.array(soup, { maxLength: 6 }).map((p) => `"${p.join('').replace(/"/g, '""')}"`);
  const csvish = fc.oneof(
    fc.array(soup, { maxLength: 40 }).map((p) => p.join('')),
    fc.array(fc.oneof(soup, quoted, quoted), { maxLength: 30 }).map((p) => p.join('')),
  );
  const input = fc.record({
    text: csvish,
    delimiter: fc.constantFrom(',', ',', ';', '\t', '|', ' ', '§'),
    cuts: fc.array(fc.nat(120), { maxLength: 6 }),
    max: fc.oneof(fc.constant(MAX_RECORD_CHARS), fc.integer({ min: 1, max: 24 })),
  });

  it('same records, same error or none, same line in the message', () => {
    fc.assert(
      fc.property(input, ({ text, delimiter, cuts, max }) => {
        expect(scan(cut(text, cuts), delimiter, max)).toEqual(oracle(text, delimiter, max));
      }),
      { seed: 20260115, numRuns: 3000 },
    );
  });

  it('csvRecords and csv-parse streaming give the same items', async () => {
    await fc.assert(
      fc.asyncProperty(input, async ({ text, delimiter, cuts }) => {
        await both(text, cuts, delimiter);
      }),
      { seed: 20260116, numRuns: 300 },
    );
  });
});

const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
const corpus = existsSync(CORPUS)
  ? readdirSync(CORPUS, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.csv')).map((e) => join(e.parentPath, e.name)).sort()
  : [];

describe.skipIf(!corpus.length)(`every CSV of ${CORPUS}`, () => {
  it.each(corpus.map((f) => [f.slice(CORPUS.length + 1), f]))('%s: the same records as csv-parse', async (_name, path) => {
    const bytes = readFileSync(path);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
    const decode = async () => {
      const utf8 = await toUtf8(from(chunks));
      const all: Buffer[] = [];
      for await (const c of utf8.chunks) all.push(c);
      return { delimiter: sniffDelimiter(utf8.head, ',', true) || ',', all };
    };
    const { delimiter, all } = await decode();
    const fast = await items(csvRecords(from(all), delimiter));
    expect(fast.length).toBeGreaterThan(1);
    expect(fast).toEqual(await items(csvParseRecords(from(all), delimiter)));
  }, 60_000);
});
