// Public library API.
export * from './model.js';
export { createAnalyzer, analyzePosting, analyzeKeyed, analyzeTexts, buildResult, errorResult, DuplicateTracker, contentHash, type Analyzer, type AnalyzerOptions } from './analyze.js';
export { buildEngine, type Engine } from './lexicon/engine.js';
export { loadLexicons, readLexicons, loadCatalog, formatProblem } from './lexicon/load.js';
export { prepare } from './text/document.js';
export { matchDoc } from './match/match.js';
export { CertfitError } from './errors.js';
