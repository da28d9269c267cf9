// Looking around a candidate: phrases near it, and whether a blank line lies between two offsets.
import { fold, isSep, isWord } from '../text/chars.js';

/**
 * Folds case and separators like normalize(), keeping for each output unit its offset in the input.
 * Built in typed arrays: a window is short, but this runs for every candidate that needs a cue.
 */
function normalizeWithMap(s: string, base: number): { text: string; at: Int32Array } {
  const units = new Uint16Array(2 * s.length + 2);
  const at = new Int32Array(2 * s.length + 2);
  let n = 0;
  units[n] = 32;
  at[n++] = base;
  let sep = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSep(c)) {
      sep = true;
      continue;
    }
    if (sep) {
      units[n] = 32;
      at[n++] = base + i;
    }
    sep = false;
    units[n] = fold(c);
    at[n++] = base + i;
  }
  units[n] = 32;
  at[n++] = base + s.length;
  return { text: String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]), at };
}

const firstWords = new Map<string, string>();
function firstWord(phrase: string): string {
  let w = firstWords.get(phrase);
  if (w === undefined) {
    w = phrase.split(' ')[0];
    firstWords.set(phrase, w);
  }
  return w;
}

/**
 * The first phrase (already normalised) that occurs as whole words in text[from, to), not lying
 * wholly inside [skipStart, skipEnd): a cue must say something beyond the candidate itself.
 */
export function findPhrase(text: string, from: number, to: number, phrases: string[], skipStart = -1, skipEnd = -1): string | null {
  if (phrases.length === 0 || to <= from) return null;
  // Cheap test first: most windows contain none of the phrases' first words.
  const raw = text.slice(Math.max(0, from), to).toLowerCase();
  let w: { text: string; at: Int32Array } | null = null;
  for (const phrase of phrases) {
    if (!raw.includes(firstWord(phrase))) continue;
    w ??= normalizeWithMap(text.slice(Math.max(0, from), to), Math.max(0, from));
    for (let i = w.text.indexOf(phrase); i !== -1; i = w.text.indexOf(phrase, i + 1)) {
      if (isWord(w.text.charCodeAt(i - 1)) || isWord(w.text.charCodeAt(i + phrase.length))) continue;
      const start = w.at[i];
      const end = w.at[i + phrase.length - 1] + 1;
      if (start >= skipStart && end <= skipEnd) continue;
      return phrase;
    }
  }
  return null;
}

export function blankLineBetween(text: string, from: number, to: number): boolean {
  return /\n[ \t\u00a0\r]*\n/.test(text.slice(Math.min(from, to), Math.max(from, to)));
}
