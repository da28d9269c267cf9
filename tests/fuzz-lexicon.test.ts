// Property tests on random hand edits of the built-in lexicon entries (new forms of odd Unicode,
// wrong types, missing fields, bad ids, duplicates, truncated files, a BOM): the lexicon loads
// and matches with every mention at its offsets, or each problem is one `file: path: message`
// line naming the file. Shared with `npm run fuzz`. (Known gaps: tests/limits-lexicon.test.ts.)
import { describe, it } from 'vitest';
import { checkInvariant } from './helpers/fuzz-lib.js';

describe('random lexicon edits', () => {
  it('a hand-edited lexicon loads and matches sanely, or says what is wrong in file: path: message lines', async () => {
    await checkInvariant('lexicon edits:', 200);
  }, 60_000);
});
