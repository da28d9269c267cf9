// Property tests on random tables that may be broken: stray quotes, ragged rows, embedded
// newlines, CR/CRLF, NUL, a BOM or UTF-16, any of four delimiters; and JSON lines with bad lines,
// blank lines and escapes UTF-8 cannot hold. N records in, N rows out, in order, cells unchanged.
// (tests/table-property.test.ts covers well-formed CSV; this adds broken CSV and JSONL.) Shared
// with `npm run fuzz`.
import { describe, it } from 'vitest';
import { checkInvariant } from './helpers/fuzz-lib.js';

describe('random tables', () => {
  it('CSV: N records in (as csv-parse reads the decoded text), N rows out, in order, cells unchanged; an unreadable tail is one error row', async () => {
    await checkInvariant('csv:', 120);
  }, 60_000);

  it('JSONL: N non-blank lines in, N rows out, in order, ids path#N, mentions at their offsets', async () => {
    await checkInvariant('jsonl:', 120);
  }, 60_000);
});
