// The portfolio verdict built row by row, so that a table of any size is summarised in
// constant memory. It mirrors src/score/portfolio.ts (portfolioVerdict and studyFocus) step for
// step, summing in input order so the result is the same to the last bit; a test holds the
// two together. Only the study focus needs per-certification sums, since the certification
// is known only at the end.
import { PLATFORMS, TRACKS, type Platform, type PortfolioVerdict, type StudyDomain, type Summary, type Track } from '../model.js';
import type { Certification } from '../lexicon/catalog-schema.js';
import { alternativesFor, catalogTrack, pickOnTrack } from '../score/catalog.js';
import { describePortfolio } from '../score/sentence.js';
import { confidence, topTrack } from '../score/verdict.js';
import type { Contribution } from './types.js';

const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

interface StudySums {
  cert: Certification;
  value: number[];
  terms: Map<string, number>[];
}

export class PortfolioAccumulator {
  private readonly lean: PortfolioVerdict['lean'] = { aws: 0, azure: 0, gcp: 0, either: 0, none: 0 };
  private readonly share: Record<Platform, number> = { aws: 0, azure: 0, gcp: 0 };
  private readonly trackShare: Record<Track, number> = { 'ml-engineering': 0, 'ai-solutions': 0, 'generative-ai': 0 };
  private evidenced = 0;
  private counted = 0;
  private readonly termCounts = new Map<string, { name: string; platform: Platform | null; postings: number }>();
  private readonly study: StudySums[];
  readonly totals = { inputs: 0, analysed: 0, failed: 0, duplicates: 0 };

  constructor(
    private readonly catalog: Certification[],
    private readonly asOf: string,
  ) {
    this.study = catalog.map((cert) => ({ cert, value: cert.domains.map(() => 0), terms: cert.domains.map(() => new Map()) }));
  }

  /** Every row, in input order; `c` only for rows that count (analysed and not a duplicate). */
  addRow(status: 'ok' | 'error', duplicate: boolean, c?: Contribution): void {
    this.totals.inputs++;
    if (status === 'ok') this.totals.analysed++;
    else this.totals.failed++;
    if (duplicate) this.totals.duplicates++;
    if (status === 'ok' && !duplicate && c) this.add(c);
  }

  private add(c: Contribution): void {
    this.counted++;
    for (const [term, name, platform] of c.terms) {
      const t = this.termCounts.get(term) ?? { name, platform: platform as Platform | null, postings: 0 };
      t.postings++;
      this.termCounts.set(term, t);
    }
    for (const s of this.study) this.addStudy(s, c);
    if (!c.evidenced) {
      this.lean.none++;
      return;
    }
    this.evidenced++;
    if (c.platform) this.lean[c.platform as Platform]++;
    else this.lean.either++;
    const total = PLATFORMS.reduce((s, p) => s + c.scores.platform[p], 0);
    if (total > 0) for (const p of PLATFORMS) this.share[p] += c.scores.platform[p] / total;
    const tTotal = TRACKS.reduce((s, t) => s + c.scores.track[t], 0);
    if (tTotal > 0) for (const t of TRACKS) this.trackShare[t] += c.scores.track[t] / tTotal;
  }

  private addStudy(s: StudySums, c: Contribution): void {
    const domains = s.cert.domains;
    const perDomain = domains.map(() => 0);
    for (const t of c.evidence) {
      const hits = domains
        .map((d, i) => (d.covers.terms.includes(t.term) || (d.covers.categories as string[]).includes(t.category) || t.topics.some((x) => (d.covers.topics as string[]).includes(x)) ? i : -1))
        .filter((i) => i >= 0);
      for (const i of hits) {
        perDomain[i] += t.value / hits.length;
        s.terms[i].set(t.name, (s.terms[i].get(t.name) ?? 0) + t.value);
      }
    }
    const total = perDomain.reduce((a, b) => a + b, 0);
    if (total > 0) perDomain.forEach((v, i) => (s.value[i] += v / total));
  }

  private studyFocus(certId: string | undefined): StudyDomain[] {
    const s = this.study.find((x) => x.cert.id === certId);
    if (!s) return [];
    const sum = s.value.reduce((a, b) => a + b, 0) || 1;
    return s.cert.domains
      .map((d, i) => ({ domain: d.name, weight: d.weight, share: round(s.value[i] / sum), terms: [...s.terms[i].entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n]) => n) }))
      .sort((a, b) => b.share - a.share);
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
    const conf = platform ? confidence(top * 3, second * 3) : 0;
    const certification = platform ? pickOnTrack(catalog, catalogTrack(platform, track), asOf, 'the portfolio evidence') : null;
    const alternatives = evidenced > 0 ? alternativesFor(catalog, asOf, platform, track, { ...trackShare }, { ...share }, certification?.id) : [];
    const topTerms = [...this.termCounts.entries()]
      .map(([term, c]) => ({ term, ...c }))
      .sort((a, b) => b.postings - a.postings || a.term.localeCompare(b.term))
      .slice(0, 12);
    const base = {
      platform, track, label, confidence: conf, certification, alternatives, lean: { ...lean },
      topTerms, studyFocus: certification ? this.studyFocus(certification.id) : [],
    };
    return { ...base, sentence: describePortfolio(base, this.counted) };
  }

  summary(): Summary {
    return { ...this.totals, verdict: this.verdict() };
  }
}
