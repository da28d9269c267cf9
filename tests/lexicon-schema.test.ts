import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogJsonSchema, lexiconJsonSchema } from '../src/lexicon/json-schema.js';
import { readLexicons } from '../src/lexicon/load.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

describe('lexicon schema', () => {
  it('the committed JSON Schemas are generated from the zod schemas (run npm run schema)', () => {
    expect(readFileSync('lexicons/lexicon.schema.json', 'utf8')).toBe(lexiconJsonSchema());
    expect(readFileSync('lexicons/certifications.schema.json', 'utf8')).toBe(catalogJsonSchema());
  });

  it('reports each problem as file: path: message, naming the entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'certfit-lex-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ lexicon: 'x', entries: [
      { id: 'aws.ok', name: 'Ok', platform: 'aws', kind: 'service', category: 'ml', weight: 1, forms: ['Okay Service'], source: 'https://example.com', examples: { match: ['Okay Service'] } },
      { id: 'Bad Id', name: 'B', platform: 'aws', kind: 'service', category: 'ml', weight: 9, forms: [], source: 'nope', examples: { match: [] } },
      { id: 'aws.ok', name: 'Dup', platform: 'aws', kind: 'service', category: 'ml', weight: 1, forms: [{ text: 'Dup', ambiguous: true }], source: 'https://example.com', examples: { match: ['Dup'] } },
    ] }));
    const { problems } = readLexicons([file]);
    const lines = problems.map((p) => `${p.path}: ${p.message}`);
    expect(lines.some((l) => l.startsWith('entries[1] (Bad Id).id'))).toBe(true);
    expect(lines.some((l) => l.startsWith('entries[1] (Bad Id).weight'))).toBe(true);
    expect(lines.some((l) => l.startsWith('entries[1] (Bad Id).source'))).toBe(true);
    const invalid = readLexicons([file]);
    expect(invalid.entries).toEqual([]);
    writeFileSync(file, JSON.stringify({ lexicon: 'x', entries: [
      { id: 'aws.ok', name: 'Ok', platform: 'aws', kind: 'service', category: 'ml', weight: 1, forms: ['Okay Service'], source: 'https://example.com', examples: { match: ['Okay Service'] } },
      { id: 'aws.ok', name: 'Dup', platform: 'aws', kind: 'service', category: 'ml', weight: 1, forms: [{ text: 'Dup', ambiguous: true }], source: 'https://example.com', examples: { match: ['Dup'] } },
    ] }));
    const dup = readLexicons([file]).problems.map((p) => `${p.path}: ${p.message}`);
    expect(dup).toEqual(['entries[1] (aws.ok): duplicate id, already defined in bad.json', 'entries[1] (aws.ok): has ambiguous forms but no context (cues/negative)']);
    writeFileSync(file, JSON.stringify({ lexicon: 'x', entries: [
      { id: 'aws.twice', name: 'Twice', platform: 'aws', kind: 'service', category: 'ml', weight: 1, forms: ['S3', { text: 's3', case: 'exact' }], source: 'https://example.com', examples: { match: ['S3'] } },
    ] }));
    expect(readLexicons([file]).problems.map((p) => p.message)).toEqual(['forms "S3" and "s3" are the same to the matcher (case and separators are ignored); keep one, with the case rule you want']);
    writeFileSync(file, '{ not json');
    expect(readLexicons([file]).problems[0].message).toMatch(/^not valid JSON/);
  });
});
