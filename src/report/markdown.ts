// The Markdown report: the same content as the terminal report, with every cell escaped.
import { isEmptyRow, type AnalysisResult } from '../model.js';
import { describeCert, PLATFORM_NAME } from '../score/sentence.js';
import type { Reporter } from './reporter.js';
import { mdCell } from './sanitize.js';

export function renderMarkdown(result: AnalysisResult): string {
  const s = result.summary;
  const v = s.verdict;
  const out: string[] = ['# certfit report', '', `Catalog as of ${result.asOf}. ${s.inputs} input(s): ${s.analysed} analysed, ${s.failed} failed, ${s.duplicates} duplicate(s)${s.empty ? `, ${s.empty} empty` : ''}.`, ''];
  out.push('## Verdict', '', mdCell(v.sentence), '');
  for (const a of v.alternatives) out.push(`- Also consider: ${mdCell(describeCert(a))}`);
  out.push('', '| Source | Verdict | Confidence | Top evidence |', '|---|---|---|---|');
  for (const p of result.postings) {
    let verdict = 'insufficient evidence';
    if (p.status === 'error') verdict = `${isEmptyRow(p.error) ? 'empty' : 'error'} ${p.error?.code}: ${p.error?.message}`;
    else if (p.duplicateOf) verdict = `duplicate of ${p.duplicateOf}`;
    else if (p.verdict && p.verdict.label !== 'insufficient-evidence') verdict = `${p.verdict.platform ? PLATFORM_NAME[p.verdict.platform] : 'either'} (${p.verdict.label})`;
    const evidence = (p.verdict?.reasons ?? []).slice(0, 4).map((r) => r.name).join(', ');
    out.push(`| ${mdCell(p.title ? `${p.title} (${p.source})` : p.source)} | ${mdCell(verdict)} | ${p.verdict?.confidence.toFixed(2) ?? ''} | ${mdCell(evidence)} |`);
  }
  if (v.topTerms.length) out.push('', '## Recurring services and skills', '', ...v.topTerms.map((t) => `- ${mdCell(t.name)}: ${t.postings} posting(s)`));
  if (v.studyFocus.length && v.certification) {
    out.push('', `## Study focus for ${mdCell(v.certification.code)}`, '', '| Exam domain | Exam weight | Share of your postings\' evidence | Evidence |', '|---|---|---|---|');
    for (const d of v.studyFocus) out.push(`| ${mdCell(d.domain)} | ${mdCell(d.weight)} | ${(d.share * 100).toFixed(0)}% | ${mdCell(d.terms.join(', '))} |`);
  }
  const legacy = result.postings.flatMap((p) => (p.verdict?.legacy ?? []).map((l) => `- ${mdCell(p.source)}: ${mdCell(l.note)}`));
  if (legacy.length) out.push('', '## Older stack named', '', ...legacy);
  return `${out.join('\n')}\n`;
}

export const markdownReporter: Reporter = { name: 'markdown', render: renderMarkdown };
