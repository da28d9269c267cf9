// Reading a response body under a size cap that also holds after decompression (zip-bomb safe).
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { IngestError, tooLarge } from './errors.js';

function decoderFor(encoding: string): (first: Buffer) => Transform {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return () => createGunzip();
    case 'br':
      return () => createBrotliDecompress();
    case 'deflate':
      // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
      return (first) => ((first[0] & 0x0f) === 8 && ((first[0] << 8) | first[1]) % 31 === 0 ? createInflate() : createInflateRaw());
    default:
      throw new IngestError('BAD_ENCODING', `unsupported content encoding "${encoding}"`);
  }
}

async function capped(source: AsyncIterable<Buffer>, cap: number, chunks: Buffer[]): Promise<void> {
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > cap) throw tooLarge(cap, 'response');
    chunks.push(chunk);
  }
}

/** The whole body, decoded per Content-Encoding, at most `cap` bytes after decoding. */
export async function readBody(body: Readable, contentEncoding: string | undefined, cap: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const encodings = (contentEncoding ?? '').toLowerCase().split(',').map((e) => e.trim()).filter((e) => e && e !== 'identity');
  if (encodings.length === 0) {
    await pipeline(body, (source: AsyncIterable<Buffer>) => capped(source, cap, chunks));
    return Buffer.concat(chunks);
  }
  if (encodings.length > 1) throw new IngestError('BAD_ENCODING', `unsupported content encoding "${contentEncoding}"`);
  const make = decoderFor(encodings[0]);
  // Peek the first chunk to choose between zlib and raw deflate.
  const iterator = body[Symbol.asyncIterator]();
  const head = await iterator.next();
  if (head.done) return Buffer.alloc(0);
  const firstChunk = head.value as Buffer;
  async function* replay(): AsyncGenerator<Buffer> {
    yield firstChunk;
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value as Buffer;
  }
  try {
    await pipeline(replay(), make(firstChunk), (source: AsyncIterable<Buffer>) => capped(source, cap, chunks));
  } catch (err) {
    body.destroy();
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('Z_') || code === 'ERR_BROTLI_DECOMPRESSION_FAILED' || /incorrect header|unexpected end|invalid/i.test(String((err as Error).message))) {
      throw new IngestError('BAD_ENCODING', `could not decompress the response (${encodings[0]} data is corrupt)`);
    }
    throw err;
  }
  return Buffer.concat(chunks);
}
