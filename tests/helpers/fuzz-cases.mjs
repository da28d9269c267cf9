// Generators and invariants shared by the property tests (tests/fuzz-*.test.ts, which pass the
// TypeScript sources in) and `npm run fuzz` (bench/fuzz.mjs, which passes dist/ in). Plain ESM,
// so that both can use it; every invariant takes the library as an argument.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// ─── random Unicode ─────────────────────────────────────────────────────────────────────────

/** Words the lexicons know, so that random text has mentions in it. */
export const WORDS = [
  'SageMaker', 'Amazon SageMaker', 'Sage Maker', 'AWS', 'Amazon', 'Azure', 'Azure ML', 'Azure OpenAI', 'AI Search', 'Glue', 'AWS Glue ETL',
  'glue code', 'Athena', 'S3', 'Polly', 'Lex', 'Transcribe', 'Translator', 'Bedrock', 'Lambda', 'Kinesis', 'Vertex AI', 'BigQuery',
  'Foundry', 'C#', '.NET', 'CI/CD', 'Q', 'Amazon Q', 'Kubernetes', 'PyTorch', 'hyperparameter tuning', 'MLS-C01', 'AI-102',
];

/** The characters that break naive text code: astral, combining, RTL, controls, odd line ends. */
export const NASTY = [
  '😀', '𝐀𝐖𝐒', '𠀀', '👩‍💻', '🇩🇪', '\u{1F3FD}', // astral, ZWJ sequences, flags, modifiers
  'e\u0301', '\u0301', 'A\u030a', 'n\u0303\u0323', '\u0345', // combining marks, also leading ones
  'مرحبا', 'שלום', '\u202e', '\u202d', '\u200f', '\u2067', '\u061c', // RTL and bidi controls
  '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', // NUL, controls, NEL, LS, PS
  '\ud800', '\udfff', '\ud83d', // lone surrogates
  '\r\n', '\r', '\n', '\n\n', '\r\r', '\t', '\f', '\v', // every kind of line end
  '\ufeff', '\u200b', '\u00ad', '\u00a0', '\u3000', 'ＡＷＳ', 'İ', 'ı', 'ß', 'ẞ', 'Σ', 'ς', 'ﬁ', // BOM, zero-width, fullwidth, case traps
  '\u001b[2J', '\u001b]0;pwned\u0007', '\u001b]8;;http://x\u001b\\', '\u009b31m', '\u001bc', // terminal escapes (CSI, OSC title/link, C1, reset)
  '<x-pwn onerror=alert(1)>', '</textarea>', '<script>alert(1)</script>', '&amp;', '"', "'", '`', '${x}', '=cmd|', '\\', // markup and injection
  '•', '- ', '* ', '1. ', 'Requirements:', 'Nice to have:', 'Benefits', 'About us', ' or ', ', ', '. ', '(', ')', '/', '–',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const PIECE = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(' ', ' ', '  ', '\n') },
  { weight: 5, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: loneSurrogate },
);
/** Random posting text: lexicon words among the nastiest characters there are. */
export const unicodeText = fc.array(PIECE, { maxLength: 80 }).map((p) => p.join(''));

// ─── checks ─────────────────────────────────────────────────────────────────────────────────

export class InvariantError extends Error {}
function ensure(ok, message) {
  if (!ok) throw new InvariantError(message);
}

/** Every mention and rejection points at exactly its text; mentions come in order. */
export function checkLocations(text, result) {
  let last = -1;
  const all = [...result.mentions, ...result.rejected];
  for (const m of all) {
    ensure(Number.isInteger(m.start) && Number.isInteger(m.end), `offsets are integers: ${m.start}, ${m.end}`);
    ensure(m.start >= 0 && m.end <= text.length && m.end > m.start, `offsets inside the text: [${m.start}, ${m.end}) of ${text.length}`);
    ensure(text.slice(m.start, m.end) === m.text, `text at offsets: ${JSON.stringify(text.slice(m.start, m.end))} ≠ ${JSON.stringify(m.text)}`);
    const before = text.slice(0, m.start).split('\n');
    ensure(m.line === before.length && m.column === before[before.length - 1].length + 1, `line/column ${m.line}:${m.column} at ${m.start}`);
    ensure(text.includes(m.sentence), `sentence is part of the text: ${JSON.stringify(m.sentence)}`);
  }
  for (const m of result.mentions) {
    ensure(m.start >= last, `mentions in order: ${m.start} after ${last}`);
    last = m.end;
  }
}

