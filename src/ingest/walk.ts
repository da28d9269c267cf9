// Folder recursion: sorted, hidden entries and node_modules skipped, symlink loops cut by realpath.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fsError, IngestError, notAFile, specialKind } from './errors.js';
import { extensionOf, POSTING_EXTENSIONS } from './sniff.js';
import type { Unit } from './types.js';

const MAX_DEPTH = 64;

interface Found {
  path: string;
  unit: Unit;
}

async function visit(dir: string, seenDirs: Set<string>, seenFiles: Set<string>, out: Found[], depth: number): Promise<void> {
  if (depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    out.push({ path: dir, unit: { type: 'error', source: dir, error: toPlain(fsError(err, dir)) } });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    const isPosting = extensionOf(entry.name) in POSTING_EXTENSIONS;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let kind: typeof entry | Awaited<ReturnType<typeof stat>> = entry;
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        isDir = target.isDirectory();
        isFile = target.isFile();
        kind = target;
      } catch (err) {
        // A dangling or looping link is only reported when it looks like a posting.
        if (isPosting) out.push({ path, unit: { type: 'error', source: path, error: toPlain(fsError(err, path)) } });
        continue;
      }
    }
    if (isDir) {
      const real = await realpath(path).catch(() => path);
      if (seenDirs.has(real)) continue;
      seenDirs.add(real);
      await visit(path, seenDirs, seenFiles, out, depth + 1);
    } else if (isFile && isPosting) {
      const real = await realpath(path).catch(() => path);
      if (seenFiles.has(real)) continue;
      seenFiles.add(real);
      out.push({ path, unit: { type: 'file', path } });
    } else if (!isDir && !isFile && isPosting) {
      // A FIFO, socket or device named like a posting: accounted for, never opened.
      out.push({ path, unit: { type: 'error', source: path, error: toPlain(notAFile(path, specialKind(kind))) } });
    }
  }
}

function toPlain(err: IngestError): { code: string; message: string } {
  return { code: err.code, message: err.message };
}

/** Units for every posting file under `dir`, sorted by path; EMPTY_DIR when there are none. */
export async function walkFolder(dir: string): Promise<Unit[]> {
  const root = await realpath(dir).catch(() => dir);
  const out: Found[] = [];
  await visit(dir, new Set([root]), new Set(), out, 0);
  if (out.length === 0) {
    const exts = Object.keys(POSTING_EXTENSIONS).join(' ');
    return [{ type: 'error', source: dir, error: { code: 'EMPTY_DIR', message: `no postings in folder ${dir} (looked for ${exts} files)` } }];
  }
  // Plain code-unit order, not locale order, so every machine gives the same output.
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out.map((f) => f.unit);
}
