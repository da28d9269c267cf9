// Heavy parsers load on first use, not at start-up: a run over three .txt files should not
// pay for an HTML parser, an HTTP client and a Word reader (about a second on this machine).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let cheerioModule: typeof import('cheerio') | undefined;
let undiciModule: typeof import('undici') | undefined;
let mammothModule: typeof import('mammoth') | undefined;

export const cheerio = (): typeof import('cheerio') => (cheerioModule ??= require('cheerio') as typeof import('cheerio'));
export const undici = (): typeof import('undici') => (undiciModule ??= require('undici') as typeof import('undici'));
export const mammoth = (): typeof import('mammoth') => (mammothModule ??= require('mammoth') as typeof import('mammoth'));
