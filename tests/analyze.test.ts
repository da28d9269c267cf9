import { describe, expect, it } from 'vitest';
import { contentHash } from '../src/analyze.js';

describe('content hash', () => {
  it('ignores case and white space, and tells different texts apart', () => {
    expect(contentHash('Senior  ML\r\nEngineer ')).toBe(contentHash(' senior ml engineer'));
    expect(contentHash('SENIOR ML ENGINEER\u00a0(remote)')).toBe(contentHash('senior ml engineer (remote)'));
    expect(contentHash('Senior ML Engineer')).not.toBe(contentHash('Senior ML Engineers'));
    expect(contentHash('ab')).not.toBe(contentHash('a b'));
    expect(contentHash('ML Engineer')).not.toBe(contentHash('Engineer ML'));
    expect(contentHash('C++ developer')).not.toBe(contentHash('C# developer'));
    expect(contentHash('a, b')).not.toBe(contentHash('a b'));
    expect(contentHash('')).toBe(contentHash(' \n\t'));
  });
});
