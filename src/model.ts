// The one result model. Every stage produces or consumes these plain shapes;
// every reporter (text, JSON, NDJSON, Markdown, CSV, HTML) renders an AnalysisResult.

export const PLATFORMS = ['aws', 'azure', 'gcp'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const KINDS = ['platform', 'service', 'skill', 'certification'] as const;
export type Kind = (typeof KINDS)[number];

/** ml: ML lifecycle; ai: prebuilt AI service; gen: generative AI; data: data/analytics;
 *  ops: compute, storage, security, devops; platform: the cloud itself; cert: a certification;
 *  general: platform-neutral tooling (Python, Docker…) that says nothing about a track. */
export const CATEGORIES = ['ml', 'ai', 'gen', 'data', 'ops', 'platform', 'cert', 'general'] as const;
export type Category = (typeof CATEGORIES)[number];

export const TRACKS = ['ml-engineering', 'ai-solutions', 'generative-ai'] as const;
export type Track = (typeof TRACKS)[number];

/** Finer topics that tie lexicon entries to certification exam domains. */
export const TOPICS = [
  'data-ingestion', 'data-prep', 'eda', 'feature-engineering', 'training', 'tuning', 'evaluation',
  'deployment', 'mlops', 'monitoring', 'security', 'governance', 'cost', 'compute', 'storage', 'analytics',
  'vision', 'nlp', 'speech', 'translation', 'search', 'document', 'conversational', 'decision',
  'genai', 'rag', 'agents', 'prompting', 'fine-tuning', 'responsible-ai', 'statistics', 'app-integration',
] as const;
export type Topic = (typeof TOPICS)[number];

export const SECTIONS = ['requirements', 'preferred', 'responsibilities', 'about', 'benefits', 'other'] as const;
export type Section = (typeof SECTIONS)[number];

export const LIFECYCLE_STATES = ['active', 'closed-to-new-customers', 'deprecated', 'retired'] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/** Why a candidate counted. */
export interface Gate {
  rule: 'unambiguous' | 'vendor-prefix' | 'sibling' | 'cue';
  /** Human-readable detail: the prefix, the sibling's text, or the cue word. */
  detail: string;
}

export interface Location {
  /** Exactly the posting text at [start, end). */
  text: string;
  /** JavaScript string offsets (UTF-16 code units) into the posting's text. */
  start: number;
  end: number;
  /** 1-based. */
  line: number;
  column: number;
  /** The containing sentence, as in the text. */
  sentence: string;
  section: Section;
}

export interface Mention extends Location {
  /** Lexicon id, e.g. `aws.sagemaker`. */
  term: string;
  name: string;
  platform: Platform | null;
  kind: Kind;
  category: Category;
  tracks: Track[];
  topics: Topic[];
  weight: number;
  /** The lexicon surface form that matched (after variants). */
  form: string;
  gate: Gate;
  /** Present when the text used an old name of the entry. */
  formerName?: { name: string; until?: string };
  /** Present when the entry is not simply active (closed, retired, deprecated). */
  lifecycle?: { state: LifecycleState; date?: string; note: string };
}

export interface Rejection extends Location {
  term: string;
  name: string;
  platform: Platform | null;
  reason: { code: 'no-context' | 'negative-cue' | 'case'; message: string };
}

export interface InputError {
  /** Stable machine code, e.g. ENOENT, EMPTY, BINARY, HTTP_404, TIMEOUT, ROBOTS, TOO_LARGE. */
  code: string;
  /** One line, names what to do where possible. */
  message: string;
}

/** The code of a table row without posting text: scraped exports have many; empty, not a failure. */
export const EMPTY_ROW = 'EMPTY_ROW';
export const isEmptyRow = (e: InputError | undefined): boolean => e?.code === EMPTY_ROW;

export interface PostingMeta {
  title?: string;
  company?: string;
  location?: string;
  datePosted?: string;
  url?: string;
}

/** What ingestion hands to analysis. */
export interface Posting extends PostingMeta {
  /** Stable within a run: the source, plus `#row` for table rows. */
  id: string;
  /** The path, URL, `-` for stdin, or `path#row`. */
  source: string;
  /** Text as read (decoded, BOM removed), or as extracted from HTML/PDF/DOCX. Offsets refer to this. */
  text: string;
}

export interface CertificationPick {
  id: string;
  code: string;
  name: string;
  vendor: 'aws' | 'microsoft' | 'google';
  track: string;
  status: 'available' | 'beta' | 'retired' | 'announced';
  url?: string;
  /** Why this one. */
  reason: string;
  /** The seed certification this one replaces on its track, when that one is retired as of the run date. */
  replaces?: { id: string; code: string; name: string; lastExamDay: string };
}

export type VerdictLabel = 'strong' | 'lean' | 'either' | 'insufficient-evidence';

export interface Reason {
  term: string;
  name: string;
  platform: Platform | null;
  count: number;
  /** Share of all weighted evidence in this posting (0–1). */
  share: number;
}

export interface Verdict {
  platform: Platform | null;
  track: Track | null;
  label: VerdictLabel;
  /** 0–1, monotone in the margin and the amount of evidence. */
  confidence: number;
  /** Weighted evidence per platform and per track; `either` holds mentions in "AWS or Azure" alternatives. */
  scores: { platform: Record<Platform, number>; track: Record<Track, number>; either: number };
  certification: CertificationPick | null;
  alternatives: CertificationPick[];
  reasons: Reason[];
  /** Retired or renamed services the posting asks for. */
  legacy: { term: string; name: string; text: string; note: string }[];
  /** One sentence a person can read. */
  sentence: string;
}

export interface PostingResult extends PostingMeta {
  id: string;
  source: string;
  status: 'ok' | 'error';
  error?: InputError;
  /** Set when the same content was already analysed earlier in this run. */
  duplicateOf?: string;
  /** Ids of later postings with the same content. */
  duplicates?: string[];
  /** Length of the analysed text, in UTF-16 code units. */
  chars: number;
  mentions: Mention[];
  rejected: Rejection[];
  /** Rejected candidates past the first 500, counted but not listed. */
  rejectedOmitted?: number;
  verdict: Verdict | null;
  /** The analysed text, with --include-text (and always for the HTML report). */
  text?: string;
}

export interface StudyDomain {
  domain: string;
  /** As the exam guide gives it, e.g. "28%" or "20–25%". */
  weight: string;
  /** Share of the postings' evidence that falls in this domain (0–1). */
  share: number;
  terms: string[];
}

export interface PortfolioVerdict {
  platform: Platform | null;
  track: Track | null;
  label: VerdictLabel;
  confidence: number;
  certification: CertificationPick | null;
  alternatives: CertificationPick[];
  /** How many analysed postings lean each way. */
  lean: Record<Platform | 'either' | 'none', number>;
  /** Services and skills by how many postings name them. */
  topTerms: { term: string; name: string; platform: Platform | null; postings: number }[];
  studyFocus: StudyDomain[];
  sentence: string;
}

export interface Summary {
  inputs: number;
  analysed: number;
  failed: number;
  duplicates: number;
  /** Table rows without posting text (scraped exports have many): counted, neither analysed nor failed. */
  empty?: number;
  verdict: PortfolioVerdict;
}

export interface AnalysisResult {
  schemaVersion: 1;
  tool: { name: 'certfit'; version: string };
  /** The date the certification catalog was read as of (YYYY-MM-DD). */
  asOf: string;
  postings: PostingResult[];
  summary: Summary;
}
