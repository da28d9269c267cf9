// A posting's text prepared for matching. Line starts and sections are computed on first
// use and sentences around each mention only, so that a posting without mentions costs nothing.
import type { Section } from '../model.js';
import { floorIndex, SectionReader } from './section-reader.js';
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

// A class, not an object literal with getters: a literal's getters are new closures each time, and
// V8 then gives every Doc a hidden class of its own, kept (with the closures, and through them the
// whole text) by the literal's transition tree until the next full collection. Every posting's text
// survived two scavenges that way and was copied into the old generation: some 3 MB a scavenge.
class PreparedDoc implements Doc {
  localLookups = 0;
  readonly preferredLines = new Map<number, boolean>();
  lastSentence: Doc['lastSentence'] = null;
  private lines: number[] | undefined;
  private sectionReader: SectionReader | undefined;
  private allSentences: Span[] | undefined;

  constructor(readonly text: string) {}

  get sentences(): Span[] {
    return (this.allSentences ??= splitSentences(this.text));
  }

  get lineStarts(): number[] {
    if (!this.lines) {
      const { text } = this;
      const starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lines = starts;
    }
    return this.lines;
  }

  get sections(): SectionReader {
    return (this.sectionReader ??= new SectionReader(this.text));
  }
}

export function prepare(text: string): Doc {
  return new PreparedDoc(text);
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
