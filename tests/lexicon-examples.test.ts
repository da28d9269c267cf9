// Every lexicon entry carries examples that must and must not match; each runs here on its own.
import { describe, expect, it } from 'vitest';
import { buildEngine } from '../src/lexicon/engine.js';
import { builtinLexiconFiles, readLexicons } from '../src/lexicon/load.js';
import { matchDoc } from '../src/match/match.js';
import { prepare } from '../src/text/document.js';
import { existsSync } from 'node:fs';

const files = builtinLexiconFiles().filter((f) => existsSync(f));
const { entries, problems } = readLexicons(files);
const engine = buildEngine(entries);

describe('built-in lexicons', () => {
  it('load without problems', () => {
    expect(problems.map((p) => `${p.file}: ${p.path}: ${p.message}`)).toEqual([]);
  });
});

describe.each(entries.map((e) => [e.id, e] as const))('%s', (id, entry) => {
  it.each(entry.examples.match)('matches: %s', (sentence) => {
    const { mentions, rejected } = matchDoc(engine, prepare(sentence));
    const found = mentions.map((m) => m.term);
    expect(found, `rejected: ${JSON.stringify(rejected.map((r) => [r.term, r.reason.message]))}`).toContain(id);
    for (const m of mentions) expect(sentence.slice(m.start, m.end)).toBe(m.text);
  });
  if (entry.examples.noMatch.length > 0) {
    it.each(entry.examples.noMatch)('does not match: %s', (sentence) => {
      const found = matchDoc(engine, prepare(sentence)).mentions.filter((m) => m.term === id);
      expect(found.map((m) => `${m.text} via ${m.gate.rule} ${m.gate.detail}`)).toEqual([]);
    });
  }
});
