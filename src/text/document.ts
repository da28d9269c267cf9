// A posting's text prepared once for matching: line starts, sentences and sections,
// with lookups from an offset to line/column, sentence and section.
import type { Section } from '../model.js';
import { detectSections, type SectionSpan } from './sections.js';
import { splitSentences, type Span } from './sentences.js';

export interface Doc {
  text: string;
  lineStarts: number[];
  sentences: Span[];
  sections: SectionSpan[];
}

export function prepare(text: string): Doc {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return { text, lineStarts, sentences: splitSentences(text), sections: detectSections(text) };
}

/** Index of the last item whose start is <= offset. */
function floorIndex<T>(items: T[], offset: number, startOf: (t: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(items[mid]) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function lineColumn(doc: Doc, offset: number): { line: number; column: number } {
  const i = floorIndex(doc.lineStarts, offset, (s) => s);
  return { line: i + 1, column: offset - doc.lineStarts[i] + 1 };
}

/** The sentence containing [start, end); falls back to the line when none does. */
export function sentenceSpan(doc: Doc, start: number, end: number): Span {
  const i = floorIndex(doc.sentences, start, (s) => s.start);
  const s = i >= 0 ? doc.sentences[i] : undefined;
  if (s && s.end >= end) return s;
  const { line } = lineColumn(doc, start);
  const lineStart = doc.lineStarts[line - 1];
  const next = doc.text.indexOf('\n', end);
  return { start: Math.min(lineStart, start), end: next === -1 ? doc.text.length : Math.max(next, end) };
}

export function sectionAt(doc: Doc, offset: number): Section {
  const i = floorIndex(doc.sections, offset, (s) => s.start);
  return i >= 0 ? doc.sections[i].section : 'other';
}
