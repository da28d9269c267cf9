// The per-posting verdict: which platform, which kind of work, how sure, which certification.
import { PLATFORMS, TRACKS, type Mention, type Platform, type Track, type Verdict, type VerdictLabel } from '../model.js';
import type { Certification } from '../lexicon/catalog-schema.js';
import { alternativesFor, catalogTrack, pickOnTrack } from './catalog.js';
import { termEvidence, type TermEvidence } from './evidence.js';
import { legacyNotes } from './legacy.js';
import { describeVerdict } from './sentence.js';

/** Below this much weighted platform evidence a posting gets "insufficient evidence". */
export const MIN_EVIDENCE = 1;
/** The top platform must beat the runner-up by this factor not to be "either". */
export const EITHER_RATIO = 1.25;

const zero = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

export interface Scores {
  platform: Record<Platform, number>;
  track: Record<Track, number>;
  either: number;
  /** The platforms named in "AWS or Azure" alternatives, with their evidence. */
  eitherBy: Record<Platform, number>;
  total: number;
  terms: TermEvidence[];
}

export function scoreMentions(text: string, mentions: Mention[]): Scores {
  const terms = termEvidence(text, mentions);
  const platform = zero(PLATFORMS);
  const track = zero(TRACKS);
  let either = 0;
  const eitherBy = zero(PLATFORMS);
  for (const t of terms) {
    if (t.platform !== null) {
      if (t.alternative) {
        either += t.value;
        eitherBy[t.platform] += t.value;
      } else platform[t.platform] += t.value;
    }
    const tracks = t.mentions[0].tracks;
    for (const k of tracks) track[k] += t.value / tracks.length;
  }
  const total = terms.reduce((s, t) => s + t.value, 0);
  return { platform, track, either, eitherBy, total, terms };
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

export function decide(platform: Record<Platform, number>, either: number): { platform: Platform | null; label: VerdictLabel; confidence: number } {
  const [[first, top], [, second]] = ranked(platform);
  if (top < MIN_EVIDENCE && either < MIN_EVIDENCE) return { platform: null, label: 'insufficient-evidence', confidence: 0 };
  if (top < MIN_EVIDENCE || top < second * EITHER_RATIO || either > top) {
    return { platform: null, label: 'either', confidence: confidence(Math.max(top, either), second) };
  }
  const c = confidence(top, second);
  return { platform: first, label: c >= 0.6 && top >= 4 ? 'strong' : 'lean', confidence: c };
}

export function postingVerdict(text: string, mentions: Mention[], catalog: Certification[], asOf: string): Verdict {
  const s = scoreMentions(text, mentions);
  const d = decide(s.platform, s.either);
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
