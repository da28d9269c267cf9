// Output bytes built in place: strings are encoded as UTF-8 straight into a 64 KB buffer, so that a
// row is never first joined into a string of its own, concatenated with its batch, and then copied
// again into a Buffer by the stream (three copies of every posting, all garbage at once).
// Bytes handed out are never written again (the stream may still hold them): a take() hands out
// the part written since the last one, and later writes go on after it or into a new buffer.

const SIZE = 64 * 1024;

export class ByteWriter {
  private buf = Buffer.allocUnsafe(SIZE);
  /** Where the bytes not yet taken begin, and where the next write goes. */
  private start = 0;
  private pos = 0;
  private readonly full: Buffer[] = [];
  private fullBytes = 0;

  /** Bytes written and not yet taken. */
  get size(): number {
    return this.fullBytes + this.pos - this.start;
  }

  text(s: string): void {
    // Three bytes per code unit at most (a surrogate pair is two units, four bytes).
    if (this.pos + 3 * s.length > SIZE) {
      this.renew();
      if (3 * s.length > SIZE) {
        this.push(Buffer.from(s, 'utf8'));
        return;
      }
    }
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /** One byte (an ASCII delimiter or line break). */
  byte(b: number): void {
    if (this.pos >= SIZE) this.renew();
    this.buf[this.pos++] = b;
  }

  /** Everything written since the last take, in order. */
  take(): Buffer[] {
    this.cut();
    const out = this.full.splice(0);
    this.fullBytes = 0;
    return out;
  }

  private push(b: Buffer): void {
    this.full.push(b);
    this.fullBytes += b.length;
  }

  /** Sets the bytes written so far aside, to be taken. */
  private cut(): void {
    if (this.pos > this.start) this.push(this.buf.subarray(this.start, this.pos));
    this.start = this.pos;
  }

  /** Sets the bytes written so far aside and goes on in a fresh buffer. */
  private renew(): void {
    this.cut();
    this.buf = Buffer.allocUnsafe(SIZE);
    this.start = this.pos = 0;
  }
}
