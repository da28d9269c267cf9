// Links are addresses, not prose: "…/apply/azure-devops-engineer" names no service. A URL runs
// from "http(s)://" or "www." to the first space, quote, angle bracket or closing bracket.
// Candidates arrive in order of start, so each run of non-space text is examined once, and
// only where a candidate is: a text full of links but with few candidates costs little.
import { isWhite } from '../text/chars.js';

const SCHEME = /\b(?:https?:\/\/|www\.)/gi;
/** The same, without \b or g: whether a text has any link at all (one native pass). */
const ANY_SCHEME = /https?:\/\/|www\./i;

/** What ends a URL: JavaScript's \s and <>"'`)] (as in /[^\s<>"'`)\]]+/). */
function ends(c: number): boolean {
  return isWhite(c) || c === 60 || c === 62 || c === 34 || c === 39 || c === 96 || c === 41 || c === 93;
}

/** Where the URL in text[start, end) (a run with no URL-ending character) begins, or -1. */
function urlIn(text: string, start: number, end: number): number {
  const run = text.slice(start, end);
  SCHEME.lastIndex = 0;
  // The scheme must be followed by at least one more character of the run.
  for (let m = SCHEME.exec(run); m !== null; m = SCHEME.exec(run)) if (m.index + m[0].length < run.length) return start + m.index;
  return -1;
}

/** A filter for candidates (taken in order of start) that drops those inside a URL. */
export function outsideUrls(text: string): (c: { start: number }) => boolean {
  if (!ANY_SCHEME.test(text)) return () => true;
  let runEnd = -1;
  let url = -1;
  return ({ start }) => {
    if (start >= runEnd) {
      let r = start;
      while (r > 0 && !ends(text.charCodeAt(r - 1))) r--;
      let e = start;
      while (e < text.length && !ends(text.charCodeAt(e))) e++;
      runEnd = e;
      url = urlIn(text, r, e);
    }
    return url === -1 || start < url;
  };
}
