// The built-in lexicons compiled once at build time (`npm run build` writes dist/engine.json),
// so that a run starts without validating and compiling some 350 entries. A cache whose key
// does not match the lexicon files on disk (edited since the build) is ignored.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Automaton } from './automaton.js';
import type { CompiledEntry, Engine, Terminal } from './engine.js';

interface CacheFile {
  key: string;
  entries: CompiledEntry[];
  surfaceForms: string[];
  terminals: [number, Terminal[]][];
  arrays: Record<'rootLatin' | 'dense' | 'keyNode' | 'keyUnit' | 'child', string>;
  firstWords: string;
  denseCount: number;
  mask: number;
  nodes: number;
}

export const ENGINE_CACHE = new URL('../engine.json', import.meta.url);

/** What the cache is valid for: the certfit version and the bytes of every lexicon file. */
export function cacheKey(version: string, files: string[]): string {
  const h = createHash('sha256').update(version);
  for (const f of files) h.update(f).update(readFileSync(f));
  return h.digest('hex');
}

const b64 = (a: Int32Array | Uint32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function int32(s: string): Int32Array {
  const b = Buffer.from(s, 'base64');
  return new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

export function writeEngineCache(engine: Engine, key: string, file: URL | string = ENGINE_CACHE): void {
  const a = engine.automaton;
  const terminals: [number, Terminal[]][] = [];
  a.terminals.forEach((t, id) => t && terminals.push([id, t]));
  const cache: CacheFile = {
    key, entries: engine.entries, surfaceForms: engine.surfaceForms, terminals,
    arrays: { rootLatin: b64(a.rootLatin), dense: b64(a.dense), keyNode: b64(a.keyNode), keyUnit: b64(a.keyUnit), child: b64(a.child) },
    firstWords: b64(a.firstWords), denseCount: a.denseCount, mask: a.mask, nodes: a.final.length,
  };
  writeFileSync(file, JSON.stringify(cache));
}

/** The cached engine when its key matches, else null (missing, stale or unreadable: rebuild). */
export function readEngineCache(key: string, file: URL | string = ENGINE_CACHE): Engine | null {
  let cache: CacheFile;
  try {
    cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
  } catch {
    return null;
  }
  if (cache.key !== key) return null;
  const terminals: (Terminal[] | null)[] = new Array(cache.nodes).fill(null);
  const final = new Uint8Array(cache.nodes);
  for (const [id, t] of cache.terminals) {
    terminals[id] = t;
    final[id] = 1;
  }
  const fw = Buffer.from(cache.firstWords, 'base64');
  const automaton: Automaton = {
    terminals, final, denseCount: cache.denseCount, mask: cache.mask,
    rootLatin: int32(cache.arrays.rootLatin), dense: int32(cache.arrays.dense),
    keyNode: int32(cache.arrays.keyNode), keyUnit: int32(cache.arrays.keyUnit), child: int32(cache.arrays.child),
    firstWords: new Uint32Array(fw.buffer.slice(fw.byteOffset, fw.byteOffset + fw.byteLength)),
  };
  return { entries: cache.entries, byId: new Map(cache.entries.map((e) => [e.id, e])), automaton, surfaceForms: cache.surfaceForms };
}
