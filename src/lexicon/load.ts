// Reading and validating lexicon files. Every problem is reported as `file: path: message`
// (cspell-style) so that a hand-edited lexicon can be fixed in one pass.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join, basename } from 'node:path';
import type { z } from 'zod';
import { CertfitError } from '../errors.js';
import type * as LexiconSchema from './schema.js';
import type { EntryInput } from './schema.js';
import type * as CatalogSchema from './catalog-schema.js';
import type { Certification } from './catalog-schema.js';
import type * as Variants from './variants.js';
import type * as EngineModule from './engine.js';
import type { Engine } from './engine.js';
import { isWord } from '../text/chars.js';

// zod with the schemas, the stemmer behind normalize() and the engine compiler take some 70 ms
// to load, and a run served by the engine cache (dist/engine.bin) never validates a lexicon nor
// compiles one: they load on first use. Compiled, with require() (Node >= 20.19 loads ES modules so, synchronously); from the
// TypeScript sources (vitest), where require() cannot, vite has imported them already.
const fromSources: Record<string, unknown> | undefined = import.meta.url.endsWith('.ts')
  // @ts-expect-error -- vite's import.meta.glob, there only when vitest runs the TypeScript sources
  ? import.meta.glob(['./schema.ts', './catalog-schema.ts', './variants.ts', './engine.ts'], { eager: true })
  : undefined;
const requireHere = createRequire(import.meta.url);
function lazy<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= (fromSources?.[`./${name}.ts`] ?? requireHere(`./${name}.js`)) as T);
}
const lexiconSchema = lazy<typeof LexiconSchema>('schema');
const catalogSchema = lazy<typeof CatalogSchema>('catalog-schema');
const variants = lazy<typeof Variants>('variants');
const normalize = (s: string): string => variants().normalize(s);
const engineModule = lazy<typeof EngineModule>('engine');
/** The engine compiled from entries (lexicon/engine.ts, loaded on first use). */
export const compileEngine = (entries: LoadedEntry[]): Engine => engineModule().buildEngine(entries);

export const LEXICON_DIR = fileURLToPath(new URL('../../lexicons/', import.meta.url));
export const BUILTIN_LEXICONS = ['aws.json', 'azure.json', 'gcp.json', 'skills.json', 'certification-names.json'];
export const CATALOG_FILE = 'certifications.json';

export interface LoadedEntry extends EntryInput {
  /** The file the entry came from. */
  file: string;
}

export interface Problem {
  file: string;
  path: string;
  message: string;
}

/** One line per problem, whatever an id or a message holds. */
export const formatProblem = (p: Problem): string => `${p.file}: ${p.path || '(root)'}: ${p.message}`.replace(/[\r\n\u2028\u2029]+/g, ' ');

/** A lexicon is a small JSON file; anything else (a FIFO, a device, a huge file) is refused before reading. */
export const MAX_LEXICON_BYTES = 16 * 1024 * 1024;
/** Longer forms than any real service name would only slow matching down. */
export const MAX_FORM_CHARS = 100;
export const MAX_FORM_WORDS = 12;

