import { describe, expect, it } from 'vitest';
import { escapeLuceneTerm, highlight, searchTerms, toLuceneQuery } from '../../../src/api/lucene.js';

describe('Lucene queries from client text', () => {
  it('escape every special character', () => {
    expect(escapeLuceneTerm('a+b-c&&d||e!(f){g}[h]^"i"~j*k?l:m\\n/o')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^\\"i\\"\\~j\\*k\\?l\\:m\\\\n\\/o',
    );
  });

  it('rebuild the query from its words so Lucene syntax is taken literally', () => {
    expect(toLuceneQuery('prison AND (radical')).toBe('(prison OR prison*) (radical OR radical*)');
    expect(toLuceneQuery('S/2015/366')).toBe('s (2015 OR 2015*) (366 OR 366*)');
    expect(toLuceneQuery('"unclosed quote *', 'all')).toBe('(unclosed OR unclosed*) AND (quote OR quote*)');
    expect(toLuceneQuery('  ?? *** ')).toBeNull();
    expect(searchTerms('Prison prison and the Crime')).toEqual(['prison', 'crime']);
    expect(searchTerms('and the')).toEqual(['and', 'the']);
  });
});

describe('snippets', () => {
  it('mark the matched words, ignoring case', () => {
    const { snippet, matchedTerms } = highlight('Prison administration and prison staff', ['prison', 'staff']);
    expect(snippet).toBe('<mark>Prison</mark> administration and <mark>prison</mark> staff'.replace('staff', '<mark>staff</mark>'));
    expect(matchedTerms).toBe(2);
  });

  it('cut long text around the first match and escape HTML', () => {
    const text = `${'word '.repeat(100)}<b>nexus</b> ${'tail '.repeat(100)}`;
    const { snippet } = highlight(text, ['nexus'], 80);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('&lt;b&gt;<mark>nexus</mark>&lt;/b&gt;');
    expect(snippet.length).toBeLessThan(120);
  });

  it('mark words that start with a term of three letters or more', () => {
    expect(highlight('Prison radicalization', ['radical']).snippet).toBe('Prison <mark>radicalization</mark>');
    expect(highlight('Europe EU', ['eu']).snippet).toBe('Europe <mark>EU</mark>');
  });

  it('return the start of the text when nothing matches', () => {
    expect(highlight('No match here', ['nexus'])).toEqual({ snippet: 'No match here', matchedTerms: 0 });
  });
});
