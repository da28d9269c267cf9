// Pins the scoring rules with small postings: sections, repeats, alternatives, abstention, dates.
import { describe, expect, it } from 'vitest';
import { engineOf, SMALL } from './helpers/engine.js';
import { matchDoc } from '../src/match/match.js';
import { prepare } from '../src/text/document.js';
import { postingVerdict, confidence } from '../src/score/verdict.js';
import { sectionWeight, SECTION_WEIGHT, termEvidence } from '../src/score/evidence.js';
import { describeVerdict, listWords } from '../src/score/sentence.js';
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

// A few everyday services (low lexicon weight, as in the shipped lexicons) for the rules below.
const opsEngine = engineOf([
  ...SMALL,
  { id: 'aws.ec2', name: 'Amazon EC2', platform: 'aws', category: 'ops', weight: 0.3, forms: [{ text: 'EC2', case: 'exact' }] },
  { id: 'aws.dynamodb', name: 'Amazon DynamoDB', platform: 'aws', category: 'ops', weight: 0.3, forms: ['DynamoDB'] },
  { id: 'gcp.platform', name: 'Google Cloud', platform: 'gcp', kind: 'platform', category: 'platform', forms: ['GCP', 'Google Cloud'] },
]);
const opsVerdict = (text: string) => postingVerdict(text, matchDoc(opsEngine, prepare(text)).mentions, catalog, '2026-11-26');

describe('scoring rules added after the corpus evaluation (bench/eval-verdicts.mjs)', () => {
  it('lets three distinct names of one cloud stand as evidence even when their weights are low', () => {
    const v = opsVerdict('Nice to have: AWS (S3, EC2).');
    expect(v.scores.platform.aws).toBeLessThan(1);
    expect(v.platform).toBe('aws');
    expect(v.label).toBe('lean');
    expect(v.confidence).toBeGreaterThan(0);
    expect(v.confidence).toBeLessThan(0.6);
    // Two low-weight names, or one name said three times, are still too little.
    expect(opsVerdict('Nice to have: S3 and EC2.').label).toBe('insufficient-evidence');
    expect(opsVerdict('Nice to have: S3. Also S3. S3 again.').label).toBe('insufficient-evidence');
    // Names that stand in "AWS or GCP" alternatives do not count toward the three.
    expect(opsVerdict('Nice to have: AWS or GCP.').platform).toBeNull();
  });

  it('does not let one "AWS, Azure or GCP" line outvote a posting that names AWS on its own', () => {
    const text = 'Requirements\n- Experience with a cloud such as AWS, Azure or GCP.\n- You will run our services on AWS.\n- Certified on AWS.';
    const v = opsVerdict(text);
    expect(v.platform).toBe('aws');
    // The alternation still counts as one statement that any cloud will do.
    expect(v.scores.either).toBeGreaterThan(0);
    for (const t of ['Experience with AWS or Azure.', 'Any of AWS, Azure or GCP.']) expect(opsVerdict(t).label).toBe('either');
  });

  it('counts each mention where it stood: in an alternation for either, elsewhere for its cloud', () => {
    const text = 'Requirements: AWS or Azure.\nNice to have: AWS.';
    const [aws] = termEvidence(text, matchDoc(opsEngine, prepare(text)).mentions).filter((t) => t.term === 'aws.platform');
    expect(aws.committed).toBeCloseTo(0.6);
    expect(aws.alternativeValue).toBeCloseTo(1);
    expect(aws.value).toBeCloseTo(1 + 0.5 * 0.6);
  });

  it('reads "Google Cloud (GCP), AWS, or Azure" and "such as AWS, Azure and GCP" as alternatives', () => {
    for (const text of ['Requirements: Google Cloud (GCP), AWS, or Azure.', 'Requirements: a major cloud such as AWS, Azure and GCP.', 'Requirements: cloud (e.g. AWS, GCP).']) {
      const v = opsVerdict(text);
      expect(v.label, text).toBe('either');
      expect(v.scores.platform, text).toEqual({ aws: 0, azure: 0, gcp: 0 });
    }
    // "and" without an example cue is not a choice: both clouds are used.
    expect(opsVerdict('Requirements: we run DynamoDB and S3 on AWS and Azure.').scores.platform.aws).toBeGreaterThan(0);
  });

  it('weighs a sentence that asks for experience as a requirement even under an "About" heading', () => {
    const asks = 'About us\nWe are a small team. You have experience with AWS and S3.';
    const blurb = 'About us\nWe are a small team and a proud AWS partner, big fans of S3.';
    expect(opsVerdict(asks).platform).toBe('aws');
    expect(opsVerdict(blurb).label).toBe('insufficient-evidence');
    expect(sectionWeight({ section: 'about', sentence: 'Experience with AWS is a plus.' })).toBe(SECTION_WEIGHT.preferred);
    expect(sectionWeight({ section: 'benefits', sentence: 'We pay for your AWS certification.' })).toBe(SECTION_WEIGHT.benefits);
    expect(sectionWeight({ section: 'requirements', sentence: 'AWS.' })).toBe(SECTION_WEIGHT.requirements);
  });

  it('keeps confidence monotone in margin and amount for the new leans too', () => {
    const thin = opsVerdict('Nice to have: AWS (S3, EC2).');
    const more = opsVerdict('Requirements: AWS (S3, EC2, DynamoDB) and SageMaker.');
    expect(more.confidence).toBeGreaterThan(thin.confidence);
  });
});

describe('verdict sentences', () => {
  it('reads as a sentence a person would write', () => {
    const strong = verdictOf('Requirements: SageMaker, S3 and Glue on AWS. SageMaker pipelines every day.');
    expect(strong.sentence).toMatch(/^(Points clearly to|Leans towards) AWS ML engineering \(confidence \d\.\d\d\): it names [^.]+\. Certification: .+\(MLA-C02, beta\), which replaces the retired MLS-C01 \(last exam day 2026-03-31\)\.$/);
    expect(verdictOf('Experience with AWS or Azure.').sentence).toBe('Either cloud: the posting accepts any of AWS or Azure, so pick the certification for the cloud you prefer.');
    expect(verdictOf('We sell coffee.').sentence).toMatch(/^Insufficient evidence: /);
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listWords(['a', 'b'], 'or')).toBe('a or b');
  });

  it('quotes the chosen cloud\'s own services and folds a name that extends one already quoted into it', () => {
    const s = describeVerdict({
      platform: 'aws', track: 'ml-engineering', label: 'lean', confidence: 0.4, certification: null,
      reasons: [
        { term: 'skill.python', name: 'Python', platform: null, count: 1, share: 0.4 },
        { term: 'aws.sagemaker', name: 'Amazon SageMaker AI', platform: 'aws', count: 1, share: 0.3 },
        { term: 'aws.sagemaker-training', name: 'Amazon SageMaker AI training', platform: 'aws', count: 1, share: 0.2 },
        { term: 'aws.s3', name: 'Amazon S3', platform: 'aws', count: 1, share: 0.1 },
      ],
    });
    expect(s).toBe('Leans towards AWS ML engineering (confidence 0.40): it names Amazon SageMaker AI (training) and Amazon S3.');
  });
});
