// Delimiter and line ending from the first chunk of a table, quote-aware, so that commas
// inside quoted descriptions do not vote.

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Up to `max` records of the sample, each as its delimiter-candidate counts outside quotes. */
function countPerRecord(sample: string, complete: boolean, max = 50): Map<string, number>[] {
  const records: Map<string, number>[] = [];
  let counts = new Map<string, number>();
  let quoted = false;
  for (let i = 0; i < sample.length && records.length < max; i++) {
    const c = sample[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && sample[i + 1] === '\n') i++;
      records.push(counts);
      counts = new Map();
    } else if ((DELIMITERS as readonly string[]).includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  // The last record of a partial sample may be cut off; keep it only when the sample is the whole file.
  if (complete && !quoted && counts.size > 0 && records.length < max) records.push(counts);
  return records;
}

/**
 * The delimiter whose count on the header line is non-zero and repeats on the most records;
 * ties go to the larger count, then to the order comma, semicolon, tab, pipe.
 */
export function sniffDelimiter(sample: string, fallback: string, complete = false): string {
  const records = countPerRecord(sample, complete);
  if (records.length === 0) return fallback;
  const [header, ...rows] = records;
  let best: { d: string; agree: number; count: number } | null = null;
  for (const d of DELIMITERS) {
    const count = header.get(d) ?? 0;
    if (count === 0) continue;
    const agree = rows.length === 0 ? 1 : rows.filter((r) => (r.get(d) ?? 0) === count).length / rows.length;
    if (!best || agree > best.agree || (agree === best.agree && count > best.count)) best = { d, agree, count };
  }
  return best?.d ?? fallback;
}

/** The line ending of the first record (outside quotes): CRLF, LF or CR. */
export function sniffLineEnding(sample: string): string {
  let quoted = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n') return '\n';
    else if (!quoted && c === '\r') return sample[i + 1] === '\n' ? '\r\n' : '\r';
  }
  return '\n';
}
