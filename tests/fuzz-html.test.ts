// Property tests on random, often broken HTML: text without the page's markup, mentions at their
// offsets, real-depth pages never rewritten, and the depth guard (src/ingest/html-depth.ts)
// keeping all the text in order when it flattens. Shared with `npm run fuzz`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenDeepHtml } from '../src/ingest/html-depth.js';
import { checkInvariant } from './helpers/fuzz-lib.js';

describe('random HTML', () => {
  it('any page gives text without its markup, with mentions at their offsets', async () => {
    await checkInvariant('html: any', 200);
  }, 60_000);

  it('flattening past the depth limit (here 2) keeps all the text, in order', async () => {
    await checkInvariant('html: flattening', 300);
  }, 60_000);

  it('pages nested up to 3 000 deep, closed or not, keep their sentence and take under 5 s', async () => {
    await checkInvariant('html: deep', 25);
  }, 60_000);

  it('leaves the HTML fixtures exactly as they are', () => {
    for (const dir of ['fixtures/ingest/html']) {
      for (const f of readdirSync(dir)) {
        const html = readFileSync(join(dir, f), 'utf8');
        expect(flattenDeepHtml(html), f).toBe(html);
      }
    }
  });
});
