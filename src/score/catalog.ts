// Reading the certification catalog as of a date: which exam to pursue on a track today,
// and which retired seed certification it replaces.
import type { CertificationPick, Platform, Track } from '../model.js';
import type { Certification } from '../lexicon/catalog-schema.js';

export type CertStatus = CertificationPick['status'] | 'not-yet';

/** A certification's status as of a date; memoised, since every posting's verdict asks the same few. */
export function statusAt(cert: Certification, asOf: string): CertStatus {
  let byDate = statuses.get(cert);
  if (!byDate) statuses.set(cert, (byDate = new Map()));
  let status = byDate.get(asOf);
  if (status === undefined) {
    status = 'not-yet';
    for (const step of [...cert.timeline].sort((a, b) => a.from.localeCompare(b.from))) if (step.from <= asOf) status = step.status;
    byDate.set(asOf, status);
  }
  return status;
}

const statuses = new WeakMap<Certification, Map<string, CertStatus>>();

/** Which catalog track a platform and a kind of work lead to. */
export function catalogTrack(platform: Platform, track: Track | null): string {
  if (platform === 'gcp') return 'gcp-ml-engineering';
  if (platform === 'aws') return track === 'generative-ai' ? 'aws-generative-ai' : 'aws-ml-engineering';
  return track === 'ml-engineering' ? 'azure-mlops' : 'azure-ai-apps';
}

const PREFERENCE: Record<CertStatus, number> = { available: 3, beta: 2, announced: 1, retired: 0, 'not-yet': 0 };

function toPick(cert: Certification, asOf: string, reason: string, seed?: Certification): CertificationPick {
  const pick: CertificationPick = {
    id: cert.id, code: cert.code, name: cert.name, vendor: cert.vendor, track: cert.track,
    status: statusAt(cert, asOf) as CertificationPick['status'], reason,
    ...(cert.url ? { url: cert.url } : {}),
  };
  if (seed && seed.id !== cert.id && statusAt(seed, asOf) === 'retired') {
    pick.replaces = { id: seed.id, code: seed.code, name: seed.name, lastExamDay: seed.lastExamDay ?? '' };
  }
  return pick;
}

/** The certification to pursue on a catalog track as of a date: the seed while it can be taken, else its newest live successor. */
export function pickOnTrack(catalog: Certification[], track: string, asOf: string, reason: string): CertificationPick | null {
  const onTrack = catalog.filter((c) => c.track === track);
  const seed = catalog.find((c) => c.seed && c.track === track) ?? catalog.find((c) => c.seed && onTrack.some((o) => (c.successors ?? []).includes(o.id)));
  const live = onTrack
    .map((c) => ({ c, rank: (c.seed ? 10 : 0) + PREFERENCE[statusAt(c, asOf)] * 2 }))
    .filter(({ c }) => PREFERENCE[statusAt(c, asOf)] >= 2)
    .sort((a, b) => b.rank - a.rank || latestStart(b.c, asOf).localeCompare(latestStart(a.c, asOf)));
  if (live.length > 0) return toPick(live[0].c, asOf, reason, seed);
  // Nothing bookable: name the most recent one anyway, so the reader sees its status.
  const any = [...onTrack].sort((a, b) => latestStart(b, asOf).localeCompare(latestStart(a, asOf)))[0];
  return any ? toPick(any, asOf, reason, seed) : null;
}

function latestStart(c: Certification, asOf: string): string {
  return c.timeline.filter((t) => t.from <= asOf).map((t) => t.from).sort().pop() ?? '';
}

/**
 * Other certifications worth naming: on the chosen platform, those of tracks with at least a
 * quarter of the leading track's evidence; with no platform, each platform's own pick.
 */
export function alternativesFor(
  catalog: Certification[], asOf: string, platform: Platform | null, track: Track | null,
  trackScores: Record<Track, number>, platformScores: Record<Platform, number>, mainId: string | undefined,
): CertificationPick[] {
  const out: CertificationPick[] = [];
  const add = (p: CertificationPick | null): void => {
    if (p && p.id !== mainId && !out.some((o) => o.id === p.id)) out.push(p);
  };
  if (platform) {
    const lead = track ? trackScores[track] : 0;
    for (const [t, v] of Object.entries(trackScores) as [Track, number][]) {
      if (t !== track && v > 0 && v >= 0.25 * lead) add(pickOnTrack(catalog, catalogTrack(platform, t), asOf, `${t} evidence`));
    }
  } else {
    const ranked = (Object.entries(platformScores) as [Platform, number][]).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    for (const [p] of ranked) add(pickOnTrack(catalog, catalogTrack(p, track), asOf, `${p.toUpperCase()} evidence`));
  }
  return out;
}
