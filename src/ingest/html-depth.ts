// A guard against absurdly deep HTML (100 000 nested <div>s): the HTML parser's scope checks cost
// time in proportion to the depth for every tag, so such a page would take minutes, and the text
// walk would run out of stack. Like Blink (which caps its DOM at 512 levels), certfit flattens
// elements nested deeper than MAX_HTML_DEPTH: their text is kept, a block boundary becomes a line
// break. Pages within the limit are returned unchanged (the same string), so real pages never
// notice. One linear pass, no regular expressions.

export const MAX_HTML_DEPTH = 512;

/** Never nest: no end tag. */
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** End tags may be left out: the parser closes these itself, so they do not pile up. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rtc', 'rp', 'colgroup', 'caption', 'html', 'head', 'body']);
/** Their content is text up to the matching end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
/** Flattened into a line break, so sentences stay apart; other elements into an empty comment
 *  (not into nothing: a "<" just before the tag would then open a new one). */
const GONE = '<!---->';
/** Block elements. */
const BLOCK = new Set([
  'div', 'p', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'blockquote', 'pre', 'section', 'article',
  'header', 'footer', 'main', 'aside', 'nav', 'form', 'fieldset', 'details', 'summary', 'address', 'figure', 'figcaption', 'center', 'menu', 'caption', 'label', 'legend',
]);

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Index just past the tag's `>`, or -1 when the tag never ends. */
  end: number;
}

/** The tag starting at `lt` (which holds `<` followed by a letter or `/letter`). */
function readTag(html: string, lt: number): Tag {
  const n = html.length;
  const closing = html.charCodeAt(lt + 1) === 47;
  let i = closing ? lt + 2 : lt + 1;
  const nameStart = i;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (isSpace(c) || c === 47 || c === 62) break;
    i++;
  }
  const name = html.slice(nameStart, i).toLowerCase();
  // Attributes, read as the HTML tokenizer reads them: "=" starts a value only after a name,
  // and a quote only opens a value right after that "=" (anywhere else it is part of a name or value).
  const BEFORE_NAME = 0;
  const IN_NAME = 1;
  const AFTER_NAME = 2;
  let state = BEFORE_NAME;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 62) return { name, closing, selfClosing: false, end: i + 1 };
    if (c === 47) {
      if (html.charCodeAt(i + 1) === 62) return { name, closing, selfClosing: true, end: i + 2 };
      state = BEFORE_NAME;
      i++;
      continue;
    }
    if (isSpace(c)) {
      if (state === IN_NAME) state = AFTER_NAME;
      i++;
      continue;
    }
    if (c !== 61 || state === BEFORE_NAME) {
      // A name character; after a finished name it starts the next attribute.
      state = IN_NAME;
      i++;
      continue;
    }
    // "=" after a name: the value.
    let j = i + 1;
    while (j < n && isSpace(html.charCodeAt(j))) j++;
    const q = html.charCodeAt(j);
    if (q === 34 || q === 39) {
      const close = html.indexOf(q === 34 ? '"' : "'", j + 1);
      if (close === -1) return { name, closing, selfClosing: false, end: -1 };
      i = close + 1;
    } else {
      while (j < n && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== 62) j++;
      i = j;
    }
    state = BEFORE_NAME;
  }
  return { name, closing, selfClosing: false, end: -1 };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * HTML as the parser can take it: lone surrogates (which JSON escapes can smuggle into a
 * description) become U+FFFD — parse5 throws a RangeError on some of them — and absurd
 * nesting is flattened.
 */
export function parseableHtml(html: string): string {
  return flattenDeepHtml(wellFormed(html));
}

/** Lone surrogates replaced by U+FFFD (String.prototype.toWellFormed, which Node 20's types lack). */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\ufffd');
}

/** How far down the open elements an end tag looks for its start tag before it counts as stray. */
const END_TAG_REACH = 16;

interface Open {
  name: string;
  /** Flattened: its end tag goes too. */
  dropped: boolean;
}

/** `html` with elements below MAX_HTML_DEPTH flattened; the very same string when none are. */
export function flattenDeepHtml(html: string, maxDepth = MAX_HTML_DEPTH): string {
  // Each level needs at least three characters ("<a>"): a short page cannot be too deep.
  if (html.length <= maxDepth * 3) return html;
  const n = html.length;
  const parts: string[] = [];
  let copied = 0;
  const replace = (from: number, to: number, by: string): void => {
    parts.push(html.slice(copied, from), by);
    copied = to;
  };
  /** The open elements that nest (a stack, as the parser keeps one). */
  const stack: Open[] = [];
  /** Depth at which an <svg> or <math> opened (there `<x/>` closes itself), or -1. */
  let foreign = -1;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1 || lt + 1 >= n) break;
    const c = html.charCodeAt(lt + 1);
    if (c === 33 || c === 63) {
      // <!-- comment -->, <!doctype>, <![CDATA[ ]]>, <?xml ?>
      const comment = html.startsWith('<!--', lt);
      const close = comment ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt + 2);
      if (close === -1) break;
      i = close + (comment ? 3 : 1);
      continue;
    }
    if (c === 47 && !isLetter(html.charCodeAt(lt + 2))) {
      // "</" without a letter: a bogus comment up to the next ">" (so it can swallow a real tag).
      const close = html.indexOf('>', lt + 2);
      if (close === -1) break;
      i = close + 1;
      continue;
    }
    if (!isLetter(c) && c !== 47) {
      i = lt + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (tag.end === -1) break;
    i = tag.end;
    if (tag.name === 'plaintext' && !tag.closing) break;
    if (!tag.closing && RAW_TEXT.has(tag.name) && foreign === -1) {
      // Skip to </name>: its content is not markup.
      const close = indexOfEndTag(html, tag.name, i);
      const gt = close === -1 ? -1 : html.indexOf('>', close);
      if (gt === -1) break;
      i = gt + 1;
      continue;
    }
    if (VOID.has(tag.name) || OPTIONAL_END.has(tag.name)) continue;
    if (!tag.closing && tag.selfClosing && foreign !== -1) continue;
    if (!tag.closing) {
      if (foreign === -1 && (tag.name === 'svg' || tag.name === 'math')) foreign = stack.length;
      const dropped = stack.length >= maxDepth;
      stack.push({ name: tag.name, dropped });
      if (dropped) replace(lt, tag.end, BLOCK.has(tag.name) ? '<br>' : GONE);
      continue;
    }
    // An end tag closes its element and any left open inside it; one that matches nothing near
    // the top is a no-op for the parser, and goes when it sits below the limit.
    let at = stack.length - 1;
    const stop = Math.max(0, stack.length - END_TAG_REACH);
    while (at >= stop && stack[at].name !== tag.name) at--;
    if (at < stop) {
      if (stack.length > maxDepth) replace(lt, tag.end, GONE);
      continue;
    }
    const { dropped } = stack[at];
    stack.length = at;
    if (foreign !== -1 && stack.length <= foreign) foreign = -1;
    if (dropped) replace(lt, tag.end, BLOCK.has(tag.name) ? '<br>' : GONE);
  }
  if (parts.length === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}

/** Where `</name` (any case) starts at or after `from`, or -1. */
function indexOfEndTag(html: string, name: string, from: number): number {
  const n = html.length;
  for (let i = html.indexOf('</', from); i !== -1 && i < n; i = html.indexOf('</', i + 2)) {
    if (html.slice(i + 2, i + 2 + name.length).toLowerCase() === name) {
      const after = html.charCodeAt(i + 2 + name.length);
      if (Number.isNaN(after) || isSpace(after) || after === 47 || after === 62) return i;
    }
  }
  return -1;
}
