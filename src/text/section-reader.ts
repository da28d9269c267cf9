// A text's sections, read line by line only as far as asked. Mentions are located in the order
// they occur, and the last one is usually well before a posting's benefits and EEO text, so most
// postings never have their tail read. Reading is strictly forward: a line's section depends only
// on the lines before it, so spans already read never change (the last one may only grow).
import type { Section } from '../model.js';
import { headingSection, labelSection } from './sections.js';

export interface SectionSpan {
  start: number;
  end: number;
  section: Section;
}

export class SectionReader {
  /** Spans read so far, in order; their ends are one past a line break (text.length + 1 at the end). */
  readonly spans: SectionSpan[] = [];
  private last: SectionSpan | undefined;
  private current: Section = 'other';
  private start = 0; // where the next line to read begins
  private colon = -1; // the first ':' at or after a line's start, text.length if none: found once for many lines

  constructor(private readonly text: string) {}

  /** The section of the line holding `offset` (from headings and labels; phrasing is the caller's). */
  sectionAt(offset: number): Section {
    if (offset >= this.start) this.readTo(offset);
    const i = floorIndex(this.spans, offset, (s) => s.start);
    return i >= 0 ? this.spans[i].section : 'other';
  }

  /** Reads lines until the one holding `offset` (or the text's last) has been read. */
  readTo(offset: number): SectionSpan[] {
    const { text, spans } = this;
    let { last, current, start, colon } = this;
    while (start <= offset && start <= text.length) {
      if (text.charCodeAt(start) === 10 && last?.section === current) {
        last.end = ++start; // a blank line: no heading, no label
        continue;
      }
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      if (colon < start && (colon = text.indexOf(':', start)) === -1) colon = text.length;
      let section = end - start <= 100 ? headingSection(text, start, end) : null;
      if (section) current = section;
      // A label's colon is the line's first, 3 to 48 chars in.
      else if (colon < end && colon - start >= 3 && colon - start <= 48) section = labelSection(text, start, colon, end) ?? current;
      else section = current;
      if (last?.section === section) last.end = end + 1;
      else spans.push((last = { start, end: end + 1, section }));
      start = end + 1;
    }
    this.last = last;
    this.current = current;
    this.start = start;
    this.colon = colon;
    return spans;
  }
}

/** All of a text's sections from headings and inline labels. */
export function detectSections(text: string): SectionSpan[] {
  return new SectionReader(text).readTo(text.length);
}

/** Index of the last item whose start is <= offset. */
export function floorIndex<T>(items: T[], offset: number, startOf: (t: T) => number): number {
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
