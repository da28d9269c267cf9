// The built-in lexicons compiled once at build time (`npm run build` writes dist/engine.bin),
// so that a run starts without validating and compiling some 350 entries, and without loading
// zod and the stemmer at all. A cache whose key does not match (a lexicon or the code that
// compiles them edited since the build) or that is damaged is ignored.
//
// The file is binary so that reading it costs a few milliseconds instead of parsing 7 MB of
// JSON: the automaton's typed arrays (every one of its fields that is a typed array, whatever
// it is called) are stored as they are in memory and come back as views on the file's bytes;
// only the entries, the surface forms, the distinct terminal lists and the catalog are JSON, in ASCII.
//
//   0  "CFENGINE"                     magic
//   8  u32 format version
//  12  u32 CRC-32 of every byte from 20 on
//  16  u32 length of the header (JSON: keys, numbers, where each array and the body are)
//  20  header, then the body (JSON), then each typed array at an 8-byte-aligned offset
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import type { Automaton } from './automaton.js';
import type { Certification } from './catalog-schema.js';
import type { CompiledEntry, Engine, Terminal } from './engine.js';
import { builtinLexiconFiles, CATALOG_FILE, LEXICON_DIR } from './load.js';
import { VERSION } from '../version.js';

export const ENGINE_CACHE = new URL('../engine.bin', import.meta.url);

const MAGIC = 'CFENGINE';
const FORMAT = 1;
const PREFIX = 20;

/**
 * What the cache is valid for: the certfit version, and the name, length and CRC-32 of every
 * file given (a check that costs nothing at start-up, where loading node:crypto would cost 4 ms;
 * an edit that keeps a file's length and its CRC is a one-in-four-billion chance). Names, not
 * paths: an installed copy built in another folder still finds its cache current.
 */
export function cacheKey(version: string, files: string[]): string {
  let key = version;
  for (const f of files) {
    const bytes = readFileSync(f);
    key += `|${basename(f)}:${bytes.length}:${crc32(bytes).toString(16).padStart(8, '0')}`;
  }
  return key;
}

/**
 * The modules whose code decides what the cache holds (normalisation, variants, the trie's
 * layout, the entries' and the catalog's defaults, this file's format): a build of changed code
 * must not read an older cache. Beside this module, in the same language (dist/*.js, or
 * src/*.ts when the tests run the sources).
 */
function modules(names: string[]): string[] {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return names.map((m) => fileURLToPath(new URL(`${m}${ext}`, import.meta.url)));
}

/** The keys of the built-in cache: the engine (lexicons and the code that compiles them) and the catalog. */
export function builtinCacheKeys(): { engine: string; catalog: string } {
  return {
    engine: cacheKey(VERSION, [...builtinLexiconFiles(), ...modules(['./engine-cache', './engine', './automaton', './variants', './load', './schema', '../text/chars', '../model'])]),
    catalog: cacheKey(VERSION, [join(LEXICON_DIR, CATALOG_FILE), ...modules(['./engine-cache', './catalog-schema', './load', '../model'])]),
  };
}

type TypedArray = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;
type TypedArrayType = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): TypedArray; BYTES_PER_ELEMENT: number };
const TYPES: Record<string, TypedArrayType> = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array,
};

/** Where a typed array is: its type's name, byte offset in the file, and length in elements. */
type ArrayRef = [type: string, offset: number, length: number];

interface Header {
  key: string;
  /** The key the catalog was cached under; null when it was not (it did not validate at build time). */
  catalogKey: string | null;
  littleEndian: boolean;
  /** Number of trie nodes (the length of `terminals`). */
  nodes: number;
  /** The automaton's number fields, and its typed-array fields. */
  numbers: Record<string, number>;
  arrays: Record<string, ArrayRef>;
  /** `terminals`: the node ids that have some, and for each its list among the body's distinct lists. */
  terminals: { nodes: ArrayRef; lists: ArrayRef };
  body: [offset: number, length: number];
}

