import { describe, expect, it } from 'vitest';
import { engineOf, run, SMALL } from './helpers/engine.js';

const engine = engineOf(SMALL);
const terms = (text: string) => run(engine, text).mentions.map((m) => m.term);

describe('matcher: boundaries and variants', () => {
  it('never matches inside another word', () => {
    expect(terms('Our platform uses Terraforms and subglue daglue')).toEqual(['tool.terraform']);
    expect(terms('AWSome people; S3x')).toEqual([]);
  });
  it('matches hyphen, space, camel-split, joined and NBSP variants', () => {
    expect(terms('Sage Maker, Sage-Maker, SAGEMAKER and Azure\u00a0ML or AzureML')).toEqual([
      'aws.sagemaker', 'aws.sagemaker', 'aws.sagemaker', 'azure.ml', 'azure.ml',
    ]);
  });
  it('takes the longest match at a position and includes the vendor prefix', () => {
    const r = run(engine, 'Use Amazon SageMaker AI daily.');
    expect(r.mentions).toHaveLength(1);
    expect(r.mentions[0]).toMatchObject({ term: 'aws.sagemaker', text: 'Amazon SageMaker AI', gate: { rule: 'vendor-prefix' } });
  });
  it('finds tech tokens with punctuation', () => {
    expect(terms('C#, .NET and CI/CD; not ASP.NET nor C#x')).toEqual(['tool.csharp', 'tool.dotnet', 'skill.cicd']);
  });
  it('splits scraper-glued words at a lower-to-upper turn', () => {
    const r = run(engine, 'Experience with AWS Lex/Polly and TranscribeFamiliar with S3');
    expect(r.mentions.map((m) => m.text)).toEqual(['AWS Lex', 'Polly', 'Transcribe', 'S3']);
  });
  it('accepts plurals and possessives', () => {
    expect(run(engine, "SageMaker's pipelines; two Terraforms").mentions.map((m) => m.text)).toEqual(['SageMaker', 'Terraforms']);
  });
  it('inflects stemmed skills', () => {
    expect(terms('Hyperparameter tuning and hyperparameters tuned by hand')).toEqual(['skill.tuning', 'skill.tuning']);
  });
  it('reports old names', () => {
    const [m] = run(engine, 'Amazon CodeWhisperer').mentions;
    expect(m.formerName).toEqual({ name: 'CodeWhisperer', until: '2024-04-30' });
  });
  it('never matches a prefix-only form bare', () => {
    expect(terms('Q3 results, Q&A, the Q. Amazon Q helps.')).toEqual(['aws.q']);
  });
});

describe('matcher: context gates', () => {
  it('rejects ordinary uses and records why', () => {
    const r = run(engine, 'You will be the glue between teams and write glue code on AWS.');
    expect(r.mentions.map((m) => m.term)).toEqual(['aws.platform']);
    expect(r.rejected.map((x) => x.reason.code)).toEqual(['negative-cue', 'negative-cue']);
  });
  it('accepts with a vendor prefix, a sibling or a cue', () => {
    expect(run(engine, 'Build jobs in AWS Glue.').mentions[0].gate.rule).toBe('vendor-prefix');
    expect(run(engine, 'Tools: S3, Glue and Athena.').mentions.map((m) => [m.term, m.gate.rule])).toEqual([
      ['aws.s3', 'unambiguous'], ['aws.glue', 'sibling'], ['aws.athena', 'sibling'],
    ]);
    expect(run(engine, 'Write ETL jobs with Glue.').mentions[0].gate).toEqual({ rule: 'cue', detail: 'etl' });
  });
  it('rejects without context', () => {
    const r = run(engine, 'Polly was our mascot. Athena is a goddess.');
    expect(r.mentions).toEqual([]);
    expect(r.rejected.map((x) => x.reason.code)).toEqual(['no-context', 'no-context']);
  });
  it('keeps a sibling from crossing a blank line', () => {
    expect(terms('We run on S3.\n\nAthena is our cat.')).toEqual(['aws.s3']);
  });
  it('enforces case rules', () => {
    const r = run(engine, 'transcribe the notes with AWS around');
    expect(r.mentions.map((m) => m.term)).toEqual(['aws.platform']);
    expect(r.rejected[0].reason.code).toBe('case');
  });
  it('gives a cross-cloud name to the platform only with context', () => {
    expect(terms('Azure ML and Translator')).toEqual(['azure.ml', 'azure.translator']);
    expect(terms('Integrate the Translator API into apps')).toEqual(['skill.translation']);
    expect(terms('Work with a translator.')).toEqual([]);
  });
  it('rejects Polly the .NET library even near AWS', () => {
    expect(terms('C# with Polly retry policies, deployed on AWS')).toEqual(['tool.csharp', 'aws.platform']);
  });
});

