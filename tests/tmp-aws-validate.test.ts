import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexiconFileSchema } from '../src/lexicon/schema.js';

for (const f of ['/tmp/lexgen/aws.json', '/tmp/lexgen/gcp.json']) {
  describe(f, () => {
    it('parses', () => {
      const r = lexiconFileSchema.safeParse(JSON.parse(readFileSync(f, 'utf8')));
      if (!r.success) console.log(JSON.stringify(r.error.issues, null, 1));
      expect(r.success).toBe(true);
    });
  });
}
