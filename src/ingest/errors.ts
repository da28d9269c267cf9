// Errors that end up as InputError items: a stable code and a one-line message.
import type { InputError } from '../model.js';

export class IngestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(oneLine(message), options);
    this.name = 'IngestError';
  }
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Any thrown value as an InputError; unexpected errors keep only their first line. */
export function toInputError(err: unknown): InputError {
  if (err instanceof IngestError) return { code: err.code, message: err.message };
  const code = (err as { code?: unknown })?.code;
  const raw = err instanceof Error ? err.message : String(err);
  const first = raw.split(/\r?\n/)[0] ?? raw;
  return { code: typeof code === 'string' ? code : 'ERROR', message: oneLine(first) || 'unknown error' };
}

/** Errors from node:fs as InputErrors that name the path and what to do. */
export function fsError(err: unknown, path: string): IngestError {
  const code = (err as { code?: unknown })?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new IngestError('ENOENT', `no such file or directory: ${path} (check the path)`);
    case 'EACCES':
    case 'EPERM':
      return new IngestError('EACCES', `permission denied: ${path} (check the file's permissions)`);
    case 'ELOOP':
      return new IngestError('ELOOP', `symlink loop: ${path} (fix or remove the link)`);
    case 'EISDIR':
      return new IngestError('EISDIR', `is a folder, not a file: ${path}`);
    default:
      return new IngestError(typeof code === 'string' ? code : 'ERROR', `cannot read ${path}: ${toInputError(err).message}`);
  }
}

/** The kind of a special file (FIFO, device, socket), from a stat result or a directory entry. */
export function specialKind(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** A FIFO, device or socket: certfit reads regular files only (a pipe would block, a device never ends). */
export function notAFile(path: string, kind: string): IngestError {
  return new IngestError('NOT_A_FILE', `${path} is ${kind}, not a regular file; to read a stream, pipe it to standard input (… | certfit -)`);
}

export function sizeText(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
  const kib = bytes / 1024;
  return kib >= 1 ? `${Math.round(kib)} KiB` : `${bytes} bytes`;
}

export function tooLarge(limit: number, what = 'file'): IngestError {
  return new IngestError('TOO_LARGE', `${what} is larger than ${sizeText(limit)}; raise the size limit (--max-bytes) if it really is a posting`);
}