describe('matcher: evidence', () => {
  it('keeps exact offsets, lines, columns and sentences', () => {
    const text = '\uFEFFIntro.\r\nWe use “Amazon SageMaker” daily.\r\n- S3 buckets';
    const r = run(engine, text);
    for (const m of r.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(r.mentions.map((m) => [m.text, m.line, m.column])).toEqual([['Amazon SageMaker', 2, 9], ['S3', 3, 3]]);
    expect(r.mentions[0].sentence).toBe('We use “Amazon SageMaker” daily.');
    expect(r.mentions[1].sentence).toBe('S3 buckets');
  });
});

describe('matcher: regressions', () => {
  const e = engineOf([
    ...SMALL,
    { id: 'tool.sql', name: 'SQL', platform: null, kind: 'skill', category: 'general', forms: [{ text: 'SQL', case: 'exact' }] },
    { id: 'aws.kinesis', name: 'Amazon Kinesis', platform: 'aws', category: 'data', forms: [{ text: 'Kinesis Data Streams', ambiguous: true }, 'Kinesis'], context: { cues: ['Kinesis Data Streams'], negative: [] } },
    { id: 'azure.adf', name: 'Azure Data Factory', platform: 'azure', category: 'data', forms: [{ text: 'ADF', case: 'exact' }] },
  ]);
  const t = (text: string) => run(e, text).mentions.map((m) => m.text);
  it('does not start a match at a capital inside PostgreSQL, MySQL, NoSQL or OpenAI', () => {
    expect(t('PostgreSQL, MySQL and NoSQL; also SQL')).toEqual(['SQL']);
  });
  it('still finds a match inside a longer candidate that was rejected', () => {
    expect(t('Kinesis Data Streams')).toEqual(['Kinesis']);
  });
  it('does not take an upper-case S for a plural', () => {
    expect(t('ADFS and ADFs')).toEqual(['ADFs']);
  });
  it('does not let a cue equal to the candidate vouch for itself', () => {
    expect(t('Kinesis Data Streams')[0]).not.toBe('Kinesis Data Streams');
  });
});

describe('matcher: prefixes and ampersands', () => {
  const e = engineOf([
    ...SMALL,
    { id: 'aws.budgets', name: 'AWS Budgets', platform: 'aws', category: 'ops', forms: [{ text: 'Budgets', case: 'title', ambiguous: true }], context: { cues: ['cost'], negative: [] } },
  ]);
  const t = (text: string) => run(e, text).mentions.map((m) => m.text);
  it('applies a case rule to the form after a vendor prefix', () => {
    expect(t('Track AWS Budgets monthly.')).toEqual(['AWS Budgets']);
    expect(t('Track AWS budgets monthly.')).toEqual(['AWS']);
  });
  it('does not end or start a word at an ampersand inside one (Q&A, R&D)', () => {
    expect(t('Join our AWS Q&A sessions and Amazon Q.')).toEqual(['AWS', 'Amazon Q']);
    expect(t('B&S3 labs and S3')).toEqual(['S3']);
  });
});

describe('matcher: links, possessives and glued capitals', () => {
  const e = engineOf([
    ...SMALL,
    { id: 'aws.emr', name: 'Amazon EMR', platform: 'aws', category: 'data', forms: [{ text: 'EMR', case: 'exact', ambiguous: true }], context: { cues: ['Spark'], negative: ['Epic'] } },
    { id: 'aws.rds', name: 'Amazon RDS', platform: 'aws', category: 'ops', forms: [{ text: 'RDS', case: 'exact' }] },
    { id: 'azure.ai', name: 'Azure AI', platform: 'azure', category: 'ai', forms: [{ text: 'AI', prefixOnly: true }], context: { cues: [], negative: ['acceleration program'] } },
  ]);
  const t = (text: string) => run(e, text).mentions.map((m) => m.text);
  it('finds nothing inside URLs', () => {
    expect(t('Apply at https://jobs.example.com/apply/aws-sagemaker-engineer or www.example.com/azure-ml today. We use SageMaker.')).toEqual(['SageMaker']);
    expect(t('APPLY AT HTTPS://JOBS.EXAMPLE.COM/AWS-SAGEMAKER. We use SageMaker.')).toEqual(['SageMaker']);
  });
  it('takes a company in the possessive as a vendor prefix', () => {
    expect(t("Amazon's EMR and Amazon’s EMR clusters")).toEqual(["Amazon's EMR", 'Amazon’s EMR']);
  });
  it('lets negatives veto a prefix-only form', () => {
    expect(t('Join the Microsoft AI Development Acceleration Program.')).toEqual([]);
    expect(t('Build on Microsoft AI services.')).toEqual(['Microsoft AI']);
  });
  it('ends a capital run glued to a Title-case word', () => {
    expect(t('DynamoDB, or RDSProgramming in Python')).toEqual(['RDS']);
  });
});

describe('code units', () => {
  it('copies every UTF-16 unit as it is, lone surrogates included, whatever the text length', async () => {
    const { codeUnits } = await import('../src/text/units.js');
    for (const s of ['a\ud800b\udc00c\ud83d\ude00', 'x'.repeat(70_000) + '\udfff', '']) {
      const u = codeUnits(s);
      expect(Array.from(u.subarray(0, s.length))).toEqual(Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)));
    }
  });
});

describe('scoring-only matching', () => {
  it('without keeping rejections finds the same mentions and only counts the rejected candidates', async () => {
    const { matchDoc } = await import('../src/match/match.js');
    const { prepare } = await import('../src/text/document.js');
    const text = 'Polly was our mascot. Athena is a goddess.\n\nWe train models on SageMaker.';
    const full = matchDoc(engine, prepare(text));
    const lean = matchDoc(engine, prepare(text), false);
    expect(full.rejected.length).toBeGreaterThan(0);
    expect(lean.mentions).toEqual(full.mentions);
    expect(lean.rejected).toEqual([]);
    expect(lean.rejectedOmitted).toBe(new Set(full.rejected.map((r) => r.start)).size);
  });
});
