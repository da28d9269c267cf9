// The report's one stylesheet: fluid layout, platform colours that never stand alone
// (underline styles, bar patterns, words), the CSS-only filter, tooltips, focus rings, print.
import { GROUPS } from './html-nav.js';

// AWS orange, Azure blue, Google Cloud green: told apart also by underline style and bar pattern.
const BASE = `
:root { --fg: #1b1b1f; --muted: #55555f; --bg: #fff; --panel: #f6f6f8; --line: #d4d4dc;
  --aws: #a64d00; --aws-bg: #ffe2c2; --aws-fill: #e07a10;
  --azure: #0b57a4; --azure-bg: #d9e9fb; --azure-fill: #2f7fd6;
  --gcp: #17692d; --gcp-bg: #d5f0dc; --gcp-fill: #2f9e4f;
  --either: #5e4b8b; --either-bg: #ebe5f6; --none: #5c5c66; --none-bg: #ececf0; --plain: #4a4a57;
  --focus: #7a1fa2; color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: var(--bg); font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.page { max-width: 75rem; margin: 0 auto; padding: 1rem clamp(.75rem, 3vw, 2rem) 4rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 .25rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 0 0 .5rem; }
h3 { font-size: 1rem; margin: 0 0 .5rem; }
a { color: #0b4f94; }
:focus-visible, mark[tabindex]:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
.muted, .meta { color: var(--muted); }
.meta { font-size: .9rem; margin: .25rem 0; }
.note { background: var(--panel); border-left: 4px solid var(--none); padding: .4rem .7rem; }
.error-box { background: #fdecea; border-left: 4px solid #9b1c1c; padding: .5rem .8rem; }
.src { overflow-wrap: anywhere; font-family: ui-monospace, "Cascadia Mono", Menlo, monospace; font-size: .9em; }
a { overflow-wrap: anywhere; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.skip-link { position: absolute; left: .5rem; top: -10rem; background: var(--fg); color: #fff; padding: .5rem 1rem; z-index: 100; }
.skip-link:focus { top: .5rem; }
.defs { position: absolute; width: 0; height: 0; }
.intro { max-width: 48rem; margin: .25rem 0; }
.report-head { border-bottom: 1px solid var(--line); margin-bottom: 1rem; padding-bottom: .5rem; }
.big-verdict { font-size: 1.2rem; font-weight: 600; margin: 0 0 1rem; padding: .75rem 1rem; border-left: 6px solid var(--none); background: var(--panel); }
.big-verdict.k-aws { border-color: var(--aws); } .big-verdict.k-azure { border-color: var(--azure); }
.big-verdict.k-gcp { border-color: var(--gcp); } .big-verdict.k-either { border-color: var(--either); }
.cards { display: grid; gap: 1rem; align-items: start; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); margin-bottom: 1rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; background: var(--bg); min-width: 0; }
.card.wide { margin-bottom: 1rem; }
.card ul { margin: 0; padding-left: 1.2rem; }
.cert-name { font-size: 1.1rem; font-weight: 600; margin: 0 0 .4rem; }
.code { font-family: ui-monospace, Menlo, monospace; background: var(--panel); border: 1px solid var(--line); border-radius: 3px; padding: 0 .3em; }
.status { font-size: .8rem; font-weight: 600; border-radius: 999px; padding: .1em .6em; border: 1px solid currentColor; white-space: nowrap; }
.status-available { color: #17692d; } .status-beta, .status-announced { color: #8a5200; } .status-retired { color: #9b1c1c; }
.replaces { margin: .3rem 0; }
.tag { font-size: .75rem; color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 0 .3em; white-space: nowrap; }
.chart { display: grid; grid-template-columns: fit-content(50%) minmax(3rem, 1fr) max-content; gap: .35rem .6rem; align-items: center; }
.chart-row { display: contents; }
.chart-extra { grid-column: 1 / -1; font-size: .85rem; color: var(--muted); }
.chart-value { font-variant-numeric: tabular-nums; font-size: .9rem; white-space: nowrap; }
.bar-cell .chart-value { min-width: 2.6em; text-align: right; }
svg.bar { display: block; width: 100%; height: .9rem; min-width: 3rem; }
.term-list { columns: 3 17rem; column-gap: 2rem; margin: .5rem 0 0; padding: 0; list-style: none; }
.term-list li { break-inside: avoid; display: grid; grid-template-columns: minmax(0, 1fr) 5rem 4.5em; gap: .6rem; align-items: center; padding: .15rem 0; }
.bar-cell { display: flex; gap: .5rem; align-items: center; min-width: 8rem; }
.bar-track { fill: #ebebef; }
.bar-tick { fill: #c2185b; }
.tick-key { display: inline-block; width: 3px; height: .9em; background: #c2185b; vertical-align: middle; margin: 0 .2em 0 .4em; }
.bar-fill.k-aws { fill: url(#pat-aws); } .bar-fill.k-azure { fill: url(#pat-azure); } .bar-fill.k-gcp { fill: url(#pat-gcp); }
.bar-fill.k-either { fill: var(--either); } .bar-fill.k-none { fill: #a0a0aa; } .bar-fill.k-plain { fill: var(--plain); }
.pat-aws-bg { fill: var(--aws-fill); } .pat-azure-bg { fill: var(--azure-fill); } .pat-azure-fg { fill: #0a3f7a; }
.pat-gcp-bg { fill: var(--gcp-fill); } .pat-gcp-fg { fill: #0c4a1c; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
thead th { font-size: .85rem; color: var(--muted); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
.chip { display: inline-block; font-size: .85rem; font-weight: 600; border-radius: 4px; padding: 0 .45em; border: 1px solid var(--none); background: var(--none-bg); white-space: nowrap; }
.chip.k-aws { border: 2px solid var(--aws); background: var(--aws-bg); }
.chip.k-azure { border: 2px dashed var(--azure); background: var(--azure-bg); }
.chip.k-gcp { border: 2px dotted var(--gcp); background: var(--gcp-bg); }
.chip.k-either { border-color: var(--either); background: var(--either-bg); }
.chip.k-error { border-color: #9b1c1c; background: #fdecea; }
.filter { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; margin: 0 0 .8rem; display: flex; flex-wrap: wrap; gap: .4rem .6rem; }
.filter legend { font-weight: 600; padding: 0 .3rem; }
.filter-option { border: 1px solid var(--line); border-radius: 999px; padding: .15rem .7rem; cursor: pointer; white-space: nowrap; }
.filter-option:has(input:checked) { background: var(--fg); color: #fff; border-color: var(--fg); }
.filter-option:has(input:focus-visible) { outline: 3px solid var(--focus); outline-offset: 2px; }
.filter-empty { display: none; }
.posting { border-top: 3px solid var(--line); padding-top: 1rem; margin-top: 2rem; scroll-margin-top: .5rem; }
.posting-num { color: var(--muted); }
.verdict-line { margin: .5rem 0; }
.verdict-grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr)); margin: .5rem 0 1rem; }
.reasons, .legacy { margin: .3rem 0; }
.hint, .legend { font-size: .9rem; margin: .25rem 0; }
.legend-item { margin-right: .6rem; white-space: nowrap; }
.posting-text { position: relative; white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--line); border-radius: 6px; background: #fcfcfd; padding: .8rem 1rem; line-height: 1.7; }
mark { color: inherit; padding: 0 .12em; border-radius: 2px; text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
mark[data-term] { cursor: help; }
mark.p-aws { background: var(--aws-bg); text-decoration-color: var(--aws); text-decoration-style: solid; }
mark.p-azure { background: var(--azure-bg); text-decoration-color: var(--azure); text-decoration-style: dashed; }
mark.p-gcp { background: var(--gcp-bg); text-decoration-color: var(--gcp); text-decoration-style: dotted; text-decoration-thickness: 3px; }
mark.p-none { background: var(--none-bg); text-decoration-color: var(--none); text-decoration-style: wavy; text-decoration-thickness: 1px; }
/* The explanation opens under the mark's line, as wide as the text box allows: it never leaves the screen, at any zoom.
   (An absolutely positioned box with top: auto keeps its static position, just below the line; left/right follow .posting-text.) */
mark[data-why]::after { content: attr(data-why); display: none; position: absolute; left: .5rem; right: .5rem; top: auto; margin-top: .3rem; z-index: 20;
  max-width: 36rem; white-space: pre-line; text-align: left; font-size: .85rem; line-height: 1.45; font-weight: 400;
  background: #1b1b1f; color: #fff; padding: .5rem .7rem; border-radius: 5px; box-shadow: 0 2px 8px rgb(0 0 0 / .3); }
mark[data-why]:hover::after, mark[data-why]:focus::after { display: block; }
.rejected { margin: .8rem 0; }
.rejected summary { cursor: pointer; font-weight: 600; }
.rejected li { margin: .4rem 0; }
.rejected blockquote { margin: .2rem 0 0 1rem; color: var(--muted); font-size: .9rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.back { font-size: .9rem; }
@media print {
  .no-print, .skip-link, #contents { display: none !important; }
  body { font-size: 10.5pt; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .page { max-width: none; padding: 0; }
  .posting { display: block !important; break-before: page; border-top: none; margin-top: 0; }
  h2, h3 { break-after: avoid; }
  .card, .chart, tr { break-inside: avoid; }
  details > summary { list-style: none; }
  details::details-content { content-visibility: visible; display: contents; }
  mark[data-why]::after { display: none !important; }
  mark:focus { outline: none; }
  .posting-head a[href]::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
}
`;

/** Filtering without a script: the checked radio hides the other groups' rows and sections. */
const FILTER = GROUPS.map(
  (g) => `body:has(#f-${g}:checked) :is(.posting, .toc-row):not([data-group="${g}"]) { display: none; }
body:has(#f-${g}:checked):not(:has(.posting[data-group="${g}"])) .filter-empty { display: block; }`,
).join('\n');

export const STYLE = `${BASE}\n${FILTER}\n`;
