// The terminal report: a line per posting, then the portfolio verdict and the study focus.
import { isEmptyRow, type AnalysisResult, type PostingResult } from '../model.js';
import { describeCert, PLATFORM_NAME } from '../score/sentence.js';
import type { RenderOptions, Reporter } from './reporter.js';
import { oneLine } from './sanitize.js';

type Paint = (code: string, s: string) => string;

export function postingLine(p: PostingResult, width: number, paint: Paint): string {
  const src = oneLine(p.source, 60).padEnd(width);
  if (p.status === 'error' && isEmptyRow(p.error)) return `  ${src}  ${paint('2', 'empty (no posting text)')}`;
  if (p.status === 'error') return `  ${src}  ${paint('31', `error ${p.error?.code}`)}: ${oneLine(p.error?.message ?? '')}`;
  if (p.duplicateOf) return `  ${src}  ${paint('2', `duplicate of ${oneLine(p.duplicateOf, 60)}`)}`;
  const v = p.verdict;
  if (!v || v.label === 'insufficient-evidence') return `  ${src}  ${paint('2', 'insufficient evidence')}`;
  const who = v.platform ? `${PLATFORM_NAME[v.platform]} · ${v.label}` : 'either cloud';
  const evidence = v.reasons.slice(0, 4).map((r) => oneLine(r.name, 40)).join(', ');
  return `  ${src}  ${paint('1', who)} · ${v.confidence.toFixed(2)}  ${evidence}`;
}

export function renderText(result: AnalysisResult, opts: RenderOptions = {}): string {
  const paint: Paint = opts.color ? (code, s) => `\u001b[${code}m${s}\u001b[0m` : (_c, s) => s;
  const s = result.summary;
  const v = s.verdict;
  const out: string[] = [];
  out.push(`certfit ${result.tool.version} · catalog as of ${result.asOf} · ${s.inputs} input(s): ${s.analysed} analysed, ${s.failed} failed, ${s.duplicates} duplicate(s)${s.empty ? `, ${s.empty} empty` : ''}`, '');
  const width = Math.min(60, Math.max(10, ...result.postings.map((p) => oneLine(p.source, 60).length)));
  for (const p of result.postings) out.push(postingLine(p, width, paint));
  out.push('', `${paint('1', 'Verdict:')} ${oneLine(v.sentence, 1000)}`);
  for (const a of v.alternatives) out.push(`Also consider: ${describeCert(a)}`);
  out.push(`Postings leaning: AWS ${v.lean.aws} · Azure ${v.lean.azure} · Google Cloud ${v.lean.gcp} · either ${v.lean.either} · too little evidence ${v.lean.none}`);
  if (v.topTerms.length) out.push(`Recurring: ${v.topTerms.slice(0, 8).map((t) => `${oneLine(t.name, 40)} (${t.postings})`).join(', ')}`);
  if (v.studyFocus.length && v.certification) {
    out.push('', paint('1', `Study focus for ${v.certification.code}:`));
    for (const d of v.studyFocus) {
      const bar = '█'.repeat(Math.round(d.share * 20)).padEnd(20, '·');
      out.push(`  ${bar} ${(d.share * 100).toFixed(0).padStart(3)}%  ${d.domain} (exam weight ${d.weight})${d.terms.length ? `: ${d.terms.slice(0, 4).join(', ')}` : ''}`);
    }
  }
  const legacy = result.postings.flatMap((p) => (p.verdict?.legacy ?? []).map((l) => `  ${oneLine(p.source, 60)}: ${oneLine(l.note, 200)}`));
  if (legacy.length) out.push('', paint('1', 'Older stack named:'), ...legacy.slice(0, 20), ...(legacy.length > 20 ? [`  … and ${legacy.length - 20} more`] : []));
  const skipped = [s.failed ? `${s.failed} input(s) failed (see above)` : '', s.duplicates ? `${s.duplicates} duplicate(s) counted once` : '', s.empty ? `${s.empty} row(s) without posting text` : ''].filter(Boolean);
  if (skipped.length) out.push('', `Skipped: ${skipped.join('; ')}.`);
  return `${out.join('\n')}\n`;
}

export const textReporter: Reporter = { name: 'text', render: renderText };
