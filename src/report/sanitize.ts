// Untrusted posting text stays inert wherever it goes. One function per destination.

// C0/C1 controls (but tab/newline), DEL, and bidi overrides that can disguise text on a terminal.
// eslint-disable-next-line no-control-regex
const CONTROLS = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?|\u001b[@-_]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** For terminals: removes ANSI/OSC escape sequences and other control characters. */
export function stripControls(s: string): string {
  return s.replace(CONTROLS, '');
}

/** One line for a terminal: controls stripped, white space folded. */
export function oneLine(s: string, max = 200): string {
  const t = stripControls(s).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For HTML text and attribute values: the only place posting text is escaped for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** For a Markdown table cell: HTML escaped, pipes and line breaks neutralised. */
export function mdCell(s: string): string {
  return escapeHtml(stripControls(s)).replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ').replace(/([`*_[\]])/g, '\\$1');
}

/** For a spreadsheet cell: a leading =, +, -, @, tab or CR would make a formula; prefix a quote. */
export function csvSafe(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
