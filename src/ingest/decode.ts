// Bytes → string without mojibake: BOM, declared charset, UTF-16 heuristic, strict UTF-8, then chardet.
import { createRequire } from 'node:module';
const chardet = (): typeof import('chardet') => createRequire(import.meta.url)('chardet') as typeof import('chardet');

export interface Decoded {
  text: string;
  encoding: string;
}

const LATIN_LABELS = new Set(['iso-8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'windows-1252', 'cp1252']);
const MULTIBYTE = /^(shift_jis|euc-jp|euc-kr|gb18030|gbk|big5|iso-2022-jp|iso-2022-kr|iso-2022-cn)$/i;
// ISO-8859-x have C1 controls in 0x80–0x9F; text with those bytes is really the Windows code page.
const ISO_TO_WINDOWS: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso-8859-2': 'windows-1250',
  'iso-8859-5': 'windows-1251',
  'iso-8859-7': 'windows-1253',
  'iso-8859-8': 'windows-1255',
  'iso-8859-9': 'windows-1254',
};

export function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM: ASCII-heavy text has NULs in every other byte. */
export function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd / pairs > 0.3 && even / pairs < 0.05) return 'utf-16le';
  if (even / pairs > 0.3 && odd / pairs < 0.05) return 'utf-16be';
  return null;
}

// Node's TextDecoder decodes "windows-1252" as ISO-8859-1 (0x80–0x9F become C1 controls), so map those by hand.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    let part = '';
    for (const b of chunk) part += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    out += part;
  }
  return out;
}

/** TextDecoder, except for windows-1252 and its aliases. */
export function decodeAs(label: string, bytes: Uint8Array): string {
  const name = label.toLowerCase();
  if (LATIN_LABELS.has(name) || name === 'latin-1' || name === 'iso8859-1') return decodeWindows1252(bytes);
  return new TextDecoder(name).decode(bytes);
}

function normaliseLabel(label: string): string | null {
  const clean = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  try {
    new TextDecoder(clean);
    return clean;
  } catch {
    return null;
  }
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasC1Bytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80 && b <= 0x9f) return true;
  return false;
}

/** chardet's best guess, but Windows-1252 unless another encoding clearly wins. */
export function detectEncoding(bytes: Uint8Array): string {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  const candidates = chardet().analyse(sample);
  const top = candidates[0];
  if (!top || top.confidence < 50) return 'windows-1252';
  let name = top.name.toLowerCase();
  if (name === 'utf-8' || name === 'ascii') return 'windows-1252'; // strict UTF-8 already failed
  if (name === 'iso-8859-1') return 'windows-1252';
  if (!MULTIBYTE.test(name) && !name.startsWith('utf-')) {
    const latin = candidates.find((c) => LATIN_LABELS.has(c.name.toLowerCase()));
    if (latin && top.confidence - latin.confidence < 20) return 'windows-1252';
  }
  if (hasC1Bytes(sample) && ISO_TO_WINDOWS[name]) name = ISO_TO_WINDOWS[name];
  return normaliseLabel(name) ?? 'windows-1252';
}

/**
 * Decodes bytes to text. `declared` is a charset from a header or <meta>; it loses to a BOM,
 * and a Latin-1-ish declaration loses to bytes that are valid multi-byte UTF-8.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding };
  const label = declared ? normaliseLabel(declared) : null;
  if (label && label !== 'utf-8' && label !== 'utf8' && !LATIN_LABELS.has(label)) {
    return { text: decodeAs(label, bytes), encoding: label };
  }
  const guess = utf16Guess(bytes);
  if (guess) return { text: new TextDecoder(guess).decode(bytes), encoding: guess };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  if (label && LATIN_LABELS.has(label)) return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  const detected = detectEncoding(bytes);
  return { text: decodeAs(detected, bytes), encoding: detected };
}
