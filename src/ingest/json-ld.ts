// schema.org JobPosting objects: finding them in JSON-LD blocks and turning them into drafts.
import type { CheerioAPI } from 'cheerio';
import { htmlToText, inlineText, unescapeHtml } from './html-to-text.js';
import type { Draft } from './types.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function isJobPosting(v: unknown): v is Obj {
  if (!isObj(v)) return false;
  const types = Array.isArray(v['@type']) ? v['@type'] : [v['@type']];
  return types.some((t) => typeof t === 'string' && /(^|[/:])JobPosting$/.test(t));
}

/** Depth-first search for JobPosting objects (through @graph, arrays and nested entities). */
export function collectJobPostings(value: unknown, found: Obj[] = [], depth = 0): Obj[] {
  if (depth > 12) return found;
  if (Array.isArray(value)) {
    for (const v of value) collectJobPostings(v, found, depth + 1);
  } else if (isJobPosting(value)) {
    found.push(value);
  } else if (isObj(value)) {
    for (const v of Object.values(value)) if (typeof v === 'object') collectJobPostings(v, found, depth + 1);
  }
  return found;
}

function parseLenient(raw: string): unknown {
  const text = raw.trim().replace(/^<!--|-->$/g, '').replace(/^\/\*<!\[CDATA\[\*\/|\/\*\]\]>\*\/$/g, '').trim().replace(/;$/, '');
  try {
    return JSON.parse(text);
  } catch {
    // Raw newlines and tabs inside strings are the usual reason a real page's JSON-LD is invalid.
    try {
      // eslint-disable-next-line no-control-regex -- control characters are exactly what breaks the JSON here
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

/** All distinct JobPostings in a page's ld+json blocks, in page order. */
export function findJobPostings($: CheerioAPI): Obj[] {
  const found: Obj[] = [];
  $('script[type]').each((_, el) => {
    const type = ($(el).attr('type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) return;
    collectJobPostings(parseLenient($(el).text()), found);
  });
  const seen = new Set<string>();
  return found.filter((p) => {
    const key = `${String(p.title)}\u0000${String(p.description)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return str(v);
  if (isObj(v)) return str(v.name);
  return undefined;
}

function addressText(address: unknown): string | undefined {
  if (typeof address === 'string') return str(address);
  if (!isObj(address)) return undefined;
  const parts = [address.addressLocality, address.addressRegion, address.addressCountry]
    .map((p) => nameOf(p))
    .filter((p): p is string => !!p);
  return parts.length ? [...new Set(parts)].join(', ') : undefined;
}

function locationText(posting: Obj): string | undefined {
  const places = Array.isArray(posting.jobLocation) ? posting.jobLocation : [posting.jobLocation];
  const texts = places
    .map((p) => (isObj(p) ? (addressText(p.address) ?? str(p.name)) : str(p)))
    .filter((t): t is string => !!t);
  if (texts.length) return [...new Set(texts)].join('; ');
  return posting.jobLocationType === 'TELECOMMUTE' ? 'Remote' : undefined;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

const EXTRA_FIELDS: [string, string][] = [
  ['responsibilities', 'Responsibilities'],
  ['qualifications', 'Qualifications'],
  ['skills', 'Skills'],
  ['experienceRequirements', 'Experience'],
];

/** Text of an HTML-ish field, escaped or not. */
export function richText(value: string): string {
  return htmlToText(unescapeHtml(value));
}

export function jobPostingToDraft(posting: Obj): Draft {
  let text = typeof posting.description === 'string' ? richText(posting.description) : '';
  for (const [field, heading] of EXTRA_FIELDS) {
    const value = str(posting[field]);
    if (!value) continue;
    const extra = richText(value);
    if (extra && !squash(text).includes(squash(extra))) text = text ? `${text}\n\n${heading}\n${extra}` : extra;
  }
  const draft: Draft = { text };
  const title = str(posting.title);
  if (title) draft.title = inlineText(title);
  const company = nameOf(posting.hiringOrganization);
  if (company) draft.company = inlineText(company);
  const location = locationText(posting);
  if (location) draft.location = location;
  const date = str(posting.datePosted);
  if (date) draft.datePosted = date;
  const url = str(posting.url) ?? (str(posting.identifier)?.startsWith('http') ? str(posting.identifier) : undefined);
  if (url) draft.url = url;
  return draft;
}
