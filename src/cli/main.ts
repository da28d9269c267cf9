#!/usr/bin/env node
// certfit's entry point: runs the program and turns errors into one line and an exit code.
import { CommanderError } from 'commander';
import { CertfitError, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE } from '../errors.js';
import { guardStdio, reportWritten, stdoutFailed } from './output.js';
import { buildProgram } from './program.js';
import { stripControls } from '../report/sanitize.js';

/** One line on stderr. Messages can quote file names, table headers and lexicon ids: no escape sequence or line break from them gets through. */
const inert = (s: string): string => stripControls(s).replace(/\s*\n\s*/g, ' ');
const say = (line: string): void => void process.stderr.write(`certfit: ${inert(line)}\n`);

/**
 * Ctrl-C or SIGTERM: exit 130 at once. Reports are written synchronously at the very end, so a
 * signal lands either before (nothing was written under the output name) or after (the report
 * is whole). Tables stream, and stop themselves: while one runs it has its own handler.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  say(reportWritten() ? 'interrupted after the report was written' : 'interrupted; no report was written');
  process.exit(EXIT_INTERRUPTED);
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  // commander's own errors (unknown flag, bad choice) as one certfit line like every other; each
  // subcommand has its own copy of the settings.
  const output = {
    writeErr: (s: string) => process.stderr.write(s),
    outputError: (s: string) => say(`${s.replace(/^error: /, '').trim()} (run with --help for usage)`),
  };
  for (const command of [program, ...program.commands]) command.configureOutput(output);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; commander has already printed what it had to say.
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : EXIT_USAGE;
    }
    if (err instanceof CertfitError) {
      say(err.message);
      for (const d of err.details) process.stderr.write(`  ${inert(d)}\n`);
      return err.exitCode;
    }
    // The stack keeps its lines: it is for a bug report.
    process.stderr.write(`certfit: internal error: ${stripControls((err as Error)?.stack ?? String(err))}\n`);
    return EXIT_INTERNAL;
  }
}

guardStdio(say);
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
main(process.argv).then((code) => {
  // A report that could not reach stdout is a failed run, whatever the analysis said.
  process.exitCode = stdoutFailed() ? EXIT_USAGE : code;
});
