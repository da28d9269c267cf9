// A text's UTF-16 code units as a typed array, for the scanner's hot loop: reading a Uint16Array
// is cheaper than charCodeAt on a (possibly sliced or two-byte) string, and the copy is a memcpy.
// One buffer is reused between texts; a very long text gets its own, so the shared one stays small.

const REUSE_LIMIT = 1 << 20;
let shared = new Uint16Array(1 << 16);

/** The code units of `text` (valid up to text.length; lone surrogates kept as they are). */
export function codeUnits(text: string): Uint16Array {
  const n = text.length;
  let u = shared;
  if (n > u.length) {
    u = new Uint16Array(Math.max(n, u.length * 2));
    if (u.length <= REUSE_LIMIT) shared = u;
  }
  Buffer.from(u.buffer, u.byteOffset, n * 2).write(text, 0, 'utf16le');
  return u;
}
