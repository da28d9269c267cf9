#!/usr/bin/env node
// Mention precision and recall for AWS and Azure names, against postings annotated by hand
// (bench/annotations/mentions.json). The annotations hold no posting text: each posting is
// reloaded at run time from ../shared/corpus (never copied into the project), checked by its
// sha256, and run through the built certfit (dist/). Needs `npm run build` first.
//
//   node bench/eval-mentions.mjs            figures, then every miss per posting
//   node bench/eval-mentions.mjs --all      also every true positive
//   node bench/eval-mentions.mjs --json     figures and misses as JSON
//   node bench/eval-mentions.mjs --check    exit 1 when precision < 0.97 or recall < 0.95
//   node bench/eval-mentions.mjs --tag T    only the postings tagged T (e.g. held-out, false-friend:glue)
//
// Scoring: a predicted mention (platform aws or azure, any kind) is true when it overlaps a
// required gold mention of the same platform, ignored when it overlaps only optional gold
// spans of that platform, false otherwise. Recall counts required gold mentions overlapped by
// a prediction of the same platform.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const CORPUS = process.env.CERTFIT_CORPUS ?? fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const ANNOTATIONS = fileURLToPath(new URL('./annotations/mentions.json', import.meta.url));
const PLATFORMS = ['aws', 'azure'];
const TARGET = { precision: 0.97, recall: 0.95 };

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);

