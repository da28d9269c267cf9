// The trie compiled to flat typed arrays. Nodes are numbered breadth-first, so the shallow
// nodes, where nearly every walk ends, get dense ASCII child tables that stay in cache;
// deeper nodes share one open-addressing hash table of (node, code unit) → child.
import type { Terminal, TrieNode } from './engine.js';
import { isWord, LATIN_LIMIT } from '../text/chars.js';

/** Nodes at depth <= DENSE_DEPTH get a dense table of 128 ASCII children. */
const DENSE_DEPTH = 3;

export interface Automaton {
  /** Terminals by node id (null for most nodes); `final` says which without touching this array. */
  terminals: (Terminal[] | null)[];
  final: Uint8Array;
  /** Children of the root (node 0) by Latin code unit; -1 for none. */
  rootLatin: Int32Array;
  /** Ids below this have dense ASCII tables in `dense` (id * 128 + unit). */
  denseCount: number;
  dense: Int32Array;
  keyNode: Int32Array;
  keyUnit: Int32Array;
  child: Int32Array;
  mask: number;
  /**
   * A Bloom-like bitset of FNV hashes of every word that can begin a form ("azure", "sage",
   * "sagemaker", "lambdas"): the scanner walks the trie only from words in it.
   */
  firstWords: Uint32Array;
}

export const FIRST_WORD_BITS = 1 << 20;
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

const hash = (node: number, unit: number, mask: number): number => (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask;

export function compile(root: TrieNode): Automaton {
  const order: TrieNode[] = [root];
  root.id = 0;
  let denseCount = 1;
  for (let level = [root], depth = 0; level.length > 0; depth++) {
    const next: TrieNode[] = [];
    for (const n of level) for (const c of n.next.values()) {
      c.id = order.length;
      order.push(c);
      next.push(c);
    }
    if (depth + 1 <= DENSE_DEPTH) denseCount = order.length;
    level = next;
  }
  let edges = 0;
  for (const n of order) edges += n.next.size;
  let size = 1;
  while (size < edges * 2) size <<= 1;
  const a: Automaton = {
    terminals: order.map((n) => n.terminals),
    final: Uint8Array.from(order, (n) => (n.terminals === null ? 0 : 1)),
    rootLatin: new Int32Array(LATIN_LIMIT).fill(-1),
    denseCount,
    dense: new Int32Array(denseCount * 128).fill(-1),
    keyNode: new Int32Array(size).fill(-1),
    keyUnit: new Int32Array(size),
    child: new Int32Array(size),
    mask: size - 1,
    firstWords: new Uint32Array(0),
  };
  order.forEach((n, id) => {
    for (const [unit, c] of n.next) {
      if (id < denseCount && unit < 128) a.dense[id * 128 + unit] = c.id!;
      let h = hash(id, unit, a.mask);
      while (a.keyNode[h] !== -1) h = (h + 1) & a.mask;
      a.keyNode[h] = id;
      a.keyUnit[h] = unit;
      a.child[h] = c.id!;
    }
  });
  for (const [unit, c] of root.next) if (unit < LATIN_LIMIT) a.rootLatin[unit] = c.id!;
  a.firstWords = firstWords(root);
  return a;
}

function addHash(bits: Uint32Array, h: number): void {
  const b = (h >>> 0) & (FIRST_WORD_BITS - 1);
  bits[b >>> 5] |= 1 << (b & 31);
}

const extend = (h: number, unit: number): number => Math.imul(h ^ unit, FNV_PRIME);

/** Every run of word units from the root that ends where a form ends or goes on with a space or a symbol. */
function firstWords(root: TrieNode): Uint32Array {
  const bits = new Uint32Array(FIRST_WORD_BITS / 32);
  const nodes: TrieNode[] = [];
  const hashes: number[] = [];
  for (const [u, n] of root.next) {
    if (!isWord(u)) continue;
    nodes.push(n);
    hashes.push(extend(FNV_OFFSET, u));
  }
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const h = hashes.pop()!;
    let ends = node.terminals !== null;
    for (const [u, child] of node.next) {
      if (isWord(u)) {
        nodes.push(child);
        hashes.push(extend(h, u));
      } else ends = true;
    }
    if (!ends) continue;
    addHash(bits, h);
    // Plurals: the scanner hashes the word as written, "lambdas" included.
    if (node.terminals !== null) {
      addHash(bits, extend(h, 115));
      addHash(bits, extend(extend(h, 101), 115));
    }
  }
  return bits;
}

/** The child of `node` on `unit`, or -1. */
export function step(a: Automaton, node: number, unit: number): number {
  if (node < a.denseCount && unit < 128) return a.dense[node * 128 + unit];
  const { keyNode, keyUnit, mask } = a;
  let h = hash(node, unit, mask);
  for (;;) {
    const k = keyNode[h];
    if (k === -1) return -1;
    if (k === node && keyUnit[h] === unit) return a.child[h];
    h = (h + 1) & mask;
  }
}
