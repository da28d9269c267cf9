import { describe, expect, it } from 'vitest';
import { createProgress, createTableProgress } from '../src/cli/progress.js';

function fakeStderr() {
  const writes: string[] = [];
  return { writes, out: { write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
}

describe('progress lines', () => {
  it('writes nothing when disabled (not a TTY, or --no-progress)', () => {
    const { writes, out } = fakeStderr();
    const p = createTableProgress(false, out);
    p.tick(10, 100, 1000);
    p.end();
    expect(writes).toEqual([]);
  });

  it('a table shows rows, rate and an ETA, at most every 200 ms, and clears its line at the end', () => {
    const { writes, out } = fakeStderr();
    const p = createTableProgress(true, out);
    p.tick(10, 250, 1000);
    p.tick(20, 500, 1000);
    expect(writes).toHaveLength(1);
    expect(writes[0].startsWith('\r\u001b[2K')).toBe(true);
    expect(writes[0].slice('\r\u001b[2K'.length)).toMatch(/^certfit: 10 rows · \d+ rows\/s · 25% · ETA \d+s$/);
    p.end();
    expect(writes.at(-1)).toBe('\r\u001b[2K');
  });

  it('files show done/total and failures, and always the last tick', () => {
    const { writes, out } = fakeStderr();
    const p = createProgress(true, out);
    p.tick(1, 3, 0);
    p.tick(2, 3, 1);
    p.tick(3, 3, 1);
    expect(writes.map((w) => w.replace(/, [\d.]+\/s$/, ''))).toEqual(['\r\u001b[2Kcertfit: 1/3 done, 0 failed', '\r\u001b[2Kcertfit: 3/3 done, 1 failed']);
    p.end();
    expect(writes.at(-1)).toBe('\r\u001b[2K');
  });

  it('writes nothing at the end when nothing was shown', () => {
    const { writes, out } = fakeStderr();
    createProgress(true, out).end();
    expect(writes).toEqual([]);
  });
});
