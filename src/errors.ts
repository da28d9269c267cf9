// Errors that end a run carry their exit code (2: usage or configuration), so the CLI
// can print one clean line instead of a stack trace.
export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
/** A usage or configuration error, or the report could not be written. */
export const EXIT_USAGE = 2;
/** A bug in certfit: the message carries the stack. */
export const EXIT_INTERNAL = 70;
/** Stopped by Ctrl-C (SIGINT) or SIGTERM; no partial output is left behind. */
export const EXIT_INTERRUPTED = 130;

export class CertfitError extends Error {
  readonly exitCode: number;
  /** Extra lines (e.g. every problem in a lexicon), printed after the message. */
  readonly details: string[];
  /** A stable code for where the error becomes one input's error item instead (NO_TEXT_COLUMN…). */
  readonly code: string | undefined;
  constructor(message: string, options: { exitCode?: number; details?: string[]; cause?: unknown; code?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CertfitError';
    this.exitCode = options.exitCode ?? EXIT_USAGE;
    this.details = options.details ?? [];
    this.code = options.code;
  }
}
