// Inputs as typed (paths, folders, globs, @lists, URLs, "-") → units, in input order.
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { decodeBytes } from './decode.js';
import { fsError, IngestError, toInputError, tooLarge } from './errors.js';
import { extensionOf, TABLE_EXTENSIONS } from './sniff.js';
import type { Unit } from './types.js';
import { walkFolder } from './walk.js';

export interface ExpandContext {
  maxBytes: number;
  /** Real paths of @lists being expanded, to stop lists that include themselves. */
  lists: Set<string>;
}

const errorUnit = (source: string, err: unknown): Unit => ({ type: 'error', source, error: toInputError(err) });

function fileUnit(path: string): Unit {
  return TABLE_EXTENSIONS.has(extensionOf(path)) ? { type: 'table', path } : { type: 'file', path };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function expandList(input: string, ctx: ExpandContext): Promise<Unit[]> {
  const listPath = input.slice(1);
  let bytes: Buffer;
  let real: string;
  try {
    real = await realpath(listPath);
    if ((await stat(real)).size > ctx.maxBytes) throw tooLarge(ctx.maxBytes, 'list file');
    bytes = await readFile(real);
  } catch (err) {
    if (err instanceof IngestError) return [errorUnit(input, err)];
    const e = fsError(err, listPath);
    return [errorUnit(input, new IngestError(e.code, `${e.message.replace(/ \(check the path\)$/, '')} (the list named by ${input}; check the path)`))];
  }
  if (ctx.lists.has(real)) return [errorUnit(input, new IngestError('LIST_LOOP', `list ${listPath} includes itself; remove that line`))];
  const lines = decodeBytes(bytes)
    .text.split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines.length === 0) return [errorUnit(input, new IngestError('EMPTY', `list ${listPath} has no entries (one path or URL per line)`))];
  ctx.lists.add(real);
  const units: Unit[] = [];
  // Relative entries are relative to the list's own folder.
  const base = dirname(listPath);
  for (const line of lines) {
    const entry = /^https?:\/\//i.test(line) || line === '-' || isAbsolute(line) ? line : line.startsWith('@') ? `@${join(base, line.slice(1))}` : join(base, line);
    units.push(...(await expandInput(entry, ctx)));
  }
  ctx.lists.delete(real);
  return units;
}

async function expandGlob(pattern: string): Promise<Unit[]> {
  const { glob } = await import('tinyglobby');
  const matches = await glob(pattern, { onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], expandDirectories: false, absolute: isAbsolute(pattern) });
  if (matches.length === 0) {
    return [errorUnit(pattern, new IngestError('NO_MATCH', `no files match ${pattern} (check the pattern; quote it so the shell passes it as is)`))];
  }
  matches.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return matches.map(fileUnit);
}

/** One input → its units (always at least one). */
export async function expandInput(input: string, ctx: ExpandContext): Promise<Unit[]> {
  if (input === '-') return [{ type: 'stdin' }];
  if (/^https?:\/\//i.test(input)) {
    try {
      return [{ type: 'url', url: new URL(input).href, source: input }];
    } catch {
      return [errorUnit(input, new IngestError('BAD_URL', `not a valid URL: ${input} (check it, and quote it in the shell)`))];
    }
  }
  if (input.trim() === '') return [errorUnit(input, new IngestError('ENOENT', 'empty input name (check the arguments)'))];
  if (input.startsWith('@') && input.length > 1 && !(await exists(input))) return expandList(input, ctx);
  try {
    const info = await stat(input);
    if (info.isDirectory()) return await walkFolder(input);
    return [fileUnit(input)];
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT' && (await import('tinyglobby')).isDynamicPattern(input)) return expandGlob(input);
    return [errorUnit(input, fsError(err, input))];
  }
}
