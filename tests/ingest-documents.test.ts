// PDF and DOCX postings, built byte by byte at run time (no generator packages needed).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestItem } from '../src/ingest/index.js';
import { ingestWith } from '../src/ingest/ingest.js';

/** A PDF with one Helvetica text page per entry of `pages` (each a list of lines). */
function makePdf(pages: string[][], extraTrailer = '', extraObjects: string[] = []): Buffer {
  const esc = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pages.forEach((lines, i) => {
    const stream = `BT /F1 12 Tf 72 720 Td 16 TL ${lines.map((l) => `(${esc(l)}) Tj T*`).join(' ')} ET`;
    objects[pageIds[i]] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${pageIds[i] + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`;
    objects[pageIds[i] + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  for (const extra of extraObjects) objects.push(extra);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R ${extraTrailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A minimal zip (deflate) writer. */
function makeZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function makeDocx(paragraphs: string[]): Buffer {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join('');
  return makeZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  });
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'certfit-docs-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function collect(inputs: string[]): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of ingest(inputs)) out.push(item);
  return out;
}

describe('PDF', () => {
  it('extracts the text of every page, pages joined by a blank line', async () => {
    await writeFile(join(tmp, 'job.pdf'), makePdf([['Machine Learning Engineer', 'Deploy models with Amazon SageMaker.'], ['Azure AI Foundry is a plus.']]));
    const [item] = await collect([join(tmp, 'job.pdf')]);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(item.posting.text).toBe('Machine Learning Engineer\nDeploy models with Amazon SageMaker.\n\nAzure AI Foundry is a plus.');
  });

  it('sniffs a PDF by its magic number and stops at the page limit', async () => {
    await writeFile(join(tmp, 'scan.bin'), makePdf([['Page one'], ['Page two'], ['Page three']]));
    const items: IngestItem[] = [];
    for await (const item of ingestWith([join(tmp, 'scan.bin')], {}, { pdfPageLimit: 2 })) items.push(item);
    expect(items[0].ok && items[0].posting.text).toBe('Page one\n\nPage two');
  });

  it('reports corrupt and encrypted PDFs as PDF_ERROR on one line', async () => {
    await writeFile(join(tmp, 'corrupt.pdf'), '%PDF-1.7\nthis is not really a PDF\n');
    const hex = (n: number): string => `<${'ab'.repeat(n)}>`;
    const encrypt = `<< /Filter /Standard /V 1 /R 2 /Length 40 /O ${hex(32)} /U ${hex(32)} /P -4 >>`;
    await writeFile(join(tmp, 'locked.pdf'), makePdf([['Secret']], `/Encrypt 6 0 R /ID [${hex(16)} ${hex(16)}] `, [encrypt]));
    const [corrupt, locked] = await collect([join(tmp, 'corrupt.pdf'), join(tmp, 'locked.pdf')]);
    expect(!corrupt.ok && corrupt.error.code).toBe('PDF_ERROR');
    expect(!locked.ok && locked.error).toMatchObject({ code: 'PDF_ERROR', message: expect.stringMatching(/encrypted/) });
    for (const item of [corrupt, locked]) expect(!item.ok && item.error.message).not.toMatch(/\n/);
  });
});

describe('DOCX', () => {
  it('extracts paragraphs with mammoth', async () => {
    await writeFile(join(tmp, 'job.docx'), makeDocx(['Azure AI Engineer', 'Build agents with Azure AI Foundry & Semantic Kernel.']));
    const [item] = await collect([join(tmp, 'job.docx')]);
    expect(item.ok && item.posting.text).toBe('Azure AI Engineer\n\nBuild agents with Azure AI Foundry & Semantic Kernel.');
  });

  it('sniffs a DOCX without its extension, and reports a corrupt one', async () => {
    await writeFile(join(tmp, 'download'), makeDocx(['Sniffed by content']));
    const broken = makeDocx(['x']);
    await writeFile(join(tmp, 'broken.docx'), broken.subarray(0, broken.length - 40));
    const [sniffed, corrupt] = await collect([join(tmp, 'download'), join(tmp, 'broken.docx')]);
    expect(sniffed.ok && sniffed.posting.text).toBe('Sniffed by content');
    expect(!corrupt.ok && corrupt.error.code).toBe('DOCX_ERROR');
  });

  it('calls a zip that is not a Word document binary', async () => {
    await writeFile(join(tmp, 'archive.zip'), makeZip({ 'a.txt': 'hello' }));
    const [item] = await collect([join(tmp, 'archive.zip')]);
    expect(!item.ok && item.error.code).toBe('BINARY');
  });
});
