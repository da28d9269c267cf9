// The portfolio verdict across a run: every posting counts equally, however long it is.
import { PLATFORMS, TRACKS, type Platform, type PortfolioVerdict, type PostingResult, type StudyDomain, type Track } from '../model.js';
import type { Certification } from '../lexicon/catalog-schema.js';
import { alternativesFor, catalogTrack, pickOnTrack } from './catalog.js';
import { describePortfolio } from './sentence.js';
import { scoreMentions, topTrack, confidence } from './verdict.js';

const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

/** Postings that count: analysed, not a duplicate of an earlier one. */
export const counted = (r: PostingResult): boolean => r.status === 'ok' && !r.duplicateOf;

export function portfolioVerdict(results: PostingResult[], catalog: Certification[], asOf: string): PortfolioVerdict {
  const postings = results.filter(counted);
  const lean: PortfolioVerdict['lean'] = { aws: 0, azure: 0, gcp: 0, either: 0, none: 0 };
  const share: Record<Platform, number> = { aws: 0, azure: 0, gcp: 0 };
  const trackShare: Record<Track, number> = { 'ml-engineering': 0, 'ai-solutions': 0, 'generative-ai': 0 };
  let evidenced = 0;
  for (const r of postings) {
    const v = r.verdict;
    if (!v || v.label === 'insufficient-evidence') {
      lean.none++;
      continue;
    }
    evidenced++;
    if (v.platform) lean[v.platform]++;
    else lean.either++;
    const total = PLATFORMS.reduce((s, p) => s + v.scores.platform[p], 0);
    if (total > 0) for (const p of PLATFORMS) share[p] += v.scores.platform[p] / total;
    const tTotal = TRACKS.reduce((s, t) => s + v.scores.track[t], 0);
    if (tTotal > 0) for (const t of TRACKS) trackShare[t] += v.scores.track[t] / tTotal;
  }
  const [[first, top], [, second]] = (Object.entries(share) as [Platform, number][]).sort((a, b) => b[1] - a[1]);
  const track = topTrack(trackShare);
  let platform: Platform | null = null;
  let label: PortfolioVerdict['label'] = 'insufficient-evidence';
  if (evidenced > 0) {
    platform = top >= second * 1.25 && top > 0 ? first : null;
    const agreeing = platform ? lean[platform] : 0;
    label = platform === null ? 'either' : agreeing >= 0.7 * evidenced && evidenced >= 2 ? 'strong' : 'lean';
  }
  // Scale shares so that confidence reads like a single posting's: a few postings in agreement are convincing.
  const conf = platform ? confidence(top * 3, second * 3) : 0;
  const certification = platform ? pickOnTrack(catalog, catalogTrack(platform, track), asOf, 'the portfolio evidence') : null;
  const alternatives = evidenced > 0 ? alternativesFor(catalog, asOf, platform, track, trackShare, share, certification?.id) : [];
  const base = {
    platform, track, label, confidence: conf, certification, alternatives, lean,
    topTerms: topTerms(postings), studyFocus: certification ? studyFocus(postings, catalog.find((c) => c.id === certification.id)) : [],
  };
  return { ...base, sentence: describePortfolio(base, postings.length) };
}

function topTerms(postings: PostingResult[]): PortfolioVerdict['topTerms'] {
  const count = new Map<string, { name: string; platform: Platform | null; postings: number }>();
  for (const r of postings) {
    for (const term of new Set(r.mentions.filter((m) => m.kind !== 'platform').map((m) => m.term))) {
      const m = r.mentions.find((x) => x.term === term)!;
      const c = count.get(term) ?? { name: m.name, platform: m.platform, postings: 0 };
      c.postings++;
      count.set(term, c);
    }
  }
  return [...count.entries()].map(([term, c]) => ({ term, ...c })).sort((a, b) => b.postings - a.postings || a.term.localeCompare(b.term)).slice(0, 12);
}

/** Exam domains ranked by how much of the postings' evidence falls in each (each posting normalised to 1). */
export function studyFocus(postings: PostingResult[], cert: Certification | undefined): StudyDomain[] {
  if (!cert) return [];
  const value = cert.domains.map(() => 0);
  const terms = cert.domains.map(() => new Map<string, number>());
  for (const r of postings) {
    const s = scoreMentions(r.text ?? '', r.mentions);
    const perDomain = cert.domains.map(() => 0);
    for (const t of s.terms) {
      const m = t.mentions[0];
      const hits = cert.domains.map((d, i) => (d.covers.terms.includes(t.term) || d.covers.categories.includes(m.category) || m.topics.some((x) => d.covers.topics.includes(x)) ? i : -1)).filter((i) => i >= 0);
      for (const i of hits) {
        perDomain[i] += t.value / hits.length;
        terms[i].set(t.name, (terms[i].get(t.name) ?? 0) + t.value);
      }
    }
    const total = perDomain.reduce((a, b) => a + b, 0);
    if (total > 0) perDomain.forEach((v, i) => (value[i] += v / total));
  }
  const sum = value.reduce((a, b) => a + b, 0) || 1;
  return cert.domains
    .map((d, i) => ({ domain: d.name, weight: d.weight, share: round(value[i] / sum), terms: [...terms[i].entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n]) => n) }))
    .sort((a, b) => b.share - a.share);
}
