// Inline SVG bars. Widths are SVG attributes (percentages), not style attributes, so the
// Content-Security-Policy needs no 'unsafe-inline'. Colours and patterns come from the stylesheet.
import type { Platform } from '../model.js';
import { html, type Html, type Part } from './html-template.js';

/** Fill classes: one per platform, plus the neutral ones. */
export type BarKind = Platform | 'either' | 'none' | 'plain';

const clamp = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const width = (x: number): string => `${(clamp(x) * 100).toFixed(1)}%`;

/** One horizontal bar, 0–1 filled, with an optional tick (e.g. the exam weight). The label is for assistive technology. */
export function bar(fraction: number, kind: BarKind, label: string, tick?: number): Html {
  const marker = tick === undefined ? '' : html`<rect class="bar-tick" x="${width(tick)}" width="3" height="100%" transform="translate(-1.5 0)"/>`;
  return html`<svg class="bar" width="100%" height="14" role="img" aria-label="${label}" focusable="false"><rect class="bar-track" width="100%" height="100%" rx="3"/><rect class="bar-fill k-${kind}" width="${width(fraction)}" height="100%" rx="3"/>${marker}</svg>`;
}

/** "28%" → 0.28; "20–25%" → 0.225 (the middle); anything else → undefined. */
export function parseWeight(weight: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)\s*(?:[–-]\s*(\d+(?:\.\d+)?))?\s*%/.exec(weight);
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return (lo + hi) / 200;
}

export interface BarRow {
  label: Part;
  fraction: number;
  kind: BarKind;
  /** Shown after the bar, e.g. "4 of 10" or "32%". */
  value: string;
  /** Read out instead of the visible label and value. */
  aria: string;
  /** Anything after the value (e.g. exam weight, evidence). */
  extra?: Part;
}

/** A small bar chart: label, bar, value per row, laid out by a CSS grid that reflows when zoomed. */
export function barChart(rows: BarRow[], cls = ''): Html {
  return html`<div class="chart ${cls}">${rows.map(
    (r) => html`<div class="chart-row"><span class="chart-label">${r.label}</span>${bar(r.fraction, r.kind, r.aria)}<span class="chart-value">${r.value}</span>${r.extra ? html`<span class="chart-extra">${r.extra}</span>` : ''}</div>`,
  )}</div>`;
}

/**
 * Hatching and dots so that AWS, Azure and Google Cloud bars differ by more than colour.
 * Referenced from the stylesheet as fill: url(#pat-…).
 */
export const PATTERNS = html`<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>
<pattern id="pat-aws" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" class="pat-aws-bg"/></pattern>
<pattern id="pat-azure" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="pat-azure-bg"/><rect width="2" height="6" class="pat-azure-fg"/></pattern>
<pattern id="pat-gcp" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" class="pat-gcp-bg"/><circle cx="3" cy="3" r="1.3" class="pat-gcp-fg"/></pattern>
</defs></svg>`;
