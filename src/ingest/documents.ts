// PDF and DOCX → text: unpdf (PDF.js) bounded in pages and time, and mammoth.
import { getDocumentProxy } from 'unpdf';
import { mammoth } from './lazy.js';
import { IngestError } from './errors.js';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

export interface PdfLimits {
  pageLimit: number;
  timeMs: number;
}

function pdfError(err: unknown): IngestError {
  const name = (err as { name?: string })?.name ?? '';
  if (err instanceof IngestError) return err;
  if (name === 'PasswordException') {
    return new IngestError('PDF_ERROR', 'the PDF is encrypted (password protected); save an unprotected copy or paste its text');
  }
  const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new IngestError('PDF_ERROR', `could not read the PDF (${detail || name || 'corrupt file'}); re-export it or paste its text`);
}

async function pageText(doc: PdfDocument, n: number): Promise<string> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str + (item.hasEOL ? '\n' : '');
  }
  return text.replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
}

async function extract(bytes: Uint8Array, limits: PdfLimits, state: { doc?: PdfDocument }): Promise<string> {
  // PDF.js takes ownership of (detaches) the buffer it is given.
  const doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  state.doc = doc;
  const pages: string[] = [];
  const last = Math.min(doc.numPages, limits.pageLimit);
  for (let n = 1; n <= last; n++) pages.push(await pageText(doc, n));
  return pages.filter(Boolean).join('\n\n');
}

export async function pdfToText(bytes: Uint8Array, limits: PdfLimits): Promise<string> {
  const state: { doc?: PdfDocument } = {};
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new IngestError('PDF_ERROR', `reading the PDF took longer than ${limits.timeMs / 1000} s; paste its text instead`)),
      limits.timeMs,
    );
  });
  try {
    return await Promise.race([extract(bytes, limits, state), timeout]);
  } catch (err) {
    throw pdfError(err);
  } finally {
    clearTimeout(timer);
    await state.doc?.destroy().catch(() => undefined);
  }
}

export async function docxToText(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth().extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new IngestError('DOCX_ERROR', `could not read the DOCX (${detail}); re-save it in Word or paste its text`);
  }
}
