// Writing a report: to stdout, or to a file through a temporary name and a rename, so that
// an interrupted or failed run never leaves a truncated file under the final name.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CertfitError, EXIT_USAGE } from '../errors.js';

export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.certfit.tmp`);
}

function explain(file: string, err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT': return `cannot write ${file}: the folder does not exist (create it first)`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS': return `cannot write ${file}: permission denied (choose a writable folder)`;
    case 'ENOSPC':
    case 'EDQUOT': return `cannot write ${file}: the disk is full (free space and run again)`;
    case 'EISDIR': return `cannot write ${file}: it is a folder (give a file name)`;
    default: return `cannot write ${file}: ${err.code ?? err.message}`;
  }
}

const CHUNK = 1 << 20;

/**
 * Writes all of `content`: write(2) may write less than asked (a nearly full disk writes what
 * fits and only the next call fails with ENOSPC), so loop until every byte is down. Strings go
 * in 1 MiB pieces, cut between whole characters, to keep memory flat.
 */
export function writeAllSync(fd: number, content: string): void {
  for (let at = 0; at < content.length; ) {
    let end = Math.min(content.length, at + CHUNK);
    // Never split a surrogate pair: each half would be written as U+FFFD.
    if (end < content.length && (content.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    const bytes = Buffer.from(content.slice(at, end), 'utf8');
    for (let off = 0; off < bytes.length; ) {
      const n = writeSync(fd, bytes, off, bytes.length - off);
      if (n <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
      off += n;
    }
    at = end;
  }
}

/** Set once a report has been written whole (to its file or to stdout). */
let written = false;
export const reportWritten = (): boolean => written;

export function writeAtomic(file: string, content: string): void {
  const tmp = tempPathFor(file);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeAllSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new CertfitError(explain(file, err as NodeJS.ErrnoException), { exitCode: EXIT_USAGE, cause: err });
  }
  written = true;
}

export function writeOutput(file: string | undefined, content: string): void {
  if (file && file !== '-') writeAtomic(file, content);
  else {
    process.stdout.write(content);
    written = true;
  }
}

let stdoutFailure: string | null = null;
/** Why standard output could not be written, if it could not (a full disk, a closed device). */
export const stdoutFailed = (): string | null => stdoutFailure;

/**
 * Watches stdout and stderr for the rest of the process. A reader that goes away
 * (`certfit … | head`) ends the output quietly, as with any Unix filter; any other failure
 * of stdout (ENOSPC on /dev/full or a full disk) is one line on stderr and exit code 2, never a
 * stack trace. Errors on stderr itself are ignored: there is nowhere left to report them.
 */
export function guardStdio(report: (message: string) => void): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || stdoutFailure !== null) return;
    stdoutFailure = explain('to standard output', err);
    process.exitCode = EXIT_USAGE;
    // A command that watches stdout itself (the table writer) reports its own failure.
    if (process.stdout.listenerCount('error') === 1) report(stdoutFailure);
  });
  process.stderr.on('error', () => undefined);
}

export { explain as explainWriteError };
