#!/usr/bin/env node
// npm run fuzz [-- --seconds N] [--seed S] [--only NAME]: the property tests' invariants (shared
// with tests/fuzz-*.test.ts through tests/helpers/fuzz-cases.mjs), run against the built package
// (dist/) for a set time instead of a fixed number of cases, round robin with fresh seeds, plus
// the CLI under other time zones and locales. Prints how many cases each invariant tried; exits 1
// with the counterexample (and the seed to replay it) when one fails. Build first: npm run build.
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { makeInvariants, readBuiltinEntries, unicodeText } from '../tests/helpers/fuzz-cases.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(join(root, 'dist', p));
const cli = join(root, 'dist/cli/main.js');
if (!existsSync(cli)) {
  console.error('fuzz: dist/ is missing; run npm run build first');
  process.exit(2);
}

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}
const seconds = Number(flag('seconds', '60'));
const baseSeed = Number(flag('seed', String(Date.now() % 2 ** 31)));
const only = flag('only', '');
if (!(seconds > 0) || !Number.isFinite(baseSeed)) {
  console.error('usage: node bench/fuzz.mjs [--seconds N] [--seed S] [--only NAME]');
  process.exit(2);
}

const [explain, analyze, errors, ingestErrors, extract, depth, posting, toText, engine, load, match, report, table, document] = await Promise.all(
  ['cli/explain-command.js', 'analyze.js', 'errors.js', 'ingest/errors.js', 'ingest/extract.js', 'ingest/html-depth.js', 'ingest/html-posting.js', 'ingest/html-to-text.js', 'lexicon/engine.js', 'lexicon/load.js', 'match/match.js', 'report/index.js', 'table/run-table.js', 'text/document.js'].map(dist),
);
const lib = {
  renderExplain: explain.renderExplain, createAnalyzer: analyze.createAnalyzer, analyzePosting: analyze.analyzePosting, buildResult: analyze.buildResult, reporters: report.reporters,
  htmlToText: toText.htmlToText, htmlToPostings: posting.htmlToPostings, flattenDeepHtml: depth.flattenDeepHtml, extractBytes: extract.extractBytes,
  runTable: table.runTable, readLexicons: load.readLexicons, formatProblem: load.formatProblem, buildEngine: engine.buildEngine, matchDoc: match.matchDoc,
  prepare: document.prepare, parseCsv: parse, IngestError: ingestErrors.IngestError, CertfitError: errors.CertfitError,
  builtinEntries: readBuiltinEntries(readFileSync, load.LEXICON_DIR),
};
const tmp = mkdtempSync(join(tmpdir(), 'certfit-fuzz-'));

/** The CLI in two very different environments: the bytes must not change. */
const ENVS = [
  { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
  { TZ: 'America/St_Johns', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
];
let envCase = 0;
const cliInvariant = {
  name: 'cli: the same input gives the same bytes in any time zone and locale',
  arbitrary: fc.record({ texts: fc.array(unicodeText, { minLength: 1, maxLength: 3 }), format: fc.constantFrom('json', 'text', 'markdown', 'html', 'csv') }),
  check({ texts, format }) {
    const dir = join(tmp, `cli-${envCase++}`);
    const inputs = [];
    if (format === 'csv') {
      const path = `${dir}.csv`;
      writeFileSync(path, `description\n${texts.map((t) => `"${t.replace(/"/g, '""')}"`).join('\n')}\n`);
      inputs.push(path);
    } else {
      texts.forEach((t, i) => {
        const path = `${dir}-${i}.txt`;
        writeFileSync(path, t);
        inputs.push(path);
      });
    }
    const outputs = [ENVS[0], ENVS[1 + (envCase % 2)]].map((env) => {
      const r = spawnSync(process.execPath, [cli, 'analyze', ...inputs, '--format', format, '--as-of', '2026-01-15', '--no-progress'], { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 });
      if (r.status === null || r.status > 1) throw new Error(`exit ${r.status} ${r.signal ?? ''} under ${JSON.stringify(env)}: ${r.stderr}`);
      return r.stdout;
    });
    if (!outputs[0].equals(outputs[1])) throw new Error(`${format} output differs between ${JSON.stringify(ENVS[0])} and another environment`);
  },
};

const invariants = [...makeInvariants(lib, { tmp }), cliInvariant].filter((i) => !only || i.name.includes(only));
if (invariants.length === 0) {
  console.error(`fuzz: no invariant matches ${only}`);
  process.exit(2);
}
const stats = invariants.map((inv) => ({ inv, cases: 0, rounds: 0, ms: 0 }));
// Each round gives every invariant about the same time (ROUND_MS), so cheap ones try more cases;
// the CLI (two processes per case) runs one case every other round.
const ROUND_MS = 300;
const batch = (s) => (s.inv === cliInvariant ? 1 : s.cases === 0 ? 10 : Math.max(1, Math.min(1000, Math.round(ROUND_MS / Math.max(0.05, s.ms / s.cases)))));

console.log(`certfit fuzz: ${invariants.length} invariant(s) for ${seconds} s, seed ${baseSeed}`);
const deadline = Date.now() + seconds * 1000;
let failure;
outer: for (let round = 0; Date.now() < deadline; round++) {
  for (const s of stats) {
    if (Date.now() >= deadline) break outer;
    // The CLI costs about half a second a case: give it every other round.
    if (s.inv === cliInvariant && round % 2 !== 0) continue;
    const seed = (baseSeed + round * 7919 + stats.indexOf(s)) | 0;
    const started = Date.now();
    const result = await fc.check(fc.asyncProperty(s.inv.arbitrary, async (v) => s.inv.check(v)), { seed, numRuns: batch(s), endOnFailure: true });
    s.ms += Date.now() - started;
    s.cases += result.numRuns;
    s.rounds++;
    if (result.failed) {
      failure = { s, seed, result };
      break outer;
    }
  }
}

const width = Math.max(...stats.map((s) => s.inv.name.length));
console.log(`\n${'invariant'.padEnd(width)}  ${'cases'.padStart(8)}  ${'ms/case'.padStart(8)}`);
for (const s of stats) console.log(`${s.inv.name.padEnd(width)}  ${String(s.cases).padStart(8)}  ${(s.cases ? s.ms / s.cases : 0).toFixed(2).padStart(8)}`);
console.log(`${'total'.padEnd(width)}  ${String(stats.reduce((n, s) => n + s.cases, 0)).padStart(8)}`);
rmSync(tmp, { recursive: true, force: true });
if (failure) {
  const { s, seed, result } = failure;
  console.error(`\nFAILED: ${s.inv.name}\nreplay: node bench/fuzz.mjs --seed ${baseSeed} --only '${s.inv.name.split(':')[0]}' (round seed ${seed}, path ${result.counterexamplePath})`);
  console.error(`counterexample: ${fc.stringify(result.counterexample)}`);
  console.error(result.errorInstance?.stack ?? result.error);
  process.exit(1);
}
console.log('\nno invariant failed');
