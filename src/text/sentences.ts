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

function push(out: Span[], text: string, start: number, end: number): void {
  // Trim white space and list bullets so that a sentence is what a reader sees.
  while (start < end && /[\s\u00a0•·▪◦*\-–—>]/.test(text[start])) start++;
  while (end > start && /[\s\u00a0]/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
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
