// Section detection, line by line: whether a line is a heading ("Requirements", "## Benefits") or
// an inline label ("Nice to have: …") and which section it names, and phrasing that makes a line a
// nice-to-have ("… is a plus"). ./section-reader.ts walks a text's lines with these.
import type { Section } from '../model.js';
import { isWhite } from './chars.js';

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

// Any heading keyword at all: most heading-shaped lines have none, and then classify is not needed.
// The keywords' leading \b is hoisted into one "start or a non-word char" before them all: the same
// test, as every keyword starts with a word char, and one the regex engine runs faster.
const sources = HEADINGS.map(([, re]) => re.source);
const wordStart = sources.filter((s) => s.startsWith('\\b')).map((s) => s.slice(2));
const ANY_HEADING = new RegExp(
  [...sources.filter((s) => !s.startsWith('\\b')), `(?:^|[^A-Za-z0-9_])(?:${wordStart.join('|')})`].join('|'), 'i');

// Lines are read as char codes in place: most are prose, bullets or blank, and are never sliced,
// trimmed or case-folded. Each test's doc comment gives the regex it is equivalent to.
const CR = 13, SPACE = 32, HASH = 35, STAR = 42, HYPHEN = 45, COLON = 58, UNDERSCORE = 95, BULLET = 0x2022;

const isEmphasis = (c: number) => c === STAR || c === UNDERSCORE;
const isLower = (c: number) => c >= 97 && c <= 122;
const isLetter = (c: number) => isLower(c) || (c >= 65 && c <= 90);
const isBulletMark = (c: number) => c === STAR || c === HYPHEN || c === 62 /* > */ || c === 0xb7 || c === BULLET ||
  c === 0x25aa || c === 0x25e6 || c === 0x2013 || c === 0x2014; // •·▪◦*-–—>
const isTitleEnd = (c: number) => c === 46 || c === 33 || c === 63 || c === 59 || c === 44; // .!?;,

/**
 * The section a heading line text[start, end) names, or null. A heading is at most 100 chars (the
 * caller skips longer lines) and 80 trimmed, is not prose, looks like one (markdown "#", bold, a
 * trailing colon, all caps, or a short title that is not a bullet), and names a section once markdown
 * emphasis ("**_Requirements_:**"), the colon and curly apostrophes ("you’ll") are set aside.
 */
export function headingSection(text: string, start: number, end: number): Section | null {
  let a = start;
  let b = end;
  while (a < b && isWhite(text.charCodeAt(a))) a++;
  while (b > a && isWhite(text.charCodeAt(b - 1))) b--;
  if (a === b || b - a > 80) return null;
  const first = text.charCodeAt(a);
  const last = text.charCodeAt(b - 1);
  // A bullet is a heading only in all caps: it is never markdown, bold or a short title.
  const bullet = isBullet(text, a, b);
  if (bullet && !isCaps(text, a, b)) return null;
  const markup = first === HASH || isEmphasis(first) || last === COLON ||
    (b - a >= 3 && isEmphasis(last) && text.charCodeAt(b - 2) === last && text.charCodeAt(b - 3) === COLON);
  if (!markup && isProse(text, a, b)) return null;

  // Headings recur across postings ("### Requirements", "**About Us:**"): a slot remembers the last
  // heading that hashed to it, and a repeat costs a compare instead of the regexes. Its chars are
  // copied into a typed array, where the compare is fast and no posting is kept alive.
  const hash = Math.imul(b - a, 0x9e3779b1) ^ Math.imul(first, 0x85ebca6b) ^ Math.imul(last, 0xc2b2ae35) ^
    Math.imul(text.charCodeAt((a + b) >> 1), 0x27d4eb2f);
  const slot = hash >>> 20;
  if (slotHashes[slot] === hash && slotLengths[slot] === b - a && sameChars(text, a, b, slot * 80)) return slotSections[slot];
  const section = headingName(text, a, b, bullet);
  if (section) { // most other lines are one-offs
    slotHashes[slot] = hash;
    slotLengths[slot] = b - a;
    for (let i = a; i < b; i++) slotChars[slot * 80 + i - a] = text.charCodeAt(i);
    slotSections[slot] = section;
  }
  return section;
}

const slotHashes = new Int32Array(4096);
const slotLengths = new Int32Array(4096);
const slotChars = new Uint16Array(4096 * 80);
const slotSections: Section[] = new Array(4096).fill('other');

function sameChars(text: string, a: number, b: number, at: number): boolean {
  for (let i = a; i < b; i++) if (slotChars[at + i - a] !== text.charCodeAt(i)) return false;
  return true;
}

