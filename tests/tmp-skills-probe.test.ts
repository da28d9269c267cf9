import { it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { buildEngine } from '../src/lexicon/engine.js';
import { builtinLexiconFiles, readLexicons } from '../src/lexicon/load.js';
import { matchDoc } from '../src/match/match.js';
import { prepare } from '../src/text/document.js';

const files = builtinLexiconFiles().filter((f) => existsSync(f));
const engine = buildEngine(readLexicons(files).entries);
const show = (s: string) => {
  const r = matchDoc(engine, prepare(s));
  console.log(s, '\n   M:', r.mentions.map((m) => `${m.term}[${m.text}|${m.gate.rule}:${m.gate.detail}]`).join(' '),
    '\n   R:', r.rejected.map((m) => `${m.term}[${m.text}|${m.reason.code}]`).join(' '));
};
it('probe', () => {
  const sents = (process.env.PROBE ?? '').split('||').filter(Boolean);
  for (const s of sents) show(s);
});
it('corpus', () => {
  if (!process.env.CORPUS) return;
  const text = execSync(process.env.CORPUS, { maxBuffer: 1 << 30 }).toString();
  const docs = text.split('\n').filter((l) => l.length > 200).slice(0, Number(process.env.N ?? 5000)).map((l) => { try { const o = JSON.parse(l); return String(o.text ?? o.description ?? l); } catch { return l; } });
  const counts = new Map<string, number>(); const rej = new Map<string, number>();
  const samples = new Map<string, string[]>();
  const want = new RegExp(process.env.WANT ?? '^(skill|tool|cert)\\.');
  for (const d of docs) {
    const r = matchDoc(engine, prepare(d));
    for (const m of r.mentions) if (want.test(m.term)) {
      counts.set(m.term, (counts.get(m.term) ?? 0) + 1);
      const key = `${m.term}`;
      const arr = samples.get(key) ?? []; if (arr.length < Number(process.env.S ?? 0)) arr.push(`${m.gate.rule}: …${d.slice(Math.max(0, m.start - 50), m.end + 50).replace(/\s+/g, ' ')}…`); samples.set(key, arr);
    }
    for (const m of r.rejected) if (want.test(m.term)) { rej.set(m.term, (rej.get(m.term) ?? 0) + 1); if (process.env.R && m.reason.code !== 'case') { const arr = samples.get('REJ ' + m.term) ?? []; if (arr.length < Number(process.env.S ?? 0)) arr.push(`${m.reason.code}: …${d.slice(Math.max(0, m.start - 60), m.end + 60).replace(/\s+/g, ' ')}…`); samples.set('REJ ' + m.term, arr); } }
  }
  console.log([...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}/rej${rej.get(k) ?? 0}`).join('\n'));
  console.log('rejected-only:', [...rej].filter(([k]) => !counts.has(k)).map(([k, v]) => `${k}=${v}`).join(' '));
  for (const [k, v] of samples) if (v.length) console.log('##', k, '\n  ' + v.join('\n  '));
});
