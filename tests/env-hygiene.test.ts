// Environment hygiene, with the built CLI run in a folder that holds a hostile .env: certfit never
// reads .env (nor lets a dependency read it), never writes outside its output and cache paths,
// and prints nothing on stdout but the report, with NODE_OPTIONS unset and set (to a preloaded
// trap that records every console call, every touch of a .env file and the environment at exit).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, baseEnv, certfit, ensureBuilt, listTree, tempDir } from './helpers/cli.js';

const work = tempDir('env-work');
const home = tempDir('env-home');
const tmpd = tempDir('env-tmp');
const outDir = tempDir('env-out');
const trapDir = tempDir('env-trap');
const trap = join(trapDir, 'trap.cjs');
const trapLog = join(trapDir, 'trap.log');

const TRAP = `// Loaded with --require through NODE_OPTIONS: records what certfit must never do.
const fs = require('node:fs');
const path = require('node:path');
const log = ${JSON.stringify(trapLog)};
const note = (what) => fs.appendFileSync(log, JSON.stringify(what) + '\\n');
const isEnv = (p) => (typeof p === 'string' || p instanceof URL) && /^\\.env/.test(path.basename(String(p)));
for (const m of ['log', 'info', 'debug', 'dir', 'table', 'trace', 'warn', 'error']) {
  const orig = console[m];
  console[m] = function (...args) { note({ console: m, args: args.map(String).join(' ').slice(0, 200) }); return orig.apply(this, args); };
}
for (const [obj, name] of [[fs, 'fs'], [fs.promises, 'fs.promises']]) {
  for (const fn of ['readFileSync', 'openSync', 'existsSync', 'statSync', 'readFile', 'open', 'stat', 'access', 'accessSync', 'createReadStream']) {
    const orig = obj[fn];
    if (typeof orig !== 'function') continue;
    obj[fn] = function (p, ...rest) { if (isEnv(p)) note({ read: name + '.' + fn, path: String(p) }); return orig.call(this, p, ...rest); };
  }
}
if (typeof process.loadEnvFile === 'function') {
  const orig = process.loadEnvFile;
  process.loadEnvFile = function (...a) { note({ read: 'process.loadEnvFile' }); return orig.apply(this, a); };
}
process.on('exit', (code) => note({ exit: code, pwned: process.env.CERTFIT_PWNED ?? null, fromDotenv: process.env.DOTENV_MARKER ?? null }));
`;

const JOB = 'Requirements: Amazon SageMaker, AWS Glue ETL and Amazon Bedrock. Nice to have: Azure OpenAI.';

beforeAll(() => {
  ensureBuilt();
  writeFileSync(join(work, '.env'), 'CERTFIT_PWNED=1\nDOTENV_MARKER=loaded\nNODE_OPTIONS=--require ./pwn.cjs\nNO_COLOR=\nFORCE_COLOR=3\n');
  writeFileSync(join(work, '.env.local'), 'CERTFIT_PWNED=1\n');
  writeFileSync(join(work, 'pwn.cjs'), "require('node:fs').writeFileSync(require('node:path').join(__dirname, 'PWNED'), 'x');\n");
  writeFileSync(join(work, 'job.txt'), JOB);
  writeFileSync(join(work, 'jobs.csv'), `title,description\nML,"${JOB}"\nStore,"Keep the shelves stocked."\n`);
  writeFileSync(trap, TRAP);
}, 180_000);

afterAll(() => {
  for (const d of [work, home, tmpd, outDir, trapDir]) rmSync(d, { recursive: true, force: true });
});

/** HOME and TMPDIR point at empty folders, so that a write there would show. */
function env(withTrap: boolean): NodeJS.ProcessEnv {
  return baseEnv({ HOME: home, TMPDIR: tmpd, TMP: tmpd, TEMP: tmpd, XDG_CACHE_HOME: join(home, '.cache'), ...(withTrap ? { NODE_OPTIONS: `--require=${trap}` } : {}) });
}

const RUNS: [string, string[], string][] = [
  ['a posting as JSON', ['analyze', 'job.txt', '--format', 'json'], 'report.json'],
  ['a posting as text', ['analyze', 'job.txt'], 'report.txt'],
  ['a table with worker threads', ['analyze', 'jobs.csv', '--format', 'csv', '--jobs', '2'], 'scored.csv'],
];

describe.each([
  ['NODE_OPTIONS unset', false],
  ['NODE_OPTIONS=--require trap.cjs', true],
] as const)('in a folder with a hostile .env, %s', (_name, withTrap) => {
  for (const [what, args, outName] of RUNS) {
    it(`${what}: stdout is exactly the report, and only the output file is new`, () => {
      const before = listTree(work);
      writeFileSync(trapLog, '');
      const common = [...args, '--as-of', AS_OF, '--no-progress'];
      const piped = certfit(common, { cwd: work, env: env(withTrap) });
      const out = join(outDir, `${withTrap ? 'trap' : 'plain'}-${outName}`);
      const filed = certfit([...common, '-o', out], { cwd: work, env: env(withTrap) });
      expect([piped.code, filed.code]).toEqual([0, 0]);
      // The report, byte for byte, and nothing else: no dotenv banner, no debug line, no colour.
      expect(piped.stdoutBytes.equals(readFileSync(out))).toBe(true);
      expect(filed.stdout).toBe('');
      expect(piped.stdout).not.toMatch(/dotenv|injecting env/);
      expect(piped.stdout).not.toContain('\u001b[');
      if (args.includes('csv')) expect(piped.stderr).toContain('Verdict:'); // the table summary goes to stderr
      else expect(piped.stderr).toBe('');
      // Nothing new in the working folder, in HOME or in TMPDIR; the output folder holds only the report.
      expect(listTree(work)).toEqual(before);
      expect(listTree(home)).toEqual([]);
      expect(listTree(tmpd)).toEqual([]);
      expect(listTree(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      if (withTrap) {
        const notes = readFileSync(trapLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
        // The trap ran (once per process, twice here) and saw no console call, no .env read, no leaked variable.
        expect(notes.filter((n) => 'exit' in n)).toEqual([
          { exit: 0, pwned: null, fromDotenv: null },
          { exit: 0, pwned: null, fromDotenv: null },
        ]);
        expect(notes.filter((n) => !('exit' in n))).toEqual([]);
      }
    });
  }
});
