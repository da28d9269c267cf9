// One row in, its small outcome out: certfit's CSV cells, the NDJSON line, and what the row
// adds to the portfolio. Runs in the main thread (--jobs 1) or in a worker.
import { analyzeKeyed, errorResult, type Analyzer } from '../analyze.js';
import { isEmptyRow, type InputError, type PostingResult } from '../model.js';
import { csvSafe } from '../report/sanitize.js';
import { contribution } from '../score/portfolio.js';
import { isPosting, jobToPosting, postingId, rowId } from './row-posting.js';
import type { RowContext, RowJob, RowOutcome } from './types.js';

export const CERTFIT_COLUMNS = [
  'certfit_status', 'certfit_platform', 'certfit_label', 'certfit_confidence', 'certfit_certification',
  'certfit_aws_score', 'certfit_azure_score', 'certfit_gcp_score', 'certfit_top_evidence', 'certfit_duplicate_of', 'certfit_error',
] as const;
export const DUPLICATE_CELL = CERTFIT_COLUMNS.indexOf('certfit_duplicate_of');

const errorText = (e: InputError): string => `${e.code}: ${e.message}`;

export function certfitCells(r: PostingResult, empty: boolean): string[] {
  const v = r.verdict;
  const status = r.status === 'ok' ? 'ok' : empty ? 'empty' : 'error';
  const cells = [
    status,
    v?.platform ?? '',
    v?.label ?? '',
    v ? v.confidence.toFixed(2) : '',
    v?.certification ? `${v.certification.name} (${v.certification.code})` : '',
    v ? String(v.scores.platform.aws) : '',
    v ? String(v.scores.platform.azure) : '',
    v ? String(v.scores.platform.gcp) : '',
    v ? v.reasons.slice(0, 5).map((x) => (x.count > 1 ? `${x.name} ×${x.count}` : x.name)).join('; ') : '',
    '',
    r.error ? errorText(r.error) : '',
  ];
  return cells.map(csvSafe);
}

function outcomeOf(r: PostingResult, job: RowJob, ctx: RowContext, empty: boolean, hash?: string): RowOutcome {
  const out: RowOutcome = { row: job.row, id: r.id, status: r.status, empty };
  if (r.error) out.error = r.error;
  if (hash) out.hash = hash;
  if (ctx.wantCells) out.cells = certfitCells(r, empty);
  if (ctx.wantJson) out.json = JSON.stringify({ type: 'posting', ...r });
  if (r.status === 'ok') out.contribution = contribution(r);
  return out;
}

/** A row that is no posting: it failed (`empty` false), or has no posting text. */
export function failedOutcome(job: RowJob, ctx: RowContext, error: InputError, empty = false): RowOutcome {
  return outcomeOf(errorResult(rowId(ctx.source, job.row), error, postingId(ctx.source, job)), job, ctx, empty);
}

export function analyzeRow(a: Analyzer, ctx: RowContext, job: RowJob): RowOutcome {
  try {
    const p = jobToPosting(job, ctx.source, ctx.textColumn);
    if (!isPosting(p)) return failedOutcome(job, ctx, p, isEmptyRow(p) && !job.error);
    const { result, key } = analyzeKeyed(a, p);
    return outcomeOf(result, job, ctx, false, key);
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    return failedOutcome(job, ctx, { code: 'ANALYSIS_FAILED', message: `row ${job.row} could not be analysed: ${message}` });
  }
}
