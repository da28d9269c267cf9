// Types for fuzz-cases.mjs (shared by the property tests and bench/fuzz.mjs).
import type { Arbitrary } from 'fast-check';

export interface FuzzLib {
  createAnalyzer: (o: { asOf?: string; includeText?: boolean }) => unknown;
  analyzePosting: (a: never, p: { id: string; source: string; text: string }) => unknown;
  buildResult: (a: never, r: never[]) => unknown;
  renderExplain: (r: never) => string;
  reporters: Record<string, { render: (r: never, o: { color?: boolean }) => string }>;
  htmlToText: (html: string) => string;
  htmlToPostings: (html: string) => { text: string }[];
  flattenDeepHtml: (html: string, maxDepth?: number) => string;
  extractBytes: (req: never) => Promise<unknown>;
  runTable: (o: never) => Promise<unknown>;
  readLexicons: (files: string[]) => { entries: unknown[]; problems: { file: string; path: string; message: string }[] };
  formatProblem: (p: never) => string;
  buildEngine: (entries: never[]) => unknown;
  matchDoc: (engine: never, doc: never) => { mentions: unknown[]; rejected: unknown[] };
  prepare: (text: string) => unknown;
  parseCsv: (text: string, options: Record<string, unknown>) => string[][];
  IngestError: abstract new (...args: never[]) => Error;
  CertfitError: abstract new (...args: never[]) => Error;
  builtinEntries: unknown[];
}

export interface Invariant {
  name: string;
  arbitrary: Arbitrary<unknown>;
  check: (value: never) => void | Promise<void>;
}

export const WORDS: string[];
export const NASTY: string[];
export const unicodeText: Arbitrary<string>;
export const randomHtml: Arbitrary<string>;
export const contentHtml: Arbitrary<string>;
export class InvariantError extends Error {}
export function checkLocations(text: string, result: { mentions: unknown[]; rejected: unknown[] }): void;
export function makeInvariants(lib: FuzzLib, ctx: { tmp: string }): Invariant[];
export function readBuiltinEntries(readFileSync: (path: string, encoding: 'utf8') => string, dir: string): unknown[];