/** What must never reach a terminal from a posting: C0/C1 controls but tab and newline, DEL, bidi overrides. */
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Whitespace-separated words, for comparing texts whose layout may differ. */
const words = (s) => s.split(/[\s|•]+/u).filter(Boolean);

// ─── random HTML ────────────────────────────────────────────────────────────────────────────

/** Tags that hold text and may be flattened past the depth limit without showing hidden text. */
const CONTENT_TAGS = ['div', 'p', 'span', 'b', 'i', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'section', 'article', 'main', 'h2', 'h3', 'pre', 'blockquote', 'header', 'footer', 'font', 'center'];
const OTHER_TAGS = ['br', 'hr', 'img', 'script', 'style', 'table', 'tr', 'td', 'svg', 'template', 'button', 'select', 'option', 'textarea', 'title', 'nav', 'form', 'plaintext', 'math'];
const ATTR = fc.oneof(
  fc.constantFrom('', ' class="job-description"', ' id=main', " title='a>b'", ' data-x="<div>"', ' onclick="alert(1)"', ' style="display:none"', ' class=x y', ' a=b/', ' =x', " x='", ' role="main"'),
  fc.string({ maxLength: 8 }).map((s) => ` title="${s.replace(/"/g, '')}"`),
);
const HTML_TEXT = fc.oneof(
  fc.constantFrom(...WORDS, ...NASTY, '&lt;p&gt;', '&amp;amp;', '&#x1F600;', '&#0;', '&#xD800;', '&nbsp;', '&bogus;', '&', '<', '>', 'a < b', '<3', '< div>', '<!-- x -->', '<!--', '<![CDATA[x]]>', '<?php x ?>', '</', '<!doctype html>'),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

function htmlArb(tags) {
  const { node } = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, HTML_TEXT, tie('element')),
    element: fc
      .record({ tag: fc.constantFrom(...tags), attr: ATTR, children: fc.array(tie('node'), { maxLength: 5 }), close: fc.integer({ min: 0, max: 9 }), upper: fc.boolean() })
      .map(({ tag, attr, children, close, upper }) => {
        const name = upper ? tag.toUpperCase() : tag;
        // Mostly well formed; sometimes unclosed, closed twice or closed as something else.
        const end = close === 0 ? '' : close === 1 ? `</${name}></${name}>` : close === 2 ? '</div>' : `</${name}>`;
        return `<${name}${attr}>${children.join('')}${end}`;
      }),
  }));
  return node;
}
/** Random, often broken HTML of every kind. */
export const randomHtml = fc.array(htmlArb([...CONTENT_TAGS, ...OTHER_TAGS]), { maxLength: 6 }).map((p) => p.join(''));
/** Random HTML of content tags only, nested deep: for the flattening invariant. */
export const contentHtml = fc.array(htmlArb(CONTENT_TAGS), { maxLength: 6 }).map((p) => p.join(''));
/** `n` levels of one tag around a posting sentence, closed or not. */
export const deepHtml = fc
  .record({ depth: fc.integer({ min: 1, max: 3000 }), tag: fc.constantFrom('div', 'span', 'b', 'section', 'ul', 'font', 'a'), closed: fc.boolean(), text: fc.constantFrom('We use Amazon SageMaker.', 'Azure OpenAI and AI Search') })
  .map(({ depth, tag, closed, text }) => ({ text, html: `<html><body>${`<${tag}>`.repeat(depth)}${text}${closed ? `</${tag}>`.repeat(depth) : ''}</body></html>` }));

// ─── random tables ──────────────────────────────────────────────────────────────────────────

const CSV_PIECE = fc.constantFrom('a', 'Z', ' ', ',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r', 'é', '€', '😀', '\u0000', '\ufeff', "'", '=', 'SageMaker', 'Azure OpenAI', 'Vertex AI', '<p>x</p>', '&amp;', '\\', '"a,b"', ',"', '",');
const csvCell = fc.array(CSV_PIECE, { maxLength: 8 }).map((p) => p.join(''));
/** A table that may be broken: stray quotes, ragged rows, mixed line ends, a BOM or UTF-16. */
export const randomCsv = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  header: fc.array(fc.constantFrom('title', 'company', 'location', 'id', 'x', 'url', 'Job Title'), { maxLength: 3 }),
  rows: fc.array(fc.array(csvCell, { maxLength: 5 }), { maxLength: 14 }),
  quoteMode: fc.constantFrom('proper', 'proper', 'raw'),
  lineEnding: fc.constantFrom('\n', '\r\n', '\r\n', '\n'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le-bom'),
  finalNewline: fc.boolean(),
});

