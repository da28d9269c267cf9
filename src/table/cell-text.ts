// A table cell → posting text: HTML (also entity-escaped HTML) through htmlToText, stray
// entities decoded, Python list literals ("['About us', 'We build…']") joined line by line.
import { htmlToText, inlineText, unescapeHtml } from '../ingest/html-to-text.js';

const BLOCK_TAG = /<\/?(p|div|li|br|ul|ol|strong|span|b|em|h[1-6]|table|tr|td)\b[^<>]*>/i;
const ESCAPED_TAG = /&(?:amp;)*lt;\/?(p|div|li|br|ul|ol|strong|span|b|em|h[1-6])\b/i;
const LIST_START = /^\s*\[/;
const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|amp|lt|gt|quot|apos|nbsp|#39);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the common entities only, keeping every line break (Markdown and plain text stay as they are). */
export function decodeEntities(s: string): string {
  return s.replace(ENTITY, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower in NAMED) return NAMED[lower];
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** HTML rather than Markdown or text with the odd tag: it starts with a tag, or has as many tags as lines. */
export function looksHtml(s: string): boolean {
  if (!s.includes('<') || !BLOCK_TAG.test(s)) return false;
  if (/^\s*</.test(s)) return true;
  const tags = s.match(/<\/?[a-z][a-z0-9]*\b[^<>]*>/gi)?.length ?? 0;
  const lines = s.split('\n').length;
  return tags >= lines;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

/** The items of a Python list of strings, or null when the cell is not one. */
export function pythonList(s: string): string[] | null {
  const t = s.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return null;
  const items: string[] = [];
  let i = 1;
  const space = (): void => {
    while (i < t.length && /\s/.test(t[i])) i++;
  };
  space();
  while (i < t.length - 1) {
    if (/[uUrRbB]/.test(t[i]) && (t[i + 1] === "'" || t[i + 1] === '"')) i++;
    const q = t[i];
    if (q !== "'" && q !== '"') return null;
    let out = '';
    for (i++; i < t.length && t[i] !== q; i++) {
      if (t[i] !== '\\') {
        out += t[i];
        continue;
      }
      const c = t[++i];
      const hex = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
      if (hex && /^[0-9a-fA-F]+$/.test(t.slice(i + 1, i + 1 + hex)) && t.slice(i + 1, i + 1 + hex).length === hex) {
        out += String.fromCodePoint(parseInt(t.slice(i + 1, i + 1 + hex), 16));
        i += hex;
      } else out += ESCAPES[c] ?? `\\${c}`;
    }
    if (t[i] !== q) return null;
    items.push(out);
    i++;
    space();
    if (t[i] === ',') {
      i++;
      space();
    } else if (i !== t.length - 1) return null;
  }
  return items;
}

/** The posting text of a cell. */
export function cellText(raw: string): string {
  let s = raw;
  // /^\s*\[/ rather than trimStart(), which copies a long cell only to look at its first character.
  if (s.length > 1 && LIST_START.test(s)) {
    const items = pythonList(s);
    if (items) s = items.join('\n');
  }
  if (s.includes('lt;') && ESCAPED_TAG.test(s)) s = unescapeHtml(s);
  if (looksHtml(s)) return htmlToText(s);
  return s.includes('&') ? decodeEntities(s) : s;
}

/** A short cell (title, company) as one line. */
export function cellLine(raw: string): string | undefined {
  const s = raw.trim();
  if (!s) return undefined;
  if (!/<[a-z!/?]/i.test(s)) {
    // No tag ("R&D Engineer", "AT&amp;T"): plain text once the common entities are decoded; the
    // rarer named ones ("&ndash;", "&eacute;") still need the HTML parser's table.
    const t = s.includes('&') ? decodeEntities(s) : s;
    if (!/&[a-z][a-z0-9]*;/i.test(t)) return t.trim().replace(/\s+/g, ' ') || undefined;
  }
  return inlineText(s) || undefined;
}
