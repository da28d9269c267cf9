import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { htmlToText, ingest, type IngestItem } from '../src/ingest/index.js';
import { unescapeHtml } from '../src/ingest/html-to-text.js';
import type { Posting } from '../src/model.js';

const FIX = 'fixtures/ingest/html';

async function collect(inputs: string[]): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of ingest(inputs)) out.push(item);
  return out;
}

async function posting(input: string): Promise<Posting> {
  const [item] = await collect([input]);
  if (!item.ok) throw new Error(`${item.error.code}: ${item.error.message}`);
  return item.posting;
}

describe('htmlToText', () => {
  it('turns blocks into lines, list items into bullets, and keeps inline text together', () => {
    const text = htmlToText('<div>Ship it.</div><div>Then iterate</div><ul><li>One</li><li>Two<ul><li>Two-a</li></ul></li></ul>');
    expect(text).toBe('Ship it.\nThen iterate\n\n• One\n• Two\n• Two-a');
    expect(htmlToText('<p><span>Sage</span><span>Maker</span> and <b>Glue</b></p>')).toBe('SageMaker and Glue');
  });

  it('never glues sentences across block boundaries', () => {
    const text = htmlToText('<p>to win.</p><p>You own it</p><div>Lex/Polly</div><div>Transcribe</div>a<br>b<h2>Title</h2>c<table><tr><td>x</td><td>y</td></tr></table>');
    expect(text).not.toMatch(/win\.You|PollyTranscribe|ab|Titlec|xy/);
    expect(text).toContain('to win.\n\nYou own it');
  });

  it('decodes entities, collapses spaces, keeps at most one blank line', () => {
    const text = htmlToText('<p>R&amp;D&nbsp;&nbsp;team &#8217;s   “AI”</p><p></p><p></p><br><br><br><p>Next</p>');
    expect(text).toBe('R&D team ’s “AI”\n\nNext');
  });

  it('drops scripts, styles and other non-text elements', () => {
    expect(htmlToText('<style>p{}</style><script>var x = 1</script><p>Kept</p><noscript>no</noscript><svg><text>svg</text></svg>')).toBe('Kept');
  });

  it('keeps preformatted line breaks and handles an empty string', () => {
    expect(htmlToText('<pre>a\n  b</pre>')).toBe('a\nb');
    expect(htmlToText('')).toBe('');
  });

  it('undoes single and double entity escaping of HTML', () => {
    expect(unescapeHtml('&lt;p&gt;x&lt;/p&gt;')).toBe('<p>x</p>');
    expect(unescapeHtml('Intro. &amp;lt;p&amp;gt;Body&amp;lt;/p&amp;gt;')).toBe('Intro. <p>Body</p>');
    expect(unescapeHtml('<p>1 &lt; 2</p>')).toBe('<p>1 &lt; 2</p>');
  });

  it('never leaves markup or blank-line runs behind (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
    const block = fc.tuple(fc.constantFrom('p', 'div', 'li', 'h2', 'span', 'td', 'section'), fc.array(word, { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), (blocks) => {
        const html = blocks.map(([tag, words]) => `<${tag}>${words.join(' ')}</${tag}>`).join('');
        const text = htmlToText(html);
        expect(text).not.toMatch(/<|>|\n{3,}|^\s|\s$| {2}/);
        for (const [, words] of blocks) for (const w of words) expect(text).toContain(w);
      }),
      { numRuns: 200 },
    );
  });
});

describe('HTML postings', () => {
  it('reads JobPosting JSON-LD inside @graph, with escaped description and metadata', async () => {
    const p = await posting(`${FIX}/graph.html`);
    expect(p.title).toBe('Senior ML Engineer & Tech Lead');
    expect(p.company).toBe('Fourth Coffee');
    expect(p.location).toBe('Seattle, WA, US; Vancouver, BC, CA');
    expect(p.datePosted).toBe('2026-06-15');
    expect(p.url).toBe('https://fourthcoffee.example/jobs/senior-ml-engineer');
    expect(p.text).toContain('• Train models with Amazon SageMaker\n• Orchestrate with Step Functions');
    expect(p.text).not.toMatch(/&lt;|<p>|All jobs|Privacy/);
    // qualifications are appended; skills already in the description are not repeated
    expect(p.text).toMatch(/\n\nQualifications\nFive years shipping ML/);
    expect(p.text.match(/Python, SQL and Spark/g)).toHaveLength(1);
  });

  it('without JSON-LD takes the main content and removes nav, header, footer, forms, cookie banners and scripts', async () => {
    const p = await posting(`${FIX}/chrome.html`);
    expect(p.title).toBe('Applied AI Engineer');
    expect(p.url).toBe('https://wideworld.example/careers/applied-ai-engineer');
    expect(p.text).toBe(
      'Applied AI Engineer\n\nJoin the team that builds our customer-support copilots.\n\n' +
        'You will ground answers with Azure AI Search and call models through Azure OpenAI Service.\n\n' +
        'Experience with Prompt flow is a plus.',
    );
  });

  it('keeps block elements apart in a whole page', async () => {
    const p = await posting(`${FIX}/blocks.html`);
    expect(p.text).toContain('We ship weekly.\nYou own the pipeline.');
    expect(p.text).toContain('Line one\nLine two\nLine three');
    expect(p.text).toContain('• AWS Glue\n• Glue crawlers\n\n• Wrapped in a paragraph');
    expect(p.text).toContain('SageMaker stays one word; bold and italic stay inline.');
    expect(p.text).toContain('Skill | Level\nPython | Expert');
    expect(p.text).toContain('R&D <team> “quoted” it’s spaced out.');
    expect(p.text).toContain('Section text.\n\nNext section.');
  });

  it('prefers a job-description element over the rest of the page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'certfit-html-'));
    try {
      const html = `<html><head><meta property="og:title" content="Data Scientist"></head><body>
        <div class="sidebar">Trending searches: nurse, driver, accountant</div>
        <div id="job-description"><p>${'We analyse churn with BigQuery ML and Vertex AI. '.repeat(4)}</p></div>
        <div class="related">Other jobs you may like</div></body></html>`;
      await writeFile(join(dir, 'page.htm'), html);
      const p = await posting(join(dir, 'page.htm'));
      expect(p.title).toBe('Data Scientist');
      expect(p.text).toMatch(/^We analyse churn/);
      expect(p.text).not.toMatch(/Trending|Other jobs/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
