// Streaming CSV scanner on decoded text that reproduces csv-parse 6 with { relax_column_count,
// relax_quotes, skip_empty_lines, max_record_size } record for record, quirks included:
// - the record delimiter is the first CR LF, LF or CR met outside quotes; from then on only that
//   one ends records, and the other line-break characters are ordinary cell text;
// - a quote opens a quoted cell only as a cell's first character; anywhere else it is text;
// - a closing quote must be followed by the delimiter, the record delimiter, NUL or the end;
//   otherwise the cell becomes `"` + its text so far + `"` and goes on unquoted (relax_quotes);
//   after NUL it goes on unquoted without the quotes;
// - `info.lines` (for messages) counts every CR and LF read, a record delimiter as one;
// - the size limit counts the UTF-16 length of the record's finished cells plus the UTF-8 bytes of
//   the current one, and fires on a byte appended past the limit.
// The position, line count and native searches are CsvCursor's (./csv-cursor.ts); this is the
// state machine over them: records, cells, quotes and the size limit.
import { CsvCursor } from './csv-cursor.js';

const START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** "" → " in one flat string: replaceAll makes a rope with a node per quote, slow to collect. */
const unquote = (s: string): string => s.split('""').join('"');

export type ScanFailure = 'CSV_QUOTE_NOT_CLOSED' | 'CSV_MAX_RECORD_SIZE';

/** Delimiters the scanner handles like csv-parse; anything else must go to csv-parse itself. */
export function scannable(delimiter: string): boolean {
  if (delimiter.length !== 1) return false;
  const c = delimiter.charCodeAt(0);
  return c !== QUOTE && c !== CR && c !== LF && (c < 0xd800 || c > 0xdfff);
}

export class CsvScanner extends CsvCursor {
  /** Records finished so far; the caller empties it. */
  readonly out: string[][] = [];
  /** Set once the rest of the input cannot be split into records. */
  failure: ScanFailure | undefined;
  /** csv-parse's `info.lines` when the last record was finished. */
  lastRecordLine = 1;

  private readonly dc: number;
  private st = START;
  private cells: string[] = [];
  private field = '';
  private wasQuoted = false;
  private rec16 = 0; // UTF-16 length of the finished cells of the current record
  private fieldBytes = -1; // UTF-8 length of `field`, kept only near the limit
  private carry = ''; // the undecided last character or two of the previous text

  constructor(
    private readonly delimiter: string,
    private readonly max: number,
  ) {
    super();
    this.dc = delimiter.charCodeAt(0);
  }

  /** Reads the next piece of text; `final` marks the end of the input. */
  feed(text: string, final: boolean): void {
    if (this.failure) return;
    this.begin(this.carry ? this.carry + text : text);
    while (!this.failure) {
      if (this.st === START && !this.cells.length && this.rd && this.fastRecord()) continue;
      if (!this.step(final)) break;
    }
    this.carry = this.failure ? '' : this.t.slice(this.p);
    if (final && !this.failure) this.end();
    this.t = '';
  }

  /** A whole record without quotes, up to a record delimiter in this text: cut at its delimiters. */
  private fastRecord(): boolean {
    const e = this.nextRd(false);
    const len = this.rdLen;
    if (len === 0) return false;
    if (this.nq < this.p) this.nq = this.find('"', this.p);
    if (this.nq < e) return false;
    const start = this.p;
    this.to(e);
    if (e > start) {
      const { t } = this;
      const cells: string[] = [];
      let a = start;
      if (this.nd < a) this.nd = this.find(this.delimiter, a);
      while (this.nd < e) {
        cells.push(t.slice(a, this.nd));
        a = this.nd + 1;
        this.nd = this.find(this.delimiter, a);
      }
      cells.push(t.slice(a, e));
      if (3 * (e - start) > this.max) this.checkCells(cells);
      if (this.failure) return true;
      this.out.push(cells);
      this.lastRecordLine = this.lines;
    }
    this.lines++;
    this.p = e + len;
    return true;
  }

