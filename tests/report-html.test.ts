// The HTML evidence report: escaping and CSP as pure string checks, then the real thing opened
// from disk in Debian's chromium (no script from a posting runs, nothing is fetched, every
// mention is highlighted exactly, the filter and keyboard focus work).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTexts, errorResult } from '../src/analyze.js';
import type { AnalysisResult } from '../src/model.js';
import { htmlReporter, renderHtml } from '../src/report/html.js';
import { safeHref } from '../src/report/html-template.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/report/', import.meta.url));
const OUTPUT = fileURLToPath(new URL('../test-output/', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';

/** Postings written for these tests, one hostile, plus a duplicate and an input that failed. */
function buildResult(): AnalysisResult {
  const texts = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ id: `fixtures/report/${f}`, text: readFileSync(join(FIXTURES, f), 'utf8') }));
  const aws = texts.find((t) => t.id.endsWith('aws-ml-platform.txt'))!;
  texts.push({ id: 'copies/aws-again.txt', text: aws.text.replace(/ /g, '  ') });
  const result = analyzeTexts(texts, { includeText: true, asOf: '2026-06-01' });
  const hostile = result.postings.find((p) => p.id.endsWith('hostile-markup.txt'))!;
  Object.assign(hostile, {
    title: '<script>window.__pwned=8</script>Data Scientist', company: '"><img src=x onerror="window.__pwned=9">',
    source: 'javascript:alert(1)', url: 'data:text/html,<script>alert(1)</script>',
  });
  result.postings.find((p) => p.id.endsWith('aws-ml-platform.txt'))!.source = 'https://jobs.example.com/harbor-pine/123?ref=a&b=<c>';
  result.postings.push(errorResult('https://jobs.example.com/gone', { code: 'HTTP_404', message: 'the server said 404 <script>window.__pwned=10</script>; check the URL' }));
  result.summary.inputs++;
  result.summary.failed++;
  return result;
}

const result = buildResult();
const page0 = renderHtml(result);
const sortedMentions = result.postings.flatMap((p) => [...p.mentions].sort((a, b) => a.start - b.start));
const indexOf = (suffix: string): number => result.postings.findIndex((p) => p.id.endsWith(suffix));

