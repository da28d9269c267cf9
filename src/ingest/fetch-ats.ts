// Greenhouse, Lever and Ashby job URLs, read through their public JSON APIs.
import { IngestError } from './errors.js';
import { jsonToPostings, objectToDraft } from './json-posting.js';
import type { Extracted } from './extract.js';
import type { IngestInternals } from './types.js';

export const DEFAULT_API_BASES: IngestInternals['apiBases'] = {
  greenhouse: 'https://boards-api.greenhouse.io',
  lever: 'https://api.lever.co',
  ashby: 'https://api.ashbyhq.com',
};

export interface AtsTarget {
  board: 'greenhouse' | 'lever' | 'ashby';
  apiUrl: string;
  jobId: string;
}

const segment = (s: string): string => {
  try {
    return encodeURIComponent(decodeURIComponent(s));
  } catch {
    return encodeURIComponent(s);
  }
};

/** The API request behind a job page URL, or null for other URLs. */
export function atsTarget(pageUrl: string, bases: IngestInternals['apiBases']): AtsTarget | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter(Boolean);
  if (host === 'boards.greenhouse.io' || host === 'job-boards.greenhouse.io') {
    // /{board}/jobs/{id}, or the embed form /embed/job_app?for={board}&token={id}
    const [board, id] = parts[1] === 'jobs' ? [parts[0], parts[2]] : [url.searchParams.get('for'), url.searchParams.get('token')];
    if (board && id && /^\d+$/.test(id)) return { board: 'greenhouse', apiUrl: `${bases.greenhouse}/v1/boards/${segment(board)}/jobs/${id}`, jobId: id };
  }
  if (host === 'jobs.lever.co' && parts.length >= 2 && /^[0-9a-f-]{8,}$/i.test(parts[1])) {
    return { board: 'lever', apiUrl: `${bases.lever}/v0/postings/${segment(parts[0])}/${parts[1]}?mode=json`, jobId: parts[1] };
  }
  if (host === 'jobs.ashbyhq.com' && parts.length >= 2 && /^[0-9a-f-]{8,}$/i.test(parts[1])) {
    return { board: 'ashby', apiUrl: `${bases.ashby}/posting-api/job-board/${segment(parts[0])}`, jobId: parts[1] };
  }
  return null;
}

/** The posting in an API response; throws when the response does not hold it (the caller falls back to the page). */
export function atsPostings(target: AtsTarget, json: unknown, pageUrl: string): Extracted {
  if (target.board === 'ashby') {
    const jobs = (json as { jobs?: unknown })?.jobs;
    const job = Array.isArray(jobs)
      ? jobs.find((j) => (j as { id?: unknown })?.id === target.jobId || String((j as { jobUrl?: unknown })?.jobUrl ?? '').includes(target.jobId))
      : undefined;
    const draft = job ? objectToDraft(job as Record<string, unknown>) : undefined;
    if (!draft?.text.trim()) throw new IngestError('NOT_FOUND', `job ${target.jobId} is not on the Ashby board`);
    return { items: [{ ...draft, url: pageUrl }], collection: false };
  }
  const result = jsonToPostings(json);
  const draft = result.items[0];
  if (result.collection || !draft || draft instanceof IngestError) throw new IngestError('NOT_FOUND', 'unexpected API response');
  return { items: [{ ...draft, url: pageUrl }], collection: false };
}
