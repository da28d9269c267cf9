// What a table run tells the user at the end: the portfolio summary (the text reporter's verdict
// lines, or JSON for a --summary FILE ending in .json). Its progress line is in cli/progress.ts.
import type { AnalysisResult, Summary } from '../model.js';
import { renderText } from '../report/text.js';
import { VERSION } from '../version.js';

export function summaryResult(asOf: string, summary: Summary): AnalysisResult {
  return { schemaVersion: 1, tool: { name: 'certfit', version: VERSION }, asOf, postings: [], summary };
}

export function renderSummaryText(asOf: string, summary: Summary, color = false): string {
  // Without postings the text report is its header line and the portfolio verdict.
  return renderText(summaryResult(asOf, summary), { color })
    .replace(/\n\n\n/g, '\n\n')
    .replace('failed (see above)', 'failed (see their rows in the output)');
}

export function renderSummaryJson(asOf: string, summary: Summary): string {
  const { postings: _postings, ...rest } = summaryResult(asOf, summary);
  return `${JSON.stringify(rest, null, 2)}\n`;
}

export function renderSummary(asOf: string, summary: Summary, file?: string, color = false): string {
  return file && /\.json$/i.test(file) ? renderSummaryJson(asOf, summary) : renderSummaryText(asOf, summary, color);
}
