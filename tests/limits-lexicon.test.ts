// A hostile or hand-mangled lexicon: certfit lexicons hold no regular expressions (forms are
// literal text, matched through a trie), so there is no catastrophic backtracking to fear; what
// is left to show is that huge, long and odd lexicons load (or are refused with
// `file: path: message`) and that matching stays linear in the text.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEngine } from '../src/lexicon/engine.js';
import { formatProblem, readLexicons } from '../src/lexicon/load.js';
import { matchDoc } from '../src/match/match.js';
import { prepare } from '../src/text/document.js';
import { AS_OF, certfitAsync, ensureBuilt, tempDir } from './helpers/cli.js';
import { checkLocations, NASTY } from './helpers/fuzz-cases.mjs';

const tmp = tempDir('limits-lexicon');
beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const entry = (id: string, forms: unknown[], extra: Record<string, unknown> = {}) => ({
  id, name: id, platform: 'aws', kind: 'service', category: 'ml', weight: 1, forms, source: 'https://example.com/', examples: { match: ['x'] }, ...extra,
});
function lexicon(name: string, entries: unknown[]): string {
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify({ lexicon: name, entries }));
  return file;
}
/** Milliseconds for one matchDoc run (best of three, to smooth out GC). */
function timeMatch(engine: ReturnType<typeof buildEngine>, text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    matchDoc(engine, prepare(text));
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('hostile lexicons', () => {
  it('10 000 forms load and build in seconds, and match', () => {
    const file = lexicon('many.json', Array.from({ length: 200 }, (_, i) => entry(`aws.many-${i}`, Array.from({ length: 50 }, (_, j) => `Service${i} Part${j} x${i * 50 + j}`))));
    const started = performance.now();
    const { entries, problems } = readLexicons([file]);
    expect(problems).toEqual([]);
    const engine = buildEngine(entries);
    expect(performance.now() - started).toBeLessThan(10_000);
    const text = 'We run Service7 Part3 x353 and service199 part49 x9999 daily.';
    expect(matchDoc(engine, prepare(text)).mentions.map((m) => m.term)).toEqual(['aws.many-7', 'aws.many-199']);
  }, 30_000);

  it('forms made of NUL, lone surrogates, combining marks, bidi controls and emoji load; matching keeps its invariants', () => {
    const odd = ['A\u0000B', '\ud800', 'x\udfffy', '\u0301\u0301', '\u202eSageMaker', '🤖 Bot', 'ＡＷＳ Glue', 'İstanbul ML', 'Sage\u00adMaker', 'e\u0301tude'];
    const file = lexicon('odd.json', odd.map((f, i) => entry(`aws.odd-${i}`, [f])));
    const { entries, problems } = readLexicons([file]);
    for (const p of problems) expect(formatProblem(p)).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: entries\\[\\d+\\] \\(aws\\.odd-\\d+\\)[^\\n]*: .+$`));
    const engine = buildEngine(entries);
    const text = `${odd.join(' and ')} ${NASTY.join(' ')} on AWS.`;
    const found = matchDoc(engine, prepare(text));
    checkLocations(text, found);
    // Those that begin with a letter are found, whatever follows.
    for (const f of ['ＡＷＳ Glue', 'İstanbul ML', 'e\u0301tude', 'Sage\u00adMaker']) {
      const one = `We use ${f} daily.`;
      expect(matchDoc(engine, prepare(one)).mentions.map((m) => m.text), f).toEqual([f]);
    }
  });

  // Regression (found here): a form that began with a symbol outside Latin-1 (an emoji, "∑", a bidi
  // control) loaded without a word but could never match, since the scanner starts a walk only at a
  // word or an ASCII symbol. Such a form is now refused at load.
  it('refuses a form that begins with an emoji at load, saying what a form may begin with', () => {
    const file = lexicon('emoji.json', [entry('aws.bot', ['🤖 Bot'])]);
    const { problems } = readLexicons([file]);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/: must begin with a letter, a digit or an ASCII symbol/)]);
  });

  it('matching is linear in the text, even when forms share long prefixes (64-word forms "a a a … b" against "a a a …")', () => {
    const forms = Array.from({ length: 64 }, (_, k) => `${'a '.repeat(k + 1)}b`);
    const engine = buildEngine(readLexicons([lexicon('prefixes.json', [entry('aws.prefixes', forms)])]).entries);
    const small = timeMatch(engine, 'a '.repeat(10_000));
    const large = timeMatch(engine, 'a '.repeat(80_000));
    // 8× the text: linear is about 8× the time; quadratic would be 64×.
    expect(large / Math.max(small, 1)).toBeLessThan(24);
    expect(large).toBeLessThan(5_000);
  }, 30_000);

  // Regression (found here): a form's length was unbounded, and the trie walk from each word start
  // goes as deep as the text keeps matching, so one 20 000-word form "a a … b" made matching
  // quadratic: 40 000 characters of "a a a …" took 20 s, 320 000 took 343 s. Forms are now capped at
  // load (100 characters, 12 words), which keeps matching linear.
  it('refuses a form longer than any real service name at load, with file: path: message', () => {
    const file = lexicon('long.json', [entry('aws.long', [`${'a '.repeat(5000)}b`])]);
    const { problems } = readLexicons([file]);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(new RegExp(`^${file}: entries\\[0\\] \\(aws\\.long\\)\\.forms\\[0\\]: .+`))]);
  });

  // Regression (found here): a form of separators only ("-", " ", NBSP) normalises to nothing and can
  // never match, yet loaded without a word.
  it('refuses a form with no letters or digits at load', () => {
    const file = lexicon('separators.json', [entry('aws.dash', ['-']), entry('aws.space', [' '])]);
    expect(readLexicons([file]).problems).toHaveLength(2);
  });

  // Regression (found by tests/fuzz-lexicon.test.ts): the entry's raw id went into the problem's
  // path, so an id holding a line break split one problem over two lines.
  it('keeps every problem on one line, whatever the id holds', () => {
    const file = lexicon('newline-id.json', [entry('aws.a\nb', ['Thing'])]);
    const { problems } = readLexicons([file]);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(formatProblem(p)).not.toMatch(/[\r\n]/);
  });

  it('an invalid lexicon whose id holds a line break and terminal escapes: exit 2, and its problem reaches the terminal as one inert line', async () => {
    const file = lexicon('evil-id.json', [entry('aws.a\n\u001b]0;pwned\u0007\u001b[2Jb', ['Thing'])]);
    const r = await certfitAsync(['analyze', '--lexicon', file, 'fixtures/examples/aws-ml-engineer.txt', '--as-of', AS_OF, '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`certfit: invalid lexicon (1 problem); run 'certfit lexicon check' for details\n  ${file}: entries[0] (aws.a b).id: an id like aws.sagemaker or skill.feature-engineering\n`);
  });

  // Regression (found here): lexicon files were read with readFileSync and no check, so a FIFO
  // blocked the whole process (no signal handler could run) and /dev/zero was read until memory ran
  // out. Only regular files up to a size limit are read now.
  it('refuses a lexicon that is a FIFO at once (exit 2), instead of blocking', async (ctx) => {
    const fifo = join(tmp, 'fifo.json');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return ctx.skip('mkfifo is not available');
    const r = await certfitAsync(['analyze', '--lexicon', fifo, 'fixtures/examples/aws-ml-engineer.txt', '--as-of', AS_OF, '--no-progress'], { timeoutMs: 3000 });
    expect(r.code).toBe(2);
  });
});
