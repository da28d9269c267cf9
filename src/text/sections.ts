// Section detection: which part of a posting a line belongs to, from its headings
// ("Requirements", "Nice to have:", "## Benefits") and from phrasing ("… is a plus").
import type { Section } from '../model.js';

export interface SectionSpan {
  start: number;
  end: number;
  section: Section;
}

// Order matters: "Preferred qualifications" is preferred, "About you" is requirements,
// "About the role" is responsibilities, before the generic "About …".
const HEADINGS: [Section, RegExp][] = [
  // Neutral headings end the section before them (a company blurb must not run on into the job).
  ['other', /^(job description|description|position description|job details|the position|job overview|role description)$/],
  ['benefits', /\b(benefits|perks|what we offer|we offer|compensation|salary|pay range|pay transparency|equal (opportunity|employment)|eeo|total rewards|our offer|why you('ll| will)? love)\b/],
  ['preferred', /\b(preferred|nice[ -]to[ -]haves?|bonus( points)?|desired|desirable|good[ -]to[ -]haves?|pluses|additional (qualifications|skills)|extra credit)\b/],
  ['requirements', /\b(requirements?|qualifications?|what you('ll| will)? (need|bring|have)|what we('re| are) looking for|who you are|must[ -]haves?|skills|experience|about you|you have|you bring|your profile|profile|competencies|required|minimum|basic)\b/],
  ['responsibilities', /\b(responsibilit(y|ies)|what you('ll| will) (do|be doing|work on)|about the role|the role|role overview|duties|day[ -]to[ -]day|your impact|key tasks|in this role|the job|your mission|position summary|job summary|the opportunity)\b/],
  ['about', /\b(about (us|the company|the team|[a-z][\w&.-]*)|who we are|our (mission|story|company|culture|values|team)|company (overview|description)|why join)\b/],
];

const PREFERRED_PHRASE = /\b(a plus|a bonus|nice to have|is preferred|are preferred|preferred but|ideally|desirable|would be great|advantageous|an advantage)\b/i;

// Any heading keyword at all: most lines have none, and then no other test is needed.
const ANY_HEADING = new RegExp(HEADINGS.map(([, re]) => re.source).join('|'), 'i');

function headingText(line: string): string | null {
  if (line.length > 100) return null;
  const raw = line.trim();
  if (raw.length === 0 || raw.length > 80) return null;
  // Fast path for the common line: no markup, no trailing colon, more than five words, not all caps.
  const first = raw.charCodeAt(0);
  if (first !== 35 && first !== 42 && first !== 95 && !raw.endsWith(':') && !raw.endsWith(':**') && !raw.endsWith(':__')) {
    let spaces = 0;
    for (let i = 0; i < raw.length && spaces <= 4; i++) if (raw.charCodeAt(i) === 32) spaces++;
    if (spaces > 4 && raw !== raw.toUpperCase()) return null;
  }
  // Markdown emphasis in any mix ("**_Requirements_**") and curly apostrophes ("you’ll") do not matter.
  let t = raw.replace(/^#{1,6}\s+/, '').replace(/^[*_]+|[*_]+(?=:?$)/g, '').replace(/[’‘]/g, "'").trim();
  const colon = t.endsWith(':');
  t = t.replace(/:$/, '').trim();
  // Looks like a heading first (cheap), then names a section (the long keyword regex).
  const bullet = /^([•·▪◦*\-–—>]|\d+[.)])\s/.test(raw);
  const markdown = /^#{1,6}\s/.test(raw);
  const bold = /^[*_]{2,}.+[*_]{2,}:?$/.test(raw);
  const letters = t.replace(/[^A-Za-z]/g, '');
  const caps = letters.length >= 4 && letters === letters.toUpperCase();
  const shortTitle = !bullet && t.split(/\s+/).length <= 5 && !/[.!?;,]$/.test(t);
  if (!(markdown || bold || (colon && !bullet) || caps || shortTitle)) return null;
  return ANY_HEADING.test(t) ? t.toLowerCase() : null;
}

/** An inline label: "Nice to have: Azure AI Search" → preferred for this line only. */
function labelSection(line: string): Section | null {
  const colon = line.indexOf(':');
  if (colon < 3 || colon > 48) return null;
  const m = /^\s*[*_#•\-\s]*([A-Za-z][A-Za-z '’&/-]{2,40}):\s*\S/.exec(line);
  return m ? classify(m[1].toLowerCase()) : null;
}

function classify(heading: string): Section | null {
  for (const [section, re] of HEADINGS) if (re.test(heading)) return section;
  return null;
}

/** Phrasing that makes a line a nice-to-have wherever it stands: "Azure experience is a plus". */
export function isPreferredLine(line: string): boolean {
  return PREFERRED_PHRASE.test(line);
}

/** Sections from headings and inline labels. Phrasing is applied per line by sectionAt, only where a mention is. */
export function detectSections(text: string): SectionSpan[] {
  const spans: SectionSpan[] = [];
  let current: Section = 'other';
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const heading = headingText(line);
    const headed = heading === null ? null : classify(heading);
    let section: Section = current;
    if (headed) {
      current = headed;
      section = headed;
    } else {
      const label = labelSection(line);
      if (label) section = label;
    }
    const last = spans[spans.length - 1];
    if (last && last.section === section && last.end === lineStart) last.end = lineEnd + 1;
    else spans.push({ start: lineStart, end: lineEnd + 1, section });
    lineStart = lineEnd + 1;
  }
  return spans;
}
