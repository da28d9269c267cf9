// The CLI end to end on the built program: outputs, verdicts as of a date, exit codes, errors.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/model.js';

const MAIN = 'dist/cli/main.js';
const tmp = mkdtempSync(join(tmpdir(), 'certfit-cli-'));

function certfit(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const json = (args: string[]) => JSON.parse(certfit([...args, '--format', 'json']).out) as AnalysisResult;

beforeAll(() => {
  // The CLI runs from dist/: build it when missing or older than the sources.
  const stale = !existsSync(MAIN) || statSync(MAIN).mtimeMs < statSync('src/analyze.ts').mtimeMs;
  if (stale) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
}, 120_000);

describe('certfit analyze', () => {
  it('analyses the bundled examples and exits 0', () => {
    const r = certfit(['analyze', 'fixtures/examples']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/aws-ml-engineer\.txt\s+AWS · strong/);
    expect(r.out).toMatch(/store-manager\.txt\s+insufficient evidence/);
    expect(r.out).toMatch(/^Verdict: /m);
    expect(r.err).toBe('');
  });

  it('shows a table row without posting text as empty, not as a failure', () => {
    const r = certfit(['analyze', 'fixtures/table/basic.csv']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/basic\.csv#5\s+empty \(no posting text\)$/m);
    expect(r.out).toMatch(/ 0 failed, 1 duplicate\(s\), 1 empty$/m);
    expect(certfit(['analyze', 'fixtures/table/basic.csv', '--format', 'markdown']).out).toMatch(/ 0 failed, 1 duplicate\(s\), 1 empty\.$/m);
  });

  it('writes versioned JSON with exact evidence', () => {
    const result = json(['fixtures/examples/aws-ml-engineer.txt', '--include-text']);
    expect(result.schemaVersion).toBe(1);
    const [p] = result.postings;
    expect(p.status).toBe('ok');
    for (const m of p.mentions) expect(p.text!.slice(m.start, m.end)).toBe(m.text);
    const glue = p.rejected.find((r) => r.text.toLowerCase() === 'glue');
    expect(glue?.reason.code).toBe('negative-cue');
    expect(p.mentions.some((m) => m.term === 'aws.bedrock' && m.section === 'preferred')).toBe(true);
  });

  it('names the current certification, and the seed as of 2025-06-01', () => {
    const aws = json(['fixtures/portfolio/aws']).summary.verdict;
    expect(aws.platform).toBe('aws');
    expect(aws.certification?.code).toBe('MLA-C02');
    expect(aws.certification?.replaces).toMatchObject({ code: 'MLS-C01', lastExamDay: '2026-03-31' });
    const azure = json(['fixtures/portfolio/azure']).summary.verdict;
    expect(azure.platform).toBe('azure');
    expect(azure.certification?.code).toBe('AI-103');
    expect(azure.certification?.replaces).toMatchObject({ code: 'AI-102', lastExamDay: '2026-06-30' });
    expect(json(['fixtures/portfolio/aws', '--as-of', '2025-06-01']).summary.verdict.certification?.code).toBe('MLS-C01');
    expect(json(['fixtures/portfolio/azure', '--as-of', '2025-06-01']).summary.verdict.certification?.code).toBe('AI-102');
    expect(aws.studyFocus.length).toBeGreaterThan(0);
  });

  it('accounts for every input and exits 1 when some failed, still writing the report', () => {
    const out = join(tmp, 'report.json');
    const r = certfit(['fixtures/examples/store-manager.txt', 'no/such/file.txt', '--format', 'json', '-o', out]);
    expect(r.code).toBe(1);
    const result = JSON.parse(readFileSync(out, 'utf8')) as AnalysisResult;
    expect(result.postings.map((p) => [p.source, p.status])).toEqual([['fixtures/examples/store-manager.txt', 'ok'], ['no/such/file.txt', 'error']]);
    expect(result.postings[1].error?.code).toBe('ENOENT');
  });

  it('reads stdin with -', () => {
    const r = certfit(['-', '--format', 'json'], 'We build on Amazon SageMaker and AWS Glue.');
    expect(JSON.parse(r.out).postings[0].mentions.map((m: { term: string }) => m.term)).toEqual(['aws.sagemaker', 'aws.glue']);
  });

  it('renders Markdown with the same verdict', () => {
    const r = certfit(['fixtures/portfolio/aws', '--format', 'markdown']);
    expect(r.out).toMatch(/^# certfit report/);
    expect(r.out).toMatch(/MLA-C02/);
  });
});

describe('usage and configuration errors exit 2 with one clear line', () => {
  it('rejects a bad flag value', () => {
    const r = certfit(['fixtures/examples', '--as-of', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('certfit: invalid value for --as-of ("2026-02-30"): a real calendar date\n');
    for (const jobs of ['0', '1.5', 'two']) {
      const j = certfit(['fixtures/examples', '--jobs', jobs]);
      expect(j.code).toBe(2);
      expect(j.err).toBe(`certfit: invalid value for --jobs ("${jobs}"): expected a whole number of 1 or more\n`);
    }
    expect(certfit(['fixtures/examples', '--format', 'yaml']).code).toBe(2);
    // commander's own errors too are one certfit line.
    expect(certfit(['fixtures/examples', '--format', 'yaml']).err).toMatch(/^certfit: option '-f, --format <format>' argument 'yaml' is invalid\. .* \(run with --help for usage\)\n$/);
    expect(certfit(['fixtures/examples', '--no-such-flag']).err).toBe("certfit: unknown option '--no-such-flag' (run with --help for usage)\n");
    const noFolder = certfit(['fixtures/examples', '--summary', join(tmp, 'no-such-folder', 's.txt')]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.err).toMatch(/^certfit: cannot write .*s\.txt: the folder does not exist \(create it first\)\n$/);
    const notTable = certfit(['fixtures/examples', '--summary', join(tmp, 's.txt')]);
    expect(notTable.code).toBe(2);
    expect(notTable.err).toBe('certfit: --summary goes with a table scored as --format csv or ndjson; a --format text report has its summary in it\n');
    const delimiter = certfit(['fixtures/table/basic.csv', '--delimiter', ';;']);
    expect(delimiter.code).toBe(2);
    expect(delimiter.err).toBe('certfit: invalid value for --delimiter (";;"): expected a single character\n');
    expect(certfit(['fixtures/examples', '--no-such-flag']).code).toBe(2);
  });

  it('rejects an invalid user lexicon, naming file, path and problem', () => {
    const bad = join(tmp, 'bad-lexicon.json');
    writeFileSync(bad, JSON.stringify({ lexicon: 'mine', entries: [{ id: 'aws.x', name: 'X', platform: 'aws', kind: 'service', category: 'ml', weight: 7, forms: ['X Service'], source: 'https://example.com', examples: { match: ['X Service'] } }] }));
    const r = certfit(['fixtures/examples', '--lexicon', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^certfit: invalid lexicon/);
    const check = certfit(['lexicon', 'check', bad]);
    expect(check.code).toBe(2);
    expect(check.out).toContain(`${bad}: entries[0] (aws.x).weight:`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('adds a valid user lexicon to the run', () => {
    const mine = join(tmp, 'mine.json');
    writeFileSync(mine, JSON.stringify({ lexicon: 'mine', entries: [{ id: 'skill.widgetry', name: 'Widgetry', platform: null, kind: 'skill', category: 'ml', weight: 1, forms: ['widgetry'], source: 'https://example.com', examples: { match: ['widgetry'] } }] }));
    expect(certfit(['lexicon', 'check', mine]).code).toBe(0);
    const r = certfit(['-', '--lexicon', mine, '--format', 'json'], 'We love widgetry.');
    expect(JSON.parse(r.out).postings[0].mentions[0].term).toBe('skill.widgetry');
  });

  it('reports an unwritable output as a usage error and leaves no file', () => {
    const r = certfit(['fixtures/examples', '-o', join(tmp, 'missing-dir', 'out.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the folder does not exist/);
  });
});

describe('certfit explain and catalog', () => {
  it('shows accepted and rejected candidates with reasons', () => {
    const r = certfit(['explain', 'fixtures/examples/store-manager.txt']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✗ .*"bedrock".*bedrock of/i);
  });
  it('lists certifications as of a date', () => {
    expect(certfit(['catalog', '--as-of', '2026-11-26']).out).toMatch(/MLS-C01\s+retired/);
    expect(certfit(['catalog', '--as-of', '2025-06-01']).out).toMatch(/MLS-C01\s+available/);
  });
});
