// Bytes of one source → drafts, whatever the format.
import { decodeBytes } from './decode.js';
import { IngestError } from './errors.js';
import { htmlToPostings } from './html-posting.js';
import { parseJsonPostings } from './json-posting.js';
import { docxToText, pdfToText, type PdfLimits } from './documents.js';
import { looksBinary, sniffBytes, sniffText } from './sniff.js';
import { headingOf } from '../text/sections.js';
import type { ContentKind, Draft } from './types.js';

export interface Extracted {
  items: (Draft | IngestError)[];
  /** Items get `#N` ids when true. */
  collection: boolean;
}

export interface ExtractRequest {
  bytes: Uint8Array;
  /** From the extension or content type; undefined = sniff. */
  kind?: ContentKind;
  /** Charset from a Content-Type header. */
  charset?: string;
  pdf: PdfLimits;
}

export const BINARY = (): IngestError => new IngestError('BINARY', 'not a posting: looks like binary data');

/** <meta charset> or http-equiv Content-Type in the first bytes of an HTML document. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  return (
    head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1] ??
    head.match(/<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i)?.[1]
  );
}

function single(draft: Draft): Extracted {
  if (!draft.text.trim()) throw new IngestError('EMPTY', 'no posting text found (the document is empty)');
  return { items: [draft], collection: false };
}

function markdownTitle(text: string): string | undefined {
  return text.match(/^\s*#\s+(.+?)\s*#*\s*$/m)?.[1];
}

/**
 * A plain-text posting's title: its first line, when that reads as one (short, on its own line,
 * not a sentence, a label or a section heading) and more text follows: "Machine Learning Engineer, Recommendations".
 */
function textTitle(text: string): string | undefined {
  const m = /^\s*([^\n]+?)[ \t]*\r?\n\s*\S/.exec(text);
  if (!m) return undefined;
  const line = m[1];
  if (line.length > 100 || line.split(/\s+/).length > 12 || /[.!?:;,]$/.test(line)) return undefined;
  return headingOf(line) === null ? line : undefined;
}

export async function extractBytes(req: ExtractRequest): Promise<Extracted> {
  const { bytes } = req;
  if (bytes.length === 0) throw new IngestError('EMPTY', 'empty file: nothing to analyse');
  let kind = req.kind;
  if (!kind) {
    const sniffed = sniffBytes(bytes);
    if (sniffed === 'binary') throw BINARY();
    if (sniffed !== 'text-like') kind = sniffed;
  }
  if (kind === 'pdf') {
    const text = await pdfToText(bytes, req.pdf);
    if (!text.trim()) throw new IngestError('EMPTY', 'the PDF has no text layer (a scan?); run OCR on it or paste its text');
    return single({ text });
  }
  if (kind === 'docx') return single({ text: await docxToText(bytes) });
  if (looksBinary(bytes)) throw BINARY();

  const declared = req.charset ?? (kind === 'html' || !kind ? metaCharset(bytes) : undefined);
  const { text } = decodeBytes(bytes, declared);
  kind ??= sniffText(text);
  switch (kind) {
    case 'html': {
      const drafts = htmlToPostings(text);
      if (drafts.length > 1) return { items: drafts, collection: true };
      if (!drafts[0]?.text.trim()) throw new IngestError('EMPTY', 'no posting text found in the page');
      return { items: drafts, collection: false };
    }
    case 'json':
      return parseJsonPostings(text);
    case 'markdown': {
      const title = markdownTitle(text);
      return single(title ? { text, title } : { text });
    }
    default: {
      const title = textTitle(text);
      return single(title ? { text, title } : { text });
    }
  }
}
