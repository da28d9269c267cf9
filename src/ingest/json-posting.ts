// JSON files and API responses → drafts: plain posting objects, arrays, Greenhouse, Lever, Ashby, JSON-LD.
import { IngestError } from './errors.js';
import { htmlToText, inlineText } from './html-to-text.js';
import { isJobPosting, jobPostingToDraft, richText } from './json-ld.js';
import type { Draft } from './types.js';

type Obj = Record<string, unknown>;
export interface JsonPostings {
  items: (Draft | IngestError)[];
  /** True for arrays and job lists, whose items get `#N` ids. */
  collection: boolean;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const first = (o: Obj, keys: string[]): unknown => keys.map((k) => o[k]).find((v) => v !== undefined && v !== null && v !== '');

const TITLE_KEYS = ['title', 'job_title', 'jobTitle', 'posting_title', 'position', 'name'];
const BODY_KEYS = ['description', 'descriptionHtml', 'description_html', 'content', 'text', 'body', 'job_description', 'jobDescription', 'descriptionPlain'];
const COMPANY_KEYS = ['company', 'companyName', 'company_name', 'hiringOrganization', 'employer', 'organization', 'organizationName'];
const LOCATION_KEYS = ['location', 'locationName', 'job_location', 'jobLocation', 'city'];
const DATE_KEYS = ['datePosted', 'date_posted', 'publishedAt', 'published_at', 'posted_at', 'postedAt', 'first_published', 'createdAt', 'created_at', 'updated_at', 'updatedAt', 'date'];
const URL_KEYS = ['url', 'absolute_url', 'hostedUrl', 'jobUrl', 'job_url', 'applyUrl', 'apply_url', 'link'];

const looksHtml = (s: string): boolean => /<\/?[a-z][a-z0-9]*\b[^>]*>/i.test(s) || /&(amp;)*lt;\/?[a-z]/i.test(s);

function nameOf(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join('; ') || undefined;
  if (isObj(v)) return str(v.name) ?? str(v.location) ?? str(v.text);
  return typeof v === 'string' ? str(v) : undefined;
}

/** Epoch milliseconds (Lever's createdAt, scrapers' posted_at) as an ISO date; other values unchanged. */
function dateText(v: unknown): string | undefined {
  const s = typeof v === 'number' ? String(v) : str(v);
  if (s && /^\d{12,13}$/.test(s)) return new Date(Number(s)).toISOString();
  return s;
}

function bodyText(raw: string): string {
  return looksHtml(raw) ? richText(raw) : raw.trim();
}

function isLever(o: Obj): boolean {
  return typeof o.text === 'string' && ('categories' in o || 'lists' in o || 'hostedUrl' in o || 'descriptionPlain' in o);
}

function leverDraft(o: Obj): Draft {
  const parts: string[] = [];
  const description = str(o.description) ? richText(String(o.description)) : (str(o.descriptionPlain) ?? '');
  if (description) parts.push(description);
  for (const list of Array.isArray(o.lists) ? o.lists : []) {
    if (!isObj(list)) continue;
    const heading = str(list.text);
    const items = str(list.content) ? htmlToText(`<ul>${String(list.content)}</ul>`) : '';
    const block = [heading, items].filter(Boolean).join('\n');
    if (block) parts.push(block);
  }
  const additional = str(o.additional) ? richText(String(o.additional)) : str(o.additionalPlain);
  if (additional) parts.push(additional);
  const categories = isObj(o.categories) ? o.categories : {};
  const draft: Draft = { text: parts.join('\n\n') };
  const title = str(o.text);
  if (title) draft.title = inlineText(title);
  const hosted = str(o.hostedUrl);
  const company = hosted?.match(/^https?:\/\/jobs\.(?:eu\.)?lever\.co\/([^/?#]+)/)?.[1];
  if (company) draft.company = company;
  const location = nameOf(categories.location) ?? nameOf(categories.allLocations);
  if (location) draft.location = location;
  const date = dateText(o.createdAt);
  if (date) draft.datePosted = date;
  if (hosted) draft.url = hosted;
  return draft;
}

function genericDraft(o: Obj): Draft | undefined {
  const body = BODY_KEYS.map((k) => o[k]).find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const title = str(first(o, TITLE_KEYS));
  if (body === undefined && title === undefined) return undefined;
  const draft: Draft = { text: body === undefined ? '' : bodyText(body) };
  if (title) draft.title = inlineText(title);
  const company = nameOf(first(o, COMPANY_KEYS));
  if (company) draft.company = inlineText(company);
  const location = nameOf(first(o, LOCATION_KEYS)) ?? nameOf(o.offices);
  if (location) draft.location = location;
  const date = dateText(first(o, DATE_KEYS));
  if (date) draft.datePosted = date;
  const url = str(first(o, URL_KEYS));
  if (url && /^https?:\/\//i.test(url)) draft.url = url;
  return draft;
}

/** One posting-like object → a draft, undefined when it has neither a title nor a body. */
export function objectToDraft(o: Obj): Draft | undefined {
  if (isJobPosting(o)) return jobPostingToDraft(o);
  if (isLever(o)) return leverDraft(o);
  return genericDraft(o);
}

function itemOf(value: unknown, n: number, hint: string): Draft | IngestError {
  const draft = isObj(value) ? objectToDraft(value) : undefined;
  if (!draft) return new IngestError('NOT_A_POSTING', `not a posting: item ${n} has no title or description field`);
  if (!draft.text.trim()) return new IngestError('EMPTY', `posting ${n} has no description text${hint}`);
  return draft;
}

/** A parsed JSON value → postings. */
export function jsonToPostings(value: unknown): JsonPostings {
  const list = Array.isArray(value) ? value : isObj(value) ? (first(value, ['jobs', 'postings', 'results']) ?? undefined) : undefined;
  if (Array.isArray(list)) {
    if (list.length === 0) throw new IngestError('EMPTY', 'the JSON holds an empty list of postings');
    // Greenhouse lists jobs without their content unless asked for it.
    const gh = isObj(value) && 'meta' in value ? ' (Greenhouse job lists need ?content=true)' : '';
    return { items: list.map((v, i) => itemOf(v, i + 1, gh)), collection: true };
  }
  if (!isObj(value)) throw new IngestError('NOT_A_POSTING', 'not a posting: the JSON is neither a posting object nor a list of them');
  const draft = objectToDraft(value);
  if (!draft) throw new IngestError('NOT_A_POSTING', 'not a posting: the JSON has no title or description field');
  if (!draft.text.trim()) throw new IngestError('EMPTY', 'the posting has no description text');
  return { items: [draft], collection: false };
}

/** JSON text → postings; invalid JSON is a JSON_ERROR naming the line. */
export function parseJsonPostings(text: string): JsonPostings {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = Number(message.match(/at position (\d+)/)?.[1] ?? NaN);
    const lineFromMsg = Number(message.match(/\(line (\d+)/)?.[1] ?? NaN);
    const line = Number.isFinite(lineFromMsg) ? lineFromMsg : Number.isFinite(pos) ? text.slice(0, pos).split('\n').length : text.trimEnd().split('\n').length;
    const reason = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '').split('\n')[0];
    throw new IngestError('JSON_ERROR', `not valid JSON at line ${line}: ${reason}`);
  }
  return jsonToPostings(value);
}
