// Surface-form variants, computed once when the engine is built: separators normalised,
// camelCase split, multi-word joined, inflections that share a Porter stem, vendor prefixes.
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { Platform } from '../model.js';
import { fold, isSep } from '../text/chars.js';

export const VENDOR_PREFIXES: Record<Platform, string[]> = {
  aws: ['AWS', 'Amazon', 'Amazon Web Services'],
  azure: ['Azure', 'Microsoft', 'Microsoft Azure'],
  gcp: ['Google Cloud', 'Google Cloud Platform', 'Google', 'GCP'],
};

/** Folds case and turns every run of separators into one space: the key the trie is built on. */
export function normalize(form: string): string {
  let out = '';
  let sep = false;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (isSep(c)) {
      sep = out.length > 0;
      continue;
    }
    if (sep) out += ' ';
    sep = false;
    out += String.fromCharCode(fold(c));
  }
  return out;
}

/** "SageMaker" → "Sage Maker"; "DynamoDB" → "Dynamo DB". Null when there is nothing to split. */
export function camelSplit(form: string): string | null {
  const split = form.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  return split === form ? null : split;
}

const stems = new Map<string, string>();
function stemOf(w: string): string {
  let s = stems.get(w);
  if (s === undefined) {
    s = porterStemmer.stem(w);
    stems.set(w, s);
  }
  return s;
}

const inflected = new Map<string, string[]>();

/** Inflections of one word that share its Porter stem ("tuning" → tune, tunes, tuned, tunings). */
export function inflections(word: string): string[] {
  let out = inflected.get(word);
  if (out === undefined) {
    out = computeInflections(word);
    inflected.set(word, out);
  }
  return out;
}

function computeInflections(word: string): string[] {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return [word];
  const stem = stemOf(word);
  const bases = new Set([word, stem, word.replace(/(ing|ed|es|s|ion|ions)$/, ''), word.replace(/(ing|ed)$/, 'e')]);
  const candidates = new Set<string>();
  for (const b of bases) {
    if (b.length < 3) continue;
    // No agent nouns (-er): "data exploration" must not become "Data Explorer".
    for (const suffix of ['', 's', 'es', 'ed', 'd', 'ing', 'ion', 'ions']) candidates.add(b + suffix);
    if (b.endsWith('e')) for (const suffix of ['ing', 'ion', 'ions']) candidates.add(b.slice(0, -1) + suffix);
    if (b.endsWith('y')) candidates.add(b.slice(0, -1) + 'ies');
  }
  return [...candidates].filter((c) => stemOf(c) === stem).sort();
}

/** All normalised variants of a form (without vendor prefixes). */
export function formVariants(form: string, stem: boolean): string[] {
  const out = new Set<string>([normalize(form)]);
  const split = camelSplit(form);
  if (split) out.add(normalize(split));
  for (const v of [...out]) {
    const words = v.split(' ');
    if (words.length > 1 && words.length <= 3 && words.every((w) => /^[\p{L}\p{N}]+$/u.test(w))) out.add(words.join(''));
  }
  if (stem) {
    for (const v of [...out]) {
      const words = v.split(' ');
      // Inflect each word on its own; cap the combinations so a long form cannot explode.
      let combos: string[][] = [[]];
      for (const w of words) {
        const next: string[][] = [];
        for (const c of combos) for (const inf of inflections(w)) if (next.length < 48) next.push([...c, inf]);
        combos = next;
      }
      for (const c of combos) out.add(c.join(' '));
    }
  }
  return [...out].filter((v) => v.length > 0);
}

/** Whether a normalised form already begins with one of the platform's vendor prefixes. */
export function hasVendorPrefix(normalized: string, platform: Platform): boolean {
  return VENDOR_PREFIXES[platform].some((p) => {
    const np = normalize(p);
    return normalized === np || normalized.startsWith(np + ' ') || normalized.startsWith(np.replace(/ /g, ''));
  });
}
