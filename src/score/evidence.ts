// Turning mentions into weighted evidence: section weights, diminishing repeats, and
// "AWS or Azure" alternatives that count for either platform rather than for both.
import type { Mention, Platform, Section } from '../model.js';

export const SECTION_WEIGHT: Record<Section, number> = {
  requirements: 1,
  responsibilities: 0.9,
  other: 0.8,
  preferred: 0.6,
  about: 0.3,
  benefits: 0.1,
};

/** The k-th repeat of a term (0-based) counts REPEAT_DECAY^k: ten repeats are worth less than two distinct terms. */
export const REPEAT_DECAY = 0.5;

export interface TermEvidence {
  term: string;
  name: string;
  platform: Platform | null;
  count: number;
  /** Weighted, section-adjusted, with diminishing repeats. */
  value: number;
  mentions: Mention[];
  /** True when every mention of the term stood in an "X or Y" list of platforms. */
  alternative: boolean;
}

const SEPARATOR = /^\s*(,|\/|\||or|,\s*or|and\/or|or\s+even|\(|\)|,\s*and\/or)\s*$/i;
const OR = /(\bor\b|\/|\|)/i;

/** Indexes of mentions that stand in an alternation of different platforms ("AWS, Azure or GCP"). */
export function alternatives(text: string, mentions: Mention[]): Set<number> {
  const out = new Set<number>();
  let i = 0;
  while (i < mentions.length) {
    let j = i;
    let hasOr = false;
    const platforms = new Set<Platform | null>([mentions[i].platform]);
    while (j + 1 < mentions.length) {
      const between = text.slice(mentions[j].end, mentions[j + 1].start);
      if (!SEPARATOR.test(between) || mentions[j + 1].platform === null) break;
      if (OR.test(between)) hasOr = true;
      platforms.add(mentions[j + 1].platform);
      j++;
    }
    platforms.delete(null);
    if (j > i && hasOr && platforms.size > 1) for (let k = i; k <= j; k++) out.add(k);
    i = j + 1;
  }
  return out;
}

export function termEvidence(text: string, mentions: Mention[]): TermEvidence[] {
  const alt = alternatives(text, mentions);
  const byTerm = new Map<string, { m: Mention; v: number; alt: boolean }[]>();
  mentions.forEach((m, i) => {
    const list = byTerm.get(m.term) ?? [];
    list.push({ m, v: m.weight * SECTION_WEIGHT[m.section], alt: alt.has(i) });
    byTerm.set(m.term, list);
  });
  const out: TermEvidence[] = [];
  for (const [term, list] of byTerm) {
    list.sort((a, b) => b.v - a.v || a.m.start - b.m.start);
    const value = list.reduce((sum, x, k) => sum + x.v * REPEAT_DECAY ** k, 0);
    const first = list[0].m;
    out.push({ term, name: first.name, platform: first.platform, count: list.length, value, mentions: list.map((x) => x.m), alternative: list.every((x) => x.alt) });
  }
  return out.sort((a, b) => b.value - a.value || a.term.localeCompare(b.term));
}
