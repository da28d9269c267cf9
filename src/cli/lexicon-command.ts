// `certfit lexicon check` and `certfit catalog`.
import { today } from '../analyze.js';
import { CertfitError, EXIT_OK, EXIT_USAGE } from '../errors.js';
import { builtinLexiconFiles, formatProblem, readCatalog, readLexicons } from '../lexicon/load.js';
import { statusAt } from '../score/catalog.js';
import { parseAnalyzeOptions } from './options.js';
import { stripControls } from '../report/sanitize.js';

export function runLexiconCheck(files: string[]): number {
  const { entries, problems } = readLexicons([...builtinLexiconFiles(), ...files]);
  const catalog = readCatalog();
  const all = [...problems, ...catalog.problems];
  const ids = new Set(catalog.certifications.map((c) => c.id));
  for (const e of entries) {
    if (e.kind === 'certification' && e.catalog && !ids.has(e.catalog)) all.push({ file: e.file, path: e.id, message: `catalog id ${e.catalog} is not in certifications.json` });
  }
  for (const p of all) process.stdout.write(`${stripControls(formatProblem(p))}\n`);
  process.stdout.write(`${entries.length} entries in ${builtinLexiconFiles().length + files.length} lexicon file(s), ${catalog.certifications.length} certifications: ${all.length === 0 ? 'ok' : `${all.length} problem(s)`}\n`);
  return all.length === 0 ? EXIT_OK : EXIT_USAGE;
}

export async function runCatalog(asOf?: string): Promise<number> {
  const date = asOf ? (await parseAnalyzeOptions({ asOf })).asOf! : today();
  const { certifications, problems } = readCatalog();
  if (problems.length) throw new CertfitError('invalid certification catalog', { details: problems.map(formatProblem) });
  process.stdout.write(`Certifications as of ${date}:\n`);
  for (const c of certifications) {
    const status = statusAt(c, date);
    const last = c.lastExamDay ? ` (last exam day ${c.lastExamDay})` : '';
    process.stdout.write(`  ${c.code.padEnd(9)} ${status.padEnd(9)} ${c.name}${status === 'retired' ? last : ''}${c.successors.length && status === 'retired' ? ` → ${c.successors.join(', ')}` : ''}\n`);
  }
  return EXIT_OK;
}
