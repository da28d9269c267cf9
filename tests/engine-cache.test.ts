import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEngine } from '../src/lexicon/engine.js';
import { builtinCacheKeys, cacheKey, readBuiltinCache, readCache, readEngineCache, writeEngineCache } from '../src/lexicon/engine-cache.js';
import { builtinLexiconFiles, loadCatalog, loadLexicons } from '../src/lexicon/load.js';
import { matchDoc } from '../src/match/match.js';
import { prepare } from '../src/text/document.js';

describe('engine cache', () => {
  const engine = buildEngine(loadLexicons());
  const catalog = loadCatalog();
  const dir = mkdtempSync(join(tmpdir(), 'certfit-cache-'));
  const file = join(dir, 'engine.bin');
  writeEngineCache(engine, 'key-1', file, { key: 'catalog-1', certifications: catalog });

  it('matches exactly as the engine it was written from', () => {
    const cached = readEngineCache('key-1', file);
    expect(cached).not.toBeNull();
    for (const name of readdirSync('fixtures/examples')) {
      const text = readFileSync(join('fixtures/examples', name), 'utf8');
      expect(JSON.stringify(matchDoc(cached!, prepare(text)))).toBe(JSON.stringify(matchDoc(engine, prepare(text))));
    }
  });

  it('gives back every field of the automaton, the entries and the catalog as they were', () => {
    const cached = readCache('key-1', 'catalog-1', file)!;
    const a = engine.automaton as unknown as Record<string, unknown>;
    const b = cached.engine.automaton as unknown as Record<string, unknown>;
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const [name, value] of Object.entries(a)) {
      if (ArrayBuffer.isView(value)) {
        const bytes = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
        expect(b[name]?.constructor, name).toBe(value.constructor);
        expect((b[name] as ArrayBufferView & { length: number }).length, name).toBe((value as unknown as { length: number }).length);
        expect(bytes(b[name] as ArrayBufferView).equals(bytes(value)), name).toBe(true);
      } else expect(JSON.stringify(b[name]), name).toBe(JSON.stringify(value));
    }
    expect(JSON.stringify(cached.engine.entries)).toBe(JSON.stringify(engine.entries));
    expect([...cached.engine.byId.keys()]).toEqual([...engine.byId.keys()]);
    expect(cached.engine.surfaceForms).toEqual(engine.surfaceForms);
    expect(JSON.stringify(cached.catalog)).toBe(JSON.stringify(catalog));
    // A catalog cached under another key (certifications.json edited since) is not used; the engine still is.
    expect(readCache('key-1', 'catalog-2', file)).toMatchObject({ catalog: null });
    expect(readCache('key-1', 'catalog-2', file)?.engine).toBeTruthy();
  });

  it('is ignored when stale or corrupt', () => {
    expect(readEngineCache('key-2', file)).toBeNull();
    const bytes = readFileSync(file);
    const spoilt = join(dir, 'spoilt.bin');
    // A flipped byte anywhere after the header (the JSON part, the typed arrays), a truncated file, an empty one.
    for (const at of [bytes.length - 1, Math.floor(bytes.length / 2), bytes.indexOf('"entries"')]) {
      const copy = Buffer.from(bytes);
      copy[at] ^= 0x20;
      writeFileSync(spoilt, copy);
      expect(readEngineCache('key-1', spoilt), `byte ${at}`).toBeNull();
    }
    for (const length of [0, 10, 100, bytes.length - 8]) {
      writeFileSync(spoilt, bytes.subarray(0, length));
      expect(readEngineCache('key-1', spoilt), `${length} bytes`).toBeNull();
    }
    writeFileSync(spoilt, '{ not json');
    expect(readEngineCache('key-1', spoilt)).toBeNull();
    // The JSON cache of earlier builds.
    writeFileSync(spoilt, JSON.stringify({ key: 'key-1', entries: [] }));
    expect(readEngineCache('key-1', spoilt)).toBeNull();
    expect(readEngineCache('key-1', join(tmpdir(), 'no-such-certfit-cache.bin'))).toBeNull();
    expect(readEngineCache('key-1', dir)).toBeNull();
  });

  it('refuses to write an automaton field it does not know how to store', () => {
    const odd = { ...engine, automaton: { ...engine.automaton, extra: new Map() } };
    expect(() => writeEngineCache(odd, 'key-3', join(dir, 'odd.bin'))).toThrow(/extra/);
    // A new typed-array or number field is stored like the others.
    const more = { ...engine, automaton: { ...engine.automaton, extra: new Float64Array([1.5, -2]), count: 7 } };
    writeEngineCache(more, 'key-4', join(dir, 'more.bin'));
    const back = readEngineCache('key-4', join(dir, 'more.bin'))!.automaton as unknown as Record<string, unknown>;
    expect(back.extra).toEqual(new Float64Array([1.5, -2]));
    expect(back.count).toBe(7);
  });

  it('is keyed by the names and bytes of the files, wherever they are', () => {
    const a = mkdtempSync(join(tmpdir(), 'certfit-key-'));
    const b = join(a, 'elsewhere');
    mkdirSync(b);
    const files = builtinLexiconFiles();
    for (const f of files) copyFileSync(f, join(a, f.split('/').pop()!));
    for (const f of files) copyFileSync(f, join(b, f.split('/').pop()!));
    const inA = files.map((f) => join(a, f.split('/').pop()!));
    const inB = files.map((f) => join(b, f.split('/').pop()!));
    expect(cacheKey('1.0.0', inA)).toBe(cacheKey('1.0.0', inB));
    expect(cacheKey('1.0.0', inA)).toBe(cacheKey('1.0.0', files));
    expect(cacheKey('1.0.1', inA)).not.toBe(cacheKey('1.0.0', inA));
    writeFileSync(inB[0], `${readFileSync(inB[0], 'utf8')} `);
    expect(cacheKey('1.0.0', inB)).not.toBe(cacheKey('1.0.0', inA));
  });

  it('keys the built-ins by lexicons, catalog and the code that compiles them; from the sources there is no cache', () => {
    const keys = builtinCacheKeys();
    expect(keys.engine).toMatch(/aws.json:\d+:[0-9a-f]{8}/);
    expect(keys.catalog).toMatch(/certifications.json:\d+:[0-9a-f]{8}/);
    expect(keys.catalog).not.toBe(keys.engine);
    expect(readBuiltinCache(join(tmpdir(), 'no-such-certfit-cache.bin'))).toBeNull();
  });
});
