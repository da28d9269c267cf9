// The per-posting verdict: which platform, which kind of work, how sure, which certification.
import { PLATFORMS, TRACKS, type Mention, type Platform, type Track, type Verdict, type VerdictLabel } from '../model.js';
import type { Certification } from '../lexicon/catalog-schema.js';
import { alternativesFor, catalogTrack, pickOnTrack } from './catalog.js';
import { termEvidence, type TermEvidence } from './evidence.js';
import { legacyNotes } from './legacy.js';
import { describeVerdict } from './sentence.js';

/** Below this much weighted platform evidence a posting gets "insufficient evidence"… */
export const MIN_EVIDENCE = 1;
/**
 * …unless the leading cloud is named by at least this many distinct terms (its own name and its
 * services, outside "AWS or Azure" alternatives). Lexicon weights measure fit for a certification and
 * are low for everyday services (S3, EC2, Azure Functions: 0.2–0.5), so "AWS (S3, EC2)" weighs under
 * MIN_EVIDENCE; yet three different names of one cloud say which cloud the job uses: not a coin flip.
 */
export const MIN_DISTINCT_TERMS = 3;
/** The top platform must beat the runner-up by this factor not to be "either". */
export const EITHER_RATIO = 1.25;

const zero = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

export interface Scores {
  platform: Record<Platform, number>;
  track: Record<Track, number>;
  /** All the evidence in "AWS or Azure" alternatives: enough of it, and nothing committed, reads as "either". */
  either: number;
  /** The platforms named in "AWS or Azure" alternatives, with their evidence. */
  eitherBy: Record<Platform, number>;
  /**
   * The strongest single platform's evidence in alternatives. A committed platform must beat this, not
   * `either`, to win: one "AWS, Azure or GCP" is one statement that any cloud will do, and summing it
   * over the three clouds it lists let a generic line outvote a posting that names AWS five times.
   */
  eitherTop: number;
  /** Distinct terms per platform named outside alternatives (the platform's own name counts). */
  distinct: Record<Platform, number>;
  total: number;
  terms: TermEvidence[];
}

export function scoreMentions(text: string, mentions: Mention[]): Scores {
  const terms = termEvidence(text, mentions);
  const platform = zero(PLATFORMS);
  const track = zero(TRACKS);
  const eitherBy = zero(PLATFORMS);
  const distinct = zero(PLATFORMS);
  for (const t of terms) {
    if (t.platform !== null) {
      // A term named both in "AWS or Azure" and on its own counts each mention where it stood.
      eitherBy[t.platform] += t.alternativeValue;
      platform[t.platform] += t.committed;
      if (t.committed > 0) distinct[t.platform]++;
    }
    const tracks = t.mentions[0].tracks;
    for (const k of tracks) track[k] += t.value / tracks.length;
  }
  const total = terms.reduce((s, t) => s + t.value, 0);
  const either = PLATFORMS.reduce((sum, p) => sum + eitherBy[p], 0);
  const eitherTop = Math.max(...PLATFORMS.map((p) => eitherBy[p]));
  return { platform, track, either, eitherBy, eitherTop, distinct, total, terms };
}

/** Confidence grows with the margin over the runner-up and with the amount of evidence. */
export function confidence(top: number, second: number): number {
  if (top <= 0) return 0;
  const margin = (top - second) / top;
  const amount = 1 - Math.exp(-(top - second) / 3);
  return round(margin * amount, 2);
}

function ranked(platform: Record<Platform, number>): [Platform, number][] {
  return (Object.entries(platform) as [Platform, number][]).sort((a, b) => b[1] - a[1] || PLATFORMS.indexOf(a[0]) - PLATFORMS.indexOf(b[0]));
}

export function topTrack(track: Record<Track, number>): Track | null {
  const [best] = (Object.entries(track) as [Track, number][]).sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : null;
}

/**
 * The platform verdict from the committed evidence per platform, the evidence in "AWS or Azure"
 * alternatives (`either` in all, `eitherTop` for the strongest platform in them), and how many
 * distinct terms name each platform (see MIN_DISTINCT_TERMS).
 */
export function decide(
  platform: Record<Platform, number>, either: number, distinct: Record<Platform, number>, eitherTop: number,
): { platform: Platform | null; label: VerdictLabel; confidence: number } {
  const [[first, top], [, second]] = ranked(platform);
  const enough = top >= MIN_EVIDENCE || (top > 0 && distinct[first] >= MIN_DISTINCT_TERMS);
  if (!enough && either < MIN_EVIDENCE) return { platform: null, label: 'insufficient-evidence', confidence: 0 };
  if (!enough || top < second * EITHER_RATIO || eitherTop > top) {
    return { platform: null, label: 'either', confidence: confidence(Math.max(top, either), second) };
  }
  const c = confidence(top, second);
  return { platform: first, label: c >= 0.6 && top >= 4 ? 'strong' : 'lean', confidence: c };
}

export function postingVerdict(text: string, mentions: Mention[], catalog: Certification[], asOf: string): Verdict {
  const s = scoreMentions(text, mentions);
  const d = decide(s.platform, s.either, s.distinct, s.eitherTop);
  const track = topTrack(s.track);
  const certification = d.platform ? pickOnTrack(catalog, catalogTrack(d.platform, track), asOf, `${d.platform.toUpperCase()} ${track ?? 'cloud'} evidence`) : null;
  const alternatives = alternativesFor(catalog, asOf, d.platform, track, s.track, d.label === 'either' ? sum(s.platform, s.eitherBy) : zero(PLATFORMS), certification?.id);
  const total = s.total || 1;
  const reasons = s.terms.slice(0, 6).map((t) => ({ term: t.term, name: t.name, platform: t.platform, count: t.count, share: round(t.value / total) }));
  const verdict: Verdict = {
    platform: d.platform, track, label: d.label, confidence: d.confidence,
    scores: { platform: mapValues(s.platform), track: mapValues(s.track), either: round(s.either) },
    certification, alternatives, reasons, legacy: legacyNotes(mentions), sentence: '',
  };
  verdict.sentence = describeVerdict(verdict);
  return verdict;
}

function sum(a: Record<Platform, number>, b: Record<Platform, number>): Record<Platform, number> {
  return { aws: a.aws + b.aws, azure: a.azure + b.azure, gcp: a.gcp + b.gcp };
}

function mapValues<K extends string>(r: Record<K, number>): Record<K, number> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v as number)])) as Record<K, number>;
}
