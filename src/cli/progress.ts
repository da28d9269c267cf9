// Progress on stderr, only when stderr is a TTY: done/total, failures, rate.
export interface Progress {
  tick(done: number, total: number | undefined, failed: number): void;
  end(): void;
}

export function createProgress(enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return { tick: () => {}, end: () => {} };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    tick(done, total, failed) {
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      shown = true;
      const rate = done / Math.max(0.001, (now - started) / 1000);
      const of = total === undefined ? '' : `/${total}`;
      process.stderr.write(`\r\u001b[2Kcertfit: ${done}${of} done, ${failed} failed, ${rate.toFixed(1)}/s`);
    },
    end() {
      if (shown) process.stderr.write('\r\u001b[2K');
    },
  };
}
