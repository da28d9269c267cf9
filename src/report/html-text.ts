// A posting's text with every mention highlighted in place. The text is sliced at the mentions'
// offsets and each slice is escaped on its own, so a <mark> holds exactly the mention's text.
import type { Gate, Mention, Rejection, Section } from '../model.js';
import { PLATFORM_NAME } from '../score/sentence.js';
import { html, type Html } from './html-template.js';

const SECTION_NAME: Record<Section, string> = {
  requirements: 'requirements', preferred: 'nice to have', responsibilities: 'responsibilities',
  about: 'about the company', benefits: 'benefits', other: 'none recognised',
};

/** Why the matcher counted it, in words, naming the rule (the gate) and what satisfied it. */
function gateWhy(g: Gate): string {
  switch (g.rule) {
    case 'unambiguous': return `the name “${g.detail}” is unambiguous (rule: unambiguous)`;
    case 'vendor-prefix': return `the vendor is named with it, “${g.detail}” (rule: vendor prefix)`;
    case 'sibling': return `it stands near “${g.detail}”, another service of the same cloud (rule: sibling)`;
    case 'cue': return `the context word “${g.detail}” confirms it (rule: cue)`;
  }
}

const owner = (m: Pick<Mention, 'platform'>): string => (m.platform ? PLATFORM_NAME[m.platform] : 'Any cloud');

/** The explanation a highlight shows on hover and focus: entry, weight, section, why it counted. */
export function explain(m: Mention): string {
  const lines = [
    `${m.name} (${m.term})`,
    `${owner(m)} ${m.kind} · weight ${m.weight} of 3 · section: ${SECTION_NAME[m.section]}`,
    `Counted: ${gateWhy(m.gate)}`,
  ];
  if (m.formerName) lines.push(`Old name used: ${m.formerName.name}${m.formerName.until ? ` (renamed ${m.formerName.until})` : ''}`);
  if (m.lifecycle) lines.push(`${m.lifecycle.state}${m.lifecycle.date ? ` ${m.lifecycle.date}` : ''}: ${m.lifecycle.note}`);
  return lines.join('\n');
}

function mark(m: Mention, slice: string): Html {
  const why = explain(m);
  return html`<mark data-term="${m.term}" class="p-${m.platform ?? 'none'}" tabindex="0" data-why="${why}" aria-description="${why}">${slice}</mark>`;
}

/** Mentions that can be placed: in range, in order, not overlapping an earlier one. */
export function placeable(text: string, mentions: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  let pos = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (m.start < pos || m.end <= m.start || m.end > text.length) continue;
    out.push(m);
    pos = m.end;
  }
  return out;
}

/** The text, escaped slice by slice, with a <mark> per mention. */
export function highlight(text: string, mentions: readonly Mention[]): Html {
  const parts: Html[] = [];
  let pos = 0;
  for (const m of placeable(text, mentions)) {
    parts.push(html`${text.slice(pos, m.start)}`, mark(m, text.slice(m.start, m.end)));
    pos = m.end;
  }
  parts.push(html`${text.slice(pos)}`);
  return html`<div class="posting-text">${parts}</div>`;
}

/** Candidates the matcher saw and did not count, with its reason (collapsed by default). */
export function rejectedList(rejected: readonly Rejection[]): Html | '' {
  if (rejected.length === 0) return '';
  const items = rejected.map(
    (r) => html`<li><q>${r.text}</q> was not counted as ${r.name} (${owner(r)}): ${r.reason.message} <span class="muted">[${r.reason.code}; line ${r.line}; section: ${SECTION_NAME[r.section]}]</span><blockquote>${r.sentence}</blockquote></li>`,
  );
  return html`<details class="rejected"><summary>${rejected.length} word${rejected.length === 1 ? '' : 's'} that look like a service but were not counted</summary><ul>${items}</ul></details>`;
}
