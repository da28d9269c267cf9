// The library as the shared fuzz invariants need it, from the TypeScript sources; and a runner
// that checks one invariant with a fixed seed (npm test) — bench/fuzz.mjs runs the same ones
// against dist/ for as long as it is told to.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll } from 'vitest';
import { analyzePosting, buildResult, createAnalyzer } from '../../src/analyze.js';
import { renderExplain } from '../../src/cli/explain-command.js';
import { CertfitError } from '../../src/errors.js';
import { IngestError } from '../../src/ingest/errors.js';
import { extractBytes } from '../../src/ingest/extract.js';
import { flattenDeepHtml } from '../../src/ingest/html-depth.js';
import { htmlToPostings } from '../../src/ingest/html-posting.js';
import { htmlToText } from '../../src/ingest/html-to-text.js';
import { buildEngine } from '../../src/lexicon/engine.js';
import { formatProblem, LEXICON_DIR, readLexicons } from '../../src/lexicon/load.js';
import { matchDoc } from '../../src/match/match.js';
import { reporters } from '../../src/report/index.js';
import { runTable } from '../../src/table/run-table.js';
import { prepare } from '../../src/text/document.js';
import { makeInvariants, readBuiltinEntries, type FuzzLib, type Invariant } from './fuzz-cases.mjs';

export const lib: FuzzLib = {
  createAnalyzer, analyzePosting, buildResult, reporters, renderExplain, htmlToText, htmlToPostings, flattenDeepHtml, extractBytes, runTable, readLexicons, formatProblem, buildEngine, matchDoc, prepare,
  parseCsv: (text: string, options: Record<string, unknown>) => parse(text, options) as string[][],
  IngestError, CertfitError,
  builtinEntries: readBuiltinEntries(readFileSync, LEXICON_DIR),
} as unknown as FuzzLib;

let invariants: Invariant[] | undefined;
let scratch: string | undefined;
function all(): Invariant[] {
  return (invariants ??= makeInvariants(lib, { tmp: (scratch = mkdtempSync(join(tmpdir(), 'certfit-fuzz-'))) }));
}
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The invariant whose name starts with `prefix`. */
export function invariant(prefix: string): Invariant {
  const found = all().find((i) => i.name.startsWith(prefix));
  if (!found) throw new Error(`no invariant ${prefix}`);
  return found;
}

/** Checks one shared invariant on `numRuns` cases from a fixed seed. */
export async function checkInvariant(prefix: string, numRuns: number, seed = 20261126): Promise<void> {
  const inv = invariant(prefix);
  await fc.assert(fc.asyncProperty(inv.arbitrary, async (v) => inv.check(v as never)), { seed, numRuns, endOnFailure: true });
}
