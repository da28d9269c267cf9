// Where table output goes: a file, written under a temporary name in the same folder and
// renamed only on success, or stdout. Both wait for 'drain', so a slow disk or a slow reader
// slows the run down instead of filling memory.
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { CertfitError } from '../errors.js';
import { explainWriteError, tempPathFor } from '../cli/output.js';

export interface Sink {
  write(s: string | Uint8Array): Promise<void>;
  /** Finishes the output (file: flush, fsync, rename over the final name). */
  commit(): Promise<void>;
  /** Throws the output away (file: the temporary file is removed). Safe to call more than once. */
  abort(): void;
  /** True once the reader of stdout has gone away (EPIPE). */
  readonly closed: boolean;
}

async function writeWithDrain(stream: Writable, s: string | Uint8Array, failed: () => Error | null): Promise<void> {
  const err = failed();
  if (err) throw err;
  if (stream.write(s)) return;
  // An error has been recorded by the stream's own listener (or is EPIPE); here it only ends the wait.
  await new Promise<void>((resolve) => {
    const done = (): void => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('close', done).on('error', done);
  });
  const after = failed();
  if (after) throw after;
}

export function fileSink(path: string): Sink {
  const tmp = tempPathFor(path);
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (err) {
    throw new CertfitError(explainWriteError(path, err as NodeJS.ErrnoException), { cause: err });
  }
  const stream: WriteStream = createWriteStream(tmp, { fd, autoClose: false, highWaterMark: 256 * 1024 });
  let failure: Error | null = null;
  let done = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    failure ??= new CertfitError(explainWriteError(path, err), { cause: err });
  });
  const failed = (): Error | null => failure;
  return {
    closed: false,
    write: (s) => writeWithDrain(stream, s, failed),
    async commit() {
      await new Promise<void>((resolve) => stream.end(resolve));
      if (failure) throw failure;
      try {
        fsyncSync(fd);
        closeSync(fd);
        done = true;
        renameSync(tmp, path);
      } catch (err) {
        this.abort();
        throw new CertfitError(explainWriteError(path, err as NodeJS.ErrnoException), { cause: err });
      }
    },
    abort() {
      stream.destroy();
      if (!done) {
        done = true;
        try {
          closeSync(fd);
        } catch {
          // already closed
        }
      }
      rmSync(tmp, { force: true });
    },
  };
}

export function stdoutSink(out: Writable = process.stdout): Sink {
  let failure: Error | null = null;
  const sink = {
    closed: false,
    write: async (s: string | Uint8Array) => {
      if (sink.closed) return;
      await writeWithDrain(out, s, () => failure);
    },
    commit: async () => {},
    abort: () => {},
  };
  out.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') sink.closed = true;
    else failure ??= new CertfitError(explainWriteError('to standard output', err), { cause: err });
  });
  return sink;
}
