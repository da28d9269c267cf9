import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexiconFileSchema } from '../src/lexicon/schema.js';
import { catalogFileSchema } from '../src/lexicon/catalog-schema.js';

const read = (f: string): unknown => JSON.parse(readFileSync(new URL(`../lexicons/${f}`, import.meta.url), 'utf8'));

describe('tmp skills/cert validation', () => {
  const skills = lexiconFileSchema.parse(read('skills.json'));
  const names = lexiconFileSchema.parse(read('certification-names.json'));
  const catalog = catalogFileSchema.parse(read('certifications.json'));
  it('ids unique and prefixed', () => {
    const ids = [...skills.entries, ...names.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of skills.entries) {
      expect(e.platform).toBeNull();
      expect(e.id).toMatch(/^(skill|tool)\./);
      expect(e.examples.match.length).toBeGreaterThan(0);
    }
    for (const e of names.entries) {
      expect(e.kind).toBe('certification');
      expect(e.category).toBe('cert');
      expect(e.weight).toBe(3);
      expect(e.id).toMatch(/^cert\./);
    }
  });
  it('catalog refs resolve', () => {
    const cids = new Set(catalog.certifications.map((c) => c.id));
    expect(cids.size).toBe(catalog.certifications.length);
    for (const e of names.entries) expect(cids.has(e.catalog!), e.id).toBe(true);
    for (const c of catalog.certifications) for (const s of c.successors) expect(cids.has(s), `${c.id}->${s}`).toBe(true);
    for (const c of catalog.certifications) {
      const froms = c.timeline.map((t) => t.from);
      expect([...froms].sort()).toEqual(froms);
      if (c.lastExamDay) expect(c.timeline.some((t) => t.status === 'retired' && t.from > c.lastExamDay!)).toBe(true);
    }
  });
  it('report unresolved term ids (info)', () => {
    const all = new Set<string>();
    for (const f of readdirSync(new URL('../lexicons/', import.meta.url))) {
      if (!f.endsWith('.json') || f.includes('schema') || f === 'certifications.json') continue;
      const lx = lexiconFileSchema.safeParse(read(f));
      if (lx.success) for (const e of lx.data.entries) all.add(e.id);
    }
    const missing = new Set<string>();
    for (const c of catalog.certifications) for (const d of c.domains) for (const t of d.covers.terms) if (!all.has(t)) missing.add(t);
    console.log('unresolved terms:', [...missing].join(', '));
    expect(existsSync(new URL('../lexicons/skills.json', import.meta.url))).toBe(true);
  });
});
