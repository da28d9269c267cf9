#!/usr/bin/env node
// certfit's entry point: runs the program and turns errors into one line and an exit code.
import { CommanderError } from 'commander';
import { CertfitError, EXIT_USAGE } from '../errors.js';
import { buildProgram } from './program.js';

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; commander has already printed what it had to say.
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : EXIT_USAGE;
    }
    if (err instanceof CertfitError) {
      process.stderr.write(`certfit: ${err.message}\n`);
      for (const d of err.details) process.stderr.write(`  ${d}\n`);
      return err.exitCode;
    }
    process.stderr.write(`certfit: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 70;
  }
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
