// Per-UTF-16-code-unit character classes and case folding. Everything works on code
// units so that offsets never shift: folding never changes a string's length.

const WORD = 1;
const SEP = 2;
const UPPER = 4;
const LOWER = 8;
/** JavaScript's \s: what the duplicate check ignores. */
const WHITE = 32;

const classes = new Uint8Array(65536);
const folds = new Uint16Array(65536);
const known = new Uint8Array(65536);

const wordRe = /[\p{L}\p{N}\p{M}_]/u;
const upperRe = /\p{Lu}/u;
const lowerRe = /\p{Ll}/u;
// Spaces, NBSP and friends, hyphens and dashes: interchangeable between the words of a form.
const sepRe = /[\s\u00a0\u2000-\u200a\u202f\u3000\-\u2010-\u2015\u2212]/u;

function compute(c: number): void {
  known[c] = 1;
  const ch = String.fromCharCode(c);
  let cls = 0;
  if (c >= 0xd800 && c <= 0xdfff) {
    cls = 0; // lone surrogate halves are neither words nor separators
  } else if (wordRe.test(ch)) {
    cls = WORD;
    if (upperRe.test(ch)) cls |= UPPER;
    else if (lowerRe.test(ch)) cls |= LOWER;
  } else if (sepRe.test(ch)) {
    cls = SEP;
  }
  if (/\s/.test(ch)) cls |= WHITE;
  classes[c] = cls;
  const lower = ch.toLowerCase();
  folds[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
}

for (let c = 0; c < 0x250; c++) compute(c);

/** Class bits, exported for the scanner's hot loop (which inlines the Latin fast path). */
export const CLASS = { WORD, SEP, UPPER, LOWER, WHITE } as const;
/** Precomputed classes and folds for U+0000–U+024F; above that, call charClass()/fold(). */
export const LATIN_CLASSES: Uint8Array = classes;
export const LATIN_FOLDS: Uint16Array = folds;
export const LATIN_LIMIT = 0x250;
/** Class and fold in one load for the scanner: fold << 8 | class. */
export const LATIN_INFO: Int32Array = Int32Array.from({ length: LATIN_LIMIT }, (_, c) => (folds[c] << 8) | classes[c]);

export function charClass(c: number): number {
  if (known[c] === 0) compute(c);
  return classes[c];
}

/** Lower-case code unit (the same unit when lower-casing would change the length). */
export function fold(c: number): number {
  if (known[c] === 0) compute(c);
  return folds[c];
}

/** fold << 8 | class for any code unit (the scanner's slow path above U+024F). */
export function infoOf(c: number): number {
  if (known[c] === 0) compute(c);
  return (folds[c] << 8) | classes[c];
}

export const isWord = (c: number): boolean => (charClass(c) & WORD) !== 0;
/** JavaScript's \s (and String.prototype.trim's white space). */
export const isWhite = (c: number): boolean => (charClass(c) & WHITE) !== 0;
export const isSep = (c: number): boolean => (charClass(c) & SEP) !== 0;
export const isUpper = (c: number): boolean => (charClass(c) & UPPER) !== 0;
export const isLower = (c: number): boolean => (charClass(c) & LOWER) !== 0;
const AMP = 38;

/**
 * Whether a word may end at `i` (exclusive): the next unit is not part of a word, or the text turns
 * to a glued Title-case word ("TranscribeFamiliar", "RDSProgramming"); "Q&A" is one word.
 */
export function isWordEnd(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const next = text.charCodeAt(i);
  if (next === AMP) return i + 1 >= text.length || !isWord(text.charCodeAt(i + 1));
  if (!isWord(next)) return true;
  if (!isUpper(next)) return false;
  const prev = text.charCodeAt(i - 1);
  // "TranscribeFamiliar", and a capital run glued to a Title-case word: "RDSProgramming".
  return isLower(prev) || (isUpper(prev) && i + 1 < text.length && isLower(text.charCodeAt(i + 1)));
}
