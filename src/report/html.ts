// The HTML evidence report: one self-contained document (inline CSS, one tiny inline script,
// inline SVG; no fetches), locked down by a Content-Security-Policy that allows only those.
import { createHash } from 'node:crypto';
import type { AnalysisResult } from '../model.js';
import { PATTERNS } from './html-chart.js';
import { renderNav } from './html-nav.js';
import { renderPortfolio } from './html-portfolio.js';
import { renderPosting, type IdIndex } from './html-posting.js';
import { SCRIPT } from './html-script.js';
import { STYLE } from './html-style.js';
import { html, trusted } from './html-template.js';
import type { Reporter } from './reporter.js';

const sha256 = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** Nothing by default; only our own stylesheet and script, by hash. Images only as data: URIs. */
export function contentSecurityPolicy(style = STYLE, script = SCRIPT): string {
  return [
    "default-src 'none'", `style-src ${sha256(style)}`, `script-src ${sha256(script)}`,
    'img-src data:', "base-uri 'none'", "form-action 'none'",
  ].join('; ');
}

export function renderHtml(result: AnalysisResult): string {
  const s = result.summary;
  const index: IdIndex = new Map();
  result.postings.forEach((p, i) => {
    if (!index.has(p.id)) index.set(p.id, i);
  });
  const counts = `${s.inputs} input${s.inputs === 1 ? '' : 's'}: ${s.analysed} analysed, ${s.failed} could not be read, ${s.duplicates} duplicate${s.duplicates === 1 ? '' : 's'}`;
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="certfit ${result.tool.version}">
<title>certfit report: ${s.inputs} posting${s.inputs === 1 ? '' : 's'}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<a class="skip-link" href="#contents">Skip to the list of postings</a>
${PATTERNS}
<div class="page">
<header class="report-head">
<h1>Which cloud AI certification do these job postings point to?</h1>
<p class="intro">certfit looked for cloud services, AI skills and certifications in each job posting. The verdict below combines all postings; further down, each posting has its own verdict and its text with every word that counted highlighted.</p>
<p class="meta">${counts} · certification catalog as of <time datetime="${result.asOf}">${result.asOf}</time> · certfit ${result.tool.version}</p>
</header>
<main id="main">
${renderPortfolio(result)}
${renderNav(result)}
${result.postings.map((p, i) => renderPosting(p, i, index, result.postings))}
</main>
<footer class="meta"><p>Every highlighted word is a mention certfit counted; open “words that were not counted” under a posting to see what it left out and why. Links inside posting text are shown as text only.</p></footer>
</div>
<script>${trusted(SCRIPT)}</script>
</body>
</html>
`;
  return doc.value;
}

export const htmlReporter: Reporter = { name: 'html', render: (result) => renderHtml(result) };
