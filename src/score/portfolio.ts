// The portfolio verdict across a run: every posting counts equally, however long it is.
// Built row by row from a small contribution per posting, so that a table of any size is
// summarised in constant memory; a run of files uses the same accumulator.
import { isEmptyRow, PLATFORMS, TRACKS, type Kind, type Platform, type PortfolioVerdict, type PostingResult, type StudyDomain, type Summary, type Track } from '../model.js';
import type { Certification } from '../lexicon/catalog-schema.js';
import { alternativesFor, catalogTrack, pickOnTrack } from './catalog.js';
import { describePortfolio } from './sentence.js';
import { termValues } from './evidence.js';
import { confidence, topTrack } from './verdict.js';

const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;
const VENDOR_PLATFORM: Record<Certification['vendor'], Platform> = { aws: 'aws', microsoft: 'azure', google: 'gcp' };

/** Postings that count: analysed, not a duplicate of an earlier one. */
export const counted = (r: PostingResult): boolean => r.status === 'ok' && !r.duplicateOf;

export interface TermValue {
  term: string;
  name: string;
  platform: Platform | null;
  kind: Kind;
  value: number;
  category: string;
  topics: string[];
}

/** What one counted posting adds to the portfolio: small (it crosses worker threads), never the text. */
export interface Contribution {
  evidenced: boolean;
  platform: Platform | null;
  scores: { platform: Record<Platform, number>; track: Record<Track, number> };
  /** Distinct non-platform terms: [term, name, platform]. */
  terms: [string, string, Platform | null][];
  evidence: TermValue[];
}

export function contribution(r: PostingResult): Contribution {
  const v = r.verdict;
  const terms = new Map<string, [string, string, Platform | null]>();
  for (const m of r.mentions) if (m.kind !== 'platform' && !terms.has(m.term)) terms.set(m.term, [m.term, m.name, m.platform]);
  const zero = { platform: { aws: 0, azure: 0, gcp: 0 }, track: { 'ml-engineering': 0, 'ai-solutions': 0, 'generative-ai': 0 } };
  return {
    evidenced: v !== null && v.label !== 'insufficient-evidence',
    platform: v?.platform ?? null,
    scores: v ? { platform: v.scores.platform, track: v.scores.track } : zero,
    terms: [...terms.values()],
    evidence: termValues(r.mentions).map(({ term, first: m, value }) => ({ term, name: m.name, platform: m.platform, kind: m.kind, value, category: m.category, topics: m.topics })),
  };
}

interface StudySums {
  cert: Certification;
  value: number[];
  /** The domains each term counts for, by term id: a term's coverage never changes within a run. */
  covers: Map<string, number[]>;
}

export class PortfolioAccumulator {
  private readonly lean: PortfolioVerdict['lean'] = { aws: 0, azure: 0, gcp: 0, either: 0, none: 0 };
  private readonly share: Record<Platform, number> = { aws: 0, azure: 0, gcp: 0 };
  private readonly trackShare: Record<Track, number> = { 'ml-engineering': 0, 'ai-solutions': 0, 'generative-ai': 0 };
  private evidenced = 0;
  private counted = 0;
  private readonly termCounts = new Map<string, { name: string; platform: Platform | null; postings: number }>();
  // Study sums for every certification: which one is recommended is known only at the end.
  private readonly study: StudySums[];
  /** Each term's value summed over the counted postings (the study focus names its terms from it). */
  private readonly termValues = new Map<string, TermValue>();
  readonly totals = { inputs: 0, analysed: 0, failed: 0, duplicates: 0 };
  private empty = 0;

  constructor(
    private readonly catalog: Certification[],
    private readonly asOf: string,
  ) {
    this.study = catalog.map((cert) => ({ cert, value: cert.domains.map(() => 0), covers: new Map() }));
  }

  /** Every posting or row, in input order; `c` only for those that count (analysed, not a duplicate). */
  addRow(status: 'ok' | 'error' | 'empty', duplicate: boolean, c?: Contribution): void {
    this.totals.inputs++;
    if (status === 'ok') this.totals.analysed++;
    else if (status === 'empty') this.empty++;
    else this.totals.failed++;
    if (duplicate) this.totals.duplicates++;
    if (status === 'ok' && !duplicate && c) this.add(c);
  }

  addResult(r: PostingResult): void {
    // A table row without posting text (EMPTY_ROW) is empty, not failed.
    const status = r.status === 'error' && isEmptyRow(r.error) ? 'empty' : r.status;
    this.addRow(status, r.duplicateOf !== undefined, counted(r) ? contribution(r) : undefined);
  }

