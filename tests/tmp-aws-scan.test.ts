// THROWAWAY (aws/gcp lexicon helper): scans the shared corpus and prints ambiguous decisions. Delete after use.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { buildEngine } from '../src/lexicon/engine.js';
import { builtinLexiconFiles, readLexicons } from '../src/lexicon/load.js';
import { matchDoc } from '../src/match/match.js';
import { prepare } from '../src/text/document.js';

it('scan', () => {
  const { entries } = readLexicons(builtinLexiconFiles().filter((f) => existsSync(f)));
  const engine = buildEngine(entries);
  const amb = new Map<string, Set<string>>();
  for (const e of entries) for (const f of e.forms) if (typeof f !== 'string' && f.ambiguous) (amb.get(e.id) ?? amb.set(e.id, new Set()).get(e.id)!).add(f.text.toLowerCase());
  const mine = (id: string) => /^(aws|gcp)\./.test(id);
  const texts: string[] = [];
  for (const l of readFileSync('/tmp/remote.jsonl', 'utf8').split('\n')) { if (!l) continue; try { texts.push(JSON.parse(l).text ?? ''); } catch { /* */ } }
  for (const f of ['ai-ml-jobs-2022-2024.csv', 'data-jobs-2025.csv', 'data-scientist-2018.csv', 'uk-mixed-2026.csv']) {
    for (const r of parse(readFileSync('/work/shared/corpus/linkedin/' + f), { columns: true, relax_quotes: true, relax_column_count: true }) as Record<string, string>[]) texts.push(r.description ?? '');
  }
  const stats: Record<string, number> = {}; const samples: Record<string, string[]> = {};
  for (const t of texts) {
    const doc = prepare(t);
    const r = matchDoc(engine, doc);
    const rec = (id: string, form: string, kind: string, s: number, e: number) => {
      if (!mine(id)) return;
      const k = `${id} ${kind}`;
      stats[k] = (stats[k] ?? 0) + 1;
      (samples[k] ??= []).push(`${kind} | ${t.slice(Math.max(0, s - 70), e + 70).replace(/\s+/g, ' ')}`);
    };
    for (const m of r.mentions) if (m.gate.rule === 'sibling' || m.gate.rule === 'cue' || (amb.get(m.term)?.has(m.form.toLowerCase()) && m.gate.rule === 'vendor-prefix')) rec(m.term, m.form, m.gate.rule + ':' + m.gate.detail, m.start, m.end);
      else rec(m.term, m.form, 'plain', m.start, m.end);
    for (const x of r.rejected) rec(x.term, '', x.reason.code + ':' + x.reason.message.slice(0, 40), x.start, x.end);
  }
  const out: string[] = [`texts ${texts.length}`];
  const agg: Record<string, number> = {};
  for (const k of Object.keys(stats)) { const [id, kind] = [k.split(' ')[0], k.split(' ')[1].split(':')[0]]; agg[`${id} ${kind}`] = (agg[`${id} ${kind}`] ?? 0) + stats[k]; }
  for (const k of Object.keys(agg).sort()) out.push(`${k}: ${agg[k]}`);
  out.push('\n=== SAMPLES');
  const byIdKind: Record<string, string[]> = {};
  for (const k of Object.keys(samples)) { const kk = k.split(' ')[0] + ' ' + k.split(' ')[1].split(':')[0]; (byIdKind[kk] ??= []).push(...samples[k]); }
  for (const k of Object.keys(byIdKind).sort()) {
    if (k.endsWith(' plain') || k.endsWith(' vendor-prefix')) continue;
    const s = byIdKind[k]; out.push(`\n## ${k} (${s.length})`);
    const n = process.env.DUMP && k.startsWith(process.env.DUMP) ? s.length : Math.min(8, s.length);
    for (let i = 0; i < n; i++) out.push('   ' + s[Math.floor((i * s.length) / n)]);
  }
  writeFileSync('/tmp/lexgen/realscan.txt', out.join('\n'));
}, 600000);
