// Pins the scoring rules with small postings: sections, repeats, alternatives, abstention, dates.
import { describe, expect, it } from 'vitest';
import { engineOf, SMALL } from './helpers/engine.js';
import { matchDoc } from '../src/match/match.js';
import { prepare } from '../src/text/document.js';
import { postingVerdict, confidence } from '../src/score/verdict.js';
import { termEvidence } from '../src/score/evidence.js';
import { pickOnTrack } from '../src/score/catalog.js';
import { loadCatalog } from '../src/lexicon/load.js';

// Azure ML weighs as much as SageMaker here, so that only the sections differ.
const engine = engineOf([
  ...SMALL.map((e) => (e.id === 'azure.ml' ? { ...e, weight: 3 } : e)),
  ...['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'].map((n) => ({ id: `azure.${n.toLowerCase()}`, name: `Azure ${n}`, platform: 'azure', category: 'ai', weight: 2, forms: [`Azure ${n}`] })),
  { id: 'gcp.platform', name: 'Google Cloud', platform: 'gcp', kind: 'platform', category: 'platform', forms: ['GCP', 'Google Cloud'] },
]);
const catalog = loadCatalog();
const verdictOf = (text: string, asOf = '2026-11-26') => postingVerdict(text, matchDoc(engine, prepare(text)).mentions, catalog, asOf);

describe('scoring', () => {
  it('weighs requirements above nice-to-haves', () => {
    const a = verdictOf('Requirements\n- Azure ML every day\n\nNice to have\n- SageMaker');
    const b = verdictOf('Requirements\n- SageMaker every day\n\nNice to have\n- Azure ML');
    expect(a.platform).toBe('azure');
    expect(b.platform).toBe('aws');
  });

  it('gives repeats diminishing returns: one word ten times does not outvote five services', () => {
    const repeated = Array.from({ length: 10 }, () => 'SageMaker').join('. ') + '.';
    const [one] = termEvidence(repeated, matchDoc(engine, prepare(repeated)).mentions);
    expect(one.count).toBe(10);
    expect(one.value).toBeLessThan(2 * 3 * 0.8 + 1e-9);
    const v = verdictOf(`${repeated}\nAzure Alpha, Azure Bravo, Azure Charlie, Azure Delta and Azure Echo.`);
    expect(v.platform).toBe('azure');
  });

  it('reads "AWS or Azure" and "AWS, Azure or GCP" as either, not both', () => {
    for (const text of ['Experience with AWS or Azure.', 'Any of AWS, Azure or GCP.', 'AWS/Azure experience.']) {
      const v = verdictOf(text);
      expect(v.label, text).toBe('either');
      expect(v.platform, text).toBeNull();
    }
    expect(verdictOf('We run SageMaker and S3 on AWS and report in Azure.').label).not.toBe('either');
  });

  it('abstains when there is too little evidence', () => {
    for (const text of ['We sell coffee and value teamwork.', 'Nice to have: S3.', '']) {
      const v = verdictOf(text);
      expect(v.label).toBe('insufficient-evidence');
      expect(v.platform).toBeNull();
      expect(v.certification).toBeNull();
      expect(v.confidence).toBe(0);
    }
  });

  it('picks the dominant cloud in a multi-cloud posting', () => {
    const v = verdictOf('Requirements: SageMaker, S3, Glue and Athena on AWS. Some Azure exposure.');
    expect(v.platform).toBe('aws');
    expect(v.scores.platform.aws).toBeGreaterThan(v.scores.platform.azure);
  });

  it('has a confidence monotone in margin and amount', () => {
    expect(confidence(4, 1)).toBeGreaterThan(confidence(4, 2));
    expect(confidence(8, 0)).toBeGreaterThan(confidence(4, 0));
    expect(confidence(0, 0)).toBe(0);
    expect(confidence(5, 5)).toBe(0);
  });
});

describe('catalog as of a date', () => {
  const pick = (track: string, asOf: string) => pickOnTrack(catalog, track, asOf, 'test');
  it('recommends MLS-C01 until its last exam day, then its successor', () => {
    expect(pick('aws-ml-engineering', '2026-03-31')?.code).toBe('MLS-C01');
    const after = pick('aws-ml-engineering', '2026-04-01');
    expect(after?.code).toBe('MLA-C01');
    expect(after?.replaces).toMatchObject({ code: 'MLS-C01', lastExamDay: '2026-03-31' });
    const now = pick('aws-ml-engineering', '2026-11-26');
    expect(now?.code).toBe('MLA-C02');
    expect(now?.status).toBe('beta');
  });
  it('recommends AI-102 until 2026-06-30, then AI-103', () => {
    expect(pick('azure-ai-apps', '2026-06-30')?.code).toBe('AI-102');
    const after = pick('azure-ai-apps', '2026-07-01');
    expect(after?.code).toBe('AI-103');
    expect(after?.replaces).toMatchObject({ code: 'AI-102', lastExamDay: '2026-06-30' });
    expect(pick('azure-ai-apps', '2025-06-01')?.code).toBe('AI-102');
  });
  it('names the verdict certification as of the run date', () => {
    expect(verdictOf('Requirements: SageMaker, S3 and Glue on AWS.', '2025-06-01').certification?.code).toBe('MLS-C01');
    expect(verdictOf('Requirements: SageMaker, S3 and Glue on AWS.', '2026-11-26').certification?.replaces?.code).toBe('MLS-C01');
  });
});
