// Old names and closed services a posting still asks for: evidence of an older stack.
import type { Mention, Verdict } from '../model.js';

export function legacyNotes(mentions: Mention[]): Verdict['legacy'] {
  const out: Verdict['legacy'] = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    let note: string | null = null;
    if (m.formerName) note = `${m.formerName.name} is an old name of ${m.name}${m.formerName.until ? ` (renamed ${m.formerName.until})` : ''}`;
    if (m.lifecycle) note = `${m.name}: ${m.lifecycle.note}${note ? `; ${note}` : ''}`;
    const key = `${m.term}|${note}`;
    if (note && !seen.has(key)) {
      seen.add(key);
      out.push({ term: m.term, name: m.name, text: m.text, note });
    }
  }
  return out;
}
