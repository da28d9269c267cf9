// The hot path: one pass over the text, walking the trie from every word start.
// Latin code units take inlined table lookups; nothing is allocated unless a form matches.
import type { Engine, Terminal } from '../lexicon/engine.js';
import { FIRST_WORD_BITS, FNV_OFFSET, FNV_PRIME, step, type Automaton } from '../lexicon/automaton.js';
import { charClass, CLASS, fold, isSep, isUpper, isWordEnd, LATIN_CLASSES, LATIN_FOLDS, LATIN_LIMIT } from '../text/chars.js';

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

const { WORD, SEP, UPPER, LOWER } = CLASS;
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
function walk(a: Automaton, first: number, text: string, start: number): Option[] | null {
  let found: Option[] | null = null;
  const n = text.length;
  const final = a.final;
  let node = first;
  let i = start + 1;
  while (node !== -1) {
    if (final[node] === 1) addEndings(text, i, a.terminals[node]!, (found ??= []));
    if (i >= n) break;
    const c = text.charCodeAt(i);
    const cls = clsOf(c);
    if ((cls & SEP) !== 0) {
      // Any run of spaces, hyphens, dashes or NBSP, with at most one line break.
      let j = i;
      let newlines = 0;
      while (j < n && (clsOf(text.charCodeAt(j)) & SEP) !== 0) {
        if (text.charCodeAt(j) === NEWLINE && ++newlines > 1) break;
        j++;
      }
      if (newlines > 1 || j >= n) break;
      node = step(a, node, SPACE);
      i = j;
    } else {
      node = step(a, node, c < LATIN_LIMIT ? LATIN_FOLDS[c] : fold(c));
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

/**
 * Every candidate, in order of start. Words are hashed as they go by; the trie is walked only
 * from a word that can begin a form (and from symbols that begin one, such as ".NET").
 * Overlapping candidates are all reported: one may yet be rejected, and then a match inside it must count.
 * `exhaustive` walks from every word start instead (for tests of the first-word filter).
 */
const MAX_GLUED = 8;

// Links are addresses, not prose: "…/apply/azure-devops-engineer" names no service.
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`)\]]+/gi;

/** The [start, end) ranges of URLs in the text, in order. */
function urlRanges(text: string): number[] {
  if (!text.includes('http') && !text.includes('www.') && !text.includes('WWW.')) return [];
  const out: number[] = [];
  for (const m of text.matchAll(URL)) out.push(m.index, m.index + m[0].length);
  return out;
}

export function scan(engine: Engine, text: string, exhaustive = false): Candidate[] {
  const found = scanAll(engine, text, exhaustive);
  const urls = urlRanges(text);
  if (urls.length === 0) return found;
  let k = 0;
  return found.filter((c) => {
    while (k < urls.length && urls[k + 1] <= c.start) k += 2;
    return !(k < urls.length && urls[k] <= c.start);
  });
}

function scanAll(engine: Engine, text: string, exhaustive: boolean): Candidate[] {
  const out: Candidate[] = [];
  const a = engine.automaton;
  const bits = a.firstWords;
  const n = text.length;
  const inSet = (h: number): boolean => {
    const b = (h >>> 0) & (FIRST_WORD_BITS - 1);
    return exhaustive || (bits[b >>> 5] & (1 << (b & 31))) !== 0;
  };
  const tryAt = (p: number): void => {
    const c = text.charCodeAt(p);
    const first = c < LATIN_LIMIT ? a.rootLatin[LATIN_FOLDS[c]] : step(a, 0, fold(c));
    if (first === -1) return;
    const raw = walk(a, first, text, p);
    if (raw !== null) out.push(candidate(text, p, raw));
  };
  // A token ("KubeFlow", "TranscribeFamiliar") may hold several word starts: its own start and
  // each glued Title-case word. Each keeps a running hash of the units from it, checked wherever
  // a form could end (at a glued word or the token's end). The token's own start is kept in
  // scalars, since glued words are rare.
  let start = -1;
  let h = 0;
  let hit = false;
  let glued = 0;
  let afterAmp = false;
  const gStart = new Int32Array(MAX_GLUED);
  const gHash = new Int32Array(MAX_GLUED);
  const gHit = new Uint8Array(MAX_GLUED);
  let prev = 0;
  for (let p = 0; p <= n; p++) {
    const c = p < n ? text.charCodeAt(p) : 32;
    const cls = c < LATIN_LIMIT ? LATIN_CLASSES[c] : charClass(c);
    if ((cls & WORD) !== 0) {
      const f = c < LATIN_LIMIT ? LATIN_FOLDS[c] : fold(c);
      if (start === -1) {
        start = p;
        h = FNV_OFFSET;
        hit = false;
        glued = 0;
        // "R&D", "AT&T": the word after an ampersand glued to another is no word start.
        afterAmp = p >= 2 && text.charCodeAt(p - 1) === AMP && (clsOf(text.charCodeAt(p - 2)) & WORD) !== 0;
      } else if ((prev & LOWER) !== 0 && (cls & UPPER) !== 0 && p + 1 < n && (clsOf(text.charCodeAt(p + 1)) & LOWER) !== 0) {
        if (!hit) hit = inSet(h);
        for (let k = 0; k < glued; k++) if (gHit[k] === 0 && inSet(gHash[k])) gHit[k] = 1;
        if (glued < MAX_GLUED) {
          gStart[glued] = p;
          gHash[glued] = FNV_OFFSET;
          gHit[glued++] = 0;
        }
      } else if ((prev & UPPER) !== 0 && (cls & UPPER) !== 0 && p + 1 < n && (clsOf(text.charCodeAt(p + 1)) & LOWER) !== 0) {
        // A capital run may end where a Title-case word is glued on: "RDSProgramming".
        if (!hit) hit = inSet(h);
        for (let k = 0; k < glued; k++) if (gHit[k] === 0 && inSet(gHash[k])) gHit[k] = 1;
      }
      h = Math.imul(h ^ f, FNV_PRIME);
      for (let k = 0; k < glued; k++) gHash[k] = Math.imul(gHash[k] ^ f, FNV_PRIME);
    } else {
      if (start !== -1) {
        if (!afterAmp && (hit || inSet(h))) tryAt(start);
        for (let k = 0; k < glued; k++) if (gHit[k] === 1 || inSet(gHash[k])) tryAt(gStart[k]);
        start = -1;
      }
      // Forms that begin with a symbol: ".NET".
      if (p < n && (prev & WORD) === 0 && c < LATIN_LIMIT && (cls & SEP) === 0 && a.rootLatin[LATIN_FOLDS[c]] !== -1) tryAt(p);
    }
    prev = cls;
  }
  return out;
}
