// Progress on stderr, only when stderr is a TTY: one line, rewritten in place at most every
// `interval` ms, cleared at the end. Files show done/total, failures and rate; tables show rows,
// rows/s and an ETA from the bytes read against the file's size.

interface StatusLine {
  /** Shows `line()` unless the last one went up less than the interval ago (`force` shows it anyway). */
  show(line: () => string, force?: boolean): void;
  end(): void;
  /** Seconds since the line was created. */
  elapsed(): number;
}

function statusLine(enabled: boolean, interval: number, out: NodeJS.WriteStream): StatusLine | null {
  if (!enabled) return null;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    show(line, force = false) {
      const now = Date.now();
      if (now - last < interval && !force) return;
      last = now;
      shown = true;
      out.write(`\r\u001b[2Kcertfit: ${line()}`);
    },
    end() {
      if (shown) out.write('\r\u001b[2K');
    },
    elapsed: () => Math.max(0.001, (Date.now() - started) / 1000),
  };
}

export interface Progress {
  tick(done: number, total: number | undefined, failed: number): void;
  end(): void;
}

export function createProgress(enabled = process.stderr.isTTY === true, out: NodeJS.WriteStream = process.stderr): Progress {
  const s = statusLine(enabled, 100, out);
  if (!s) return { tick: () => {}, end: () => {} };
  return {
    tick: (done, total, failed) =>
      s.show(() => `${done}${total === undefined ? '' : `/${total}`} done, ${failed} failed, ${(done / s.elapsed()).toFixed(1)}/s`, done === total),
    end: () => s.end(),
  };
}

export interface TableProgress {
  tick(rows: number, bytesRead: number, size: number | undefined): void;
  end(): void;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m}m${String(Math.round(seconds % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function createTableProgress(enabled: boolean, out: NodeJS.WriteStream = process.stderr): TableProgress {
  const s = statusLine(enabled, 200, out);
  if (!s) return { tick: () => {}, end: () => {} };
  return {
    tick: (rows, bytesRead, size) =>
      s.show(() => {
        const secs = s.elapsed();
        const eta = size && bytesRead > 0 ? ` · ${Math.min(100, (100 * bytesRead) / size).toFixed(0)}% · ETA ${duration((secs * (size - bytesRead)) / bytesRead)}` : '';
        return `${rows} rows · ${(rows / secs).toFixed(0)} rows/s${eta}`;
      }),
    end: () => s.end(),
  };
}
