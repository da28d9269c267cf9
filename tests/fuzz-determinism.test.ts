// Determinism: the same input gives the same output, byte for byte, whatever the time zone, the
// locale, the clock (only --as-of or, without it, the UTC date counts) and the order in which
// lexicon entries or postings happen to be loaded. The CLI runs under very different TZ/LANG
// settings on random postings (a fixed seed) and every report format.
import fc from 'fast-check';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePosting, buildResult, createAnalyzer } from '../src/analyze.js';
import { buildEngine } from '../src/lexicon/engine.js';
import { builtinLexiconFiles, readLexicons } from '../src/lexicon/load.js';
import { matchDoc } from '../src/match/match.js';
import { portfolioVerdict } from '../src/score/portfolio.js';
import { prepare } from '../src/text/document.js';
import { AS_OF, baseEnv, certfitAsync, ensureBuilt, tempDir, type RunResult } from './helpers/cli.js';
import { unicodeText, WORDS } from './helpers/fuzz-cases.mjs';

const dir = tempDir('determinism');
/** Two environments as far apart as they get: UTC/C against UTC+14 in Turkish (dotless i, other collation). */
const ENV_A = { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' };
const ENV_B = { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', LANGUAGE: 'tr' };
const ENV_C = { TZ: 'Pacific/Pago_Pago', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };

const postingText = fc.array(fc.oneof(unicodeText, fc.constantFrom(...WORDS.map((w) => `${w}. `))), { minLength: 1, maxLength: 6 }).map((p) => p.join(' '));
const texts = fc.sample(postingText, { seed: 4242, numRuns: 6 });
const files: string[] = [];
let table = '';

beforeAll(() => {
  ensureBuilt();
  texts.forEach((t, i) => {
    const f = join(dir, `posting-${i}.${i % 3 === 2 ? 'html' : 'txt'}`);
    writeFileSync(f, i % 3 === 2 ? `<html><body><main><h2>Requirements</h2><p>${t.replace(/[<&]/g, ' ')}</p></main></body></html>` : t);
    files.push(f);
  });
  files.push('fixtures/examples/multi-cloud-data-scientist.txt', 'fixtures/examples/azure-ai-engineer.md');
  table = join(dir, 'table.csv');
  writeFileSync(table, `title;description\n${texts.map((t, i) => `Rôle ${i};"${t.replace(/"/g, '""')}"`).join('\n')}\n`);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same command in environment A and another; `later` starts the second on a later clock second. */
async function both(args: string[], envB: Record<string, string> = ENV_B, later = false): Promise<[RunResult, RunResult]> {
  if (!later) return Promise.all([certfitAsync(args, { env: baseEnv(ENV_A) }), certfitAsync(args, { env: baseEnv(envB) })]);
  const a = await certfitAsync(args, { env: baseEnv(ENV_A) });
  await new Promise((r) => setTimeout(r, 1100));
  return [a, await certfitAsync(args, { env: baseEnv(envB) })];
}

describe('the CLI under other time zones and locales', () => {
  for (const format of ['json', 'text', 'markdown', 'html']) {
    it(`--format ${format}: the same bytes`, async () => {
      const [a, b] = await both(['analyze', ...files, '--format', format, '--as-of', AS_OF, '--no-progress'], format === 'html' ? ENV_C : ENV_B, format === 'json' || format === 'html');
      expect(a.code).toBe(0);
      expect(b.code).toBe(a.code);
      expect(b.stdoutBytes.equals(a.stdoutBytes)).toBe(true);
    }, 30_000);
  }

  it('a table (--format csv, --jobs 2): the same bytes, summary included', async () => {
    const [a, b] = await both(['analyze', table, '--format', 'csv', '--jobs', '2', '--as-of', AS_OF, '--no-progress']);
    expect(a.code).toBe(0);
    expect(b.stdoutBytes.equals(a.stdoutBytes)).toBe(true);
    expect(b.stderr).toBe(a.stderr);
  }, 30_000);

  it('without --as-of the catalog date is the UTC date, not the local one (UTC+14 against UTC−11)', async () => {
    const utc = (): string => new Date().toISOString().slice(0, 10);
    const before = utc();
    const runs = await Promise.all([ENV_B, ENV_C].map((env) => certfitAsync(['analyze', files[0], '--format', 'json', '--no-progress'], { env: baseEnv(env) })));
    if (utc() !== before) return; // midnight UTC passed during the test: nothing to compare
    for (const r of runs) expect(JSON.parse(r.stdout).asOf).toBe(before);
  }, 30_000);
});

describe('no dependence on load order', () => {
  it('shuffling the lexicon entries changes no mention, rejection or verdict', () => {
    const { entries } = readLexicons(builtinLexiconFiles());
    const reference = buildEngine(entries);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 30 }).map((w) => w.join(' ')), fc.integer(), (text, seed) => {
        // A seeded Fisher–Yates shuffle of the entries.
        const shuffled = [...entries];
        let s = seed >>> 0 || 1;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        const strip = (r: ReturnType<typeof matchDoc>) => JSON.stringify({ m: r.mentions, x: r.rejected.map((x) => [x.start, x.term, x.reason.code]).sort() });
        expect(strip(matchDoc(buildEngine(shuffled), prepare(text)))).toBe(strip(matchDoc(reference, prepare(text))));
      }),
      { seed: 99, numRuns: 8 },
    );
  }, 60_000);

  it('the portfolio verdict does not depend on the order of the postings', () => {
    const a = createAnalyzer({ asOf: AS_OF });
    const results = [...texts, 'Amazon SageMaker and AWS Glue ETL.', 'Azure OpenAI, Azure AI Search and Azure Machine Learning.', 'Vertex AI and BigQuery.'].map((text, i) =>
      analyzePosting(a, { id: `p${i}`, source: `p${i}`, text: `${text} (${i})` }),
    );
    const reference = JSON.stringify(buildResult(a, results).summary);
    fc.assert(
      fc.property(fc.shuffledSubarray(results, { minLength: results.length, maxLength: results.length }), (order) => {
        expect(JSON.stringify(buildResult(a, order).summary)).toBe(reference);
        expect(JSON.stringify(portfolioVerdict(order, a.catalog, a.asOf))).toBe(JSON.stringify(portfolioVerdict(results, a.catalog, a.asOf)));
      }),
      { seed: 5, numRuns: 30 },
    );
  });
});
