// A posting page → drafts: JobPosting JSON-LD first, else the page's main content without its chrome.
import type { CheerioAPI } from 'cheerio';
import { cheerio } from './lazy.js';
import { parseableHtml } from './html-depth.js';
import { domToText, NON_CONTENT, type DomNode } from './html-to-text.js';
import { findJobPostings, jobPostingToDraft } from './json-ld.js';
import type { Draft } from './types.js';

/** Where job boards keep the description, most specific first. */
const CONTENT_SELECTORS = [
  '.show-more-less-html__markup', // LinkedIn guest page
  '[data-automation="jobAdDetails"]', // SEEK
  '#jobDescriptionText', // Indeed
  '#job-description, #jobDescription, #job_description, .job-description, .jobDescription, .job__description',
  '[class*="job-description"], [id*="job-description"], [class*="jobDescription"], [class*="job_description"], [class*="posting-description"]',
];
const LANDMARKS = ['main', '[role="main"]', 'article'];
const CHROME = 'nav, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"]';
const BANNER = /cookie|consent|gdpr/i;

const TITLE_SELECTORS = ['.topcard__title', '[data-automation="job-detail-title"]', '[data-testid="jobsearch-JobInfoHeader-title"]', '.posting-headline h2', '.app-title', '.job__title h1', '[class*="job-title"]'];
const COMPANY_SELECTORS = ['.topcard__org-name-link', '[data-automation="advertiser-name"]', '[data-testid="inlineHeader-companyName"]', '.company-name', '[class*="company-name"]'];
const LOCATION_SELECTORS = ['.topcard__flavor--bullet', '[data-automation="job-detail-location"]', '[data-testid="inlineHeader-companyLocation"]', '.posting-categories .location', '.job__location'];

const oneLine = (s: string | undefined): string | undefined => s?.replace(/\s+/g, ' ').trim() || undefined;

function firstText($: CheerioAPI, selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const text = oneLine($(sel).first().text());
    if (text && text.length <= 200) return text;
  }
  return undefined;
}

function meta($: CheerioAPI, key: string): string | undefined {
  return oneLine($(`meta[property="${key}"], meta[name="${key}"]`).first().attr('content'));
}

function pageMeta($: CheerioAPI): Omit<Draft, 'text'> {
  const out: Omit<Draft, 'text'> = {};
  const title = firstText($, TITLE_SELECTORS) ?? meta($, 'og:title') ?? oneLine($('head > title').first().text()) ?? oneLine($('h1').first().text());
  if (title) out.title = title;
  const company = firstText($, COMPANY_SELECTORS);
  if (company) out.company = company;
  const location = firstText($, LOCATION_SELECTORS);
  if (location) out.location = location;
  const url = oneLine($('link[rel="canonical"]').attr('href')) ?? meta($, 'og:url');
  if (url && /^https?:\/\//i.test(url)) out.url = url;
  return out;
}

const textLength = ($: CheerioAPI, el: unknown): number => $(el as never).text().replace(/\s+/g, ' ').trim().length;

/** The longest element matching one selector group, trying groups in order. */
function pickContent($: CheerioAPI): ReturnType<CheerioAPI> {
  for (const [i, sel] of [...CONTENT_SELECTORS, ...LANDMARKS].entries()) {
    const minLength = i < CONTENT_SELECTORS.length ? 100 : 1;
    let best: ReturnType<CheerioAPI> | undefined;
    let bestLength = 0;
    $(sel).each((_, el) => {
      const n = textLength($, el);
      if (n > bestLength) [best, bestLength] = [$(el), n];
    });
    if (best && bestLength >= minLength) return best;
  }
  return $('body').length ? $('body') : $.root();
}

/** Removes page chrome inside `root`, never an element that holds most of the root's text. */
function stripChrome($: CheerioAPI, root: ReturnType<CheerioAPI>): void {
  root.find(NON_CONTENT).remove();
  const total = textLength($, root[0]);
  const removable = (el: unknown): boolean => textLength($, el) < Math.max(2000, total * 0.5);
  root.find(CHROME).each((_, el) => {
    if (removable(el)) $(el).remove();
  });
  root.find('header, footer').each((_, el) => {
    if ($(el).closest('article, main, [role="main"]').length === 0 && removable(el)) $(el).remove();
  });
  root.find('[id], [class]').each((_, el) => {
    const label = `${$(el).attr('id') ?? ''} ${$(el).attr('class') ?? ''}`;
    if (BANNER.test(label) && removable(el)) $(el).remove();
  });
}

/** Drafts found in an HTML page: one per distinct JobPosting, else one from the main content. */
export function htmlToPostings(html: string): Draft[] {
  const $ = cheerio().load(parseableHtml(html));
  const meta = pageMeta($);
  const postings = findJobPostings($);
  const drafts = postings.map((p) => ({ ...meta, ...jobPostingToDraft(p) })).filter((d) => d.text);
  if (drafts.length) return drafts;
  const root = pickContent($);
  stripChrome($, root);
  const text = domToText(root[0] as unknown as DomNode);
  const jsonLd = postings[0] ? jobPostingToDraft(postings[0]) : {};
  return [{ ...meta, ...jsonLd, text }];
}
