// Deciding whether an ambiguous candidate is the service or ordinary English.
// Order: vendor prefix → negative phrase → sibling of the same platform → cue → reject.
import type { Gate, Rejection } from '../model.js';
import type { CompiledEntry, Terminal } from '../lexicon/engine.js';
import type { Doc } from '../text/document.js';
import { sentenceSpan } from '../text/document.js';
import { blankLineBetween, findPhrase } from './context.js';

export const NEGATIVE_WINDOW = 60;
export const SIBLING_WINDOW = 120;
export const CUE_WINDOW = 100;

/** An accepted unambiguous mention, used as a sibling for its platform's ambiguous names. */
export interface Anchor {
  start: number;
  end: number;
  platform: string;
  text: string;
}

export type GateResult = { ok: true; gate: Gate; rank: number } | { ok: false; reason: Rejection['reason'] };

function firstEndingAfter(anchors: Anchor[], offset: number): number {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid].end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const RANK = { unambiguous: 4, 'vendor-prefix': 3, sibling: 2, cue: 1 } as const;

export function judge(doc: Doc, start: number, end: number, t: Terminal, entry: CompiledEntry, anchors: Anchor[]): GateResult {
  const text = doc.text;
  const negativeNear = (sentence = sentenceSpan(doc, start, end)): string | null => {
    return findPhrase(text, Math.max(sentence.start, start - NEGATIVE_WINDOW), Math.min(sentence.end, end + NEGATIVE_WINDOW), entry.negative);
  };
  const vetoed = (phrase: string): GateResult => ({ ok: false, reason: { code: 'negative-cue', message: `"${phrase}" nearby: ordinary use, not ${entry.name}` } });
  if (t.prefix !== null) {
    // A prefix-only form ("Microsoft AI") is a name only with its prefix, so its negatives still count.
    const negative = t.prefixOnly ? negativeNear() : null;
    return negative !== null ? vetoed(negative) : { ok: true, gate: { rule: 'vendor-prefix', detail: t.prefix }, rank: RANK['vendor-prefix'] };
  }
  if (!t.ambiguous) return { ok: true, gate: { rule: 'unambiguous', detail: t.form }, rank: RANK.unambiguous };
  const sentence = sentenceSpan(doc, start, end);
  const negative = negativeNear(sentence);
  if (negative !== null) return vetoed(negative);
  if (entry.platform !== null && entry.siblings) {
    // Anchors are in text order and do not overlap: start from the first that ends near enough.
    for (let k = firstEndingAfter(anchors, start - SIBLING_WINDOW); k < anchors.length && anchors[k].start <= end + SIBLING_WINDOW; k++) {
      const a = anchors[k];
      if (a.platform !== entry.platform) continue;
      const distance = a.start >= end ? a.start - end : start - a.end;
      if (distance <= SIBLING_WINDOW && !blankLineBetween(text, a.start < start ? a.end : end, a.start < start ? start : a.start)) {
        return { ok: true, gate: { rule: 'sibling', detail: a.text }, rank: RANK.sibling };
      }
    }
  }
  const cue = findPhrase(text, Math.max(sentence.start, start - CUE_WINDOW), Math.min(sentence.end, end + CUE_WINDOW), entry.cues, start, end);
  if (cue !== null) return { ok: true, gate: { rule: 'cue', detail: cue }, rank: RANK.cue };
  const what = entry.platform === null ? 'cue' : `${entry.platform.toUpperCase()} prefix, sibling service or cue`;
  return { ok: false, reason: { code: 'no-context', message: `"${t.form}" is also an ordinary word or another product; no ${what} nearby` } };
}
