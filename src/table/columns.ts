// Which column holds what: detected by name (case, spaces, underscores and hyphens do not
// matter) for the common exports, or named with --text-column and friends.
import { CertfitError } from '../errors.js';
import type { ColumnMap, TableInputOptions } from './types.js';

type Role = keyof ColumnMap;

/** Normalised names per role, best first (JobSpy, LinkedIn scrapes, Glassdoor, Indeed, ATS APIs). */
const ALIASES: Record<Role, string[]> = {
  text: ['description', 'jobdescription', 'text', 'body', 'content', 'descriptiontext', 'jobdescriptiontext', 'descriptionhtml', 'descriptionplain', 'fulldescription', 'postingtext'],
  title: ['title', 'jobtitle', 'postingtitle', 'position', 'positiontitle', 'role', 'name'],
  id: ['id', 'jobid', 'postingid', 'jobkey', 'requisitionid', 'reqid'],
  company: ['company', 'companyname', 'employer', 'employername', 'hiringorganization', 'organization'],
  url: ['url', 'joburl', 'applyurl', 'joblink', 'link', 'hostedurl', 'absoluteurl', 'postingurl', 'joburldirect'],
  location: ['location', 'joblocation'],
  date: ['dateposted', 'publishedat', 'postedat', 'posteddate', 'postingdate', 'createdat', 'date'],
};

const FLAGS: Partial<Record<Role, { key: keyof TableInputOptions; flag: string }>> = {
  text: { key: 'textColumn', flag: '--text-column' },
  title: { key: 'titleColumn', flag: '--title-column' },
  id: { key: 'idColumn', flag: '--id-column' },
  url: { key: 'urlColumn', flag: '--url-column' },
};

export const normaliseName = (name: string): string => name.trim().toLowerCase().replace(/[\s_\-.]+/g, '');

/** The header as a short list for messages. */
export function listColumns(header: string[]): string {
  const names = header.map((h, i) => (h.trim() ? JSON.stringify(h) : `(column ${i + 1}, unnamed)`));
  return names.length > 40 ? `${names.slice(0, 40).join(', ')}, … (${names.length} in all)` : names.join(', ');
}

/** A column named by the user: exact, then case-insensitive, then normalised, then a 1-based number. */
function findNamed(header: string[], wanted: string): number {
  const exact = header.findIndex((h) => h === wanted || h.trim() === wanted.trim());
  if (exact >= 0) return exact;
  const lower = header.findIndex((h) => h.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (lower >= 0) return lower;
  const norm = header.findIndex((h) => normaliseName(h) === normaliseName(wanted));
  if (norm >= 0) return norm;
  if (/^\d+$/.test(wanted.trim())) {
    const n = Number(wanted.trim());
    if (n >= 1 && n <= header.length) return n - 1;
  }
  return -1;
}

function detect(normalised: string[], role: Role, taken: Set<number>): number {
  for (const alias of ALIASES[role]) {
    const i = normalised.findIndex((h, k) => h === alias && !taken.has(k));
    if (i >= 0) return i;
  }
  // Exports name their text column in many ways ("job_description_text", "Full Job Description").
  if (role === 'text') return normalised.findIndex((h, k) => h.includes('description') && !h.startsWith('company') && !taken.has(k));
  return -1;
}

/** Resolves every column role; a missing text column, or a named column that is not there, is a usage error. */
export function resolveColumns(header: string[], opts: TableInputOptions, source: string): ColumnMap {
  const normalised = header.map(normaliseName);
  const map: ColumnMap = { text: -1, title: -1, id: -1, company: -1, url: -1, location: -1, date: -1 };
  const taken = new Set<number>();
  const roles: Role[] = ['text', 'title', 'id', 'company', 'url', 'location', 'date'];
  for (const role of roles) {
    const named = FLAGS[role] ? opts[FLAGS[role].key] : undefined;
    if (named !== undefined) {
      const i = findNamed(header, named);
      if (i < 0) {
        throw new CertfitError(`${FLAGS[role]!.flag} ${JSON.stringify(named)}: no such column in ${source}`, {
          details: [`columns found: ${listColumns(header)}`],
          code: 'NO_SUCH_COLUMN',
        });
      }
      map[role] = i;
      taken.add(i);
    }
  }
  for (const role of roles) {
    if (map[role] >= 0) continue;
    map[role] = detect(normalised, role, taken);
    if (map[role] >= 0) taken.add(map[role]);
  }
  if (map.text < 0) {
    throw new CertfitError(`${source} has no column of posting text (looked for description, job description, text, body, content); name it with --text-column`, {
      details: [`columns found: ${listColumns(header)}`],
      code: 'NO_TEXT_COLUMN',
    });
  }
  return map;
}
