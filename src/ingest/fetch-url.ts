// A URL → drafts: job-board APIs first where the URL is one, else the page itself.
import { BINARY, extractBytes, type Extracted } from './extract.js';
import { atsPostings, atsTarget } from './fetch-ats.js';
import type { Fetched, HttpClient } from './fetch-client.js';
import { IngestError } from './errors.js';
import type { PdfLimits } from './documents.js';
import { kindFromContentType, sniffBytes } from './sniff.js';
import type { ContentKind, IngestInternals } from './types.js';

function mediaType(headers: Record<string, string>): { type: string; charset?: string } {
  const [type = '', ...params] = (headers['content-type'] ?? '').split(';');
  const charset = params.map((p) => p.trim().match(/^charset\s*=\s*"?([^";]+)"?$/i)?.[1]).find(Boolean);
  return { type: type.trim().toLowerCase(), charset };
}

/** A fetched response → drafts; the content type decides, magic numbers overrule it. */
export async function responseToExtracted(res: Fetched, pdf: PdfLimits): Promise<Extracted> {
  if (res.body.length === 0) throw new IngestError('EMPTY', 'the server sent an empty response');
  const { type, charset } = mediaType(res.headers);
  const byType = type ? kindFromContentType(type) : undefined;
  const magic = sniffBytes(res.body);
  if (byType === 'not-a-posting') throw new IngestError('NOT_A_POSTING', `not a posting: ${type}`);
  let kind: ContentKind | undefined = byType;
  if (magic === 'pdf' || magic === 'docx') kind = magic;
  else if (magic === 'binary') throw BINARY();
  const extracted = await extractBytes({ bytes: res.body, kind, charset, pdf });
  for (const item of extracted.items) if (!(item instanceof IngestError)) item.url ??= res.url;
  return extracted;
}

export async function fetchUrl(url: string, client: HttpClient, pdf: PdfLimits, bases: IngestInternals['apiBases']): Promise<Extracted> {
  const target = atsTarget(url, bases);
  if (target) {
    try {
      const res = await client.get(target.apiUrl);
      return atsPostings(target, JSON.parse(res.body.toString('utf8')), url);
    } catch {
      // The API may be down, moved or blocked: the page itself usually still works.
    }
  }
  return responseToExtracted(await client.get(url), pdf);
}
