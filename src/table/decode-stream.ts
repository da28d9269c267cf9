// Table bytes → UTF-8 chunks, streaming: BOM first, then UTF-16 by its NULs, then UTF-8
// until a chunk proves otherwise, else chardet's guess (Windows-1252 for old Excel exports).
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { bomEncoding, detectEncoding, utf16Guess } from '../ingest/decode.js';
import { looksBinary } from '../ingest/sniff.js';

/** Bytes read before deciding the encoding (and sniffing the delimiter). */
export const HEAD_BYTES = 64 * 1024;

export interface Utf8Stream {
  /** The encoding the bytes are read as; may change to a legacy code page mid-file (see onSwitch). */
  encoding: string;
  bom: boolean;
  /** The first chunk decoded, for sniffing. */
  head: string;
  /** The first bytes read as a binary file's (NULs, control bytes, a known magic number). */
  binary: boolean;
  chunks: AsyncGenerator<Buffer>;
}

const toBuffer = (c: Uint8Array | string): Buffer => (typeof c === 'string' ? Buffer.from(c) : Buffer.from(c.buffer, c.byteOffset, c.byteLength));

/** Length of the prefix of `buf` that ends on a whole UTF-8 character. */
export function utf8Boundary(buf: Uint8Array): number {
  const n = buf.length;
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const b = buf[i];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + need > n ? i : n;
  }
  return n;
}

// Node 20's TextDecoder takes a Latin-1 shortcut for windows-1252 unless it is streaming
// (0x80–0x9F come out as C1 controls), so every decode here streams and then flushes.
function decodeWhole(encoding: string, bytes: Uint8Array): string {
  const d = new TextDecoder(encoding);
  return d.decode(bytes, { stream: true }) + d.decode();
}

async function readHead(it: AsyncIterator<Uint8Array | string>): Promise<{ head: Buffer; done: boolean }> {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < HEAD_BYTES) {
    const r = await it.next();
    if (r.done) return { head: Buffer.concat(parts), done: true };
    const b = toBuffer(r.value);
    parts.push(b);
    size += b.length;
  }
  return { head: Buffer.concat(parts), done: false };
}

/**
 * Decodes a byte stream to UTF-8 Buffers. `onSwitch` is told when a file that started as valid
 * UTF-8 turns out not to be, from which point the rest is read in the detected legacy encoding.
 */
export async function toUtf8(source: AsyncIterable<Uint8Array | string>, onSwitch?: (encoding: string) => void): Promise<Utf8Stream> {
  const it = source[Symbol.asyncIterator]();
  const { head: raw, done } = await readHead(it);
  const bom = bomEncoding(raw);
  const bytes = bom ? raw.subarray(bom.length) : raw;
  let encoding = bom?.encoding ?? utf16Guess(bytes) ?? 'utf-8';
  if (encoding === 'utf-8' && !isUtf8(bytes.subarray(0, done ? bytes.length : utf8Boundary(bytes)))) encoding = detectEncoding(bytes);

  async function* rest(): AsyncGenerator<Buffer> {
    if (done) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield toBuffer(r.value);
  }

  async function* utf8Chunks(): AsyncGenerator<Buffer> {
    let legacy: TextDecoder | null = null;
    let carry: Buffer = Buffer.alloc(0);
    const feed = (chunk: Buffer, last: boolean): Buffer | null => {
      if (legacy) return Buffer.from(legacy.decode(chunk, { stream: true }) + (last ? legacy.decode() : ''));
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = last ? buf.length : utf8Boundary(buf);
      const whole = buf.subarray(0, cut);
      if (isUtf8(whole)) {
        carry = Buffer.from(buf.subarray(cut));
        return whole;
      }
      const fallback = detectEncoding(buf);
      legacy = new TextDecoder(fallback);
      stream.encoding = fallback;
      onSwitch?.(fallback);
      carry = Buffer.alloc(0);
      return Buffer.from(legacy.decode(buf, { stream: true }) + (last ? legacy.decode() : ''));
    };
    const first = feed(bytes, done);
    if (first?.length) yield first;
    for await (const chunk of rest()) {
      const out = feed(chunk, false);
      if (out?.length) yield out;
    }
    const tail = feed(Buffer.alloc(0), true);
    if (tail?.length) yield tail;
  }

  async function* decoded(): AsyncGenerator<Buffer> {
    const decoder = new TextDecoder(encoding);
    const first = decoder.decode(bytes, { stream: true });
    if (first) yield Buffer.from(first);
    for await (const chunk of rest()) {
      const s = decoder.decode(chunk, { stream: true });
      if (s) yield Buffer.from(s);
    }
    const tail = decoder.decode();
    if (tail) yield Buffer.from(tail);
  }

  const head = decodeWhole(encoding, encoding === 'utf-8' ? bytes.subarray(0, done ? bytes.length : utf8Boundary(bytes)) : bytes);
  const stream: Utf8Stream = { encoding, bom: bom !== null, head, binary: looksBinary(raw), chunks: encoding === 'utf-8' ? utf8Chunks() : decoded() };
  return stream;
}
