// Candidates → mentions and rejections. Unambiguous and vendor-prefixed candidates are
// accepted first and become anchors; ambiguous ones are then judged against them.
import type { Location, Mention, Rejection } from '../model.js';
import type { Engine, Terminal } from '../lexicon/engine.js';
import { lineColumn, sectionAt, sentenceSpan, type Doc } from '../text/document.js';
import { judge, type Anchor, type GateResult } from './gate.js';
import { scanKeyed, type Candidate, type Option } from './scan.js';

export interface MatchResult {
  mentions: Mention[];
  rejected: Rejection[];
  /** Rejected candidates beyond MAX_REJECTED, counted but not kept. */
  rejectedOmitted: number;
  /** The text's content key, as contentHash() computes it (the scanner's by-product). */
  key: string;
}

/** A sentence longer than this (a run-on text with no punctuation) is cut to an excerpt around the mention. */
export const MAX_SENTENCE = 400;
/** At most this many rejected candidates are kept per posting; the rest are only counted. */
export const MAX_REJECTED = 500;

function locate(doc: Doc, start: number, end: number): Location {
  const { line, column } = lineColumn(doc, start);
  let s = sentenceSpan(doc, start, end);
  if (s.end - s.start > MAX_SENTENCE) {
    const room = Math.max(0, (MAX_SENTENCE - (end - start)) >> 1);
    s = { start: Math.max(s.start, start - room), end: Math.min(s.end, end + room) };
  }
  return { text: doc.text.slice(start, end), start, end, line, column, sentence: doc.text.slice(s.start, s.end), section: sectionAt(doc, start) };
}

const isAnchor = (t: Terminal): boolean => t.prefix !== null || !t.ambiguous;

interface Choice {
  option: Option;
  terminal: Terminal;
  result: Extract<GateResult, { ok: true }>;
}

function choose(engine: Engine, doc: Doc, c: Candidate, anchors: Anchor[], record: boolean): { choice: Choice | null; rejections: Rejection[] } {
  const rejections: Rejection[] = [];
  for (const option of c.options) {
    let best: Choice | null = null;
    for (const terminal of option.terminals) {
      const entry = engine.entries[terminal.entry];
      const result = judge(doc, c.start, option.end, terminal, entry, anchors);
      if (!result.ok) {
        if (record && option === c.options[0]) rejections.push(reject(engine, doc, c.start, option.end, terminal, result.reason));
        continue;
      }
      // A platform entry beats a neutral one; then the stronger gate; then the heavier entry.
      const score = (x: Choice): number[] => [engine.entries[x.terminal.entry].platform === null ? 0 : 1, x.result.rank, engine.entries[x.terminal.entry].weight];
      const candidate: Choice = { option, terminal, result };
      if (!best || compare(score(candidate), score(best)) > 0) best = candidate;
    }
    if (best) return { choice: best, rejections: [] };
  }
  if (c.caseMisses && record) {
    for (const t of c.caseMisses.terminals) {
      rejections.push(reject(engine, doc, c.start, c.caseMisses.end, t, { code: 'case', message: `"${t.form}" must be written ${t.caseRule === 'exact' ? 'exactly so' : 'with a capital letter'} to count` }));
    }
  }
  return { choice: null, rejections };
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function reject(engine: Engine, doc: Doc, start: number, end: number, t: Terminal, reason: Rejection['reason']): Rejection {
  const entry = engine.entries[t.entry];
  return { term: entry.id, name: entry.name, platform: entry.platform, ...locate(doc, start, end), reason };
}

function mention(engine: Engine, doc: Doc, start: number, { option, terminal, result }: Choice): Mention {
  const e = engine.entries[terminal.entry];
  const m: Mention = {
    term: e.id, name: e.name, platform: e.platform, kind: e.kind, category: e.category, tracks: e.tracks, topics: e.topics,
    weight: e.weight, form: terminal.form, gate: result.gate, ...locate(doc, start, option.end),
  };
  if (terminal.former) m.formerName = { name: terminal.form, ...(terminal.former.until ? { until: terminal.former.until } : {}) };
  if (e.status && e.status.state !== 'active') m.lifecycle = { state: e.status.state, ...(e.status.date ? { date: e.status.date } : {}), note: e.status.note };
  return m;
}

/** `keepRejected: false` counts rejected candidates in rejectedOmitted without locating them (for callers that only score). */
export function matchDoc(engine: Engine, doc: Doc, keepRejected = true): MatchResult {
  const { candidates, key } = scanKeyed(engine, doc.text);
  // Anchors: the longest unambiguous candidates, without overlaps.
  const anchors: Anchor[] = [];
  let covered = 0;
  for (const c of candidates) {
    const o = c.options[0];
    if (!o || c.start < covered) continue;
    const platforms = new Set(o.terminals.filter(isAnchor).map((t) => engine.entries[t.entry].platform));
    for (const platform of platforms) if (platform !== null) anchors.push({ start: c.start, end: o.end, platform, text: doc.text.slice(c.start, o.end) });
    if (platforms.size > 0) covered = o.end;
  }
  const mentions: Mention[] = [];
  const rejected: Rejection[] = [];
  let rejectedOmitted = 0;
  covered = 0;
  for (const c of candidates) {
    if (c.start < covered) continue;
    const { choice, rejections } = choose(engine, doc, c, anchors, keepRejected && rejected.length < MAX_REJECTED);
    if (choice) {
      mentions.push(mention(engine, doc, c.start, choice));
      covered = choice.option.end;
    } else if (keepRejected && rejected.length < MAX_REJECTED) rejected.push(...rejections);
    else rejectedOmitted++;
  }
  return { mentions, rejected, rejectedOmitted, key };
}
