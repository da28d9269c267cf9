#!/usr/bin/env node
// `npm run bench`: figures, no pass/fail. Matching alone (in memory), the CSV-to-CSV pipeline
// (the built CLI, one core and --jobs 2), peak RSS, startup to first output, and ripgrep over the
// same text as a yardstick. Needs `npm run build` first. Options: --rows N (generated input size),
// --profile (CPU profile of matching, top functions printed).
import { spawn, spawnSync } from 'node:child_process';
import { clearInterval, setInterval } from 'node:timers';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchInput, BENCH_DIR, headCsv } from './corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, d) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);

if (!existsSync(join(DIST, 'cli/main.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const mb = (bytes) => bytes / 1e6;
const fmt = (x, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const CLI = [join(DIST, 'cli/main.js')];

async function matching(texts) {
  const { loadLexicons } = await import(`${DIST}/lexicon/load.js`);
  const { buildEngine } = await import(`${DIST}/lexicon/engine.js`);
  const { prepare } = await import(`${DIST}/text/document.js`);
  const { matchDoc } = await import(`${DIST}/match/match.js`);
  const { scan } = await import(`${DIST}/match/scan.js`);
  const { createAnalyzer, analyzePosting } = await import(`${DIST}/analyze.js`);
  let t = performance.now();
  const engine = buildEngine(loadLexicons());
  const buildMs = performance.now() - t;
  const docs = [];
  t = performance.now();
  for (const text of texts) docs.push(prepare(text));
  const prepareMs = performance.now() - t;
  t = performance.now();
  let mentions = 0;
  for (const doc of docs) mentions += matchDoc(engine, doc).mentions.length;
  const matchMs = performance.now() - t;
  docs.length = 0;
  // The scanner alone (every candidate, before context gates, sentences and sections): what rg does.
  let candidates = 0;
  t = performance.now();
  for (const text of texts) candidates += scan(engine, text).length;
  const scanMs = performance.now() - t;
  const a = createAnalyzer();
  t = performance.now();
  texts.forEach((text, i) => analyzePosting(a, { id: String(i), source: String(i), text }));
  const analyzeMs = performance.now() - t;
  return { engine, buildMs, prepareMs, matchMs, scanMs, candidates, analyzeMs, mentions };
}

/** Runs the CLI; wall time, peak RSS (KB) and time to the first byte on stdout. */
function runCli(cliArgs, { stdout = 'ignore' } = {}) {
  const time = existsSync('/usr/bin/time');
  const cmd = time ? '/usr/bin/time' : process.execPath;
  const full = time ? ['-f', '__RSS %M', process.execPath, ...CLI, ...cliArgs] : [...CLI, ...cliArgs];
  return new Promise((resolve) => {
    const started = performance.now();
    let first = null;
    let stderr = '';
    const child = spawn(cmd, full, { cwd: ROOT, stdio: ['ignore', stdout === 'pipe' ? 'pipe' : 'ignore', 'pipe'] });
    child.stdout?.on('data', () => (first ??= performance.now() - started));
    child.stderr.on('data', (d) => (stderr += d));
    let hwm = 0;
    const poll = time ? null : setInterval(() => {
      try {
        hwm = Math.max(hwm, Number(readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? 0));
      } catch {
        // gone
      }
    }, 50);
    child.on('exit', (code) => {
      if (poll) clearInterval(poll);
      const rss = Number(stderr.match(/__RSS (\d+)/)?.[1] ?? hwm);
      resolve({ code, ms: performance.now() - started, rssKb: rss, firstMs: first, stderr: stderr.replace(/__RSS \d+\n?/, '') });
    });
  });
}

function ripgrep(engine, texts) {
  const forms = join(BENCH_DIR, 'surface-forms.txt');
  const corpus = join(BENCH_DIR, 'texts.txt');
  writeFileSync(forms, `${engine.surfaceForms.join('\n')}\n`);
  writeFileSync(corpus, texts.join('\n\u001e\n'));
  if (spawnSync('rg', ['--version']).status !== 0) return null;
  const t = performance.now();
  const r = spawnSync('rg', ['-i', '-F', '-w', '-c', '-f', forms, corpus], { encoding: 'utf8' });
  return { ms: performance.now() - t, lines: r.stdout.trim(), forms: engine.surfaceForms.length };
}

function profileMatching(path) {
  const dir = join(BENCH_DIR, 'profile');
  rmSync(dir, { recursive: true, force: true });
  spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, fileURLToPath(import.meta.url), '--match-only', path], { stdio: 'inherit' });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (const s of p.samples) {
    const f = byId.get(s).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(dist|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  console.log(`\nCPU profile of matching (${file}), top self time:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${fmt((100 * v) / p.samples.length)}%  ${k}`);
}

async function main() {
  if (flag('--match-only')) {
    await matching(readFileSync(value('--match-only'), 'utf8').split('\n\u001e\n'));
    return;
  }
  const input = await benchInput({ rows: Number(value('--rows', 20000)) });
  const { texts, path } = input;
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  console.log(`certfit bench · node ${process.version} · ${process.env.CERTFIT_BENCH_NOTE ?? ''}`);
  console.log(`input: ${input.source}`);
  console.log(`       ${texts.length} postings, ${fmt(mb(bytes))} MB of posting text (UTF-8), CSV ${path}`);
  console.log(`cli:   ${CLI.join(' ')}\n`);

  const m = await matching(texts);
  const rate = (ms) => `${fmt(texts.length / (ms / 1000), 0)} rows/s, ${fmt(mb(bytes) / (ms / 1000))} MB/s`;
  console.log(`engine build:            ${fmt(m.buildMs)} ms (${m.engine.surfaceForms.length} surface forms)`);
  console.log(`scan alone (candidates): ${rate(m.scanMs)}   (${m.candidates} candidates)`);
  console.log(`prepare (lines, sentences, sections): ${rate(m.prepareMs)}`);
  console.log(`matchDoc alone:          ${rate(m.matchMs)}   (${m.mentions} mentions)`);
  console.log(`prepare + matchDoc:      ${rate(m.prepareMs + m.matchMs)}   target ≥100 MB/s on one core`);
  console.log(`analyzePosting (all):    ${rate(m.analyzeMs)}`);
  const rg = ripgrep(m.engine, texts);
  console.log(rg ? `rg -i -F -w -c -f (${rg.forms} forms): ${fmt(mb(bytes) / (rg.ms / 1000))} MB/s, ${fmt(rg.ms, 0)} ms (yardstick)` : 'rg: not installed, no yardstick');

  const out = join(BENCH_DIR, 'out.csv');
  const runs = [];
  for (const jobs of [1, 2]) {
    const r = await runCli(['analyze', path, '--format', 'csv', '-o', out, '--no-progress', '--jobs', String(jobs), '--summary', join(BENCH_DIR, 'summary.txt')]);
    runs.push(r);
    console.log(`\npipeline CSV→CSV --jobs ${jobs}: ${rate(r.ms)}, ${fmt(r.ms / 1000, 2)} s wall, peak RSS ${fmt(r.rssKb / 1024)} MB, exit ${r.code}${r.code > 1 ? `\n  ${r.stderr.trim()}` : ''}`);
  }
  console.log(`  --jobs 2 vs one core: ${fmt(runs[0].ms / runs[1].ms, 2)}×   targets: pipeline ≥40 MB/s, --jobs 2 ≥1.7×, peak RSS <200 MB`);
  const quarter = await headCsv(texts, Math.ceil(texts.length / 4), 'quarter.csv');
  const q = await runCli(['analyze', quarter, '--format', 'csv', '-o', join(BENCH_DIR, 'out-quarter.csv'), '--no-progress', '--summary', join(BENCH_DIR, 'summary.txt')]);
  console.log(`  memory flatness: peak RSS on a quarter of the input ${fmt(q.rssKb / 1024)} MB vs ${fmt(runs[0].rssKb / 1024)} MB on all of it`);

  const one = await headCsv(texts, 1, 'one.csv');
  const s = await runCli(['analyze', one, '--format', 'csv', '--no-progress', '--summary', join(BENCH_DIR, 'summary.txt')], { stdout: 'pipe' });
  console.log(`\nstartup, one posting: first output after ${fmt(s.firstMs ?? NaN, 0)} ms, exit after ${fmt(s.ms, 0)} ms`);
  const profile = flag('--profile') || mb(bytes) / ((m.prepareMs + m.matchMs) / 1000) < 50;
  if (profile) profileMatching(join(BENCH_DIR, 'texts.txt'));
}

try {
  await main();
} catch (err) {
  // An invalid or missing lexicon is the usual reason: say so in one line.
  console.error(`bench: ${err?.message ?? err}${err?.details?.length ? `\n  ${err.details.slice(0, 5).join('\n  ')}` : ''}`);
  process.exitCode = 2;
}
