// The lexicon file format, as zod schemas. The committed JSON Schema
// (lexicons/lexicon.schema.json) is generated from these by `npm run schema`.
import { z } from 'zod';
import { CATEGORIES, KINDS, LIFECYCLE_STATES, PLATFORMS, TOPICS, TRACKS } from '../model.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date as YYYY-MM-DD (or YYYY-MM)');

export const formSchema = z.union([
  z.string().min(1),
  z.strictObject({
    text: z.string().min(1),
    /** any: case-insensitive (default); exact: as written; title: first letter must be upper case. */
    case: z.enum(['any', 'exact', 'title']).optional(),
    /** The form is also ordinary English or another product: it needs context (see entry.context). */
    ambiguous: z.boolean().optional(),
    /** Only counts right after a vendor prefix (e.g. "Q" → "Amazon Q"); the bare form is never a candidate. */
    prefixOnly: z.boolean().optional(),
    /** An old name of the entry, with the date it stopped being current. */
    former: z.strictObject({ until: isoDate.optional(), note: z.string().optional() }).optional(),
  }),
]);
export type FormInput = z.infer<typeof formSchema>;

export const contextSchema = z.strictObject({
  /** Words or phrases near the candidate that show it is the service. */
  cues: z.array(z.string().min(1)).default([]),
  /** Phrases around the candidate that show it is not (checked first, they always win). */
  negative: z.array(z.string().min(1)).default([]),
  /** Whether an unambiguous sibling service of the same platform nearby is enough. */
  siblings: z.boolean().default(true),
});

export const entrySchema = z.strictObject({
  id: z.string().regex(/^(aws|azure|gcp|skill|cert|tool)\.[a-z0-9]+(-[a-z0-9]+)*$/, 'an id like aws.sagemaker or skill.feature-engineering'),
  name: z.string().min(1),
  platform: z.enum(PLATFORMS).nullable(),
  kind: z.enum(KINDS),
  category: z.enum(CATEGORIES),
  /** Defaults from the category (ml/data → ml-engineering, ai → ai-solutions, gen → generative-ai). */
  tracks: z.array(z.enum(TRACKS)).optional(),
  topics: z.array(z.enum(TOPICS)).default([]),
  /** 0 (no evidence) … 3 (a strong signal). Generic ops services are low. */
  weight: z.number().min(0).max(3),
  forms: z.array(formSchema).min(1),
  /** Also match inflections of each form's words that share its Porter stem ("tune hyperparameters" → "hyperparameter tuning" needs its own form; "tuning"/"tuned"/"tunes" come free). */
  stem: z.boolean().default(false),
  context: contextSchema.optional(),
  status: z
    .strictObject({
      state: z.enum(LIFECYCLE_STATES),
      date: isoDate.optional(),
      note: z.string().min(1),
      successor: z.string().optional(),
    })
    .optional(),
  /** For kind certification: the id in lexicons/certifications.json. */
  catalog: z.string().optional(),
  source: z.url(),
  examples: z.strictObject({
    match: z.array(z.string().min(1)).min(1),
    noMatch: z.array(z.string().min(1)).default([]),
  }),
});
export type EntryInput = z.infer<typeof entrySchema>;

export const lexiconFileSchema = z.strictObject({
  $schema: z.string().optional(),
  lexicon: z.string().min(1),
  description: z.string().optional(),
  entries: z.array(entrySchema),
});
export type LexiconFile = z.infer<typeof lexiconFileSchema>;
