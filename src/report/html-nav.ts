// Finding your way through many postings: the platform filter (CSS-only, radio buttons read
// by :has() in the stylesheet) and the table of contents with each posting's verdict.
import { isEmptyRow, type AnalysisResult, type Platform, type PostingResult } from '../model.js';
import { PLATFORM_NAME } from '../score/sentence.js';
import { html, type Html } from './html-template.js';

/** Which filter a posting falls under. */
export type Group = Platform | 'either' | 'none' | 'error';
export const GROUPS: readonly Group[] = ['aws', 'azure', 'gcp', 'either', 'none', 'error'];
export const GROUP_NAME: Record<Group, string> = {
  ...PLATFORM_NAME, either: 'Either cloud', none: 'Too little evidence', error: 'Could not be read',
};

export function groupOf(p: PostingResult): Group {
  if (p.status === 'error') return 'error';
  const v = p.verdict;
  if (!v || v.label === 'insufficient-evidence') return 'none';
  return v.platform ?? 'either';
}

export const anchorOf = (i: number): string => `posting-${i + 1}`;

/** The posting's name for people: its title, else its source. */
export const titleOf = (p: PostingResult): string => p.title?.trim() || p.source;

const LABEL_WORD = { strong: ' · strong', lean: ' · leans', either: '', 'insufficient-evidence': '' } as const;

/** A verdict chip: platform name in words (never colour alone), strength, confidence. */
export function verdictChip(p: PostingResult): Html {
  const g = groupOf(p);
  if (g === 'error') return isEmptyRow(p.error) ? html`<span class="chip k-error">No posting text</span>` : html`<span class="chip k-error">Could not be read: ${p.error?.code ?? 'error'}</span>`;
  const v = p.verdict;
  if (!v || g === 'none') return html`<span class="chip k-none">Too little evidence</span>`;
  const who = g === 'either' ? 'Either cloud' : GROUP_NAME[g];
  return html`<span class="chip k-${g}"><span class="chip-name">${who}</span>${LABEL_WORD[v.label]}</span>`;
}

function filter(result: AnalysisResult): Html {
  const count = (g: Group): number => result.postings.filter((p) => groupOf(p) === g).length;
  const shown = GROUPS.filter((g) => g !== 'error' || count('error') > 0);
  const radio = (id: string, label: string, n: number, checked = false): Html =>
    html`<label class="filter-option" for="f-${id}"><input type="radio" name="platform-filter" id="f-${id}" value="${id}"${checked ? html` checked` : ''}> ${label} <span class="count">(${n})</span></label>`;
  return html`<fieldset class="filter no-print"><legend>Show postings whose verdict is</legend>${radio('all', 'All', result.postings.length, true)}${shown.map((g) => radio(g, GROUP_NAME[g], count(g)))}</fieldset>
<p class="filter-empty" role="status">No posting has this verdict. Choose “All” to see every posting.</p>`;
}

/** What the highlight styles mean; colour is never the only cue (underline style and words too). */
export const HIGHLIGHT_LEGEND = html`<p class="legend">In the posting texts, highlighted words are the evidence:
<mark class="p-aws sample">AWS</mark> solid underline, <mark class="p-azure sample">Azure</mark> dashed,
<mark class="p-gcp sample">Google Cloud</mark> dotted, <mark class="p-none sample">Any cloud</mark> wavy (skills that point to a kind of work, not to a cloud).
Hover over or tab to one to see why it counted.</p>`;

function tocRow(p: PostingResult, i: number): Html {
  const conf = p.verdict && groupOf(p) !== 'none' ? p.verdict.confidence.toFixed(2) : '–';
  const dup = p.duplicateOf ? html` <span class="tag">duplicate</span>` : '';
  return html`<tr class="toc-row" data-group="${groupOf(p)}"><td class="num">${i + 1}</td><td><a href="#${anchorOf(i)}">${titleOf(p)}</a>${p.company ? html` <span class="muted">· ${p.company}</span>` : ''}${dup}</td><td>${verdictChip(p)}</td><td class="num">${conf}</td></tr>`;
}

/** The postings' table of contents, with the filter above it. */
export function renderNav(result: AnalysisResult): Html {
  if (result.postings.length === 0) return html`<nav id="contents" aria-label="Postings"><h2>Postings</h2><p>No postings were given.</p></nav>`;
  return html`<nav id="contents" aria-labelledby="contents-title">
<h2 id="contents-title">Postings (${result.postings.length})</h2>
${filter(result)}
${HIGHLIGHT_LEGEND}
<div class="table-wrap"><table class="toc"><caption class="visually-hidden">Each posting with its verdict; the links jump to its evidence.</caption>
<thead><tr><th scope="col" class="num">#</th><th scope="col">Posting</th><th scope="col">Verdict</th><th scope="col" class="num">Confidence</th></tr></thead>
<tbody>${result.postings.map(tocRow)}</tbody></table></div>
</nav>`;
}
