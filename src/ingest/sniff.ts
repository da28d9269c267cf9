// What a file or response is: by extension, by content type, and by its first bytes.
import { extname } from 'node:path';
import { bomEncoding, utf16Guess } from './decode.js';
import type { ContentKind } from './types.js';

/** Extensions picked up inside folders. */
export const POSTING_EXTENSIONS: Record<string, ContentKind> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.json': 'json',
};
export const TABLE_EXTENSIONS = new Set(['.csv', '.tsv', '.jsonl', '.ndjson']);

export function extensionOf(path: string): string {
  return extname(path).toLowerCase();
}

export function kindFromExtension(path: string): ContentKind | undefined {
  return POSTING_EXTENSIONS[extensionOf(path)];
}

/** The media type (without parameters) decides the kind; undefined means "sniff the bytes". */
export function kindFromContentType(mediaType: string): ContentKind | 'not-a-posting' | undefined {
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html';
  if (mediaType === 'application/pdf' || mediaType === 'application/x-pdf') return 'pdf';
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return 'json';
  if (mediaType === 'text/markdown' || mediaType === 'text/x-markdown') return 'markdown';
  if (mediaType.includes('wordprocessingml.document')) return 'docx';
  if (mediaType.startsWith('text/')) return 'text';
  if (/^(image|audio|video|font)\//.test(mediaType)) return 'not-a-posting';
  if (/^application\/(zip|gzip|x-gzip|x-tar|x-7z|vnd\.rar|wasm|x-msdownload)/.test(mediaType)) return 'not-a-posting';
  return undefined;
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

function asciiHead(bytes: Uint8Array, n: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(n, bytes.length)).toString('latin1');
}

export function isPdf(bytes: Uint8Array): boolean {
  return asciiHead(bytes, 1024).includes('%PDF-');
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

/** A zip whose entry names include word/document.xml (names are stored uncompressed). */
export function isDocx(bytes: Uint8Array): boolean {
  return isZip(bytes) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes('word/document.xml');
}

const BINARY_MAGIC: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x52, 0x49, 0x46, 0x46], // RIFF (webp, wav, avi)
  [0x42, 0x5a, 0x68], // bzip2
  [0xd0, 0xcf, 0x11, 0xe0], // OLE (old .doc/.xls)
  [0x00, 0x00, 0x01, 0x00], // ICO
];

/** Binary unless it is UTF-16 text: NUL bytes, known magic numbers or many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const bom = bomEncoding(bytes);
  if (bom && bom.encoding !== 'utf-8') return false;
  if (!bom && utf16Guess(bytes)) return false;
  if (BINARY_MAGIC.some((sig) => startsWith(bytes, sig))) return true;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** The kind of a decoded text whose extension said nothing. */
export function sniffText(text: string): ContentKind {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body)\b/.test(head)) return 'html';
  if (head.startsWith('<') && /<(p|div|ul|ol|li|br|h[1-6]|table|span|section|article)\b[^>]*>/.test(head)) return 'html';
  if (head.startsWith('{') || head.startsWith('[')) {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      return 'text';
    }
  }
  return 'text';
}

/** The kind of raw bytes: documents by magic, binaries, else text sniffing happens after decoding. */
export function sniffBytes(bytes: Uint8Array): 'pdf' | 'docx' | 'binary' | 'text-like' {
  if (isPdf(bytes)) return 'pdf';
  if (isDocx(bytes)) return 'docx';
  if (looksBinary(bytes) || isZip(bytes)) return 'binary';
  return 'text-like';
}
