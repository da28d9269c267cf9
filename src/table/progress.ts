// A progress line for tables on stderr (only on a TTY): rows, rows/s, and an ETA from the
// bytes read against the file's size.
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
  if (!enabled) return { tick: () => {}, end: () => {} };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    tick(rows, bytesRead, size) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      const secs = Math.max(0.001, (now - started) / 1000);
      const rate = rows / secs;
      const eta = size && bytesRead > 0 ? ` · ${Math.min(100, (100 * bytesRead) / size).toFixed(0)}% · ETA ${duration((secs * (size - bytesRead)) / bytesRead)}` : '';
      out.write(`\r\u001b[2Kcertfit: ${rows} rows · ${rate.toFixed(0)} rows/s${eta}`);
    },
    end() {
      if (shown) out.write('\r\u001b[2K');
    },
  };
}
