// Verdicts in words, for people.
import type { CertificationPick, Platform, PortfolioVerdict, Reason, Track, Verdict } from '../model.js';

export const PLATFORM_NAME: Record<Platform, string> = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' };
export const TRACK_NAME: Record<Track, string> = {
  'ml-engineering': 'ML engineering',
  'ai-solutions': 'AI solutions',
  'generative-ai': 'generative AI',
};

/** "a", "a and b", "a, b and c". */
export function listWords(items: string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}


export function describeCert(c: CertificationPick): string {
  let s = `${c.name} (${c.code}${c.status === 'available' ? '' : `, ${c.status}`})`;
  if (c.replaces) s += `, which replaces the retired ${c.replaces.code}${c.replaces.lastExamDay ? ` (last exam day ${c.replaces.lastExamDay})` : ''}`;
  return s;
}

/**
 * Up to `n` names to quote as evidence, the chosen platform's own terms first. A name that extends
 * one already quoted joins it: "Amazon Bedrock (Agents and Guardrails)", not three Bedrock names.
 */
function evidenceNames(reasons: Reason[], platform: Platform | null, n = 3): string[] {
  const own = platform ? reasons.filter((r) => r.platform === platform) : [];
  const quoted: { name: string; parts: string[] }[] = [];
  for (const r of own.length ? own : reasons) {
    const family = quoted.find((q) => r.name.startsWith(`${q.name} `));
    if (family) family.parts.push(r.name.slice(family.name.length + 1));
    else if (quoted.length < n) quoted.push({ name: r.name, parts: [] });
  }
  return quoted.map((q) => (q.parts.length ? `${q.name} (${listWords(q.parts)})` : q.name));
}

type VerdictWords = Pick<Verdict, 'platform' | 'track' | 'label' | 'confidence' | 'certification' | 'reasons'> & { scores?: Verdict['scores'] };

export function describeVerdict(v: VerdictWords): string {
  if (v.label === 'insufficient-evidence') return 'Insufficient evidence: the posting names too few cloud services or skills to point to a cloud or a certification.';
  if (v.label === 'either' || v.platform === null) {
    const clouds = [...new Set(v.reasons.map((r) => r.platform).filter((p): p is Platform => p !== null))].map((p) => PLATFORM_NAME[p]);
    const committed = v.scores ? Math.max(v.scores.platform.aws, v.scores.platform.azure, v.scores.platform.gcp) : 0;
    if (v.scores && v.scores.either > committed) {
      return `Either cloud: the posting accepts ${clouds.length > 1 ? `any of ${listWords(clouds, 'or')}` : 'more than one cloud'}, so pick the certification for the cloud you prefer.`;
    }
    const leading = v.scores ? (['aws', 'azure', 'gcp'] as Platform[]).filter((k) => v.scores!.platform[k] > 0).sort((a, b) => v.scores!.platform[b] - v.scores!.platform[a]).map((k) => PLATFORM_NAME[k]) : clouds;
    return `Split between ${leading.length > 1 ? listWords(leading) : 'clouds'}: no cloud leads by enough to choose one certification.`;
  }
  const names = listWords(evidenceNames(v.reasons, v.platform));
  const where = `${PLATFORM_NAME[v.platform]}${v.track ? ` ${TRACK_NAME[v.track]}` : ''}`;
  const head = v.label === 'strong' ? `Points clearly to ${where}` : `Leans towards ${where}`;
  const cert = v.certification ? ` Certification: ${describeCert(v.certification)}.` : '';
  return `${head} (confidence ${v.confidence.toFixed(2)})${names ? `: it names ${names}` : ''}.${cert}`;
}

export function describePortfolio(p: Omit<PortfolioVerdict, 'sentence'>, postings: number): string {
  if (p.label === 'insufficient-evidence') {
    return postings === 1
      ? 'Insufficient evidence: the posting does not name enough cloud services or skills.'
      : `Insufficient evidence: none of the ${postings} postings names enough cloud services or skills.`;
  }
  if (p.platform === null) {
    const split = (['aws', 'azure', 'gcp'] as Platform[]).filter((k) => p.lean[k] > 0).map((k) => `${p.lean[k]} ${PLATFORM_NAME[k]}`);
    if (p.lean.either > 0) split.push(`${p.lean.either} open to any cloud`);
    if (p.lean.none > 0) split.push(`${p.lean.none} without enough evidence`);
    if (postings === 1) return `Your posting does not point to a single cloud (${listWords(split)}): consider the certification for the cloud you prefer.`;
    return `Your ${postings} postings are split between clouds (${listWords(split)}): no single certification fits them all, so consider the one for the cloud you prefer.`;
  }
  const where = `${PLATFORM_NAME[p.platform]}${p.track ? ` ${TRACK_NAME[p.track]}` : ''}`;
  const cert = p.certification ? ` Certification: ${describeCert(p.certification)}.` : '';
  if (postings === 1) return `Your posting points to ${where} (confidence ${p.confidence.toFixed(2)}).${cert}`;
  const leaning = `${p.lean[p.platform]} of ${postings} ${p.lean[p.platform] === 1 ? 'leans' : 'lean'} this way`;
  return `Your ${postings} postings point to ${where} (${leaning}, confidence ${p.confidence.toFixed(2)}).${cert}`;
}
