// The map of reporters, by --format name (knip-style). csv is written row by row by src/table.
import { htmlReporter } from './html.js';
import { jsonReporter, ndjsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import type { Reporter } from './reporter.js';
import { textReporter } from './text.js';

export const reporters: Record<string, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  ndjson: ndjsonReporter,
  markdown: markdownReporter,
  html: htmlReporter,
};

export type { Reporter, RenderOptions } from './reporter.js';
