// The library's front door: an Analyzer built once (lexicons, engine, catalog), then
// postings in, PostingResults out, and a run's AnalysisResult with its portfolio summary.
import { contentHash } from './text/content-hash.js';
import type { AnalysisResult, InputError, Posting, PostingResult } from './model.js';
import type { Engine } from './lexicon/engine.js';
import { compileEngine, loadCatalog, loadLexicons } from './lexicon/load.js';
import { readBuiltinCache } from './lexicon/engine-cache.js';
import type { Certification } from './lexicon/catalog-schema.js';
import { prepare } from './text/document.js';
import { matchDoc } from './match/match.js';
import { postingVerdict } from './score/verdict.js';
import { PortfolioAccumulator } from './score/portfolio.js';
import { VERSION } from './version.js';

export { contentHash };

export interface AnalyzerOptions {
  /** Extra lexicon files (--lexicon). */
  lexicons?: string[];
  /** YYYY-MM-DD; the catalog is read as of this date. Default: today (UTC). */
  asOf?: string;
  /** Keep each posting's text in its result (--include-text). */
  includeText?: boolean;
  /**
   * Record rejected candidates with their sentences (default). A caller that only scores (the CSV
   * table output) says false: they are then only counted, in rejectedOmitted.
   */
  keepRejected?: boolean;
}

export interface Analyzer {
  engine: Engine;
  catalog: Certification[];
  asOf: string;
  includeText: boolean;
  keepRejected: boolean;
}

export const today = (): string => new Date().toISOString().slice(0, 10);

export function createAnalyzer(opts: AnalyzerOptions = {}): Analyzer {
  const userLexicons = opts.lexicons ?? [];
  // The cache holds the validated catalog too (null when it was edited since the build).
  const cached = userLexicons.length === 0 ? readBuiltinCache() : null;
  return {
    engine: cached?.engine ?? compileEngine(loadLexicons(userLexicons)),
    catalog: cached?.catalog ?? loadCatalog(),
    asOf: opts.asOf ?? today(),
    includeText: opts.includeText ?? false,
    keepRejected: opts.keepRejected ?? true,
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
  return analyzeKeyed(a, posting).result;
}

/** The result and the posting's content key (what contentHash(posting.text) returns, got from the scan). */
export function analyzeKeyed(a: Analyzer, posting: Posting): { result: PostingResult; key: string } {
  const doc = prepare(posting.text);
  const { mentions, rejected, rejectedOmitted, key } = matchDoc(a.engine, doc, a.keepRejected);
  const result: PostingResult = {
    id: posting.id, source: posting.source, status: 'ok', ...meta(posting), chars: posting.text.length,
    mentions, rejected, ...(rejectedOmitted > 0 ? { rejectedOmitted } : {}), verdict: postingVerdict(posting.text, mentions, a.catalog, a.asOf),
  };
  if (a.includeText) result.text = posting.text;
  return { result, key };
}

export function errorResult(source: string, error: InputError, id = source, extra: Partial<Posting> = {}): PostingResult {
  return { id, source, status: 'error', error, ...meta(extra), chars: 0, mentions: [], rejected: [], verdict: null };
}

/** Tracks content hashes across a run and marks later copies as duplicates of the first. */
export class DuplicateTracker {
  private readonly first = new Map<string, PostingResult>();
  /** `key`: the text's content key when the caller has it (analyzeKeyed); computed otherwise. */
  mark(result: PostingResult, text: string, key?: string): void {
    if (result.status !== 'ok' || text.trim() === '') return;
    key ??= contentHash(text);
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
  // The same accumulator as streamed tables: counts (empty table rows apart from failures) and verdict.
  const acc = new PortfolioAccumulator(a.catalog, a.asOf);
  for (const p of postings) acc.addResult(p);
  return { schemaVersion: 1, tool: { name: 'certfit', version: VERSION }, asOf: a.asOf, postings, summary: acc.summary() };
}

/** Convenience for library users: analyse texts in memory. */
export function analyzeTexts(texts: { id: string; text: string }[], opts: AnalyzerOptions = {}): AnalysisResult {
  const a = createAnalyzer(opts);
  const dups = new DuplicateTracker();
  const results = texts.map((t) => {
    const { result, key } = analyzeKeyed(a, { id: t.id, source: t.id, text: t.text });
    dups.mark(result, t.text, key);
    return result;
  });
  return buildResult(a, results);
}
