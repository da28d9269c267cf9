// Property: whatever the text, every mention's text equals the text at its offsets, offsets
// are inside the text and ordered, and line/column agree with the offsets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { buildEngine } from '../src/lexicon/engine.js';
import { builtinLexiconFiles, readLexicons } from '../src/lexicon/load.js';
import { matchDoc } from '../src/match/match.js';
import { prepare } from '../src/text/document.js';
import { engineOf, SMALL } from './helpers/engine.js';

const small = engineOf(SMALL);
const full = buildEngine(readLexicons(builtinLexiconFiles().filter(existsSync)).entries);

const WORDS = ['SageMaker', 'Sage Maker', 'AWS', 'Amazon', 'Azure', 'ML', 'Glue', 'glue code', 'Athena', 'S3', 'Polly', 'Lex', 'Transcribe',
  'Translator', 'API', 'C#', '.NET', 'CI/CD', 'Foundry', 'Vision', 'Bedrock', 'Lambda', 'EMR', 'Azure OpenAI', 'AI Search', 'Q', 'Kinesis'];
const PIECES = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(' ', '  ', '\n', '\r\n', '\r', '\n\n', '\u00a0', '-', '–', '.', ',', '/', '(', ')', "'s", '’', '“', '”', '•', '\t', '\u0000', '\u202e'),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const TEXT = fc.array(PIECES, { maxLength: 60 }).map((parts) => parts.join(''));

function check(engine: typeof small, text: string): void {
  const doc = prepare(text);
  const { mentions, rejected } = matchDoc(engine, doc);
  let last = -1;
  for (const m of [...mentions, ...rejected]) {
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.end).toBeGreaterThan(m.start);
    expect(text.slice(m.start, m.end)).toBe(m.text);
    const before = text.slice(0, m.start).split('\n');
    expect(m.line).toBe(before.length);
    expect(m.column).toBe(before[before.length - 1].length + 1);
    expect(text.includes(m.sentence)).toBe(true);
  }
  for (const m of mentions) {
    expect(m.start).toBeGreaterThanOrEqual(last);
    last = m.end;
  }
}

describe('matcher properties', () => {
  it('keeps exact offsets on random text (small lexicon)', () => {
    fc.assert(fc.property(TEXT, (t) => check(small, t)), { seed: 20261126, numRuns: 400 });
  });
  it('keeps exact offsets on random text (built-in lexicons)', () => {
    fc.assert(fc.property(TEXT, (t) => check(full, t)), { seed: 20261126, numRuns: 400 });
  });
  it('is deterministic', () => {
    fc.assert(fc.property(TEXT, (t) => {
      expect(JSON.stringify(matchDoc(full, prepare(t)))).toBe(JSON.stringify(matchDoc(full, prepare(t))));
    }), { seed: 7, numRuns: 100 });
  });
});
