// Local sources: a file (size-capped) and stdin.
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { fsError, IngestError, notAFile, specialKind, tooLarge } from './errors.js';
import { extractBytes, type Extracted } from './extract.js';
import type { PdfLimits } from './documents.js';
import { kindFromExtension } from './sniff.js';

// Opening a FIFO for reading blocks until a writer appears; O_NONBLOCK makes it return at once, so
// that fstat can turn it away. (It changes nothing for regular files; Windows has no such flag.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The bytes of one file, size-capped, and its kind by extension. Explicitly named files with unknown extensions are sniffed later, by content. */
export async function readFileBytes(path: string, maxBytes: number): Promise<{ bytes: Buffer; kind: ReturnType<typeof kindFromExtension> }> {
  try {
    const handle = await open(path, OPEN_FLAGS);
    try {
      const info = await handle.stat();
      if (info.isDirectory()) throw new IngestError('EISDIR', `is a folder, not a file: ${path}`);
      // A device reports size 0 and never ends (/dev/zero); a FIFO blocks: neither is a posting file.
      if (!info.isFile()) throw notAFile(path, specialKind(info));
      if (info.size > maxBytes) throw tooLarge(maxBytes);
      if (info.size === 0) throw new IngestError('EMPTY', 'empty file: nothing to analyse');
      const bytes = await handle.readFile();
      // Files that grow while being read are capped too.
      if (bytes.length > maxBytes) throw tooLarge(maxBytes);
      return { bytes, kind: kindFromExtension(path) };
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw err instanceof IngestError ? err : fsError(err, path);
  }
}

/** One file → drafts. */
export async function readFileSource(path: string, maxBytes: number, pdf: PdfLimits, read = readFileBytes(path, maxBytes)): Promise<Extracted> {
  const { bytes, kind } = await read;
  return extractBytes({ bytes, kind, pdf });
}

/** NOT_A_FILE when `path` is a FIFO, device or socket (checked without opening it), else null. */
export async function specialFileError(path: string): Promise<IngestError | null> {
  const info = await stat(path).catch(() => null);
  return info && !info.isFile() && !info.isDirectory() ? notAFile(path, specialKind(info)) : null;
}

/** All of stdin as one posting (text unless it is clearly HTML, JSON, PDF or DOCX). */
export async function readStdin(stdin: AsyncIterable<Uint8Array | string>, maxBytes: number, pdf: PdfLimits): Promise<Extracted> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += buf.length;
    if (size > maxBytes) throw tooLarge(maxBytes, 'standard input');
    chunks.push(buf);
  }
  if (size === 0) throw new IngestError('EMPTY', 'standard input was empty: pipe a posting in, or give a file');
  return extractBytes({ bytes: Buffer.concat(chunks), pdf });
}