if (!existsSync(CORPUS)) {
  console.log(`eval-mentions: the corpus folder ${CORPUS} is absent, so there is nothing to measure (the annotations point into it). Skipped.`);
  process.exit(0);
}
if (!existsSync(join(DIST, 'index.js'))) {
  console.error('eval-mentions: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const { analyzeTexts } = await import(`${DIST}/index.js`);
const { openTable } = await import(`${DIST}/table/open-table.js`);
const { rowJob } = await import(`${DIST}/table/row-posting.js`);
const { cellText } = await import(`${DIST}/table/cell-text.js`);
const { jsonCell } = await import(`${DIST}/table/jsonl-records.js`);

const sha256 = (s) => createHash('sha256').update(s, 'utf8').digest('hex');
const ann = JSON.parse(readFileSync(ANNOTATIONS, 'utf8'));

/** Posting texts of one corpus file, as certfit reads them, for the wanted rows (CSV, 0-based) or lines (JSONL, 1-based). */
async function loadTexts(file, wanted) {
  const path = join(CORPUS, file);
  const texts = new Map();
  if (!existsSync(path)) return texts;
  if (/\.jsonl(\.gz)?$/.test(file)) {
    const input = createReadStream(path);
    const lines = createInterface({ input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      n++;
      if (!wanted.has(n)) continue;
      texts.set(n, cellText(jsonCell(JSON.parse(line).text)));
      if (texts.size === wanted.size) break;
    }
    lines.close();
    input.destroy();
    return texts;
  }
  const table = await openTable(path);
  try {
    for await (const row of table.rows) {
      const key = row.row - 1;
      if (!wanted.has(key) || row.error) continue;
      texts.set(key, cellText(rowJob(table.meta.columns, row).text));
      if (texts.size === wanted.size) break;
    }
  } finally {
    table.close();
  }
  return texts;
}

const keyOf = (p) => (p.row !== undefined ? p.row : p.line);
const label = (p) => `${p.file} ${p.row !== undefined ? `row ${p.row}` : `line ${p.line}`}`;

const tagArg = args.includes('--tag') ? args[args.indexOf('--tag') + 1] : null;
const selected = ann.postings.filter((p) => !tagArg || p.tags.some((t) => t === tagArg || t.startsWith(`${tagArg}:`)));
const byFile = new Map();
for (const p of selected) {
  if (!byFile.has(p.file)) byFile.set(p.file, new Set());
  byFile.get(p.file).add(keyOf(p));
}
const loaded = new Map();
for (const [file, wanted] of byFile) loaded.set(file, await loadTexts(file, wanted));

const usable = [];
const skipped = [];
for (const p of selected) {
  const text = loaded.get(p.file)?.get(keyOf(p));
  if (text === undefined) skipped.push(`${label(p)}: not found in the corpus`);
  else if (sha256(text) !== p.sha256) skipped.push(`${label(p)}: text differs from the annotated one (sha256 mismatch)`);
  else usable.push({ ...p, text });
}

const subsetOf = (p) => (p.tags.includes('held-out') ? 'held-out' : 'tuning set');
const result = analyzeTexts(usable.map((p, i) => ({ id: String(i), text: p.text })));
const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const zero = () => ({ tp: 0, fp: 0, ignored: 0, gold: 0, found: 0 });
const totals = { all: zero(), aws: zero(), azure: zero() };
// The postings annotated after the lexicon was tuned (tag held-out) are also scored apart.
const subsets = { 'tuning set': zero(), 'held-out': zero() };
const perPosting = [];

usable.forEach((p, i) => {
  const mentions = result.postings[i].mentions.filter((m) => PLATFORMS.includes(m.platform));
  const required = p.gold.filter((g) => !g.optional);
  const fps = [];
  const tps = [];
  for (const m of mentions) {
    const same = p.gold.filter((g) => g.platform === m.platform && overlaps(g, m));
    const kind = same.some((g) => !g.optional) ? 'tp' : same.length ? 'ignored' : 'fp';
    for (const t of [totals.all, totals[m.platform], subsets[subsetOf(p)]]) t[kind]++;
    if (kind === 'fp') fps.push(m);
    if (kind === 'tp') tps.push(m);
  }
  const fns = [];
  for (const g of required) {
    const hit = mentions.some((m) => m.platform === g.platform && overlaps(g, m));
    for (const t of [totals.all, totals[g.platform], subsets[subsetOf(p)]]) {
      t.gold++;
      if (hit) t.found++;
    }
    if (!hit) fns.push(g);
  }
  perPosting.push({ p, fps, fns, tps, predicted: mentions.length, required: required.length });
});

const ratio = (a, b) => (b === 0 ? 1 : a / b);
const figures = (t) => ({ precision: ratio(t.tp, t.tp + t.fp), recall: ratio(t.found, t.gold), tp: t.tp, fp: t.fp, fn: t.gold - t.found, gold: t.gold, ignored: t.ignored });
const report = { postings: usable.length, skipped, all: figures(totals.all), aws: figures(totals.aws), azure: figures(totals.azure) };
report.subsets = Object.fromEntries(Object.entries(subsets).map(([k, t]) => [k, { postings: usable.filter((p) => subsetOf(p) === k).length, ...figures(t) }]));
const snippet = (text, s, e) => text.slice(Math.max(0, s - 40), Math.min(text.length, e + 40)).replace(/\s+/g, ' ');

if (flag('--json')) {
  report.misses = perPosting.filter((x) => x.fps.length || x.fns.length).map(({ p, fps, fns }) => ({
    posting: label(p),
    falsePositives: fps.map((m) => ({ term: m.term, platform: m.platform, text: m.text, start: m.start, end: m.end, gate: m.gate })),
    falseNegatives: fns.map((g) => ({ term: g.term, platform: g.platform, text: p.text.slice(g.start, g.end), start: g.start, end: g.end })),
  }));
  console.log(JSON.stringify(report, null, 2));
} else {
  const pct = (x) => x.toFixed(3);
  console.log(`certfit mention evaluation: ${usable.length} annotated postings${tagArg ? ` tagged ${tagArg}` : ''} from ${CORPUS}`);
  for (const s of skipped) console.log(`  skipped ${s}`);
  console.log(`\n           precision  recall     TP    FP    FN   gold  ignored`);
  for (const k of ['aws', 'azure', 'all']) {
    const f = report[k];
    console.log(`  ${k.padEnd(7)}  ${pct(f.precision).padStart(9)}  ${pct(f.recall).padStart(6)}  ${String(f.tp).padStart(5)} ${String(f.fp).padStart(5)} ${String(f.fn).padStart(5)} ${String(f.gold).padStart(6)} ${String(f.ignored).padStart(8)}`);
  }
  for (const [k, f] of Object.entries(report.subsets)) {
    if (f.postings === 0 || f.postings === usable.length) continue;
    console.log(`  ${k.padEnd(11)} ${pct(f.precision).padStart(5)}  ${pct(f.recall).padStart(6)}  ${String(f.tp).padStart(5)} ${String(f.fp).padStart(5)} ${String(f.fn).padStart(5)} ${String(f.gold).padStart(6)} ${String(f.ignored).padStart(8)}   (${f.postings} postings)`);
  }
  console.log(`  target: precision >= ${TARGET.precision}, recall >= ${TARGET.recall} (aws + azure together)`);
  console.log('  (TP/FP count predicted mentions; FN and gold count gold mentions; ignored = predictions that overlap only optional gold)');
  const shown = perPosting.filter((x) => x.fps.length || x.fns.length || flag('--all'));
  if (shown.length) console.log('\nPer posting:');
  for (const { p, fps, fns, tps, predicted, required } of shown) {
    console.log(`\n${label(p)}  [${p.tags.join(', ')}]  predicted ${predicted}, gold ${required}`);
    for (const m of fps) console.log(`  FP ${m.platform.padEnd(5)} ${m.term} ${JSON.stringify(m.text)} via ${m.gate.rule}${m.gate.detail ? ` (${m.gate.detail})` : ''}  …${snippet(p.text, m.start, m.end)}…`);
    for (const g of fns) console.log(`  FN ${g.platform.padEnd(5)} ${g.term} ${JSON.stringify(p.text.slice(g.start, g.end))}  …${snippet(p.text, g.start, g.end)}…`);
    if (flag('--all')) for (const m of tps) console.log(`  TP ${m.platform.padEnd(5)} ${m.term} ${JSON.stringify(m.text)} via ${m.gate.rule}`);
  }
}

if (flag('--check') && (report.all.precision < TARGET.precision || report.all.recall < TARGET.recall)) process.exit(1);
