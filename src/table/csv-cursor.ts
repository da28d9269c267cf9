// The reading position of CsvScanner (./csv-scan.ts) in its current text, with line counting and
// the search for the next record delimiter. Searching is done with indexOf on cached next
// positions of ", CR, LF and the delimiter, so a long cell costs a few native searches, not a loop
// over its characters.
//
// A base class rather than a field of the scanner: the scanner reads these on every cell, and as
// its own fields they cost no extra object hop (only CsvScanner is ever built, so the shape stays
// monomorphic).

const LF = 10;

export abstract class CsvCursor {
  protected rd = ''; // the record delimiter, once seen
  /** csv-parse's `info.lines`: every CR and LF passed over, a record delimiter counted as one. */
  protected lines = 1;
  // The current text, the position read up to, and the next ", CR, LF, delimiter at or after it
  // (n when there is none; stale when below p).
  protected t = '';
  protected n = 0;
  protected p = 0;
  protected nq = -1;
  protected ncr = -1;
  protected nlf = -1;
  protected nd = -1;
  protected nrd = -1; // CR LF only: the next CR followed by LF
  /** Set by nextRd: the length of the record delimiter it found. */
  protected rdLen = 0;

  /** Starts reading `text` from its beginning, with no cached positions. */
  protected begin(text: string): void {
    this.t = text;
    this.n = text.length;
    this.p = 0;
    this.nq = this.ncr = this.nlf = this.nd = this.nrd = -1;
  }

  protected find(ch: string, from: number): number {
    const i = this.t.indexOf(ch, from);
    return i < 0 ? this.n : i;
  }

  /** Moves p to b, counting the line breaks passed over. */
  protected to(b: number): void {
    if (this.ncr < this.p) this.ncr = this.find('\r', this.p);
    if (this.nlf < this.p) this.nlf = this.find('\n', this.p);
    while (this.ncr < b) {
      this.lines++;
      this.ncr = this.find('\r', this.ncr + 1);
    }
    while (this.nlf < b) {
      this.lines++;
      this.nlf = this.find('\n', this.nlf + 1);
    }
    this.p = b;
  }

  /**
   * The position of the next record delimiter at or after p, its length in `rdLen`: 0 when there
   * is none (position n), or when the CR at n - 1 can only be told by the next text.
   */
  protected nextRd(final: boolean): number {
    const { t, n, p, rd } = this;
    if (this.ncr < p) this.ncr = this.find('\r', p);
    if (this.nlf < p) this.nlf = this.find('\n', p);
    let c = this.ncr;
    if (rd === '\r\n') {
      if (this.nrd < p) {
        while (c < n - 1 && t.charCodeAt(c + 1) !== LF) c = this.find('\r', c + 1);
        this.nrd = c;
      }
      c = this.nrd;
      this.rdLen = c < n - 1 ? 2 : 0;
      return c < n - 1 || (c === n - 1 && !final) ? c : n;
    }
    if (rd === '\n' || (!rd && this.nlf < c)) c = this.nlf;
    if (c >= n) this.rdLen = 0;
    else if (rd || t.charCodeAt(c) === LF) this.rdLen = 1;
    else if (c < n - 1) this.rdLen = t.charCodeAt(c + 1) === LF ? 2 : 1; // the first CR: CR LF or CR?
    else this.rdLen = final ? 1 : 0;
    return c;
  }
}
