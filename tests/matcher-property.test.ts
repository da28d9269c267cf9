// Property: whatever the text, every mention's text equals the text at its offsets, offsets
// are inside the text and ordered, and line/column agree with the offsets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { buildEngine } from '../src/lexicon/engine.js';
import { builtinLexiconFiles, readLexicons } from '../src/lexicon/load.js';
import { matchDoc } from '../src/match/match.js';
import { scan, scanKeyed } from '../src/match/scan.js';
import { contentHash } from '../src/text/content-hash.js';
import { outsideUrls } from '../src/match/urls.js';
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

// The first-word filter only saves work: it must find every candidate a walk from every word start finds.
const GLUED = fc.oneof(
  fc.constantFrom(...WORDS, 'Aurora', 'DB', 'Java', 'FX', 'Spark', 'Kube', 'Flow', 'RDS', 'Programming', 'R&D', '&', 'AT&T', 'Q&A', 'ASP', 'x', 'É', 'ß'),
  fc.constantFrom(' ', '\n', '-', '.', '/', '_', '’s', 'https://', 'www.', 'HTTPS://', 'Www.', ')', '"'),
);
const GLUED_TEXT = fc.array(GLUED, { maxLength: 40 }).map((parts) => parts.join(''));
const starts = (text: string, exhaustive: boolean) => JSON.stringify(scan(full, text, exhaustive).map((c) => [c.start, c.options.map((o) => o.end)]));

describe('scanner properties', () => {
  it('finds with its first-word filter exactly what it finds walking from every word start', () => {
    for (const t of ['AuroraDB and SparkML, JavaFX', 'KubeFlow RDSProgramming TranscribeFamiliar', 'R&D AT&T SageMakerStudio']) expect(starts(t, false)).toBe(starts(t, true));
    fc.assert(fc.property(GLUED_TEXT, (t) => {
      expect(starts(t, false)).toBe(starts(t, true));
    }), { seed: 11, numRuns: 600 });
  });
  it('drops exactly the candidates inside URLs (as the URL pattern reads them)', () => {
    const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`)\]]+/gi;
    fc.assert(fc.property(GLUED_TEXT, (t) => {
      const ranges = [...t.matchAll(URL)].map((m) => [m.index, m.index + m[0].length]);
      const keep = outsideUrls(t);
      for (let p = 0; p < t.length; p++) {
        if (!/[\p{L}\p{N}_]/u.test(t[p])) continue;
        expect(keep({ start: p })).toBe(!ranges.some(([s, e]) => s <= p && p < e));
      }
    }), { seed: 12, numRuns: 600 });
  });
  it('gives the content key contentHash computes alone, and the same candidates as without it', () => {
    fc.assert(fc.property(fc.oneof(TEXT, GLUED_TEXT), (t) => {
      const keyed = scanKeyed(full, t);
      expect(keyed.key).toBe(contentHash(t));
      expect(keyed.candidates).toEqual(scan(full, t));
    }), { seed: 13, numRuns: 800 });
  });
});
