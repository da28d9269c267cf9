// `certfit explain`: every candidate in one posting, accepted or rejected, and why (cspell's `trace`).
import { analyzePosting, createAnalyzer } from '../analyze.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../errors.js';
import { ingest } from '../ingest/index.js';
import type { PostingResult } from '../model.js';
import { oneLine } from '../report/sanitize.js';
import { writeOutput } from './output.js';

const RULE: Record<string, string> = {
  unambiguous: 'unambiguous name',
  'vendor-prefix': 'vendor prefix',
  sibling: 'sibling service nearby',
  cue: 'cue nearby',
};

export function renderExplain(r: PostingResult): string {
  const out = [`${oneLine(r.source)}: ${r.mentions.length} mention(s), ${r.rejected.length} rejected`];
  const rows = [
    ...r.mentions.map((m) => ({ at: m.start, line: `  ✓ ${m.line}:${m.column} "${oneLine(m.text, 60)}" → ${m.term} (${m.section}, weight ${m.weight}): ${RULE[m.gate.rule]} "${oneLine(m.gate.detail, 60)}"${m.formerName ? `; old name (until ${m.formerName.until ?? '?'})` : ''}${m.lifecycle ? `; ${m.lifecycle.state}` : ''}` })),
    ...r.rejected.map((x) => ({ at: x.start, line: `  ✗ ${x.line}:${x.column} "${oneLine(x.text, 60)}" ✗ ${x.term}: ${oneLine(x.reason.message)}` })),
  ].sort((a, b) => a.at - b.at);
  out.push(...rows.map((x) => x.line));
  if (r.verdict) out.push('', `Verdict: ${r.verdict.sentence}`);
  return `${out.join('\n')}\n`;
}

export async function runExplain(input: string, opts: { lexicon?: string[]; json?: boolean }): Promise<number> {
  const analyzer = createAnalyzer({ lexicons: opts.lexicon ?? [] });
  let code = EXIT_OK;
  const parts: string[] = [];
  for await (const item of ingest([input])) {
    if (!item.ok) {
      process.stderr.write(`certfit: ${oneLine(item.source)}: ${oneLine(item.error.message)}\n`);
      code = EXIT_SOME_FAILED;
      continue;
    }
    const r = analyzePosting(analyzer, item.posting);
    parts.push(opts.json ? `${JSON.stringify({ mentions: r.mentions, rejected: r.rejected }, null, 2)}\n` : renderExplain(r));
  }
  writeOutput(undefined, parts.join('\n'));
  return code;
}