interface Body {
  entries: CompiledEntry[];
  surfaceForms: string[];
  /** The distinct terminal lists: nodes with equal lists share one (read-only, as every list is). */
  lists: Terminal[][];
  catalog: Certification[] | null;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function writeEngineCache(engine: Engine, key: string, file: URL | string = ENGINE_CACHE, catalog?: { key: string; certifications: Certification[] }): void {
  const a = engine.automaton;
  const numbers: Record<string, number> = {};
  const typed: [string, TypedArray][] = [];
  // Every field, generically: a typed array or a number is stored as it is; anything else must be taught to this file.
  for (const [name, value] of Object.entries(a) as [string, unknown][]) {
    if (name === 'terminals') continue;
    if (typeof value === 'number') numbers[name] = value;
    else if (ArrayBuffer.isView(value) && TYPES[value.constructor.name] === value.constructor) typed.push([name, value as TypedArray]);
    else throw new Error(`engine cache: do not know how to store the automaton's field ${name}`);
  }
  // Terminals: each distinct list once (nodes reached by variants of one form hold equal lists), and per node which.
  const distinct = new Map<string, number>();
  const lists: Terminal[][] = [];
  const nodes: number[] = [];
  const listOf: number[] = [];
  a.terminals.forEach((list, id) => {
    if (!list) return;
    const json = JSON.stringify(list);
    let i = distinct.get(json);
    if (i === undefined) distinct.set(json, (i = lists.push(list) - 1));
    nodes.push(id);
    listOf.push(i);
  });
  typed.push(['terminals.nodes', Int32Array.from(nodes)], ['terminals.lists', Int32Array.from(listOf)]);

  const body: Body = { entries: engine.entries, surfaceForms: engine.surfaceForms, lists, catalog: catalog?.certifications ?? null };
  // All ASCII (JSON escapes for the rest): decoded as Latin-1, the fastest there is, and parsed as a one-byte string.
  const bodyBytes = Buffer.from(JSON.stringify(body).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), 'latin1');
  // The header holds offsets that depend on its own length: lay out with room for the largest numbers, then pad.
  const layout = (headerLength: number): { header: Header; size: number; at: number[] } => {
    let offset = PREFIX + headerLength;
    const bodyAt = offset;
    offset += bodyBytes.length;
    const at: number[] = [];
    const refsOf: Record<string, ArrayRef> = {};
    for (const [name, arr] of typed) {
      offset = Math.ceil(offset / 8) * 8;
      at.push(offset);
      refsOf[name] = [arr.constructor.name, offset, arr.length];
      offset += arr.byteLength;
    }
    const arrays = Object.fromEntries(Object.entries(refsOf).filter(([name]) => !name.startsWith('terminals.')));
    const header: Header = {
      key, catalogKey: catalog?.key ?? null, littleEndian: LITTLE_ENDIAN, nodes: a.terminals.length, numbers, arrays,
      terminals: { nodes: refsOf['terminals.nodes'], lists: refsOf['terminals.lists'] },
      body: [bodyAt, bodyBytes.length],
    };
    return { header, size: offset, at };
  };
  let headerLength = 0;
  let plan = layout(headerLength);
  for (;;) {
    const needed = Buffer.byteLength(JSON.stringify(plan.header));
    if (needed <= headerLength) break;
    headerLength = needed + 16;
    plan = layout(headerLength);
  }
  const out = Buffer.alloc(plan.size);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(FORMAT, 8);
  out.writeUInt32LE(headerLength, 16);
  out.write(JSON.stringify(plan.header).padEnd(headerLength, ' '), PREFIX, 'utf8');
  bodyBytes.copy(out, plan.header.body[0]);
  typed.forEach(([, arr], i) => Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, plan.at[i]));
  out.writeUInt32LE(crc32(out.subarray(PREFIX)), 12);
  // Through a temporary name, so that a reader never sees half a file.
  const path = typeof file === 'string' ? file : fileURLToPath(file);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, out);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * The cached engine, and the catalog when it was cached under `catalogKey`, when the engine's
 * key matches; null when the file is missing, stale, damaged or from another format.
 */
