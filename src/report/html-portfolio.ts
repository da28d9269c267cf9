// The first thing a reader sees: the verdict across all postings, the certification to take
// (and the retired one it replaces), alternatives, how the postings lean, what recurs, what to study.
import type { AnalysisResult, CertificationPick, PortfolioVerdict } from '../model.js';
import { PLATFORM_NAME, describeCert } from '../score/sentence.js';
import { bar, barChart, parseWeight, type BarRow } from './html-chart.js';
import { html, linkOrText, pct, type Html } from './html-template.js';

const STATUS_WORD: Record<CertificationPick['status'], string> = {
  available: 'available now', beta: 'in beta', retired: 'retired', announced: 'announced, not yet bookable',
};

function certCard(c: CertificationPick | null, v: PortfolioVerdict): Html {
  if (!c) {
    const why = v.label === 'either' ? 'the postings are split between clouds, so pick the cloud you prefer; each cloud’s certification is listed next to this.' : 'the postings name too little cloud evidence.';
    return html`<div class="card cert"><h3>Recommended certification</h3><p>No single recommendation: ${why}</p></div>`;
  }
  const replaces = c.replaces
    ? html`<p class="replaces">It replaces <strong>${c.replaces.name}</strong> (${c.replaces.code}), which is retired${c.replaces.lastExamDay ? html` — its last exam day was <time datetime="${c.replaces.lastExamDay}">${c.replaces.lastExamDay}</time>` : ''}.</p>`
    : '';
  return html`<div class="card cert"><h3>Recommended certification</h3>
<p class="cert-name">${c.name} <span class="code">${c.code}</span> <span class="status status-${c.status}">${STATUS_WORD[c.status]}</span></p>
${replaces}
${c.url ? html`<p class="meta">Exam page: ${linkOrText(c.url)}</p>` : ''}</div>`;
}

function alternatives(v: PortfolioVerdict): Html | '' {
  if (v.alternatives.length === 0) return '';
  const title = v.certification ? 'Also consider' : 'Each cloud’s certification';
  return html`<div class="card alt"><h3>${title}</h3><ul>${v.alternatives.map((a) => html`<li>${describeCert(a)}</li>`)}</ul></div>`;
}

function lean(v: PortfolioVerdict): Html {
  const total = v.lean.aws + v.lean.azure + v.lean.gcp + v.lean.either + v.lean.none;
  const row = (label: string, n: number, kind: BarRow['kind']): BarRow => ({
    label, fraction: total ? n / total : 0, kind, value: `${n} of ${total}`, aria: `${label}: ${n} of ${total} postings`,
  });
  return html`<div class="card"><h3>How the postings lean</h3>
${barChart([row('AWS', v.lean.aws, 'aws'), row('Azure', v.lean.azure, 'azure'), row('Google Cloud', v.lean.gcp, 'gcp'), row('Either cloud', v.lean.either, 'either'), row('Too little evidence', v.lean.none, 'none')])}
<p class="meta">Each posting counts once, whatever its length. Duplicates and unreadable inputs are left out.</p></div>`;
}

function recurring(v: PortfolioVerdict, counted: number): Html | '' {
  if (v.topTerms.length === 0) return '';
  const items = v.topTerms.map((t) => {
    const where = t.platform ? PLATFORM_NAME[t.platform] : 'any cloud';
    return html`<li><span>${t.name} <span class="tag">${where}</span></span>${bar(counted ? t.postings / counted : 0, t.platform ?? 'plain', `${t.name}: named in ${t.postings} of ${counted} postings`)}<span class="chart-value">${t.postings} of ${counted}</span></li>`;
  });
  return html`<section class="card wide" aria-labelledby="recurring-title"><h3 id="recurring-title">Services and skills that recur</h3>
<p class="meta">How many of the postings name each one (a posting counts once however often it repeats a word).</p><ol class="term-list">${items}</ol></section>`;
}

function studyFocus(v: PortfolioVerdict): Html | '' {
  if (!v.certification || v.studyFocus.length === 0) return '';
  const rows = v.studyFocus.map((d) => {
    const tick = parseWeight(d.weight);
    const aria = `${pct(d.share)} of your evidence; the exam gives this domain ${d.weight}`;
    return html`<tr><th scope="row">${d.domain}</th><td><div class="bar-cell">${bar(d.share, 'plain', aria, tick)}<span class="chart-value">${pct(d.share)}</span></div></td><td class="num">${d.weight}</td><td>${d.terms.join(', ') || '–'}</td></tr>`;
  });
  return html`<section class="card wide" aria-labelledby="study-title"><h3 id="study-title">Study focus for ${v.certification.code}, by exam domain</h3>
<p class="meta">The bar is the share of your postings’ evidence that falls in each domain; the thin mark on it is the domain’s weight in the exam. A bar well past its mark is a domain your postings stress more than the exam does.</p>
<div class="table-wrap"><table class="study"><thead><tr><th scope="col">Exam domain</th><th scope="col">Share of your evidence (<span class="tick-key" aria-hidden="true"></span>exam weight)</th><th scope="col" class="num">Exam weight</th><th scope="col">Evidence from your postings</th></tr></thead>
<tbody>${rows}</tbody></table></div></section>`;
}

export function renderPortfolio(result: AnalysisResult): Html {
  const s = result.summary;
  const v = s.verdict;
  const counted = v.lean.aws + v.lean.azure + v.lean.gcp + v.lean.either + v.lean.none;
  return html`<section id="summary" class="portfolio" aria-labelledby="summary-title">
<h2 id="summary-title">Verdict across ${counted} posting${counted === 1 ? '' : 's'}</h2>
<p class="big-verdict k-${v.platform ?? (v.label === 'either' ? 'either' : 'none')}">${v.sentence}</p>
<div class="cards">
${certCard(v.certification, v)}
${alternatives(v)}
${lean(v)}
</div>
${recurring(v, counted)}
${studyFocus(v)}
</section>`;
}
