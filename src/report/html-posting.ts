// One posting's section: who posted it, its verdict and scores, then its text with every
// mention highlighted, the candidates that were not counted, and errors or duplicate notes.
import { isEmptyRow, PLATFORMS, type Mention, type PostingResult, type Verdict } from '../model.js';
import { PLATFORM_NAME } from '../score/sentence.js';
import { barChart } from './html-chart.js';
import { anchorOf, groupOf, titleOf, verdictChip } from './html-nav.js';
import { html, join, linkOrText, pct, type Html } from './html-template.js';
import { highlight, placeable, rejectedList } from './html-text.js';

/** Where each posting id is in the report, to link duplicates to their first copy. */
export type IdIndex = Map<string, number>;

const idLink = (id: string, index: IdIndex, all: readonly PostingResult[]): Html => {
  const i = index.get(id);
  return i === undefined ? html`<span class="src">${id}</span>` : html`<a href="#${anchorOf(i)}">${i + 1}. ${titleOf(all[i])}</a>`;
};

function header(p: PostingResult, i: number): Html {
  const meta = [p.company, p.location, p.datePosted].filter((x): x is string => Boolean(x));
  return html`<header class="posting-head">
<h2 id="${anchorOf(i)}-title"><span class="posting-num">${i + 1}.</span> ${titleOf(p)}</h2>
${meta.length ? html`<p class="meta">${join(meta, ' · ')}</p>` : ''}
<p class="meta">Source: ${linkOrText(p.source)}${p.url && p.url !== p.source ? html` · Posting: ${linkOrText(p.url)}` : ''}</p>
</header>`;
}

function confidenceNote(v: Verdict): string {
  if (v.label === 'insufficient-evidence') return 'Too little evidence to prefer any cloud.';
  if (v.platform === null) return 'How sure the posting accepts any cloud (split evidence, or clouds named as alternatives), from 0 to 1.';
  return `How clearly ${PLATFORM_NAME[v.platform]} beats the runner-up, from 0 (a tie) to 1.`;
}

function scores(v: Verdict): Html {
  const max = Math.max(...PLATFORMS.map((k) => v.scores.platform[k]), 1e-9);
  const rows = PLATFORMS.map((k) => ({
    label: PLATFORM_NAME[k], fraction: v.scores.platform[k] / max, kind: k, value: v.scores.platform[k].toFixed(1),
    aria: `${PLATFORM_NAME[k]} evidence score ${v.scores.platform[k].toFixed(1)}`,
  }));
  const alternativesOnly = v.platform === null && max < 1e-6 && v.reasons.some((r) => r.platform !== null);
  return html`<div class="verdict-grid">
<div><h3>Evidence per cloud</h3><p class="meta">Weighted sum of the counted mentions that belong to each cloud.${alternativesOnly ? ' Clouds named side by side as alternatives (“AWS, Azure or GCP”) count for no single cloud.' : ''}</p>${barChart(rows)}</div>
<div><h3>Confidence</h3><p class="meta">${confidenceNote(v)}</p>${barChart([{ label: 'Confidence', fraction: v.confidence, kind: 'plain', value: v.confidence.toFixed(2), aria: `Confidence ${v.confidence.toFixed(2)} of 1` }], 'single')}</div>
</div>`;
}

function verdictBlock(p: PostingResult): Html {
  const v = p.verdict;
  if (!v) return html``;
  const reasons = v.reasons.length
    ? html`<p class="reasons"><strong>Main evidence</strong> (share of this posting’s weighted evidence): ${join(v.reasons.map((r) => `${r.name} ${pct(r.share)} (${r.count}×)`), ' · ')}</p>`
    : '';
  const legacy = v.legacy.length
    ? html`<ul class="legacy">${v.legacy.map((l) => html`<li><strong>Older stack:</strong> ${l.note}</li>`)}</ul>`
    : '';
  return html`<div class="verdict"><p class="verdict-line">${verdictChip(p)} ${v.sentence}</p>${reasons}${legacy}${scores(v)}</div>`;
}

const MARK_KINDS = [...PLATFORMS, 'none'] as const;

function legend(mentions: readonly Mention[]): Html {
  const n = (k: (typeof MARK_KINDS)[number]): number => mentions.filter((m) => (m.platform ?? 'none') === k).length;
  const items = MARK_KINDS.filter((k) => n(k) > 0).map(
    (k) => html`<span class="legend-item"><mark class="p-${k} sample">${k === 'none' ? 'Any cloud' : PLATFORM_NAME[k]}</mark> ${n(k)}</span>`,
  );
  return html`<p class="legend">${mentions.length} highlighted word${mentions.length === 1 ? '' : 's'}${items.length ? ': ' : '.'}${items}<span class="no-print">${items.length ? ' — hover over or tab to one to see why it counted.' : ''}</span></p>`;
}

function textBlock(p: PostingResult): Html {
  if (p.text === undefined) return html`<p class="note">The posting text was not included in this result.</p>`;
  const placed = placeable(p.text, p.mentions);
  return html`<h3>Posting text</h3>
${legend(placed)}
${highlight(p.text, placed)}`;
}

function notes(p: PostingResult, index: IdIndex, all: readonly PostingResult[]): Html {
  const out: Html[] = [];
  if (p.status === 'error') out.push(html`<p class="error-box" role="note"><strong>${isEmptyRow(p.error) ? 'No posting text' : 'Could not be read'}</strong> (${p.error?.code ?? 'error'}): ${p.error?.message ?? ''}</p>`);
  if (p.duplicateOf) out.push(html`<p class="note">Duplicate: the same text as ${idLink(p.duplicateOf, index, all)}. It is counted once in the summary.</p>`);
  if (p.duplicates?.length) out.push(html`<p class="note">The same text appears again as ${join(p.duplicates.map((d) => idLink(d, index, all)), ', ')}.</p>`);
  return html`${out}`;
}

export function renderPosting(p: PostingResult, i: number, index: IdIndex, all: readonly PostingResult[]): Html {
  const ok = p.status === 'ok';
  return html`<section id="${anchorOf(i)}" class="posting" data-group="${groupOf(p)}" aria-labelledby="${anchorOf(i)}-title">
${header(p, i)}
${notes(p, index, all)}
${ok ? verdictBlock(p) : ''}
${ok ? textBlock(p) : ''}
${rejectedList(p.rejected)}
<p class="back no-print"><a href="#contents">Back to the list of postings</a></p>
</section>`;
}
