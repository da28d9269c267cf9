// Safe by construction: every value interpolated into an `html` template is escaped with
// escapeHtml here, in this one place, unless it is itself an Html fragment built by `html`.
// Only trusted constants (our own CSS and script) enter unescaped, through `trusted`.
import { escapeHtml } from './sanitize.js';

/** A fragment of markup that is already safe to place in a document. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: text (escaped), numbers, fragments, nothing, or lists of these. */
export type Part = string | number | Html | null | undefined | false | readonly Part[];

function part(v: Part): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (typeof v === 'number') return escapeHtml(String(v));
  if (typeof v === 'string') return escapeHtml(v);
  return v.map(part).join('');
}

/** Tagged template: `html\`<p>${untrusted}</p>\`` escapes `untrusted` for text and attribute values. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0];
  values.forEach((v, i) => {
    out += part(v) + strings[i + 1];
  });
  return new Html(out);
}

/** Our own constant markup (the stylesheet, the script); never posting text. */
export const trusted = (s: string): Html => new Html(s);

/** Joins fragments with a separator (the separator is escaped like any text). */
export const join = (items: readonly Part[], sep: string): Html => html`${items.flatMap((x, i) => (i === 0 ? [x] : [sep, x]))}`;

/**
 * An href for a link out of the report: only absolute http(s) URLs, normalised by the URL parser
 * (which strips tabs, newlines and control characters); anything else (javascript:, data:, relative) gives null.
 */
export function safeHref(s: string | undefined): string | null {
  if (!s) return null;
  try {
    const u = new URL(s.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A link when the value is an http(s) URL, else the value as plain text. */
export function linkOrText(s: string): Html {
  const href = safeHref(s);
  return href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${s}</a>` : html`<span class="src">${s}</span>`;
}

export const pct = (x: number): string => `${Math.round(x * 100)}%`;
