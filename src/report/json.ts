import type { Reporter } from './reporter.js';

export const jsonReporter: Reporter = {
  name: 'json',
  render: (result) => `${JSON.stringify(result, null, 2)}\n`,
};

/** One JSON object per posting, then the summary as the last line (`"type":"summary"`). */
export const ndjsonReporter: Reporter = {
  name: 'ndjson',
  render: (result) =>
    result.postings.map((p) => JSON.stringify({ type: 'posting', ...p })).join('\n') +
    (result.postings.length ? '\n' : '') +
    `${JSON.stringify({ type: 'summary', schemaVersion: result.schemaVersion, asOf: result.asOf, ...result.summary })}\n`,
};
