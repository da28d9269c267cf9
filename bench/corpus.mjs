// Benchmark input: the remote-jobs corpus (../shared/corpus, read at run time, never copied
// into the project) converted once to a CSV in the temp folder, or generated postings when the
// corpus is absent.
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

export const CORPUS = new URL('../../shared/corpus/remote-jobs/remote-jobs-2024-2025.jsonl.gz', import.meta.url).pathname;
const DIR = join(tmpdir(), 'certfit-bench');

const quote = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function writeCsv(path, rows) {
  const out = createWriteStream(path);
  out.write('title,company,apply_url,text\n');
  const texts = [];
  for await (const r of rows) {
    texts.push(r.text);
    if (!out.write(`${[r.title, r.company, r.apply_url, r.text].map((v) => quote(String(v ?? ''))).join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return texts;
}

async function* corpusRows() {
  const lines = createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line);
}

const WORDS = ['platform', 'team', 'customers', 'pipelines', 'reliability', 'features', 'experiments', 'dashboards', 'stakeholders', 'latency'];
const CLOUD = ['SageMaker', 'AWS Glue', 'Athena', 'Azure OpenAI', 'Azure AI Search', 'Vertex AI', 'BigQuery', 'Lambda', 'Docker', 'Kubernetes', 'MLOps', 'Python', 'Databricks', 'S3'];

function* generatedRows(n) {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < n; i++) {
    const parts = ['About the role', ''];
    for (let s = 0; s < 40; s++) {
      const words = Array.from({ length: 14 }, () => WORDS[Math.floor(rnd() * WORDS.length)]);
      if (rnd() < 0.3) words.splice(5, 0, CLOUD[Math.floor(rnd() * CLOUD.length)]);
      parts.push(`- We improve ${words.join(' ')}.`);
      if (s === 20) parts.push('', 'Requirements');
    }
    yield { title: `Generated role ${i}`, company: `Company ${i % 97}`, apply_url: `https://jobs.example.com/${i}`, text: parts.join('\n') };
  }
}

/** { path, texts, source } — the CSV to benchmark and its posting texts in memory. */
export async function benchInput({ rows = 20000 } = {}) {
  mkdirSync(DIR, { recursive: true });
  if (existsSync(CORPUS)) {
    const path = join(DIR, 'remote-jobs.csv');
    const fresh = existsSync(path) && statSync(path).mtimeMs > statSync(CORPUS).mtimeMs;
    const texts = fresh ? await readTexts() : await writeCsv(path, corpusRows());
    return { path, texts, source: `${CORPUS} (converted to ${path})` };
  }
  const path = join(DIR, `generated-${rows}.csv`);
  const texts = await writeCsv(path, generatedRows(rows));
  return { path, texts, source: `GENERATED postings (${rows}): ${CORPUS} is absent` };
}

async function readTexts() {
  const texts = [];
  for await (const r of corpusRows()) texts.push(r.text);
  return texts;
}

/** The first `n` rows of a CSV written as benchInput writes it, as another CSV. */
export async function headCsv(texts, n, name) {
  const path = join(DIR, name);
  await writeCsv(path, texts.slice(0, n).map((text, i) => ({ title: `Row ${i}`, company: '', apply_url: '', text })));
  return path;
}

export { DIR as BENCH_DIR };
