#!/usr/bin/env node
// `node bench/eval-verdicts.mjs`: certfit's verdicts against hand-judged real postings.
//
// The postings live in ../shared/corpus and are read at run time, never copied into the project;
// bench/annotations/verdicts.json holds only where each one is (file, row), the sha256 of its
// text, the label a person gave it after reading it, and a one-line reason.
//
// Prints: accuracy on postings that clearly use one platform (target ≥ 95%), the abstention rate
// on postings that name no cloud (target ≥ 90%), a confusion table, every miss with its top
// reasons, and the two portfolio checks (AWS-heavy set, Azure AI-heavy set) as of today and as of
// 2025-06-01. Needs `npm run build` first. Options: --strict (exit 1 when a target or a portfolio
// check fails), --verbose (every posting, not just the misses).
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const ANNOTATIONS = join(ROOT, 'bench', 'annotations', 'verdicts.json');
const args = process.argv.slice(2);
const STRICT = args.includes('--strict');
const VERBOSE = args.includes('--verbose');
const PAST = '2025-06-01';

if (!existsSync(CORPUS)) {
  console.log(`eval-verdicts: the corpus folder ${CORPUS} is absent, so there is nothing to evaluate; skipped.`);
  process.exit(0);
}
if (!existsSync(join(DIST, 'index.js'))) {
  console.error('eval-verdicts: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const { createAnalyzer, analyzePosting, buildResult, DuplicateTracker, ingest } = await loadDist();
const { pickOnTrack } = await import(`${DIST}/score/catalog.js`);

async function loadDist() {
  const lib = await import(`${DIST}/index.js`);
  const { ingest } = await import(`${DIST}/ingest/index.js`);
  return { ...lib, ingest };
}

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

// ---- Reading the annotated postings back out of the corpus -------------------------------------

/** Every posting of one corpus file, keyed by row, read exactly as `certfit analyze` reads it. */
async function readCorpusFile(file, wanted) {
  const path = join(CORPUS, file);
  const out = new Map();
  if (!existsSync(path)) return out;
  if (file.endsWith('.jsonl.gz')) {
    // certfit reads .jsonl but not gzip: stream the JSON lines through the same table reader.
    const { openTable } = await import(`${DIST}/table/index.js`);
    const { rowJob, jobToPosting, isPosting } = await import(`${DIST}/table/row-posting.js`);
    const table = await openTable('-', { stdin: createReadStream(path).pipe(createGunzip()), inputFormat: 'jsonl' });
    try {
      for await (const row of table.rows) {
        if (!wanted.has(row.row)) continue;
        const p = jobToPosting(rowJob(table.meta.columns, row), file, 'text');
        if (isPosting(p)) out.set(row.row, p);
        if (out.size === wanted.size) break;
      }
    } finally {
      table.close();
    }
    return out;
  }
  const { createTableReader } = await import(`${DIST}/table/index.js`);
  for await (const item of ingest([path], { tableReader: createTableReader() })) {
    if (!item.ok) continue;
    const row = Number(item.posting.source.match(/#(\d+)$/)?.[1] ?? 1);
    if (wanted.has(row)) out.set(row, item.posting);
  }
  return out;
}

const annotations = JSON.parse(readFileSync(ANNOTATIONS, 'utf8')).postings;
const byFile = new Map();
for (const a of annotations) {
  if (!byFile.has(a.file)) byFile.set(a.file, new Set());
  byFile.get(a.file).add(a.row);
}
const texts = new Map();
for (const [file, rows] of byFile) {
  const read = await readCorpusFile(file, rows);
  for (const [row, p] of read) texts.set(`${file}#${row}`, p);
}

const cases = [];
const unreadable = [];
for (const a of annotations) {
  const p = texts.get(`${a.file}#${a.row}`);
  if (!p) unreadable.push(`${a.file}#${a.row}: not found in the corpus`);
  else if (sha256(p.text) !== a.sha256) unreadable.push(`${a.file}#${a.row}: text changed since it was judged (sha256 differs)`);
  else cases.push({ ...a, id: `${a.file}#${a.row}`, posting: p });
}

// ---- Per-posting verdicts ------------------------------------------------------------------------

const today = createAnalyzer();
for (const c of cases) c.result = analyzePosting(today, { ...c.posting, id: c.id, source: c.id });

const predicted = (v) => (v.platform ?? (v.label === 'either' ? 'either' : 'abstain'));
const rightOf = (c) => (c.label === 'none' ? c.result.verdict.platform === null : c.result.verdict.platform === c.label);

/** Accuracy on single-platform postings and abstention on no-cloud postings of some cases. */
function figures(of) {
  const single = of.filter((c) => c.label !== 'none');
  const none = of.filter((c) => c.label === 'none');
  const right = single.filter(rightOf).length;
  const abstained = none.filter(rightOf).length;
  return { single: single.length, right, none: none.length, abstained, accuracy: single.length ? right / single.length : 0, abstention: none.length ? abstained / none.length : 0 };
}

// The targets are judged on the postings that were not picked for how certfit treats them ("chosen"
// and "random"); "hard" ones were found where certfit disagreed with plain patterns, so they are
// shown apart and never flatter or sink the headline.
const fair = cases.filter((c) => c.stratum !== 'hard');
const f = figures(fair);
const accuracy = f.accuracy;
const abstention = f.abstention;

console.log(`certfit verdicts vs ${annotations.length} hand-judged postings from ${CORPUS} (catalog as of ${today.asOf})`);
if (unreadable.length) {
  console.log(`\n${unreadable.length} annotated posting(s) could not be checked:`);
  for (const u of unreadable) console.log(`  ${u}`);
}
console.log('\nTargets, on the chosen and random postings (not the hard ones):');
console.log(`  single-platform postings: ${f.right}/${f.single} right = ${pct(f.right, f.single)} (target ≥ 95%) ${accuracy >= 0.95 ? 'met' : 'NOT MET'}`);
console.log(`  no-cloud postings:        ${f.abstained}/${f.none} abstained = ${pct(f.abstained, f.none)} (target ≥ 90%) ${abstention >= 0.9 ? 'met' : 'NOT MET'}`);
console.log('\nBy stratum                single-platform right        no-cloud abstained');
for (const [name, of] of [['chosen', cases.filter((c) => c.stratum === 'chosen')], ['random', cases.filter((c) => c.stratum === 'random')], ['hard', cases.filter((c) => c.stratum === 'hard')], ['all', cases]]) {
  const g = figures(of);
  console.log(`  ${name.padEnd(22)}  ${`${g.right}/${g.single}`.padStart(7)} = ${pct(g.right, g.single).padStart(6)}          ${`${g.abstained}/${g.none}`.padStart(7)} = ${pct(g.abstained, g.none).padStart(6)}`);
}
for (const p of ['aws', 'azure', 'gcp']) {
  const of = cases.filter((c) => c.label === p);
  console.log(`  ${`${p} (all strata)`.padEnd(22)}  ${`${of.filter(rightOf).length}/${of.length}`.padStart(7)} = ${pct(of.filter(rightOf).length, of.length).padStart(6)}`);
}
const eitherNone = cases.filter((c) => c.label === 'none' && c.result.verdict.label === 'either').length;
if (eitherNone) console.log(`  (${eitherNone} no-cloud posting(s) got "either": platform null, so counted as abstaining)`);

// Confusion table: rows are the person's label, columns certfit's verdict.
const COLS = ['aws', 'azure', 'gcp', 'either', 'abstain'];
console.log('\nConfusion (rows: judged, columns: certfit; abstain = insufficient evidence)');
console.log(`  ${'judged'.padEnd(8)}${COLS.map((c) => c.padStart(8)).join('')}${'total'.padStart(8)}`);
for (const label of ['aws', 'azure', 'gcp', 'none']) {
  const row = cases.filter((c) => c.label === label);
  console.log(`  ${label.padEnd(8)}${COLS.map((col) => String(row.filter((c) => predicted(c.result.verdict) === col).length).padStart(8)).join('')}${String(row.length).padStart(8)}`);
}

const misses = cases.filter((c) => !rightOf(c));
const show = VERBOSE ? cases : misses;
console.log(`\n${VERBOSE ? 'Every posting' : `Misses (${misses.length})`}:`);
for (const c of show) {
  const v = c.result.verdict;
  const s = v.scores.platform;
  console.log(`  ${c.id} [${c.stratum}]  judged ${c.label}, certfit ${predicted(v)} (${v.label}, confidence ${v.confidence}; aws ${s.aws} · azure ${s.azure} · gcp ${s.gcp} · either ${v.scores.either})`);
  console.log(`    judged because: ${c.reason}`);
  for (const r of v.reasons.slice(0, 4)) {
    const forms = [...new Set(c.result.mentions.filter((m) => m.term === r.term).map((m) => `${m.form}@${m.section}`))].slice(0, 3).join(', ');
    console.log(`    ${String(Math.round(r.share * 100)).padStart(3)}%  ${r.name} [${r.platform ?? 'neutral'}] ×${r.count}  (${forms})`);
  }
}

// ---- Portfolio checks ----------------------------------------------------------------------------

function portfolio(set, asOf) {
  const a = createAnalyzer(asOf ? { asOf } : {});
  const dups = new DuplicateTracker();
  const results = set.map((c) => {
    const r = analyzePosting(a, { ...c.posting, id: c.id, source: c.id });
    dups.mark(r, c.posting.text);
    return r;
  });
  return { analyzer: a, summary: buildResult(a, results).summary.verdict };
}

const describe = (cert) => (cert ? `${cert.code} ${cert.name} (${cert.status})${cert.replaces ? `, replaces ${cert.replaces.code} (last exam day ${cert.replaces.lastExamDay})` : ''}` : 'none');

/** What the issue asks of a portfolio: the catalog's pick on the track as of the date, with the retired seed noted. */
function check(name, set, track, seedCode, asOf) {
  const { analyzer, summary } = portfolio(set, asOf);
  const expected = pickOnTrack(analyzer.catalog, track, analyzer.asOf, 'expected');
  const cert = summary.certification;
  const seedRetired = expected?.replaces?.code === seedCode;
  const ok = !!cert && cert.track === track && cert.code === expected?.code && (seedRetired ? cert.replaces?.code === seedCode : cert.code === seedCode);
  console.log(`  ${name}, as of ${analyzer.asOf}: ${summary.platform ?? 'no platform'} ${summary.track ?? ''} (${summary.label}, lean ${JSON.stringify(summary.lean)})`);
  console.log(`    recommends ${describe(cert)}`);
  console.log(`    expected   ${describe(expected)}${seedRetired ? '' : ` (${seedCode} still bookable)`}  ${ok ? 'OK' : 'MISMATCH'}`);
  return ok;
}

const awsSet = cases.filter((c) => c.portfolio === 'aws-heavy');
const azureSet = cases.filter((c) => c.portfolio === 'azure-ai');
console.log(`\nPortfolio checks (AWS-heavy set: ${awsSet.length} postings; Azure AI-heavy set: ${azureSet.length} postings)`);
const portfolioOk = [
  check('AWS-heavy', awsSet, 'aws-ml-engineering', 'MLS-C01'),
  check('AWS-heavy', awsSet, 'aws-ml-engineering', 'MLS-C01', PAST),
  check('Azure AI-heavy', azureSet, 'azure-ai-apps', 'AI-102'),
  check('Azure AI-heavy', azureSet, 'azure-ai-apps', 'AI-102', PAST),
].every(Boolean);

const allOk = accuracy >= 0.95 && abstention >= 0.9 && portfolioOk && unreadable.length === 0;
console.log(`\n${allOk ? 'All targets met.' : 'Some targets are not met (see above).'}`);
process.exit(STRICT && !allOk ? 1 : 0);
