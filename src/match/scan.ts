// The hot path: one pass over the text, walking the trie from every word start.
// Latin code units take inlined table lookups; nothing is allocated unless a form matches.
import type { Engine, Terminal } from '../lexicon/engine.js';
import { FIRST_WORD_BITS, FNV_OFFSET, FNV_PRIME, step, type Automaton } from '../lexicon/automaton.js';
import { charClass, CLASS, fold, infoOf, isSep, isUpper, isWordEnd, LATIN_CLASSES, LATIN_FOLDS, LATIN_INFO, LATIN_LIMIT } from '../text/chars.js';
import { finishKey, KEY_A, KEY_B, KEY_PA, KEY_PB, MARK } from '../text/content-hash.js';
import { codeUnits } from '../text/units.js';
import { outsideUrls } from './urls.js';

export interface Option {
  end: number;
  /** Where the form itself ends (before a plural "s"/"es"). */
  baseEnd: number;
  terminals: Terminal[];
}

export interface Candidate {
  start: number;
  /** Longest first; terminals already filtered by their case rule. */
  options: Option[];
  /** Terminals that matched the letters but not the case rule (at the longest end). */
  caseMisses: Option | null;
}

const { WORD, SEP, UPPER, LOWER, WHITE } = CLASS;
const SPACE = 32;
const NEWLINE = 10;
const AMP = 38;
const S = 115;
const E = 101;

const clsOf = (c: number): number => (c < LATIN_LIMIT ? LATIN_CLASSES[c] : charClass(c));

function wordChars(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isSep(s.charCodeAt(i))) out += s[i];
  return out;
}

function caseOk(text: string, start: number, baseEnd: number, t: Terminal): boolean {
  if (t.caseRule === 'any') return true;
  // The rule applies to the form, not to a vendor prefix before it: skip "AWS " in "AWS Budgets".
  let s = start;
  if (t.prefix !== null) {
    for (let need = wordChars(t.prefix).length; need > 0 && s < baseEnd; s++) if (!isSep(text.charCodeAt(s))) need--;
    while (s < baseEnd && isSep(text.charCodeAt(s))) s++;
  }
  if (t.caseRule === 'title') return isUpper(text.charCodeAt(s));
  return wordChars(text.slice(s, baseEnd)) === wordChars(t.form);
}

/** Pushes the options ending at i: the form itself, or with a lower-case plural "s"/"es". */
function addEndings(text: string, i: number, terminals: Terminal[], found: Option[]): void {
  if (isWordEnd(text, i)) {
    found.push({ end: i, baseEnd: i, terminals });
    return;
  }
  if ((clsOf(text.charCodeAt(i - 1)) & (UPPER | LOWER)) === 0) return;
  // Lower case only: "ADFS" is another acronym, not the plural of "ADF".
  const c = text.charCodeAt(i);
  if (c === S && isWordEnd(text, i + 1)) found.push({ end: i + 1, baseEnd: i, terminals });
  else if (c === E && text.charCodeAt(i + 1) === S && isWordEnd(text, i + 2)) found.push({ end: i + 2, baseEnd: i, terminals });
}

/** All options starting at `start`, longest first; null when none (the common case). */
function walk(a: Automaton, first: number, text: string, u: Uint16Array, start: number): Option[] | null {
  let found: Option[] | null = null;
  const n = text.length;
  const final = a.final;
  let node = first;
  let i = start + 1;
  while (node !== -1) {
    if (final[node] === 1) addEndings(text, i, a.terminals[node]!, (found ??= []));
    if (i >= n) break;
    const c = u[i];
    const info = c < LATIN_LIMIT ? LATIN_INFO[c] : infoOf(c);
    if ((info & SEP) !== 0) {
      // Any run of spaces, hyphens, dashes or NBSP, with at most one line break.
      let j = i;
      let newlines = 0;
      while (j < n && (clsOf(u[j]) & SEP) !== 0) {
        if (u[j] === NEWLINE && ++newlines > 1) break;
        j++;
      }
      if (newlines > 1 || j >= n) break;
      node = step(a, node, SPACE);
      i = j;
    } else {
      node = step(a, node, info >>> 8);
      i++;
    }
  }
  if (found === null || found.length === 0) return null;
  if (found.length > 1) found.reverse();
  return found;
}

/** Turns the trie's walk results at one start into a candidate, filtering terminals by case. */
function candidate(text: string, p: number, raw: Option[]): Candidate {
  const options: Option[] = [];
  for (const o of raw) {
    let all = true;
    for (const t of o.terminals) if (!caseOk(text, p, o.baseEnd, t)) all = false;
    if (all) options.push(o);
    else {
      const ok = o.terminals.filter((t) => caseOk(text, p, o.baseEnd, t));
      if (ok.length > 0) options.push({ ...o, terminals: ok });
    }
  }
  let caseMisses: Option | null = null;
  if (options.length === 0) {
    const longest = raw[0];
    caseMisses = { ...longest, terminals: longest.terminals.filter((t) => !caseOk(text, p, longest.baseEnd, t)) };
  }
  return { start: p, options, caseMisses };
}

/** Glued Title-case words followed at once inside one token ("KubeFlowPipelines"). */
const MAX_GLUED = 8;