export function encodeTable(t) {
  const q = (c) => (t.quoteMode === 'raw' ? c : /[",;\t|\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const lines = [['description', ...t.header], ...t.rows].map((r) => r.map(q).join(t.delimiter));
  const text = lines.join(t.lineEnding) + (t.finalNewline ? t.lineEnding : '');
  if (t.encoding === 'utf-16le-bom') return { text, bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) };
  return { text, bytes: Buffer.from((t.encoding === 'utf-8-bom' ? '\ufeff' : '') + text, 'utf8') };
}

const jsonScalar = fc.oneof(unicodeText, fc.integer(), fc.constant(null), fc.boolean(), fc.double({ noDefaultInfinity: true, noNaN: true }));
const jsonLine = fc.oneof(
  { weight: 6, arbitrary: fc.record({ description: unicodeText, title: fc.option(jsonScalar), company: fc.option(jsonScalar) }, { requiredKeys: ['description'] }).map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: fc.record({ text: fc.array(jsonScalar, { maxLength: 3 }) }).map((o) => JSON.stringify(o)) },
  // escapes that JSON allows and UTF-8 does not: lone surrogates, NUL
  { weight: 1, arbitrary: fc.constantFrom('{"description": "\\ud800 SageMaker \\u0000 on AWS"}', '{"description": "Azure OpenAI \\udfff\\ud83d"}') },
  { weight: 1, arbitrary: fc.constantFrom('[1,2]', '"just a string"', '42', 'null', '{"description": ', '{bad json}', '\u0000', '{"description":"x"} trailing') },
);
/** JSON lines, some broken, with blank lines and either line ending. */
export const randomJsonl = fc.record({
  lines: fc.array(fc.oneof({ weight: 8, arbitrary: jsonLine }, { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t') }), { maxLength: 14 }),
  lineEnding: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
});

// ─── random lexicon edits ───────────────────────────────────────────────────────────────────

const formText = fc.oneof(
  fc.constantFrom(...WORDS, 'X', 'Q', '-', ' ', '\u00a0', '–', '.', '\u0301', '\u202eSageMaker', '🤖 Bot', 'A\u0000B', '\ud800', 'ＡＷＳ Glue', 'İstanbul ML', 'a-b-c-d-e-f', 'Sage--Maker', 'x'.repeat(300), 'a '.repeat(60) + 'b'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
);
const badValue = fc.constantFrom(null, 0, -1, 4, 1e9, '', 'x', [], {}, true, [null], { text: '' }, 'aws');
/** One edit a person might make by hand to a lexicon file, good or bad. */
const edit = fc.oneof(
  fc.record({ op: fc.constant('addForm'), value: formText }),
  fc.record({ op: fc.constant('addFormObject'), value: formText, case: fc.constantFrom('any', 'exact', 'title', 'upper', undefined), ambiguous: fc.option(fc.boolean()), prefixOnly: fc.option(fc.boolean()) }),
  fc.record({ op: fc.constant('setField'), field: fc.constantFrom('id', 'name', 'platform', 'kind', 'category', 'weight', 'forms', 'stem', 'source', 'examples', 'topics', 'tracks', 'status', 'context', 'catalog', 'bogus'), value: badValue }),
  fc.record({ op: fc.constant('deleteField'), field: fc.constantFrom('id', 'name', 'platform', 'kind', 'category', 'weight', 'forms', 'source', 'examples', 'context') }),
  fc.record({ op: fc.constant('setId'), value: fc.oneof(fc.constantFrom('aws.glue', 'aws.new-thing', 'skill.x', 'AWS.Glue', 'aws.', 'gcp.z9'), fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ''))) }), // ids with line breaks: see limits-lexicon.test.ts
  fc.record({ op: fc.constant('cue'), value: formText, negative: fc.boolean() }),
  fc.record({ op: fc.constant('weight'), value: fc.double({ min: -1, max: 4, noNaN: true }) }),
  fc.record({ op: fc.constant('duplicate') }),
  fc.record({ op: fc.constant('drop') }),
);
export const lexiconEdits = fc.record({
  entries: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  edits: fc.array(fc.tuple(fc.nat(), edit), { maxLength: 8 }),
  text: unicodeText,
  wrap: fc.constantFrom('plain', 'plain', 'plain', 'bom', 'truncated', 'not-an-object'),
});

function applyEdit(entries, [at, e]) {
  if (entries.length === 0) return;
  const i = at % entries.length;
  const entry = entries[i];
  switch (e.op) {
    case 'addForm': (Array.isArray(entry.forms) ? entry.forms : (entry.forms = [])).push(e.value); break;
    case 'addFormObject': {
      const f = { text: e.value };
      if (e.case !== undefined) f.case = e.case;
      if (e.ambiguous !== null) f.ambiguous = e.ambiguous;
      if (e.prefixOnly !== null) f.prefixOnly = e.prefixOnly;
      (Array.isArray(entry.forms) ? entry.forms : (entry.forms = [])).push(f);
      break;
    }
    case 'setField': entry[e.field] = e.value; break;
    case 'deleteField': delete entry[e.field]; break;
    case 'setId': entry.id = e.value; break;
    case 'cue': {
      const ctx = typeof entry.context === 'object' && entry.context !== null && !Array.isArray(entry.context) ? entry.context : (entry.context = {});
      const key = e.negative ? 'negative' : 'cues';
      (Array.isArray(ctx[key]) ? ctx[key] : (ctx[key] = [])).push(e.value);
      break;
    }
    case 'weight': entry.weight = e.value; break;
    case 'duplicate': entries.push(structuredClone(entry)); break;
    case 'drop': entries.splice(i, 1); break;
  }
}

// ─── the invariants ─────────────────────────────────────────────────────────────────────────

/**
 * lib: see FuzzLib in fuzz-cases.d.mts: the library's functions, from src/ (tests) or dist/ (npm run fuzz).
 * ctx: { tmp: a scratch folder }
 * Each invariant: { name, arbitrary, check(value) (may be async) }.
 */
export function makeInvariants(lib, ctx) {
  let analyzer;
  const getAnalyzer = () => (analyzer ??= lib.createAnalyzer({ asOf: '2026-01-15', includeText: true }));
  let n = 0;
  const scratch = (ext) => join(ctx.tmp, `case-${process.pid}-${n++}${ext}`);
  const builtins = lib.builtinEntries;

  /** A table through runTable: the rows written, as parsed back, and the meta. */
  async function tableOut(path, output, jobs = 1) {
    let out = '';
    const result = await lib.runTable({
      source: path, table: {}, output, analyzer: { asOf: '2026-01-15' }, prebuilt: jobs === 1 ? getAnalyzer() : undefined, jobs, sanitizeFormulas: false,
      sink: () => ({ closed: false, write: async (s) => void (out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), commit: async () => {}, abort: () => {} }),
      warn: () => {},
    });
    return { out, result };
  }

  /** tableOut, or undefined where the table is refused as a usage error (exit 2: no text column, not text), the only refusal allowed. */
  async function tableOrRefusal(path, output) {
    try {
      return await tableOut(path, output);
    } catch (err) {
      ensure(err instanceof lib.CertfitError && err.exitCode === 2, `only a usage error may stop a table: ${err?.stack ?? err}`);
      return undefined;
    }
  }

  return [
    {
      name: 'unicode: mentions sit at their offsets, every reporter renders, JSON round-trips',
      arbitrary: unicodeText,
      check(text) {
        const a = getAnalyzer();
        // The source stands for a file name, which can hold anything a text can.
        const r = lib.analyzePosting(a, { id: 'p', source: text.slice(0, 40) || 'p', text });
        checkLocations(text, r);
        const result = lib.buildResult(a, [r]);
        const terminal = lib.reporters.text.render(result, { color: false }) + lib.renderExplain(r);
        ensure(!TERMINAL_CONTROLS.test(terminal), `no control character or escape sequence from the posting reaches the terminal: ${JSON.stringify(terminal.match(TERMINAL_CONTROLS))}`);
        const json = lib.reporters.json.render(result, {});
        const back = JSON.parse(json);
        ensure(back.postings[0].text === text, 'the JSON keeps the text exactly (lone surrogates escaped)');
        checkLocations(back.postings[0].text, back.postings[0]);
        for (const name of ['text', 'markdown', 'ndjson', 'html']) ensure(typeof lib.reporters[name].render(result, { color: name === 'text' }) === 'string', `${name} renders`);
        const html = lib.reporters.html.render(result, {});
        ensure(!html.includes('<x-pwn') && !/<script>alert/i.test(html), 'no markup from the posting reaches the HTML report');
        // Determinism: the same text again gives the same bytes.
        ensure(lib.reporters.json.render(lib.buildResult(a, [lib.analyzePosting(a, { id: 'p', source: text.slice(0, 40) || 'p', text })]), {}) === json, 'same input, same JSON');
      },
    },
    {
      name: 'bytes: any bytes become postings or one-line errors, never a crash',
      arbitrary: fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        unicodeText.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
        fc.tuple(fc.constantFrom('%PDF-1.7\n', 'PK\u0003\u0004', '\ufeff', '<html>', '{"@type":"JobPosting","description":', '\u00ff\u00fe'), unicodeText).map(([h, t]) => new Uint8Array(Buffer.from(h + t, 'latin1'))),
      ),
      async check(bytes) {
        for (const kind of [undefined, 'text', 'html', 'json', 'markdown']) {
          let extracted;
          try {
            extracted = await lib.extractBytes({ bytes, kind, pdf: { pageLimit: 2, timeMs: 2000 } });
          } catch (err) {
            ensure(err instanceof lib.IngestError, `only IngestErrors escape (${kind}): ${err?.stack ?? err}`);
            ensure(!/[\r\n]/.test(err.message) && err.code, `one-line error with a code: ${JSON.stringify(err.message)}`);
            continue;
          }
          for (const item of extracted.items) {
            if (item instanceof lib.IngestError) ensure(!/[\r\n]/.test(item.message), 'one-line item error');
            else {
              ensure(typeof item.text === 'string', 'a draft has text');
              checkLocations(item.text, lib.analyzePosting(getAnalyzer(), { id: 'b', source: 'b', text: item.text }));
            }
          }
        }
      },
    },
    {
      name: 'html: any page gives text without markup; mentions sit at their offsets',
      arbitrary: randomHtml,
      check(html) {
        for (const text of [lib.htmlToText(html), ...lib.htmlToPostings(html).map((d) => d.text)]) {
          ensure(typeof text === 'string', 'text');
          ensure(!text.includes('<x-pwn') || /<plaintext/i.test(html), `no tag from the page in its text: ${JSON.stringify(html).slice(0, 300)} → ${JSON.stringify(text).slice(0, 300)}`);
          ensure(!/\n{3,}/.test(text), 'at most one blank line');
          checkLocations(text, lib.analyzePosting(getAnalyzer(), { id: 'h', source: 'h', text }));
        }
        ensure(lib.flattenDeepHtml(html) === html, 'a shallow page is never rewritten');
      },
    },
    {
      // Below the limit the tree changes shape, so a line break may move (mis-nested formatting
      // elements are rebuilt differently); every character of text stays, in order.
      name: 'html: flattening past the depth limit keeps all the text, in order',
      arbitrary: contentHtml,
      check(html) {
        const full = words(lib.htmlToText(html)).join('');
        const flat = words(lib.htmlToText(lib.flattenDeepHtml(html, 2))).join('');
        ensure(flat === full, `text kept in order:\n  ${JSON.stringify(full)}\n  ${JSON.stringify(flat)}\n  for ${JSON.stringify(html)}`);
      },
    },
    {
      name: 'html: deep nesting is analysed in bounded time',
      arbitrary: deepHtml,
      check({ html, text }) {
        const started = performance.now();
        const drafts = lib.htmlToPostings(html);
        ensure(drafts.length === 1 && drafts[0].text === text, `the text survives ${JSON.stringify(drafts.map((d) => d.text))}`);
        ensure(performance.now() - started < 5000, 'within 5 s');
      },
    },
    {
      name: 'csv: N records in, N rows out, in order, cells unchanged',
      arbitrary: randomCsv,
      async check(t) {
        const { text, bytes } = encodeTable(t);
        const path = scratch('.csv');
        writeFileSync(path, bytes);
        const run = await tableOrRefusal(path, 'csv');
        if (!run) return;
        const { meta } = run.result;
        // The reference: the same records as an independent csv-parse of the decoded text sees them.
        let expected;
        try {
          expected = lib.parseCsv(text, { delimiter: meta.delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
        } catch {
          expected = null; // broken beyond repair: the reader keeps the rows before and adds one error row
        }
        const back = lib.parseCsv(run.out, { delimiter: meta.delimiter, relax_column_count: true, bom: true });
        ensure(back.length >= 1, 'a header comes back');
        const rows = back.slice(1);
        ensure(run.result.summary.inputs === rows.length, `summary counts every row: ${run.result.summary.inputs} vs ${rows.length}`);
        if (expected) {
          const data = expected.slice(1);
          ensure(rows.length === data.length, `rows in = rows out: ${data.length} in, ${rows.length} out`);
          const width = meta.header.length;
          data.forEach((cells, i) => {
            const want = cells.length >= width ? cells.slice(0, width) : [...cells, ...Array(width - cells.length).fill('')];
            ensure(JSON.stringify(rows[i].slice(0, width)) === JSON.stringify(want), `row ${i + 1} unchanged: ${JSON.stringify(want)} → ${JSON.stringify(rows[i].slice(0, width))}`);
          });
        } else {
          ensure(rows.length >= 1 && rows[rows.length - 1].includes('error'), 'an unreadable tail is one error row');
        }
      },
    },
    {
      name: 'jsonl: N lines in, N rows out, in order, with their mentions at their offsets',
      arbitrary: randomJsonl,
      async check(t) {
        const path = scratch('.jsonl');
        writeFileSync(path, (t.bom ? '\ufeff' : '') + t.lines.join(t.lineEnding));
        const nonBlank = t.lines.filter((l) => l.trim() !== '').length;
        const run = await tableOrRefusal(path, 'ndjson');
        if (!run) return;
        const out = run.out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
        const postings = out.filter((o) => o.type === 'posting');
        ensure(postings.length === nonBlank, `non-blank lines in = rows out: ${nonBlank} in, ${postings.length} out`);
        postings.forEach((p, i) => {
          ensure(p.id === `${path}#${i + 1}`, `row ${i + 1} in order: ${p.id}`);
          if (p.status === 'ok' && typeof p.text === 'string') checkLocations(p.text, p);
        });
      },
    },
    {
      name: 'lexicon edits: a hand-edited lexicon loads and matches sanely, or every problem is one "file: path: message" line',
      arbitrary: lexiconEdits,
      check(c) {
        const entries = c.entries.map((i) => structuredClone(builtins[i % builtins.length]));
        for (const e of c.edits) applyEdit(entries, e);
        const body = c.wrap === 'not-an-object' ? JSON.stringify(entries) : JSON.stringify({ lexicon: 'edited', entries }, null, 2);
        const path = scratch('.json');
        writeFileSync(path, c.wrap === 'bom' ? `\ufeff${body}` : c.wrap === 'truncated' ? body.slice(0, Math.max(1, body.length >> 1)) : body);
        const { entries: loaded, problems } = lib.readLexicons([path]);
        for (const p of problems) {
          const line = lib.formatProblem(p);
          ensure(line.startsWith(`${path}: `), `a problem names the file: ${line}`);
          ensure(!/[\r\n]/.test(line), `a problem is one line: ${JSON.stringify(line)}`);
          ensure(p.message.length > 0, 'a problem says what is wrong');
        }
        if (problems.length > 0) return;
        const engine = lib.buildEngine(loaded);
        const forms = loaded.flatMap((e) => e.forms.map((f) => (typeof f === 'string' ? f : f.text)));
        const text = `${c.text} ${forms.slice(0, 8).join(' and ')} on AWS with Azure.`;
        const { mentions, rejected } = lib.matchDoc(engine, lib.prepare(text));
        checkLocations(text, { mentions, rejected });
      },
    },
  ];
}

/** The built-in lexicon entries, as plain JSON (for the lexicon edits). */
export function readBuiltinEntries(readFileSync, dir) {
  return ['aws.json', 'azure.json', 'gcp.json', 'skills.json', 'certification-names.json'].flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).entries);
}
