// Verdicts in words, for people.
import type { CertificationPick, Platform, PortfolioVerdict, Track, Verdict } from '../model.js';

export const PLATFORM_NAME: Record<Platform, string> = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' };
export const TRACK_NAME: Record<Track, string> = {
  'ml-engineering': 'ML engineering',
  'ai-solutions': 'AI solutions',
  'generative-ai': 'generative AI',
};

export function describeCert(c: CertificationPick): string {
  let s = `${c.name} (${c.code}${c.status === 'available' ? '' : `, ${c.status}`})`;
  if (c.replaces) s += `, which replaces ${c.replaces.code}${c.replaces.lastExamDay ? ` (last exam day ${c.replaces.lastExamDay})` : ''}`;
  return s;
}

export function describeVerdict(v: Pick<Verdict, 'platform' | 'track' | 'label' | 'confidence' | 'certification' | 'reasons'>): string {
  if (v.label === 'insufficient-evidence') return 'Insufficient evidence: the posting names too few cloud services or skills to point to a track.';
  const names = v.reasons.slice(0, 3).map((r) => r.name).join(', ');
  if (v.label === 'either' || v.platform === null) return `Either platform: the evidence is split or the posting accepts any cloud${names ? ` (${names})` : ''}.`;
  const track = v.track ? ` ${TRACK_NAME[v.track]}` : '';
  const cert = v.certification ? ` → ${describeCert(v.certification)}` : '';
  return `${v.label === 'strong' ? 'Strongly' : 'Leans'} ${PLATFORM_NAME[v.platform]}${track} (confidence ${v.confidence.toFixed(2)}) on ${names}${cert}.`;
}

export function describePortfolio(p: Omit<PortfolioVerdict, 'sentence'>, postings: number): string {
  if (p.label === 'insufficient-evidence') return `Insufficient evidence: none of the ${postings} posting(s) names enough cloud services or skills.`;
  if (p.platform === null) {
    const split = (['aws', 'azure', 'gcp'] as Platform[]).filter((k) => p.lean[k] > 0).map((k) => `${p.lean[k]} ${PLATFORM_NAME[k]}`);
    if (p.lean.either > 0) split.push(`${p.lean.either} either`);
    return `Your postings are split between clouds (${split.join(', ')} of ${postings}); no single certification fits them all: consider the one for the cloud you prefer.`;
  }
  const leaning = `${p.lean[p.platform]} of ${postings} posting(s) lean this way`;
  const cert = p.certification ? `: ${describeCert(p.certification)}` : '';
  return `Your postings point to ${PLATFORM_NAME[p.platform]}${p.track ? ` ${TRACK_NAME[p.track]}` : ''} (${leaning}, confidence ${p.confidence.toFixed(2)})${cert}.`;
}
