// The hot path: one pass over the text, walking the trie from every word start.
// No substrings are made and nothing is allocated unless a form matches.
import type { Engine, Terminal, TrieNode } from '../lexicon/engine.js';
import { fold, isLower, isSep, isUpper, isWord, isWordEnd, isWordStart } from '../text/chars.js';

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

const SPACE = 32;
const S = 115;
const E = 101;

function wordChars(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isSep(s.charCodeAt(i))) out += s[i];
  return out;
}

function caseOk(text: string, start: number, baseEnd: number, t: Terminal): boolean {
  if (t.caseRule === 'any' || t.prefix !== null) return true;
  if (t.caseRule === 'title') return isUpper(text.charCodeAt(start));
  return wordChars(text.slice(start, baseEnd)) === wordChars(t.form);
}

function endings(text: string, i: number, out: { end: number; baseEnd: number }[]): void {
  if (isWordEnd(text, i)) {
    out.push({ end: i, baseEnd: i });
    return;
  }
  // Plurals: "Lambdas", "LLMs", "Data Factories" is a form of its own.
  if (!isLower(text.charCodeAt(i - 1)) && !isUpper(text.charCodeAt(i - 1))) return;
  // Lower case only: "ADFS" is another acronym, not the plural of "ADF".
  const c = text.charCodeAt(i);
  if (c === S && isWordEnd(text, i + 1)) out.push({ end: i + 1, baseEnd: i });
  else if (c === E && text.charCodeAt(i + 1) === S && isWordEnd(text, i + 2)) out.push({ end: i + 2, baseEnd: i });
}

function walk(root: TrieNode, text: string, start: number): Option[] {
  const found: Option[] = [];
  const ends: { end: number; baseEnd: number }[] = [];
  const n = text.length;
  let node = root.next.get(fold(text.charCodeAt(start)));
  let i = start + 1;
  while (node) {
    if (node.terminals !== null) {
      ends.length = 0;
      endings(text, i, ends);
      for (const e of ends) found.push({ ...e, terminals: node.terminals });
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (isSep(c)) {
      // Any run of spaces, hyphens, dashes or NBSP, with at most one line break.
      let j = i;
      let newlines = 0;
      while (j < n && isSep(text.charCodeAt(j))) {
        if (text.charCodeAt(j) === 10 && ++newlines > 1) break;
        j++;
      }
      if (newlines > 1 || j >= n) break;
      node = node.next.get(SPACE);
      i = j;
    } else {
      node = node.next.get(fold(c));
      i++;
    }
  }
  return found.reverse();
}

export function scan(engine: Engine, text: string): Candidate[] {
  const out: Candidate[] = [];
  const root = engine.root;
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (!root.next.has(fold(c)) || (p > 0 && isWord(text.charCodeAt(p - 1)) && !isWordStart(text, p))) {
      p++;
      continue;
    }
    const raw = walk(root, text, p);
    if (raw.length === 0) {
      p++;
      continue;
    }
    const options: Option[] = [];
    for (const o of raw) {
      const ok = o.terminals.filter((t) => caseOk(text, p, o.baseEnd, t));
      if (ok.length > 0) options.push(ok.length === o.terminals.length ? o : { ...o, terminals: ok });
    }
    const longest = raw[0];
    const misses = longest.terminals.filter((t) => !caseOk(text, p, longest.baseEnd, t));
    out.push({ start: p, options, caseMisses: misses.length > 0 && options.length === 0 ? { ...longest, terminals: misses } : null });
    p = options.length > 0 ? options[0].end : p + 1;
  }
  return out;
}