export function readCache(key: string, catalogKey: string | null, file: URL | string = ENGINE_CACHE): { engine: Engine; catalog: Certification[] | null } | null {
  try {
    let bytes = readFileSync(file);
    if (bytes.length < PREFIX || bytes.toString('latin1', 0, 8) !== MAGIC || bytes.readUInt32LE(8) !== FORMAT) return null;
    const headerLength = bytes.readUInt32LE(16);
    if (PREFIX + headerLength > bytes.length) return null;
    const header = JSON.parse(bytes.toString('utf8', PREFIX, PREFIX + headerLength)) as Header;
    if (header.key !== key || header.littleEndian !== LITTLE_ENDIAN) return null;
    if (crc32(bytes.subarray(PREFIX)) !== bytes.readUInt32LE(12)) return null;
    // Views need their offsets aligned to the element size: the file starts aligned unless the buffer is a slice.
    if (bytes.byteOffset % 8 !== 0) bytes = Buffer.from(bytes);
    const view = ([type, offset, length]: ArrayRef): TypedArray => {
      const T = TYPES[type];
      if (!T || offset % T.BYTES_PER_ELEMENT !== 0 || offset + length * T.BYTES_PER_ELEMENT > bytes.length) throw new Error('bad array');
      return new T(bytes.buffer, bytes.byteOffset + offset, length);
    };
    const [bodyAt, bodyLength] = header.body;
    if (bodyAt + bodyLength > bytes.length) return null;
    const body = JSON.parse(bytes.toString('latin1', bodyAt, bodyAt + bodyLength)) as Body;

    const terminals: (Terminal[] | null)[] = new Array<Terminal[] | null>(header.nodes).fill(null);
    const nodes = view(header.terminals.nodes);
    const listOf = view(header.terminals.lists);
    for (let i = 0; i < nodes.length; i++) terminals[nodes[i]] = body.lists[listOf[i]];
    const automaton = { terminals, ...header.numbers } as Record<string, unknown>;
    for (const [name, ref] of Object.entries(header.arrays)) automaton[name] = view(ref);
    const engine: Engine = {
      entries: body.entries,
      byId: new Map(body.entries.map((e) => [e.id, e])),
      automaton: automaton as unknown as Automaton,
      surfaceForms: body.surfaceForms,
    };
    return { engine, catalog: catalogKey !== null && header.catalogKey === catalogKey ? body.catalog : null };
  } catch {
    return null;
  }
}

/** The cached engine when its key matches, else null (missing, stale or damaged: rebuild). */
export function readEngineCache(key: string, file: URL | string = ENGINE_CACHE): Engine | null {
  return readCache(key, null, file)?.engine ?? null;
}

/** The built-in engine and catalog as cached at build time, when current (the catalog may still be null). */
export function readBuiltinCache(file: URL | string = ENGINE_CACHE): { engine: Engine; catalog: Certification[] | null } | null {
  let keys;
  try {
    keys = builtinCacheKeys();
  } catch {
    // A lexicon that cannot be read: loading from source says which, and why.
    return null;
  }
  const cached = readCache(keys.engine, keys.catalog, file);
  // Entries name the file they came from: the lexicon folder of this copy, wherever it was built.
  if (cached) for (const e of cached.engine.entries) e.file = join(LEXICON_DIR, basename(e.file));
  return cached;
}

/** Writes the cache of the built-in lexicons (and of the catalog, when it is valid). */
export function writeBuiltinCache(engine: Engine, catalog: Certification[] | null, file: URL | string = ENGINE_CACHE): void {
  const keys = builtinCacheKeys();
  writeEngineCache(engine, keys.engine, file, catalog ? { key: keys.catalog, certifications: catalog } : undefined);
}
