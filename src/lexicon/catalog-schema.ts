// The certification catalog format (lexicons/certifications.json): which exams exist,
// on which dates, on which track, and what their domains cover.
import { z } from 'zod';
import { CATEGORIES, TOPICS } from '../model.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const CERT_TRACKS = [
  'aws-ml-engineering', 'aws-generative-ai', 'aws-foundational',
  'azure-ai-apps', 'azure-mlops', 'azure-foundational',
  'gcp-ml-engineering',
] as const;

export const domainSchema = z.strictObject({
  name: z.string().min(1),
  /** As the exam guide gives it: "28%" or "20–25%". */
  weight: z.string().min(1),
  /** What the domain covers, as lexicon topics, categories and entry ids. */
  covers: z.strictObject({
    topics: z.array(z.enum(TOPICS)).default([]),
    categories: z.array(z.enum(CATEGORIES)).default([]),
    terms: z.array(z.string()).default([]),
  }),
});

export const certificationSchema = z.strictObject({
  id: z.string().regex(/^(aws|azure|gcp)-[a-z0-9-]+$/),
  vendor: z.enum(['aws', 'microsoft', 'google']),
  code: z.string().min(1),
  name: z.string().min(1),
  track: z.enum(CERT_TRACKS),
  level: z.enum(['foundational', 'associate', 'professional', 'specialty']),
  /** The certification the tool started from on this track (MLS-C01, AI-102). */
  seed: z.boolean().default(false),
  /** Dated status changes; the catalog is read as of a date by taking the last change on or before it. */
  timeline: z
    .array(z.strictObject({ from: day, status: z.enum(['announced', 'beta', 'available', 'retired']), note: z.string().optional() }))
    .min(1),
  /** Last day the exam can be taken, when known. */
  lastExamDay: day.optional(),
  successors: z.array(z.string()).default([]),
  url: z.url().optional(),
  domains: z.array(domainSchema).min(1),
  sources: z.array(z.string()).default([]),
});
export type Certification = z.infer<typeof certificationSchema>;

export const catalogFileSchema = z.strictObject({
  $schema: z.string().optional(),
  certifications: z.array(certificationSchema).min(1),
});