describe('HTML report as a string', () => {
  it('is registered as a reporter named html', () => {
    expect(htmlReporter.name).toBe('html');
    expect(htmlReporter.render(result, {})).toBe(page0);
  });

  it('finds evidence in the fixtures (otherwise the browser checks prove little)', () => {
    expect(sortedMentions.length).toBeGreaterThan(10);
    expect(result.postings[indexOf('hostile-markup.txt')].mentions.length).toBeGreaterThan(0);
    expect(result.postings.some((p) => p.duplicateOf)).toBe(true);
    expect(result.postings.some((p) => p.rejected.length > 0)).toBe(true);
  });

  it('escapes every piece of posting text: no markup from a posting survives', () => {
    expect(page0.match(/<script/gi)).toHaveLength(1);
    const tags = new Set([...page0.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()));
    const ours = 'html head meta title style body a svg defs pattern rect circle div header h1 h2 h3 p time main section span strong ul ol li nav fieldset legend label input table caption thead tbody tr th td mark details summary blockquote q footer script';
    expect([...tags].filter((t) => !ours.split(' ').includes(t))).toEqual([]);
    expect(page0).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(page0).not.toContain('<!--');
    expect(page0).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(page0).toContain('&lt;script&gt;window.__pwned=10&lt;/script&gt;');
    expect(page0).toContain('&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=9&quot;&gt;');
  });

  it('links only http(s) sources, and never posting text', () => {
    expect(page0).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
    expect(page0).not.toMatch(/src="http/i);
    expect(page0).toContain('href="https://jobs.example.com/harbor-pine/123?ref=a&amp;b=%3Cc%3E"');
    const external = [...page0.matchAll(/href="([^"#][^"]*)"/g)].map((m) => m[1]);
    expect(external.every((h) => h.startsWith('https://'))).toBe(true);
    expect(external.some((h) => h.includes('127.0.0.1'))).toBe(false);
  });

  it('puts a CSP first in <head> that allows only our own style and script, by hash', () => {
    const csp = /<head>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page0)?.[1].replaceAll('&#39;', "'");
    expect(csp).toBeDefined();
    const hash = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(page0)![1];
    const script = /<script>([\s\S]*?)<\/script>/.exec(page0)![1];
    expect(csp!.split('; ')).toEqual([
      "default-src 'none'", `style-src ${hash(style)}`, `script-src ${hash(script)}`, 'img-src data:', "base-uri 'none'", "form-action 'none'",
    ]);
    expect(page0).not.toMatch(/\sstyle="/);
  });

  it('accepts only absolute http(s) URLs as hrefs', () => {
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', '//evil.example/', '/etc/passwd', 'mailto:a@b.c', '']) {
      expect(safeHref(bad)).toBeNull();
    }
    expect(safeHref('HTTPS://Example.com/a b')).toBe('https://example.com/a%20b');
  });

  it('renders an empty run', () => {
    expect(renderHtml(analyzeTexts([], { asOf: '2026-06-01' }))).toContain('No postings were given.');
  });
});

const browserMissing = !existsSync(CHROMIUM) && !process.env.CI;
if (browserMissing) console.warn(`report-html: ${CHROMIUM} not found; skipping the browser test (it always runs when CI is set).`);

describe.skipIf(browserMissing)('HTML report in chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  let url: string;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const evaluate = <T>(expr: string): Promise<T> => page.evaluate(expr) as Promise<T>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'certfit-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, page0);
    url = pathToFileURL(file).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.addInitScript('window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));');
    await page.goto(url, { waitUntil: 'load' });
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'report-first-screen.png') });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs no script from a posting and fetches nothing', async () => {
    await page.mouse.move(200, 300);
    expect(await evaluate('window.__pwned')).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([url]);
    // Our own style and script pass the CSP (no violation at all), and the style applies.
    expect(await evaluate('window.__csp')).toEqual([]);
    expect(await evaluate('getComputedStyle(document.querySelector(".posting-text")).whiteSpace')).toBe('pre-wrap');
  });

  it('highlights every mention, in order, with exactly its text', async () => {
    const marks = await evaluate<[string, string][]>('[...document.querySelectorAll("mark[data-term]")].map((m) => [m.dataset.term, m.textContent])');
    expect(marks).toHaveLength(sortedMentions.length);
    expect(marks).toEqual(sortedMentions.map((m) => [m.term, m.text]));
    const perSection = await evaluate<number[]>('[...document.querySelectorAll("section.posting")].map((s) => s.querySelectorAll("mark[data-term]").length)');
    expect(perSection).toEqual(result.postings.map((p) => p.mentions.length));
  });

  it('filters by platform: choosing Azure hides the AWS postings', async () => {
    const aws = `#posting-${indexOf('aws-ml-platform.txt') + 1}`;
    const azure = `#posting-${indexOf('azure-ai-apps.txt') + 1}`;
    expect(await page.locator(aws).isVisible()).toBe(true);
    await page.locator('label[for="f-azure"]').click();
    expect(await page.locator(aws).isVisible()).toBe(false);
    expect(await page.locator(azure).isVisible()).toBe(true);
    expect(await page.locator('.toc-row[data-group="aws"]').first().isVisible()).toBe(false);
    await page.locator('label[for="f-all"]').click();
    expect(await page.locator(aws).isVisible()).toBe(true);
  });

  it('is keyboard accessible: skip link first, marks focusable with their explanation shown', async () => {
    await page.reload({ waitUntil: 'load' });
    await page.keyboard.press('Tab');
    expect(await evaluate('document.activeElement.className')).toBe('skip-link');
    const first = page.locator('mark[data-term]').first();
    await first.focus();
    await page.keyboard.press('Tab');
    const focused = await evaluate<{ tag: string; term: string; display: string; content: string; outline: string }>(
      '(() => { const m = document.activeElement; const after = getComputedStyle(m, "::after"); return { tag: m.tagName, term: m.dataset.term, display: after.display, content: after.content, outline: getComputedStyle(m).outlineStyle }; })()',
    );
    const mention = sortedMentions[1];
    expect(focused.tag).toBe('MARK');
    expect(focused.term).toBe(mention.term);
    expect(focused.display).toBe('block');
    expect(focused.content).toContain(mention.name);
    expect(focused.content).toContain(`weight ${mention.weight} of 3`);
    expect(focused.content).toContain(`(rule: ${mention.gate.rule.replace('-', ' ')})`);
    expect(focused.outline).toBe('solid');
  });

  it('prints without navigation, with the collapsed lists open', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#contents').isVisible()).toBe(false);
    expect(await page.locator('details.rejected li').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    // Browsers whose print stylesheet cannot open <details> get them opened by the one script.
    await page.evaluate('dispatchEvent(new Event("beforeprint"))');
    expect(await evaluate('[...document.querySelectorAll("details")].every((d) => d.open)')).toBe(true);
    await page.evaluate('dispatchEvent(new Event("afterprint"))');
    expect(await evaluate('[...document.querySelectorAll("details")].some((d) => d.open)')).toBe(false);
  });
});
