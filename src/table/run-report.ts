// What a table run tells the user on stderr: a progress line while it runs (only on a TTY:
// rows, rows/s, ETA from bytes read against the file's size), and the portfolio summary at the
// end (the text reporter's verdict lines, or JSON for a --summary FILE ending in .json).
import type { AnalysisResult, Summary } from '../model.js';
import { renderText } from '../report/text.js';
import { VERSION } from '../version.js';

export interface TableProgress {
  tick(rows: number, bytesRead: number, size: number | undefined): void;
  end(): void;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m}m${String(Math.round(seconds % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function createTableProgress(enabled: boolean, out: NodeJS.WriteStream = process.stderr): TableProgress {
  if (!enabled) return { tick: () => {}, end: () => {} };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    tick(rows, bytesRead, size) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      const secs = Math.max(0.001, (now - started) / 1000);
      const rate = rows / secs;
      const eta = size && bytesRead > 0 ? ` · ${Math.min(100, (100 * bytesRead) / size).toFixed(0)}% · ETA ${duration((secs * (size - bytesRead)) / bytesRead)}` : '';
      out.write(`\r\u001b[2Kcertfit: ${rows} rows · ${rate.toFixed(0)} rows/s${eta}`);
    },
    end() {
      if (shown) out.write('\r\u001b[2K');
    },
  };
}

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
