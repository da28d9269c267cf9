// A posting's text prepared for matching. Line starts and sections are computed on first
// use and sentences around each mention only, so that a posting without mentions costs nothing.
import type { Section } from '../model.js';
import { SectionReader } from './section-reader.js';
import { isPreferredLine } from './sections.js';
import { sentenceAround, splitSentences, type Span } from './sentences.js';

export interface Doc {
  readonly text: string;
  readonly lineStarts: number[];
  /** Sections, read only as far as mentions ask. */
  readonly sections: SectionReader;
  /** All sentences; computed only once a text asks for many (see sentenceSpan). */
  readonly sentences: Span[];
  /** How many sentence look-ups were answered by looking outward from a mention. */
  localLookups: number;
  /** Lines already judged for nice-to-have phrasing, by line index. */
  readonly preferredLines: Map<number, boolean>;
  /** The last sentence looked up, by the span it was asked for (the gates and locate ask thrice). */
  lastSentence: { start: number; end: number; span: Span } | null;
}

/** After this many local look-ups in one text, splitting it whole once is cheaper. */
const LOCAL_LOOKUPS = 64;

export function prepare(text: string): Doc {
  let lineStarts: number[] | undefined;
  let sections: SectionReader | undefined;
  let sentences: Span[] | undefined;
  return {
    text,
    localLookups: 0,
    preferredLines: new Map(),
    lastSentence: null,
    get sentences() {
      return (sentences ??= splitSentences(text));
    },
    get lineStarts() {
      if (!lineStarts) {
        lineStarts = [0];
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
      }
      return lineStarts;
    },
    get sections() {
      return (sections ??= new SectionReader(text));
    },
  };
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
  const starts = doc.lineStarts;
  const i = floorIndex(starts, offset, (s) => s);
  return { line: i + 1, column: offset - starts[i] + 1 };
}

/** The sentence containing [start, end). */
export function sentenceSpan(doc: Doc, start: number, end: number): Span {
  const last = doc.lastSentence;
  if (last !== null && last.start === start && last.end === end) return last.span;
  const span = findSentence(doc, start, end);
  doc.lastSentence = { start, end, span };
  return span;
}

function findSentence(doc: Doc, start: number, end: number): Span {
  if (doc.localLookups < LOCAL_LOOKUPS) {
    doc.localLookups++;
    return sentenceAround(doc.text, start, end);
  }
  const i = floorIndex(doc.sentences, start, (s) => s.start);
  const s = i >= 0 ? doc.sentences[i] : undefined;
  return s && s.end >= end ? s : sentenceAround(doc.text, start, end);
}

export function sectionAt(doc: Doc, offset: number): Section {
  const section = doc.sections.sectionAt(offset);
  if (section === 'benefits' || section === 'about' || section === 'preferred') return section;
  // Phrasing makes its own line a nice-to-have; judged once per line (a long line may hold many mentions).
  const starts = doc.lineStarts;
  const line = floorIndex(starts, offset, (x) => x);
  let preferred = doc.preferredLines.get(line);
  if (preferred === undefined) {
    const end = line + 1 < starts.length ? starts[line + 1] - 1 : doc.text.length;
    preferred = isPreferredLine(doc.text.slice(starts[line], end));
    doc.preferredLines.set(line, preferred);
  }
  return preferred ? 'preferred' : section;
}
