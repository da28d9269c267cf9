// Errors that end a run carry their exit code (2: usage or configuration), so the CLI
// can print one clean line instead of a stack trace.
export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

export class CertfitError extends Error {
  readonly exitCode: number;
  /** Extra lines (e.g. every problem in a lexicon), printed after the message. */
  readonly details: string[];
  constructor(message: string, options: { exitCode?: number; details?: string[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CertfitError';
    this.exitCode = options.exitCode ?? EXIT_USAGE;
    this.details = options.details ?? [];
  }
}
