// Compiles the built-in lexicons (and the validated catalog) into dist/engine.bin after tsc
// (part of `npm run build`).
import { rmSync } from 'node:fs';
import { buildEngine } from '../dist/lexicon/engine.js';
import { loadCatalog, loadLexicons } from '../dist/lexicon/load.js';
import { writeBuiltinCache } from '../dist/lexicon/engine-cache.js';

try {
  const engine = buildEngine(loadLexicons());
  // An invalid catalog is not cached: a run then reads it from source and says what is wrong, as without a cache.
  let catalog = null;
  try {
    catalog = loadCatalog();
  } catch {
    catalog = null;
  }
  writeBuiltinCache(engine, catalog);
  // The JSON cache of earlier builds.
  rmSync(new URL('../dist/engine.json', import.meta.url), { force: true });
} catch (err) {
  console.error(`build-engine-cache: ${err.message}`);
  for (const d of err.details ?? []) console.error(`  ${d}`);
  process.exit(1);
}
