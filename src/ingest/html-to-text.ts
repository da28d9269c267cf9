// HTML → plain text that keeps the reading order and never glues sentences:
// block elements become line breaks, list items "• " lines, at most one blank line between blocks.
import { parseableHtml, wellFormed } from './html-depth.js';
import { cheerio } from './lazy.js';

/** The few fields of a domhandler node that the walk needs. */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
}

/** Elements that never hold posting text. */
export const NON_CONTENT = 'script, style, noscript, template, svg, iframe, object, embed, canvas, head, title, button, select, textarea, input';

const LINE = new Set([
  'div', 'li', 'tr', 'dt', 'dd', 'figcaption', 'caption', 'label', 'legend', 'option',
]);
const PARAGRAPH = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'blockquote',
  'pre', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'form', 'fieldset', 'details',
  'summary', 'address', 'figure', 'hr', 'center', 'menu',
]);
const SKIP = new Set(NON_CONTENT.split(', '));

class TextBuilder {
  private parts: string[] = [];
  private pendingBreak = 0;
  private pendingSpace = false;
  private prefix = '';
  private lineEmpty = true;

  brk(level: 1 | 2): void {
    this.pendingBreak = Math.max(this.pendingBreak, level);
    this.pendingSpace = false;
  }

  bullet(): void {
    this.brk(1);
    this.prefix = '• ';
  }

  /** A separator that only shows between two pieces of text on the same line. */
  separator(sep: string): void {
    if (!this.lineEmpty && this.pendingBreak === 0) {
      this.parts.push(sep);
      this.pendingSpace = false;
    }
  }

  private flush(): void {
    if (this.pendingBreak && this.parts.length) {
      this.parts.push(this.pendingBreak === 2 ? '\n\n' : '\n');
      this.lineEmpty = true;
      this.pendingSpace = false;
    }
    this.pendingBreak = 0;
    if (this.prefix) {
      this.parts.push(this.prefix);
      this.prefix = '';
      this.lineEmpty = false;
      this.pendingSpace = false;
    }
  }

  text(raw: string): void {
    const s = raw.replace(/\s+/g, ' ');
    if (s.startsWith(' ')) this.pendingSpace = true;
    const core = s.trim();
    if (!core) return;
    this.flush();
    if (this.pendingSpace && !this.lineEmpty) this.parts.push(' ');
    this.parts.push(core);
    this.lineEmpty = false;
    this.pendingSpace = s.endsWith(' ');
  }

  preformatted(raw: string): void {
    const lines = raw.replace(/\r\n?/g, '\n').split('\n');
    lines.forEach((line, i) => {
      if (i > 0) this.brk(1);
      this.text(line);
    });
  }

  toString(): string {
    return this.parts
      .join('')
      .split('\n')
      .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
}

function walk(node: DomNode, out: TextBuilder, pre: boolean): void {
  if (node.type === 'text') {
    if (pre) out.preformatted(node.data ?? '');
    else out.text(node.data ?? '');
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root') return;
  const name = node.name?.toLowerCase() ?? '';
  if (SKIP.has(name)) return;
  if (name === 'br') return out.brk(1);
  // A list nested in a list item is one more line, not a new paragraph.
  const nested = (name === 'ul' || name === 'ol') && node.parent?.name === 'li';
  const level = nested ? 1 : PARAGRAPH.has(name) ? 2 : LINE.has(name) ? 1 : 0;
  if (name === 'li') out.bullet();
  else if (level) out.brk(level as 1 | 2);
  if (name === 'td' || name === 'th') out.separator(' | ');
  const inPre = pre || name === 'pre' || name === 'textarea';
  for (const child of node.children ?? []) walk(child, out, inPre);
  if (level) out.brk(level as 1 | 2);
  else if (name === 'td' || name === 'th') out.text(' ');
}

/** Text of a parsed node (document, element or fragment root). */
export function domToText(node: DomNode): string {
  const out = new TextBuilder();
  walk(node, out, false);
  return out.toString();
}

/** HTML (a whole page or a fragment such as a CSV cell) → text; entities decoded. */
export function htmlToText(html: string): string {
  const $ = cheerio().load(parseableHtml(html));
  return domToText($.root()[0] as unknown as DomNode);
}

/** Greenhouse and some JSON-LD escape their HTML once or twice ("&amp;lt;p&amp;gt;"): undo that. */
export function unescapeHtml(html: string): string {
  let current = html;
  for (let i = 0; i < 3; i++) {
    if (/<[a-z!/][^>]*>/i.test(current) || !/&(amp;)*(lt|gt);/i.test(current)) break;
    current = cheerio().load(`<textarea>${wellFormed(current).replace(/<\/textarea/gi, '&lt;/textarea')}</textarea>`)('textarea').text();
  }
  return current;
}

/** A short HTML string (title, company) as one line of text. */
export function inlineText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  return htmlToText(html).replace(/\s+/g, ' ').trim();
}
