// The library's front door: an Analyzer built once (lexicons, engine, catalog), then
// postings in, PostingResults out, and a run's AnalysisResult with its portfolio summary.
import { createHash } from 'node:crypto';
import type { AnalysisResult, InputError, Posting, PostingResult } from './model.js';
import { buildEngine, type Engine } from './lexicon/engine.js';
import { builtinLexiconFiles, loadCatalog, loadLexicons } from './lexicon/load.js';
import { cacheKey, readEngineCache } from './lexicon/engine-cache.js';
import type { Certification } from './lexicon/catalog-schema.js';
import { prepare } from './text/document.js';
import { matchDoc } from './match/match.js';
import { postingVerdict } from './score/verdict.js';
import { counted, portfolioVerdict } from './score/portfolio.js';
import { VERSION } from './version.js';

export interface AnalyzerOptions {
  /** Extra lexicon files (--lexicon). */
  lexicons?: string[];
  /** YYYY-MM-DD; the catalog is read as of this date. Default: today (UTC). */
  asOf?: string;
  /** Keep each posting's text in its result (--include-text). */
  includeText?: boolean;
}

export interface Analyzer {
  engine: Engine;
  catalog: Certification[];
  asOf: string;
  includeText: boolean;
}

export const today = (): string => new Date().toISOString().slice(0, 10);

/** The engine for the built-in lexicons (from the build-time cache when it is current) plus any user lexicons. */
export function loadEngine(userLexicons: string[] = []): Engine {
  if (userLexicons.length === 0) {
    const cached = readEngineCache(cacheKey(VERSION, builtinLexiconFiles()));
    if (cached) return cached;
  }
  return buildEngine(loadLexicons(userLexicons));
}

export function createAnalyzer(opts: AnalyzerOptions = {}): Analyzer {
  return {
    engine: loadEngine(opts.lexicons ?? []),
    catalog: loadCatalog(),
    asOf: opts.asOf ?? today(),
    includeText: opts.includeText ?? false,
  };
}

const meta = (p: Partial<Posting>) => ({
  ...(p.title ? { title: p.title } : {}),
  ...(p.company ? { company: p.company } : {}),
  ...(p.location ? { location: p.location } : {}),
  ...(p.datePosted ? { datePosted: p.datePosted } : {}),
  ...(p.url ? { url: p.url } : {}),
});

export function analyzePosting(a: Analyzer, posting: Posting): PostingResult {
  const doc = prepare(posting.text);
  const { mentions, rejected, rejectedOmitted } = matchDoc(a.engine, doc);
  const result: PostingResult = {
    id: posting.id, source: posting.source, status: 'ok', ...meta(posting), chars: posting.text.length,
    mentions, rejected, ...(rejectedOmitted > 0 ? { rejectedOmitted } : {}), verdict: postingVerdict(posting.text, mentions, a.catalog, a.asOf),
  };
  if (a.includeText) result.text = posting.text;
  return result;
}

export function errorResult(source: string, error: InputError, id = source, extra: Partial<Posting> = {}): PostingResult {
  return { id, source, status: 'error', error, ...meta(extra), chars: 0, mentions: [], rejected: [], verdict: null };
}

/** Content key for "the same posting saved twice": case and white space do not matter. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex').slice(0, 16);
}

/** Tracks content hashes across a run and marks later copies as duplicates of the first. */
export class DuplicateTracker {
  private readonly first = new Map<string, PostingResult>();
  mark(result: PostingResult, text: string): void {
    if (result.status !== 'ok' || text.trim() === '') return;
    const key = contentHash(text);
    const original = this.first.get(key);
    if (!original) {
      this.first.set(key, result);
      return;
    }
    result.duplicateOf = original.id;
    (original.duplicates ??= []).push(result.id);
  }
}

export function buildResult(a: Analyzer, postings: PostingResult[]): AnalysisResult {
  return {
    schemaVersion: 1,
    tool: { name: 'certfit', version: VERSION },
    asOf: a.asOf,
    postings,
    summary: {
      inputs: postings.length,
      analysed: postings.filter((p) => p.status === 'ok').length,
      failed: postings.filter((p) => p.status === 'error').length,
      duplicates: postings.filter((p) => p.duplicateOf).length,
      verdict: portfolioVerdict(postings.filter(counted), a.catalog, a.asOf),
    },
  };
}

/** Convenience for library users: analyse texts in memory. */
export function analyzeTexts(texts: { id: string; text: string }[], opts: AnalyzerOptions = {}): AnalysisResult {
  const a = createAnalyzer(opts);
  const dups = new DuplicateTracker();
  const results = texts.map((t) => {
    const r = analyzePosting(a, { id: t.id, source: t.id, text: t.text });
    dups.mark(r, t.text);
    return r;
  });
  return buildResult(a, results);
}