  private add(c: Contribution): void {
    this.counted++;
    for (const [term, name, platform] of c.terms) {
      const t = this.termCounts.get(term) ?? { name, platform, postings: 0 };
      t.postings++;
      this.termCounts.set(term, t);
    }
    for (const t of c.evidence) {
      const sum = this.termValues.get(t.term);
      if (sum) sum.value += t.value;
      else this.termValues.set(t.term, { ...t });
    }
    for (const s of this.study) addStudy(s, c);
    if (!c.evidenced) {
      this.lean.none++;
      return;
    }
    this.evidenced++;
    if (c.platform) this.lean[c.platform]++;
    else this.lean.either++;
    const total = PLATFORMS.reduce((s, p) => s + c.scores.platform[p], 0);
    if (total > 0) for (const p of PLATFORMS) this.share[p] += c.scores.platform[p] / total;
    const tTotal = TRACKS.reduce((s, t) => s + c.scores.track[t], 0);
    if (tTotal > 0) for (const t of TRACKS) this.trackShare[t] += c.scores.track[t] / tTotal;
  }

  verdict(): PortfolioVerdict {
    const { lean, share, trackShare, evidenced, catalog, asOf } = this;
    const [[first, top], [, second]] = (Object.entries(share) as [Platform, number][]).sort((a, b) => b[1] - a[1]);
    const track = topTrack(trackShare);
    let platform: Platform | null = null;
    let label: PortfolioVerdict['label'] = 'insufficient-evidence';
    if (evidenced > 0) {
      platform = top >= second * 1.25 && top > 0 ? first : null;
      const agreeing = platform ? lean[platform] : 0;
      label = platform === null ? 'either' : agreeing >= 0.7 * evidenced && evidenced >= 2 ? 'strong' : 'lean';
    }
    // Shares are postings: scaled so that three postings in agreement read as a confident verdict.
    const conf = platform ? confidence(top * 3, second * 3) : 0;
    const certification = platform ? pickOnTrack(catalog, catalogTrack(platform, track), asOf, 'the portfolio evidence') : null;
    const alternatives = evidenced > 0 ? alternativesFor(catalog, asOf, platform, track, { ...trackShare }, { ...share }, certification?.id) : [];
    const topTerms = [...this.termCounts.entries()]
      .map(([term, c]) => ({ term, ...c }))
      .sort((a, b) => b.postings - a.postings || a.term.localeCompare(b.term))
      .slice(0, 12);
    const s = this.study.find((x) => x.cert.id === certification?.id);
    const base = { platform, track, label, confidence: conf, certification, alternatives, lean: { ...lean }, topTerms, studyFocus: s ? studyFocus(s, this.termValues) : [] };
    return { ...base, sentence: describePortfolio(base, this.counted) };
  }

  summary(): Summary {
    return { ...this.totals, ...(this.empty > 0 ? { empty: this.empty } : {}), verdict: this.verdict() };
  }
}

/**
 * A posting's evidence spread over one certification's exam domains, normalised to 1 per posting.
 * Only the certification's own cloud and platform-neutral skills count: Vertex AI is no study
 * topic for an AWS exam, and the cloud's bare name says nothing about a domain.
 */
function addStudy(s: StudySums, c: Contribution): void {
  const perDomain = s.cert.domains.map(() => 0);
  let total = 0;
  for (const t of c.evidence) {
    const hits = domainsOf(s, t);
    for (const i of hits) perDomain[i] += t.value / hits.length;
    if (hits.length > 0) total += t.value;
  }
  if (total > 0) perDomain.forEach((v, i) => (s.value[i] += v / total));
}

/** The exam domains of one certification that a term counts for (none for another cloud's services). */
function domainsOf(s: StudySums, t: TermValue): number[] {
  let hits = s.covers.get(t.term);
  if (hits === undefined) {
    const own = VENDOR_PLATFORM[s.cert.vendor];
    hits = (t.platform !== null && t.platform !== own) || t.kind === 'platform' ? [] : s.cert.domains
      .map((d, i) => (d.covers.terms.includes(t.term) || (d.covers.categories as string[]).includes(t.category) || t.topics.some((x) => (d.covers.topics as string[]).includes(x)) ? i : -1))
      .filter((i) => i >= 0);
    s.covers.set(t.term, hits);
  }
  return hits;
}

function studyFocus(s: StudySums, termValues: Map<string, TermValue>): StudyDomain[] {
  const sum = s.value.reduce((a, b) => a + b, 0) || 1;
  const named = s.cert.domains.map(() => new Map<string, number>());
  for (const t of termValues.values()) for (const i of domainsOf(s, t)) named[i].set(t.name, (named[i].get(t.name) ?? 0) + t.value);
  return s.cert.domains
    .map((d, i) => ({ domain: d.name, weight: d.weight, share: round(s.value[i] / sum), terms: [...named[i].entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n]) => n) }))
    .sort((a, b) => b.share - a.share || a.domain.localeCompare(b.domain));
}

export function portfolioVerdict(results: PostingResult[], catalog: Certification[], asOf: string): PortfolioVerdict {
  const acc = new PortfolioAccumulator(catalog, asOf);
  for (const r of results) acc.addResult(r);
  return acc.verdict();
}