/** headingSection for a trimmed line text[a, b) that is neither prose nor a bullet in lower case. */
function headingName(text: string, a: number, b: number, bullet: boolean): Section | null {
  // /^#{1,6}\s+/, then /^[*_]+|[*_]+(?=:?$)/g, then trim and one trailing colon are set aside.
  let i = a;
  while (i < b && text.charCodeAt(i) === HASH) i++;
  const markdown = i > a && i - a <= 6 && i < b && isWhite(text.charCodeAt(i));
  if (markdown) while (isWhite(text.charCodeAt(i))) i++;
  else i = a;
  const endColon = text.charCodeAt(b - 1) === COLON;
  let j = endColon ? b - 1 : b;
  while (i < j && isEmphasis(text.charCodeAt(i))) i++;
  while (j > i && isEmphasis(text.charCodeAt(j - 1))) j--;
  while (i < j && isWhite(text.charCodeAt(i))) i++;
  while (j > i && isWhite(text.charCodeAt(j - 1))) j--;
  const colon = endColon || (j > i && text.charCodeAt(j - 1) === COLON);
  if (colon && !endColon) {
    j--;
    while (j > i && isWhite(text.charCodeAt(j - 1))) j--;
  }

  const looksLikeHeading = markdown || (colon && !bullet) || bullet /* in caps, as tested above */ ||
    isBold(text, a, endColon ? b - 1 : b) || isCaps(text, a, b) ||
    (!isTitleEnd(text.charCodeAt(j - 1)) && words(text, i, j) <= 5); // a short title
  if (!looksLikeHeading || i === j) return null;
  const heading = text.slice(i, j);
  for (let k = i; k < j; k++) if ((text.charCodeAt(k) | 1) === 0x2019 /* ‘ or ’ */) return keywords(heading.replace(/[’‘]/g, "'"));
  return keywords(heading);
}

/** /^([•·▪◦*\-–—>]|\d+[.)])\s/ on text[a, b). */
function isBullet(text: string, a: number, b: number): boolean {
  let i = a;
  while (i < b && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  const c = text.charCodeAt(i);
  if (i > a ? c !== 46 && c !== 41 : !isBulletMark(c)) return false;
  return i + 1 < b && isWhite(text.charCodeAt(i + 1));
}

/** At least four ASCII letters, none lower case: in the line, and so in its heading (markup holds no letter). */
function isCaps(text: string, a: number, b: number): boolean {
  let letters = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (isLower(c)) return false;
    if (isLetter(c)) letters++;
  }
  return letters >= 4;
}

/** More than four spaces, and not all upper case (raw !== raw.toUpperCase()). */
function isProse(text: string, a: number, b: number): boolean {
  let spaces = 0;
  let lower = false;
  let ascii = true;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE) spaces++;
    else if (isLower(c)) lower = true;
    else if (c >= 128) ascii = false;
    if (spaces > 4 && lower) return true;
  }
  return spaces > 4 && !ascii && text.slice(a, b) !== text.slice(a, b).toUpperCase();
}

/** /^[*_]{2,}.+[*_]{2,}$/ on text[a, e): `.` is anything but a line terminator. */
function isBold(text: string, a: number, e: number): boolean {
  if (e - a < 5 || !isEmphasis(text.charCodeAt(a)) || !isEmphasis(text.charCodeAt(a + 1)) ||
    !isEmphasis(text.charCodeAt(e - 1)) || !isEmphasis(text.charCodeAt(e - 2))) return false;
  for (let i = a; i < e; i++) if (text.charCodeAt(i) === CR || (text.charCodeAt(i) | 1) === 0x2029 /* \u2028, \u2029 */) return false;
  return true;
}

/** text[i, j).split(/\s+/).length for a trimmed range, counted up to 6. */
function words(text: string, i: number, j: number): number {
  let n = 1;
  for (let k = i; k < j && n <= 5; k++) if (isWhite(text.charCodeAt(k)) && !isWhite(text.charCodeAt(k - 1))) n++;
  return n;
}

/**
 * An inline label: "Nice to have: Azure AI Search" → preferred for this line only. The label is
 * /^\s*[*_#•\-\s]*([A-Za-z][A-Za-z '’&/-]{2,40}):\s*\S/ on the line, up to the line's first colon.
 */
export function labelSection(text: string, start: number, colon: number, end: number): Section | null {
  let k = start;
  for (let c = text.charCodeAt(k); isEmphasis(c) || c === HASH || c === BULLET || c === HYPHEN || isWhite(c); ) c = text.charCodeAt(++k);
  if (!isLetter(text.charCodeAt(k)) || colon - k < 3 || colon - k > 41) return null;
  for (let i = k + 1; i < colon; i++) {
    const c = text.charCodeAt(i);
    if (!isLetter(c) && c !== SPACE && c !== 39 /* ' */ && c !== 0x2019 /* ’ */ && c !== 38 /* & */ && c !== 47 /* / */ && c !== HYPHEN) return null;
  }
  let i = colon + 1;
  while (i < end && isWhite(text.charCodeAt(i))) i++;
  if (i === end) return null;
  // For a label's chars (ASCII letters and a few marks) ANY_HEADING matches exactly when classify
  // finds a section, so this is classify(label.toLowerCase()).
  return keywords(text.slice(k, colon));
}

/**
 * classify(key.toLowerCase()) if ANY_HEADING matches, else null. Remembered: a few thousand headings
 * and labels recur across postings. Keys are copies: a slice would keep its whole posting alive.
 */
const known = new Map<string, Section | null>();

function keywords(key: string): Section | null {
  if (!ANY_HEADING.test(key)) return null;
  let section = known.get(key);
  if (section === undefined) {
    section = classify(key.toLowerCase());
    if (known.size >= 20_000) known.clear();
    known.set((' ' + key).slice(1), section);
  }
  return section;
}

function classify(heading: string): Section | null {
  for (const [section, re] of HEADINGS) if (re.test(heading)) return section;
  return null;
}

/** The section a line names when it is a heading ("Requirements", "## About the role"), else null. */
export function headingOf(line: string): Section | null {
  return line.length <= 100 ? headingSection(line, 0, line.length) : null;
}

/** Phrasing that makes a line a nice-to-have wherever it stands: "Azure experience is a plus". */
export function isPreferredLine(line: string): boolean {
  return PREFERRED_PHRASE.test(line);
}
