// Compiles the built-in lexicons into dist/engine.json after tsc (part of `npm run build`).
import { VERSION } from '../dist/version.js';
import { buildEngine } from '../dist/lexicon/engine.js';
import { builtinLexiconFiles, loadLexicons } from '../dist/lexicon/load.js';
import { cacheKey, writeEngineCache } from '../dist/lexicon/engine-cache.js';

try {
  writeEngineCache(buildEngine(loadLexicons()), cacheKey(VERSION, builtinLexiconFiles()));
} catch (err) {
  console.error(`build-engine-cache: ${err.message}`);
  for (const d of err.details ?? []) console.error(`  ${d}`);
  process.exit(1);
}
