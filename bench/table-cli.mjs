#!/usr/bin/env node
// `certfit analyze` with the table command behind it, for the benchmark and the table tests
// while analyze-command does not yet route --format csv/ndjson tables to runTableAnalyze.
// Usage: node bench/table-cli.mjs [--dist DIR] analyze in.csv --format csv -o out.csv
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
let dist = new URL('../dist/', import.meta.url);
if (args[0] === '--dist') {
  dist = pathToFileURL(`${resolve(args[1])}/`);
  args.splice(0, 2);
}
const { buildProgram } = await import(new URL('cli/program.js', dist).href);
const { parseAnalyzeOptions } = await import(new URL('cli/options.js', dist).href);
const { runTableAnalyze } = await import(new URL('cli/table-command.js', dist).href);

const program = buildProgram();
program.commands
  .find((c) => c.name() === 'analyze')
  .action(async (inputs, opts) => {
    process.exitCode = await runTableAnalyze(inputs, parseAnalyzeOptions(opts));
  });
try {
  await program.parseAsync(args, { from: 'user' });
} catch (err) {
  if (typeof err?.exitCode === 'number' && err.name === 'CertfitError') {
    process.stderr.write(`certfit: ${err.message}\n`);
    for (const d of err.details ?? []) process.stderr.write(`  ${d}\n`);
    process.exitCode = err.exitCode;
  } else if (err?.code?.startsWith?.('commander.')) {
    process.exitCode = err.exitCode ?? 2;
  } else {
    process.stderr.write(`certfit: internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 70;
  }
}
