// The content key for "the same posting saved twice": the same words and marks in the same order,
// whatever the case and the white space between them. The scanner computes it as it goes by
// (match/scan.ts: it already hashes every word, so the key costs two multiplications a word instead
// of a pass of its own over the text); contentHash() below computes the same key alone, for callers
// without a scan, and a property test holds the two equal. The value is opaque (it may change
// between versions); only equality within a run means anything. 64 bits come out, so collisions
// are negligible at any batch size.
import { FNV_OFFSET, FNV_PRIME } from '../lexicon/automaton.js';
import { CLASS, infoOf, LATIN_INFO, LATIN_LIMIT } from './chars.js';
import { codeUnits } from './units.js';

const { WORD, WHITE } = CLASS;

/** Two lanes with different recurrences; a word enters as its FNV-1a hash (as the scanner has it). */
export const KEY_A = 0x9747b28c;
export const KEY_B = 0x3c6ef372;
export const KEY_PA = 0x5bd1e995;
export const KEY_PB = 0x27d4eb2f;
/** Added to a mark (a unit that is neither word nor white space), so it reads apart from words. */
export const MARK = 0x6a09e667;

/** One item (a word's hash, or a mark + MARK) into lane A and lane B: two different recurrences. */
export const mixA = (a: number, x: number): number => Math.imul(a ^ x, KEY_PA);
export const mixB = (b: number, x: number): number => Math.imul(((b << 5) | (b >>> 27)) ^ x, KEY_PB);

/** The 16 hex digits of a key from the two lanes. */
export function finishKey(a: number, b: number): string {
  const hi = Math.imul(a ^ (b >>> 15), KEY_PB) ^ Math.imul(b, KEY_PA);
  const lo = Math.imul(b ^ (a >>> 13), KEY_PA) ^ Math.imul(a, KEY_PB);
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

export function contentHash(text: string): string {
  const n = text.length;
  const u = codeUnits(text);
  let a = KEY_A;
  let b = KEY_B;
  let p = 0;
  while (p < n) {
    let info = u[p] < LATIN_LIMIT ? LATIN_INFO[u[p]] : infoOf(u[p]);
    if ((info & WORD) === 0) {
      if ((info & WHITE) === 0) {
        a = mixA(a, (info >>> 8) + MARK);
        b = mixB(b, (info >>> 8) + MARK);
      }
      p++;
      continue;
    }
    let h = Math.imul(FNV_OFFSET ^ (info >>> 8), FNV_PRIME);
    for (p++; p < n; p++) {
      info = u[p] < LATIN_LIMIT ? LATIN_INFO[u[p]] : infoOf(u[p]);
      if ((info & WORD) === 0) break;
      h = Math.imul(h ^ (info >>> 8), FNV_PRIME);
    }
    a = mixA(a, h);
    b = mixB(b, h);
  }
  return finishKey(a, b);
}