function readJson(file: string, problems: Problem[]): unknown {
  let raw: string;
  try {
    const info = statSync(file);
    if (!info.isFile()) {
      problems.push({ file, path: '', message: 'not a regular file (give a .json lexicon file)' });
      return undefined;
    }
    if (info.size > MAX_LEXICON_BYTES) {
      problems.push({ file, path: '', message: `too large (${info.size} bytes; a lexicon is at most ${MAX_LEXICON_BYTES})` });
      return undefined;
    }
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    problems.push({ file, path: '', message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
    return undefined;
  }
  try {
    return JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    problems.push({ file, path: '', message: `not valid JSON: ${(err as Error).message}` });
    return undefined;
  }
}

function issuesToProblems(file: string, error: z.ZodError, data: unknown, problems: Problem[]): void {
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    // Name the entry by its id where we can: "entries[12] (aws.glue).forms[0]".
    if (path[0] === 'entries' && Array.isArray((data as { entries?: unknown[] })?.entries)) {
      const entry = (data as { entries: { id?: unknown }[] }).entries[Number(path[1])];
      const id = typeof entry?.id === 'string' ? ` (${entry.id})` : '';
      path.splice(0, 2, `entries[${path[1]}]${id}`);
    }
    problems.push({ file, path: path.join('.'), message: issue.message });
  }
}

/** Parses lexicon files; returns the entries and every problem found (never throws). */
export function readLexicons(files: string[]): { entries: LoadedEntry[]; problems: Problem[] } {
  const entries: LoadedEntry[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const data = readJson(file, problems);
    if (data === undefined) continue;
    const parsed = lexiconSchema().lexiconFileSchema.safeParse(data);
    if (!parsed.success) {
      issuesToProblems(file, parsed.error, data, problems);
      continue;
    }
    parsed.data.entries.forEach((entry, i) => {
      const at = `entries[${i}] (${entry.id})`;
      const before = seen.get(entry.id);
      if (before) problems.push({ file, path: at, message: `duplicate id, already defined in ${basename(before)}` });
      seen.set(entry.id, file);
      const ambiguous = entry.forms.some((f) => typeof f !== 'string' && f.ambiguous);
      if (ambiguous && !entry.context) problems.push({ file, path: at, message: 'has ambiguous forms but no context (cues/negative)' });
      // Two forms that differ only in case or separators reach the same trie key: the second would be dropped silently.
      const keys = new Map<string, string>();
      entry.forms.forEach((f, k) => {
        const text = typeof f === 'string' ? f : f.text;
        const key = normalize(text);
        const formAt = `${at}.forms[${k}]`;
        if (key === '') problems.push({ file, path: formAt, message: 'has no letters, digits or symbols: it can never match' });
        else if (text.length > MAX_FORM_CHARS || key.split(' ').length > MAX_FORM_WORDS) {
          problems.push({ file, path: formAt, message: `too long (at most ${MAX_FORM_CHARS} characters and ${MAX_FORM_WORDS} words)` });
        } else if (!isWord(key.charCodeAt(0)) && key.charCodeAt(0) >= 128) {
          problems.push({ file, path: formAt, message: 'must begin with a letter, a digit or an ASCII symbol' });
        }
        const first = keys.get(key);
        if (first !== undefined) problems.push({ file, path: at, message: `forms "${first}" and "${text}" are the same to the matcher (case and separators are ignored); keep one, with the case rule you want` });
        else keys.set(key, text);
      });
      if (entry.platform === null && entry.forms.some((f) => typeof f !== 'string' && f.prefixOnly)) {
        problems.push({ file, path: at, message: 'prefixOnly needs a platform (there is no vendor prefix without one)' });
      }
      entries.push({ ...entry, file });
    });
  }
  return { entries, problems };
}

export function builtinLexiconFiles(): string[] {
  return BUILTIN_LEXICONS.map((f) => join(LEXICON_DIR, f));
}

/** Loads built-in plus user lexicons, or throws a CertfitError (exit 2) listing every problem. */
export function loadLexicons(userFiles: string[] = []): LoadedEntry[] {
  const { entries, problems } = readLexicons([...builtinLexiconFiles(), ...userFiles]);
  if (problems.length > 0) {
    throw new CertfitError(`invalid lexicon (${problems.length} problem${problems.length === 1 ? '' : 's'}); run 'certfit lexicon check' for details`, {
      details: problems.slice(0, 20).map(formatProblem),
    });
  }
  return entries;
}

export function readCatalog(file = join(LEXICON_DIR, CATALOG_FILE)): { certifications: Certification[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const data = readJson(file, problems);
  if (data === undefined) return { certifications: [], problems };
  const parsed = catalogSchema().catalogFileSchema.safeParse(data);
  if (!parsed.success) {
    issuesToProblems(file, parsed.error, data, problems);
    return { certifications: [], problems };
  }
  const ids = new Set(parsed.data.certifications.map((c) => c.id));
  parsed.data.certifications.forEach((c, i) => {
    for (const s of c.successors) if (!ids.has(s)) problems.push({ file, path: `certifications[${i}] (${c.id}).successors`, message: `unknown certification ${s}` });
  });
  return { certifications: parsed.data.certifications, problems };
}

export function loadCatalog(file?: string): Certification[] {
  const { certifications, problems } = readCatalog(file);
  if (problems.length > 0) throw new CertfitError('invalid certification catalog', { details: problems.map(formatProblem) });
  return certifications;
}
