// UTF-8 chunks → JSON lines → objects, streaming; a line that is not a JSON object becomes an
// error item and reading goes on.
import type { InputError } from '../model.js';

export type JsonlItem = { value: Record<string, unknown>; error?: undefined } | { value?: undefined; error: InputError };

function parseLine(line: string, lineNo: number): JsonlItem {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { value: value as Record<string, unknown> };
    return { error: { code: 'NOT_A_POSTING', message: `line ${lineNo} is JSON but not an object` } };
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0].replace(/\s*in JSON at position \d+.*$/, '');
    return { error: { code: 'JSON_ERROR', message: `line ${lineNo} is not valid JSON: ${reason}` } };
  }
}

/** Objects in order, one per non-blank line. */
export async function* jsonlRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<JsonlItem> {
  // Pieces of a line that spans chunks, joined only once its end is found.
  const carry: string[] = [];
  let lineNo = 0;
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      lineNo++;
      const line = (carry.length ? carry.splice(0).join('') + text.slice(start, nl) : text.slice(start, nl)).trim();
      start = nl + 1;
      if (line) yield parseLine(line, lineNo);
    }
    if (start < text.length) carry.push(text.slice(start));
  }
  const last = (carry.join('') + decoder.decode()).trim();
  if (last) yield parseLine(last, lineNo + 1);
}

/** A JSON value as a table cell: strings as they are, other scalars as text, objects as JSON. */
export function jsonCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
