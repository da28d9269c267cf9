import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEngine } from '../src/lexicon/engine.js';
import { readEngineCache, writeEngineCache } from '../src/lexicon/engine-cache.js';
import { loadLexicons } from '../src/lexicon/load.js';
import { matchDoc } from '../src/match/match.js';
import { prepare } from '../src/text/document.js';
import { readFileSync, readdirSync } from 'node:fs';

describe('engine cache', () => {
  const engine = buildEngine(loadLexicons());
  const file = join(mkdtempSync(join(tmpdir(), 'certfit-cache-')), 'engine.json');
  writeEngineCache(engine, 'key-1', file);

  it('matches exactly as the engine it was written from', () => {
    const cached = readEngineCache('key-1', file);
    expect(cached).not.toBeNull();
    for (const name of readdirSync('fixtures/examples')) {
      const text = readFileSync(join('fixtures/examples', name), 'utf8');
      expect(JSON.stringify(matchDoc(cached!, prepare(text)))).toBe(JSON.stringify(matchDoc(engine, prepare(text))));
    }
  });

  it('is ignored when stale or corrupt', () => {
    expect(readEngineCache('key-2', file)).toBeNull();
    writeFileSync(file, '{ not json');
    expect(readEngineCache('key-1', file)).toBeNull();
    expect(readEngineCache('key-1', join(tmpdir(), 'no-such-certfit-cache.json'))).toBeNull();
  });
});
