import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepare, sectionAt, sentenceSpan } from '../src/text/document.js';
import { detectSections, SectionReader } from '../src/text/section-reader.js';
import { splitSentences } from '../src/text/sentences.js';

const sentences = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('sentences', () => {
  it('splits on punctuation, lines and scraper-glued sentences', () => {
    expect(sentences('We ship fast.You own it! Really? Yes\n- bullet one\n• bullet two')).toEqual([
      'We ship fast.', 'You own it!', 'Really?', 'Yes', 'bullet one', 'bullet two',
    ]);
  });
  it('keeps abbreviations, versions and dotted names inside a sentence', () => {
    expect(sentences('Use e.g. Python 3.11 or Node.js with ASP.NET today. Next one.')).toEqual([
      'Use e.g. Python 3.11 or Node.js with ASP.NET today.', 'Next one.',
    ]);
  });
  it('joins hard-wrapped prose', () => {
    expect(sentences('Experience with\nmodern data tools.\nNew line')).toEqual(['Experience with\nmodern data tools.', 'New line']);
  });
});

describe('sections', () => {
  const text = [
    'Acme builds rockets.', '', '## What you will do', 'Ship models.', '', 'Requirements:', '- Python', '- SageMaker is a plus',
    '', '**Preferred qualifications**', '- Azure', '', 'Benefits', 'Vision insurance', 'Nice to have: Bedrock', 'ABOUT US', 'We are nice.',
  ].join('\n');
  const doc = prepare(text);
  const at = (s: string) => sectionAt(doc, text.indexOf(s));
  it('detects sections from headings and phrasing', () => {
    expect(at('Acme')).toBe('other');
    expect(at('Ship models')).toBe('responsibilities');
    expect(at('Python')).toBe('requirements');
    expect(at('SageMaker is a plus')).toBe('preferred');
    expect(at('- Azure')).toBe('preferred');
    expect(at('Vision insurance')).toBe('benefits');
    expect(at('Nice to have: Bedrock')).toBe('preferred');
    expect(at('We are nice')).toBe('about');
  });
  it('does not take a bullet for a heading', () => {
    const t = 'Preferred\n- Strong Python experience\n- Azure';
    expect(sectionAt(prepare(t), t.indexOf('Azure'))).toBe('preferred');
  });
  it('finds the sentence around an offset', () => {
    const t = 'One. Two words here. Three.';
    const s = sentenceSpan(prepare(t), t.indexOf('words'), t.indexOf('words') + 5);
    expect(t.slice(s.start, s.end)).toBe('Two words here.');
  });
});

describe('sections: real-world headings', () => {
  const at = (text: string, s: string) => sectionAt(prepare(text), text.indexOf(s));
  it('ends a company blurb at "Job Description" and reads emphasised or curly headings', () => {
    const t = 'Company Description\nWe make tea.\n\nJob Description\nYou build models.\n\n**_Requirements_**\n- Python\n\nWhat you’ll do\n- Ship';
    expect(at(t, 'We make tea')).toBe('about');
    expect(at(t, 'You build models')).toBe('other');
    expect(at(t, '- Python')).toBe('requirements');
    expect(at(t, '- Ship')).toBe('responsibilities');
  });
});

// detectSections decides most lines from char codes in place and remembers recurring headings;
// these pin the edges of those fast paths to what the plain regex version did.
describe('sections: fast-path edges', () => {
  const at = (text: string, s: string) => {
    const offset = text.indexOf(s);
    return detectSections(text).find((span) => span.start <= offset && offset < span.end)?.section;
  };
  const heading = (line: string) => at(`Intro\n${line}\n- Python`, '- Python');

  it('takes a heading line of up to 100 chars, 80 once trimmed', () => {
    expect(heading('Requirements'.padEnd(100))).toBe('requirements');
    expect(heading('Requirements'.padEnd(101))).toBe('other');
    const h80 = '## Requirements for the role '.padEnd(80, 'x');
    expect(heading(h80)).toBe('requirements');
    expect(heading(`   ${h80}`.padEnd(100))).toBe('requirements');
    expect(heading(`${h80}x`)).toBe('other');
  });

  it('reads an early label on a long line, for that line only', () => {
    const text = `Requirements\nNice to have: ${'Azure AI Search, Bedrock and SageMaker pipelines, '.repeat(5)}\n- Python`;
    expect(at(text, 'Nice to have')).toBe('preferred');
    expect(at(text, '- Python')).toBe('requirements');
    // The label's colon is the line's first, at most 48 chars in.
    const label = (indent: number) => at(`Requirements\n${' '.repeat(indent)}Nice to have: Azure, Bedrock, SageMaker and Vertex AI`, 'Nice');
    expect(label(36)).toBe('preferred');
    expect(label(37)).toBe('requirements');
  });

  it('takes an all-caps line with many spaces for a heading, not the same words in prose case', () => {
    expect(heading('WHAT YOU WILL DO IN THIS ROLE')).toBe('responsibilities');
    expect(heading('What you will do in this role')).toBe('other');
    expect(heading('- WHAT YOU WILL DO')).toBe('responsibilities');
    expect(heading('- What you will do')).toBe('other');
  });

  it('reads CRLF line endings like LF', () => {
    const text = 'Acme builds rockets.\r\n\r\n**Requirements:**\r\n- Python\r\n\r\nNice to have: Bedrock\r\n## Benefits\r\n- Dental\r\n';
    expect(at(text, 'Acme')).toBe('other');
    expect(at(text, '- Python')).toBe('requirements');
    expect(at(text, 'Nice to have')).toBe('preferred');
    expect(at(text, '- Dental')).toBe('benefits');
    expect(detectSections(text).at(-1)?.end).toBe(text.length + 1);
  });

  it('does not confuse a remembered heading with a line of the same shape', () => {
    expect(heading('## Skills')).toBe('requirements');
    expect(heading('## Skalls')).toBe('other');
    expect(heading('## Skills')).toBe('requirements');
  });
});

// Sections are read only as far as asked; asked in any order, they must be what reading all gives.
describe('sections: read as far as asked', () => {
  const LINES = fc.constantFrom('Requirements', '## Benefits', 'Nice to have: Bedrock', '- Python', '', 'About us', 'We build things.', '**Preferred:**', 'Job Description', '   ', 'WHAT YOU WILL DO', 'Salary: 100k');
  it('answers each offset as the whole text read at once does', () => {
    fc.assert(fc.property(fc.array(LINES, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(), { maxLength: 12 }), (lines, eol, picks) => {
      const text = lines.join(eol);
      const all = detectSections(text);
      const reader = new SectionReader(text);
      for (const pick of picks) {
        const offset = text.length === 0 ? 0 : pick % (text.length + 1);
        const expected = all.findLast((s) => s.start <= offset)?.section ?? 'other';
        expect(reader.sectionAt(offset)).toBe(expected);
      }
      expect(reader.readTo(text.length)).toEqual(all);
    }), { seed: 21, numRuns: 1500 });
  });
});
