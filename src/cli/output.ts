// Writing a report: to stdout, or to a file through a temporary name and a rename, so that
// an interrupted or failed run never leaves a truncated file under the final name.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CertfitError } from '../errors.js';

export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.certfit.tmp`);
}

function explain(file: string, err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT': return `cannot write ${file}: the folder does not exist (create it first)`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS': return `cannot write ${file}: permission denied (choose a writable folder)`;
    case 'ENOSPC': return `cannot write ${file}: the disk is full (free space and run again)`;
    case 'EISDIR': return `cannot write ${file}: it is a folder (give a file name)`;
    default: return `cannot write ${file}: ${err.code ?? err.message}`;
  }
}

export function writeAtomic(file: string, content: string): void {
  const tmp = tempPathFor(file);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new CertfitError(explain(file, err as NodeJS.ErrnoException), { exitCode: 2, cause: err });
  }
}

export function writeOutput(file: string | undefined, content: string): void {
  if (file && file !== '-') writeAtomic(file, content);
  else process.stdout.write(content);
}

export { explain as explainWriteError };
