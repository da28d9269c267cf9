// Property tests on random Unicode (astral characters, combining marks, RTL and bidi controls,
// NUL, lone surrogates, CR/CRLF, BOMs, markup) through the whole pipeline: analysis, every
// reporter and the JSON round trip; and random bytes through extraction. The invariants live in
// helpers/fuzz-cases.mjs, shared with `npm run fuzz`, which runs them for as long as it is told.
// (tests/matcher-property.test.ts checks the matcher alone; this goes end to end.)
import { describe, expect, it } from 'vitest';
import { analyzeTexts } from '../src/analyze.js';
import { htmlToText } from '../src/ingest/html-to-text.js';
import { checkInvariant } from './helpers/fuzz-lib.js';

describe('random Unicode', () => {
  it('mentions sit at their offsets, every reporter renders, the JSON round-trips, the same text gives the same bytes', async () => {
    await checkInvariant('unicode:', 200);
  }, 60_000);

  it('any bytes become postings or one-line errors (never a crash), in every content kind', async () => {
    await checkInvariant('bytes:', 120);
  }, 60_000);

  it('lone surrogates from JSON escapes do not crash the HTML parser (regression: parse5 threw "Invalid code point")', () => {
    expect(htmlToText('<p>Amazon SageMaker \udfff\udfff and AWS Glue</p>')).toBe('Amazon SageMaker \ufffd\ufffd and AWS Glue');
    const result = analyzeTexts([{ id: 'a', text: 'Lone \ud800 and \udfff\udfff around Amazon SageMaker\r\rand AWS Glue ETL' }], { asOf: '2026-01-15' });
    expect(result.postings[0].mentions.map((m) => m.text)).toEqual(['Amazon SageMaker', 'AWS Glue ETL']);
  });
});
