// Turning mentions into weighted evidence: section weights, diminishing repeats, and
// "AWS or Azure" alternatives that count for either platform rather than for both.
import type { Mention, Platform, Section } from '../model.js';
import { isPreferredLine } from '../text/sections.js';

export const SECTION_WEIGHT: Record<Section, number> = {
  requirements: 1,
  responsibilities: 0.9,
  other: 0.8,
  preferred: 0.6,
  about: 0.3,
  benefits: 0.1,
};

/**
 * A sentence that asks the candidate for something ("experience with", "knowledge of", "you have"),
 * or that states what the team builds on ("we work with", "our stack", "hosted on"). A company blurb
 * or a benefit does neither; when the section detector files such a sentence under "about" or
 * "benefits" (a heading it did not recognise, so the section before it ran on), the sentence is
 * weighed as text of unknown section ("other"), or as "preferred" when it says so ("is a plus").
 */
const ASKS = /\b(experience (with|in|of|on|using|building|developing|deploying|working)|experienced (with|in)|knowledge of|familiar(ity)? with|proficien(t|cy) (in|with)|expertise (in|with)|hands[- ]on|(good|solid|strong|deep) understanding of|background in|skilled in|exposure to|you (have|bring|know)|you['’]ve|ability to|we (use|work with|run on|build on|are built on|deploy on)|our (tech )?stack|tech stack|(built|based|hosted|running|runs|deployed) (on|in))\b/i;

/** The weight of a mention's section, correcting "about"/"benefits" for sentences that ask for experience or state the stack. */
export function sectionWeight(m: Pick<Mention, 'section' | 'sentence'>): number {
  if ((m.section === 'about' || m.section === 'benefits') && ASKS.test(m.sentence)) {
    return SECTION_WEIGHT[isPreferredLine(m.sentence) ? 'preferred' : 'other'];
  }
  return SECTION_WEIGHT[m.section];
}

/** The k-th repeat of a term (0-based) counts REPEAT_DECAY^k: ten repeats are worth less than two distinct terms. */
export const REPEAT_DECAY = 0.5;

export interface TermEvidence {
  term: string;
  name: string;
  platform: Platform | null;
  count: number;
  /** Weighted, section-adjusted, with diminishing repeats. */
  value: number;
  /** The part of the evidence from mentions outside "AWS or Azure" alternatives (repeats diminishing among them). */
  committed: number;
  /** The part from mentions inside such alternatives (repeats diminishing among them). */
  alternativeValue: number;
  mentions: Mention[];
}

/** What may stand between two items of a list: punctuation, brackets, "or", "and/or", "and". */
const SEPARATOR = /^[\s,/|()]*(?:\b(?:or|and\/or|or\s+even|and)\b[\s,/|()]*)?$/i;
const OR = /(\bor\b|\/|\|)/i;
/** A list introduced as examples or options ("such as AWS, Azure and GCP") offers a choice even without "or". */
const CHOICE_CUE = /\b(such\s+as|e\.\s?g\.?|eg\.?|i\.\s?e\.?|for\s+(example|instance)|like|one\s+of|any\s+of|either)\s*[:(]?\s*$/i;

/**
 * Indexes of mentions that stand in an alternation of different platforms: "AWS or Azure",
 * "AWS, Azure or GCP", "AWS/GCP", "Google Cloud Platform (GCP), AWS, or Azure", and example lists
 * ("such as AWS, Azure and GCP"). Needs the posting text; without it nothing is an alternation.
 */
export function alternatives(text: string, mentions: Mention[]): Set<number> {
  const out = new Set<number>();
  let i = 0;
  while (i < mentions.length) {
    let j = i;
    let hasOr = false;
    const platforms = new Set<Platform | null>([mentions[i].platform]);
    while (j + 1 < mentions.length) {
      if (mentions[j + 1].start > text.length || mentions[j + 1].platform === null) break;
      const between = text.slice(mentions[j].end, mentions[j + 1].start);
      if (!SEPARATOR.test(between)) break;
      if (OR.test(between)) hasOr = true;
      platforms.add(mentions[j + 1].platform);
      j++;
    }
    platforms.delete(null);
    const offered = hasOr || CHOICE_CUE.test(text.slice(Math.max(0, mentions[i].start - 40), mentions[i].start));
    if (j > i && offered && platforms.size > 1) for (let k = i; k <= j; k++) out.add(k);
    i = j + 1;
  }
  return out;
}

/** Sum of the values of a list already sorted largest first, the k-th kept one counting REPEAT_DECAY^k. */
function decayed(list: { v: number; alt: boolean }[], keep: (alt: boolean) => boolean): number {
  let sum = 0;
  let k = 0;
  for (const x of list) if (keep(x.alt)) sum += x.v * REPEAT_DECAY ** k++;
  return sum;
}

const ALL = (): boolean => true;
const COMMITTED = (alt: boolean): boolean => !alt;
const ALTERNATIVE = (alt: boolean): boolean => alt;

/** Each term's mentions with their weighted values, largest first (then in text order). */
function byTerm(mentions: Mention[], alt: Set<number>): Map<string, { m: Mention; v: number; alt: boolean }[]> {
  const terms = new Map<string, { m: Mention; v: number; alt: boolean }[]>();
  mentions.forEach((m, i) => {
    const list = terms.get(m.term);
    const item = { m, v: m.weight * sectionWeight(m), alt: alt.has(i) };
    if (list) list.push(item);
    else terms.set(m.term, [item]);
  });
  for (const list of terms.values()) if (list.length > 1) list.sort((a, b) => b.v - a.v || a.m.start - b.m.start);
  return terms;
}

export function termEvidence(text: string, mentions: Mention[]): TermEvidence[] {
  const out: TermEvidence[] = [];
  for (const [term, list] of byTerm(mentions, alternatives(text, mentions))) {
    const first = list[0].m;
    out.push({
      term, name: first.name, platform: first.platform, count: list.length,
      value: decayed(list, ALL), committed: decayed(list, COMMITTED), alternativeValue: decayed(list, ALTERNATIVE),
      mentions: list.map((x) => x.m),
    });
  }
  return out.sort((a, b) => b.value - a.value || a.term.localeCompare(b.term));
}

const NONE = new Set<number>();

/** Each term's value alone (no "AWS or Azure" reading, which only splits it): what the portfolio sums. */
export function termValues(mentions: Mention[]): { term: string; first: Mention; value: number }[] {
  const out: { term: string; first: Mention; value: number }[] = [];
  for (const [term, list] of byTerm(mentions, NONE)) out.push({ term, first: list[0].m, value: decayed(list, ALL) });
  return out.sort((a, b) => b.value - a.value || a.term.localeCompare(b.term));
}