  /** One state transition; false when the rest of this text must wait for the next. */
  private step(final: boolean): boolean {
    const { t, n, p } = this;
    if (this.st === START) {
      if (p >= n) return false;
      if (t.charCodeAt(p) === QUOTE) {
        this.st = QUOTED;
        this.p = p + 1;
        return true;
      }
      this.st = UNQUOTED;
    }
    if (this.st === UNQUOTED) {
      if (this.nd < p) this.nd = this.find(this.delimiter, p);
      const e = this.nextRd(final);
      const len = this.rdLen;
      const d = this.nd;
      this.take(d < e ? d : e); // up to the delimiter, the record delimiter, the end or an undecided CR
      if (this.failure) return false;
      if (d < e) {
        this.endField();
        this.p++;
      } else if (len > 0) this.endRecord(e, len);
      else return false;
      return true;
    }
    // Quoted: up to the next quote that is not doubled, in one piece.
    if (this.nq < p) this.nq = this.find('"', p);
    let q = this.nq;
    let doubled = false;
    while (q < n - 1 && t.charCodeAt(q + 1) === QUOTE) {
      doubled = true;
      q = this.find('"', q + 2);
    }
    this.nq = q;
    this.take(q, doubled);
    if (this.failure || q >= n) return false;
    if (q + 1 >= n) {
      if (!final) return false; // the next text tells whether this quote closes the cell
      this.wasQuoted = true;
      this.st = UNQUOTED;
      this.p = n;
      return false;
    }
    const c = t.charCodeAt(q + 1);
    if (c === this.dc) {
      this.wasQuoted = true;
      this.endField();
      this.p = q + 2;
      return true;
    }
    if (c === CR || c === LF) {
      const next = q + 2 < n ? t.charCodeAt(q + 2) : final ? -1 : NaN;
      if (Number.isNaN(next) && c === CR && this.rd !== '\n' && this.rd !== '\r') return false; // CR, or CR LF?
      const rd = this.rd || (c === LF ? '\n' : next === LF ? '\r\n' : '\r');
      if (rd === '\n' ? c === LF : rd === '\r' ? c === CR : c === CR && next === LF) {
        this.rd = rd;
        this.wasQuoted = true;
        this.p = q + 1;
        this.endRecord(q + 1, rd.length);
        return true;
      }
    }
    // A quote inside the cell (relax_quotes): the cell goes on unquoted, as `"text"...`; after
    // NUL (csv-parse takes a 0 byte for the end of the data) without the quotes.
    this.wasQuoted = true;
    this.st = UNQUOTED;
    this.p = q + 1;
    if (c !== 0) {
      this.field = '"' + this.field;
      if (this.fieldBytes >= 0) this.fieldBytes++;
      this.grow('"');
    }
    return true;
  }

  /** Appends t[p, b) to the current cell, "" as " when `doubled`. */
  private take(b: number, doubled = false): void {
    if (b > this.p) {
      const piece = this.t.slice(this.p, b);
      this.to(b);
      if (doubled) this.grow(piece.length < 512 ? piece.replaceAll('""', '"') : unquote(piece));
      else this.grow(piece);
    }
  }

  private grow(piece: string): void {
    this.field += piece;
    if (this.rec16 + 3 * this.field.length <= this.max) return;
    this.fieldBytes = this.fieldBytes < 0 ? Buffer.byteLength(this.field) : this.fieldBytes + Buffer.byteLength(piece);
    if (this.rec16 + this.fieldBytes - 1 > this.max) this.failure = 'CSV_MAX_RECORD_SIZE';
  }

  private checkCells(cells: string[]): void {
    let rec16 = this.rec16;
    for (const c of cells) {
      if (c && rec16 + Buffer.byteLength(c) - 1 > this.max) this.failure = 'CSV_MAX_RECORD_SIZE';
      rec16 += c.length;
    }
  }

  private endField(): void {
    this.cells.push(this.field);
    this.rec16 += this.field.length;
    this.field = '';
    this.fieldBytes = -1;
    this.wasQuoted = false;
    this.st = START;
  }

  /** Ends the record at the record delimiter at e (of length len): an empty line is skipped. */
  private endRecord(e: number, len: number): void {
    if (!this.rd) this.rd = len === 2 ? '\r\n' : this.t[e];
    if (this.field || this.wasQuoted || this.cells.length) {
      this.endField();
      this.out.push(this.cells);
      this.lastRecordLine = this.lines;
    }
    this.cells = [];
    this.rec16 = 0;
    this.st = START;
    this.lines++;
    this.p = e + len;
  }

  private end(): void {
    if (this.st === QUOTED) this.failure = 'CSV_QUOTE_NOT_CLOSED';
    else if (this.field || this.wasQuoted || this.cells.length) {
      this.endField();
      this.out.push(this.cells);
      this.lastRecordLine = this.lines;
      this.cells = [];
    }
  }
}
