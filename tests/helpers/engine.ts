// A small engine built from inline entries, so matcher tests do not depend on the shipped lexicons.
import { buildEngine, type Engine } from '../../src/lexicon/engine.js';
import type { LoadedEntry } from '../../src/lexicon/load.js';
import { entrySchema } from '../../src/lexicon/schema.js';
import { prepare } from '../../src/text/document.js';
import { matchDoc } from '../../src/match/match.js';

export function engineOf(entries: Record<string, unknown>[]): Engine {
  const loaded: LoadedEntry[] = entries.map((e) =>
    ({ ...entrySchema.parse({ source: 'https://example.com/', examples: { match: ['x'] }, weight: 1, kind: 'service', category: 'ml', ...e }), file: 'inline' }),
  );
  return buildEngine(loaded);
}

export function run(engine: Engine, text: string) {
  return matchDoc(engine, prepare(text));
}

export const SMALL = [
  { id: 'aws.platform', name: 'AWS', platform: 'aws', kind: 'platform', category: 'platform', forms: [{ text: 'AWS', case: 'exact' }, 'Amazon Web Services'] },
  { id: 'aws.sagemaker', name: 'Amazon SageMaker AI', platform: 'aws', weight: 3, forms: ['SageMaker AI', { text: 'SageMaker', former: { until: '2024-12-03' } }] },
  { id: 'aws.s3', name: 'Amazon S3', platform: 'aws', category: 'ops', weight: 0.3, forms: [{ text: 'S3', case: 'exact' }] },
  { id: 'aws.athena', name: 'Amazon Athena', platform: 'aws', category: 'data', forms: [{ text: 'Athena', ambiguous: true }], context: { cues: ['Presto'], negative: ['athenahealth'] } },
  { id: 'aws.glue', name: 'AWS Glue', platform: 'aws', category: 'data', forms: [{ text: 'Glue', ambiguous: true }, 'Glue Data Catalog'], context: { cues: ['ETL', 'crawler'], negative: ['glue code', 'the glue between'] } },
  { id: 'aws.transcribe', name: 'Amazon Transcribe', platform: 'aws', category: 'ai', forms: [{ text: 'Transcribe', ambiguous: true, case: 'title' }], context: { cues: ['speech-to-text'], negative: [] } },
  { id: 'aws.polly', name: 'Amazon Polly', platform: 'aws', category: 'ai', forms: [{ text: 'Polly', ambiguous: true, case: 'title' }], context: { cues: ['text-to-speech'], negative: ['retry', 'circuit breaker', '.NET'] } },
  { id: 'aws.lex', name: 'Amazon Lex', platform: 'aws', category: 'ai', forms: [{ text: 'Lex', ambiguous: true, case: 'title' }], context: { cues: ['chatbot'], negative: ['yacc'] } },
  { id: 'aws.q', name: 'Amazon Q', platform: 'aws', category: 'gen', forms: [{ text: 'Q', prefixOnly: true }, 'Q Developer', { text: 'CodeWhisperer', former: { until: '2024-04-30' } }] },
  { id: 'azure.platform', name: 'Microsoft Azure', platform: 'azure', kind: 'platform', category: 'platform', forms: ['Azure'] },
  { id: 'azure.ml', name: 'Azure Machine Learning', platform: 'azure', forms: ['Azure Machine Learning', 'Azure ML'] },
  { id: 'azure.translator', name: 'Azure Translator', platform: 'azure', category: 'ai', forms: [{ text: 'Translator', ambiguous: true }], context: { cues: ['document translation'], negative: [] } },
  { id: 'skill.translation', name: 'Machine translation', platform: null, kind: 'skill', category: 'ai', forms: ['machine translation', { text: 'Translator', ambiguous: true }], context: { cues: ['API'], negative: [] } },
  { id: 'tool.csharp', name: 'C#', platform: null, kind: 'skill', category: 'general', forms: [{ text: 'C#', case: 'exact' }] },
  { id: 'tool.dotnet', name: '.NET', platform: null, kind: 'skill', category: 'general', forms: ['.NET'] },
  { id: 'skill.cicd', name: 'CI/CD', platform: null, kind: 'skill', category: 'ops', forms: ['CI/CD'] },
  { id: 'skill.tuning', name: 'Hyperparameter tuning', platform: null, kind: 'skill', stem: true, forms: ['hyperparameter tuning'] },
  { id: 'tool.terraform', name: 'Terraform', platform: null, kind: 'skill', category: 'general', forms: ['Terraform'] },
];
