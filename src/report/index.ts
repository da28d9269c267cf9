// The map of reporters, by --format name (knip-style). csv and html are added by their modules.
import { jsonReporter, ndjsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import type { Reporter } from './reporter.js';
import { textReporter } from './text.js';

export const reporters: Record<string, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  ndjson: ndjsonReporter,
  markdown: markdownReporter,
};

export type { Reporter, RenderOptions } from './reporter.js';
