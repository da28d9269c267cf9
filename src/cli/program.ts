// The command-line program: commands, sectioned help with examples, and exit-code policy.
import { Command, Option } from 'commander';
import { VERSION } from '../version.js';
import { FORMATS } from './options.js';

// Each command's code is imported when the command runs: `--help` and `--version` load none of it.

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const ANALYZE_HELP = `
Inputs:
  files (.txt .md .html .pdf .docx .json), folders (recursive), globs,
  @list.txt (one path or URL per line), http(s) URLs, - for stdin,
  tables (.csv .tsv .jsonl .ndjson): one posting per row

Exit codes:
  0  every input was analysed
  1  some inputs failed (the report is still written and lists them)
  2  usage or configuration error (bad flag, invalid lexicon, unwritable output)
  70  internal error (a bug in certfit, or a worker thread that could not start)
  130  interrupted (Ctrl-C, SIGTERM): no partial output is left behind

Examples:
  $ certfit analyze ~/job-hunt/postings
  $ certfit postings/*.html --format markdown -o report.md
  $ certfit analyze @links.txt --cache-dir ~/.cache/certfit
  $ certfit analyze export.csv --format csv -o scored.csv
  $ certfit analyze postings --format html -o report.html
  $ certfit analyze postings --as-of 2025-06-01 --format json
`;

export function buildProgram(): Command {
  const program = new Command('certfit')
    .description('Reads job postings and tells which cloud AI certification track they point to (AWS ML or Azure AI), with the evidence.')
    .version(VERSION, '-V, --version')
    .exitOverride();

  program
    .command('analyze', { isDefault: true })
    .description('analyse postings and give a verdict per posting and for all of them')
    .argument('[inputs...]', 'files, folders, globs, URLs, @lists, tables, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file (written whole or not at all)')
    .option('--lexicon <file>', 'add a user lexicon (repeatable)', collect)
    .option('--as-of <date>', 'read the certification catalog as of YYYY-MM-DD (default: today)')
    .option('--include-text', 'include each posting\'s analysed text in JSON output, so offsets can be checked')
    .option('--ignore-robots', 'fetch URLs even where robots.txt disallows it')
    .option('--cache-dir <dir>', 'cache fetched pages here; re-runs revalidate and work offline')
    .option('--resolve <host:port:address>', 'pin a host name to an address, as curl does (repeatable)', collect)
    .option('--concurrency <n>', 'URLs fetched at once', '8')
    .option('--timeout <seconds>', 'network timeout per request', '15')
    .option('--max-bytes <n>', 'largest file or response body accepted')
    .option('-j, --jobs <n>', 'threads analysing a table (this one and n - 1 workers)', '1')
    .option('--input-format <format>', 'format of stdin or of a table with an odd extension: csv, tsv, jsonl, ndjson, text')
    .option('--text-column <name>', 'table column holding the posting text')
    .option('--title-column <name>', 'table column holding the title')
    .option('--id-column <name>', 'table column holding an id')
    .option('--url-column <name>', 'table column holding a URL')
    .option('--delimiter <char>', 'table delimiter (default: sniffed)')
    .option('--sanitize-formulas', 'also neutralise spreadsheet formulas in passed-through CSV cells')
    .option('--summary <file>', 'with --format csv/ndjson: write the portfolio summary here instead of stderr')
    .option('--no-progress', 'no progress line on stderr')
    .option('--no-color', 'no colour in the terminal report (NO_COLOR is honoured too)')
    .addHelpText('after', ANALYZE_HELP)
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      const { runAnalyze } = await import('./analyze-command.js');
      process.exitCode = await runAnalyze(inputs, opts);
    });

  program
    .command('explain')
    .description('show every candidate in one posting and why it was accepted or rejected')
    .argument('<input>', 'a posting file, URL or - for stdin')
    .option('--lexicon <file>', 'add a user lexicon (repeatable)', collect)
    .option('--json', 'as JSON')
    .action(async (input: string, opts: { lexicon?: string[]; json?: boolean }) => {
      const { runExplain } = await import('./explain-command.js');
      process.exitCode = await runExplain(input, opts);
    });

  const lexicon = program.command('lexicon').description('work with lexicons');
  lexicon
    .command('check')
    .description('validate the built-in lexicons and the given user lexicon files')
    .argument('[files...]', 'user lexicon files')
    .action(async (files: string[]) => {
      const { runLexiconCheck } = await import('./lexicon-command.js');
      process.exitCode = runLexiconCheck(files);
    });

  program
    .command('catalog')
    .description('list the certifications and their status as of a date')
    .option('--as-of <date>', 'YYYY-MM-DD (default: today)')
    .action(async (opts: { asOf?: string }) => {
      const { runCatalog } = await import('./lexicon-command.js');
      process.exitCode = await runCatalog(opts.asOf);
    });
  return program;
}
