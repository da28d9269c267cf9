// Local sources: a file (size-capped) and stdin.
import { open } from 'node:fs/promises';
import { fsError, IngestError, tooLarge } from './errors.js';
import { extractBytes, type Extracted } from './extract.js';
import type { PdfLimits } from './documents.js';
import { kindFromExtension } from './sniff.js';

/** One file → drafts. Explicitly named files with unknown extensions are sniffed by content. */
export async function readFileSource(path: string, maxBytes: number, pdf: PdfLimits): Promise<Extracted> {
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      if (info.isDirectory()) throw new IngestError('EISDIR', `is a folder, not a file: ${path}`);
      if (info.size > maxBytes) throw tooLarge(maxBytes);
      if (info.size === 0) throw new IngestError('EMPTY', 'empty file: nothing to analyse');
      bytes = await handle.readFile();
      // Files that grow while being read (or special files) are capped too.
      if (bytes.length > maxBytes) throw tooLarge(maxBytes);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw err instanceof IngestError ? err : fsError(err, path);
  }
  return extractBytes({ bytes, kind: kindFromExtension(path), pdf });
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
