import { describe, expect, it } from 'vitest';
import { contentHash } from '../src/analyze.js';

describe('content hash', () => {
  it('ignores case and white space runs, and tells different texts apart', () => {
    expect(contentHash('Senior  ML\r\nEngineer ')).toBe(contentHash(' senior ml engineer'));
    expect(contentHash('Senior ML Engineer')).not.toBe(contentHash('Senior ML Engineers'));
    expect(contentHash('ab')).not.toBe(contentHash('a b'));
  });
});
