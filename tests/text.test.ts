import { describe, expect, it } from 'vitest';
import { prepare, sectionAt, sentenceSpan } from '../src/text/document.js';
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
