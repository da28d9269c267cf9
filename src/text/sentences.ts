// Sentence spans over the original text (offsets preserved). Lines, sentence punctuation
// and scraper-glued sentences ("…to win.You're") all end a sentence; hard-wrapped prose
// (a line ending mid-sentence, the next starting in lower case) does not.
import { isLower, isUpper, isWord } from './chars.js';

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'eg', 'ie', 'vs', 'inc', 'ltd', 'co', 'corp', 'dr', 'mr', 'ms', 'mrs', 'sr', 'jr', 'approx', 'no', 'st', 'u.s', 'incl', 'esp', 'min', 'max', 'yrs', 'etc', 'ca', 'dept']);

function wordBefore(text: string, i: number): string {
  let s = i;
  while (s > 0 && (isWord(text.charCodeAt(s - 1)) || text[s - 1] === '.')) s--;
  return text.slice(s, i).toLowerCase();
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 13;
}

function endsSentenceAtNewline(text: string, nl: number): boolean {
  let p = nl - 1;
  while (p >= 0 && isSpace(text.charCodeAt(p))) p--;
  let q = nl + 1;
  while (q < text.length && isSpace(text.charCodeAt(q))) q++;
  if (p < 0 || q >= text.length) return true;
  const prev = text.charCodeAt(p);
  const next = text.charCodeAt(q);
  // Wrapped prose: "...experience with\nAzure" keeps going only if the next line starts lower case.
  return !((isLower(prev) || prev === 44) && isLower(next));
}

function endsSentenceAtPunct(text: string, i: number): boolean {
  const ch = text[i];
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
  if (next === -1) return true;
  if (ch === '.') {
    // Glued: "win.You're" ends; "Node.js", ".NET", "3.5" do not.
    if (isUpper(next) && i > 0 && isLower(text.charCodeAt(i - 1))) return !ABBREVIATIONS.has(wordBefore(text, i));
    if (!isSpace(next) && next !== 10 && next !== 34 && next !== 0x201d && next !== 41) return false;
    if (ABBREVIATIONS.has(wordBefore(text, i))) return false;
    let q = i + 1;
    while (q < text.length && isSpace(text.charCodeAt(q))) q++;
    return !(q < text.length && isLower(text.charCodeAt(q)));
  }
  return isSpace(next) || next === 10 || isUpper(next);
}

const LEAD = /[\s\u00a0•·▪◦*\-–—>]/;
const TRAIL = /[\s\u00a0]/;

/** Trims white space and list bullets, so that a sentence is what a reader sees. */
function trim(text: string, start: number, end: number): Span {
  while (start < end && LEAD.test(text[start])) start++;
  while (end > start && TRAIL.test(text[end - 1])) end--;
  return { start, end };
}

function push(out: Span[], text: string, start: number, end: number): void {
  const span = trim(text, start, end);
  if (span.end > span.start) out.push(span);
}

/** Where the sentence that ends at unit i (a newline or . ! ?) stops, or -1 when i ends none. */
function boundaryAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 10) return endsSentenceAtNewline(text, i) ? i : -1;
  if ((c === 46 || c === 33 || c === 63) && endsSentenceAtPunct(text, i)) return i + 1;
  return -1;
}

/** How far to look either way for a sentence's ends; a longer run of text counts as its own sentence. */
const REACH = 1500;

/**
 * The sentence around [start, end), found by looking outward from it: the same rules as
 * splitSentences without splitting the whole text, since only mentions need a sentence.
 */
export function sentenceAround(text: string, start: number, end: number): Span {
  let s = Math.max(0, start - REACH);
  for (let i = start - 1; i >= s; i--) {
    const b = boundaryAt(text, i);
    if (b !== -1) {
      s = text.charCodeAt(i) === 10 ? i + 1 : b;
      break;
    }
  }
  let e = Math.min(text.length, end + REACH);
  for (let i = end; i < e; i++) {
    const b = boundaryAt(text, i);
    if (b !== -1) {
      e = b;
      break;
    }
  }
  const span = trim(text, s, e);
  return span.start <= start && span.end >= end ? span : { start: Math.min(span.start, start), end: Math.max(span.end, end) };
}

export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (endsSentenceAtNewline(text, i)) {
        push(out, text, start, i);
        start = i + 1;
      }
    } else if ((c === 46 || c === 33 || c === 63) && endsSentenceAtPunct(text, i)) {
      push(out, text, start, i + 1);
      start = i + 1;
    }
  }
  push(out, text, start, text.length);
  return out;
}