/**
 * Every candidate, in order of start. Words are hashed as they go by; the trie is walked only
 * from a word that can begin a form (and from symbols that begin one, such as ".NET").
 * Overlapping candidates are all reported: one may yet be rejected, and then a match inside it must count.
 * `exhaustive` walks from every word start instead (for tests of the first-word filter).
 */
export function scan(engine: Engine, text: string, exhaustive = false): Candidate[] {
  return scanKeyed(engine, text, exhaustive).candidates;
}

/** The candidates and the text's content key (the one contentHash computes; see text/content-hash.ts). */
export function scanKeyed(engine: Engine, text: string, exhaustive = false): { candidates: Candidate[]; key: string } {
  const found = scanAll(engine, text, codeUnits(text), exhaustive);
  return { candidates: found.out.length === 0 ? found.out : found.out.filter(outsideUrls(text)), key: finishKey(found.a, found.b) };
}

function scanAll(engine: Engine, text: string, u: Uint16Array, exhaustive: boolean): { out: Candidate[]; a: number; b: number } {
  const out: Candidate[] = [];
  // The content key's two lanes: every word's hash and every mark go in, white space does not.
  // Always kept: a flag to skip them cost the keyed scan (tables, analyze) more than it saved.
  // The lanes are content-hash.ts's mixA/mixB written out (calls here cost ~3% of the scan); the
  // property test in tests/matcher-property.test.ts holds the two keys equal.
  let ka = KEY_A;
  let kb = KEY_B;
  const a = engine.automaton;
  const bits = a.firstWords;
  const root = a.rootLatin;
  const n = text.length;
  const inSet = (h: number): boolean => {
    const b = (h >>> 0) & (FIRST_WORD_BITS - 1);
    return exhaustive || (bits[b >>> 5] & (1 << (b & 31))) !== 0;
  };
  const tryAt = (p: number): void => {
    const c = u[p];
    const first = c < LATIN_LIMIT ? root[LATIN_FOLDS[c]] : step(a, 0, fold(c));
    if (first === -1) return;
    const raw = walk(a, first, text, u, p);
    if (raw !== null) out.push(candidate(text, p, raw));
  };
  // A token ("KubeFlow", "TranscribeFamiliar") may hold several word starts: its own start and
  // each glued Title-case word. Each keeps a running hash of the units from it, checked wherever
  // a form could end (at a glued word or the token's end). Glued words are rare, so the token's
  // own start is kept in scalars and the inner loop only looks further at a capital letter.
  const gStart = new Int32Array(MAX_GLUED);
  const gHash = new Int32Array(MAX_GLUED);
  const gHit = new Uint8Array(MAX_GLUED);
  let p = 0;
  let prevWord = false;
  while (p < n) {
    let c = u[p];
    let info = c < LATIN_LIMIT ? LATIN_INFO[c] : infoOf(c);
    if ((info & WORD) === 0) {
      if ((info & WHITE) === 0) {
        ka = Math.imul(ka ^ ((info >>> 8) + MARK), KEY_PA);
        kb = Math.imul(((kb << 5) | (kb >>> 27)) ^ ((info >>> 8) + MARK), KEY_PB);
      }
      // Forms that begin with a symbol: ".NET".
      if (!prevWord && c < LATIN_LIMIT && (info & SEP) === 0 && root[info >>> 8] !== -1) tryAt(p);
      prevWord = false;
      p++;
      continue;
    }
    const start = p;
    // "R&D", "AT&T": the word after an ampersand glued to another is no word start.
    const afterAmp = p >= 2 && u[p - 1] === AMP && (clsOf(u[p - 2]) & WORD) !== 0;
    let h = Math.imul(FNV_OFFSET ^ (info >>> 8), FNV_PRIME);
    let hit = false;
    let glued = 0;
    let prev = info;
    for (p++; p < n; p++) {
      c = u[p];
      info = c < LATIN_LIMIT ? LATIN_INFO[c] : infoOf(c);
      if ((info & WORD) === 0) break;
      if ((info & UPPER) !== 0 && (prev & (UPPER | LOWER)) !== 0) {
        // A form may end where a capital follows a small letter ("AuroraDB", "KubeFlow") or where a
        // capital run meets a Title-case word ("RDSProgramming"); a glued Title-case word starts one.
        const title = p + 1 < n && (clsOf(u[p + 1]) & LOWER) !== 0;
        if ((prev & LOWER) !== 0 || title) {
          if (!hit) hit = inSet(h);
          for (let k = 0; k < glued; k++) if (gHit[k] === 0 && inSet(gHash[k])) gHit[k] = 1;
          if ((prev & LOWER) !== 0 && title && glued < MAX_GLUED) {
            gStart[glued] = p;
            gHash[glued] = FNV_OFFSET;
            gHit[glued++] = 0;
          }
        }
      }
      h = Math.imul(h ^ (info >>> 8), FNV_PRIME);
      for (let k = 0; k < glued; k++) gHash[k] = Math.imul(gHash[k] ^ (info >>> 8), FNV_PRIME);
      prev = info;
    }
    ka = Math.imul(ka ^ h, KEY_PA);
    kb = Math.imul(((kb << 5) | (kb >>> 27)) ^ h, KEY_PB);
    if (!afterAmp && (hit || inSet(h))) tryAt(start);
    for (let k = 0; k < glued; k++) if (gHit[k] === 1 || inSet(gHash[k])) tryAt(gStart[k]);
    prevWord = true;
  }
  return { out, a: ka, b: kb };
}
