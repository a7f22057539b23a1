import { describe, expect, it } from 'vitest';
import { parseSearch, practiceReference, toRankedLuceneQuery } from '../../../src/api/lucene.js';
import { closestWord, editDistance, Vocabulary } from '../../../src/api/repositories/search-vocabulary.js';
import { correctSearch } from '../../../src/api/repositories/search.js';
import { searchVariantsOf, SpellingVariants, spellingVariants } from '../../../src/search/spelling-variants.js';

describe('search text', () => {
  it('recognises a practice asked for by number', () => {
    for (const text of ['GP 17', 'gp17', 'practice 17', 'Good practice 17', 'GP #17', ' gp 17 ']) expect(practiceReference(text), text).toBe(17);
    for (const text of ['GP 17 prisons', 'gp', '17', 'practices']) expect(practiceReference(text), text).toBeNull();
  });

  it('keeps quoted phrases and drops stop and question words', () => {
    expect(parseSearch('"fusion centre" in the Sahel')).toEqual({ phrases: [['fusion', 'centre']], words: ['sahel'] });
    expect(parseSearch('practices involving prison administration and citing the Rome Memorandum')).toEqual({
      phrases: [],
      words: ['prison', 'administration', 'rome', 'memorandum'],
    });
    // A question word alone is still searched for.
    expect(parseSearch('practices').words).toEqual(['practices']);
    expect(parseSearch('“organized crime”').phrases).toEqual([['organized', 'crime']]);
  });

  it('requires phrases and ranks passages with every word first, Lucene syntax taken literally', () => {
    expect(toRankedLuceneQuery(parseSearch('"money laundering"'))).toBe('+"money laundering"');
    const query = toRankedLuceneQuery(parseSearch('prison AND (radical'))!;
    expect(query).toBe(
      '((prison^4 OR prison*^2) (radical^4 OR radical*^2)) (+(prison^4 OR prison*^2) +(radical^4 OR radical*^2))^3 "prison radical"~3^3',
    );
    expect(toRankedLuceneQuery(parseSearch('  ?? '))).toBeNull();
  });
});

describe('did you mean', () => {
  const vocabulary = Vocabulary.fromTexts(['Terrorism financing and money laundering', 'terrorist recruitment', 'rehabilitation']);

  it('measures edits with adjacent swaps as one', () => {
    expect(editDistance('terorism', 'terrorism')).toBe(1);
    expect(editDistance('laundring', 'laundering')).toBe(1);
    expect(editDistance('recruitmnet', 'recruitment')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('corrects unknown words to the closest word of the toolkit, and leaves known words and prefixes', () => {
    expect(closestWord('terorism', vocabulary)).toBe('terrorism');
    expect(closestWord('zzzzzz', vocabulary)).toBeNull();
    expect(correctSearch('terorism financing', vocabulary)).toEqual({ text: 'terrorism financing', corrections: [['terorism', 'terrorism']] });
    expect(correctSearch('money launder', vocabulary)).toBeNull();
    expect(correctSearch('Rehabilitaion', vocabulary)?.text).toBe('rehabilitation');
  });
});

describe('spelling variants', () => {
  it('respells British and American words both ways, keeping capitals', () => {
    const variants = new SpellingVariants([
      ['radicalisation', 'radicalization'],
      ['centre', 'center'],
    ]);
    expect(variants.respell('Prison radicalization')).toBe('Prison radicalisation');
    expect(variants.respell('Fusion Centre')).toBe('Fusion Center');
    expect(variants.respell('nothing to change')).toBeNull();
  });

  it('reads the reviewed table and gives a node its respelled searchable text only', () => {
    expect(spellingVariants().alternative('organised')).toBe('organized');
    expect(spellingVariants().alternative('programme')).toBe('program');
    expect(spellingVariants().alternative('practice')).toBeUndefined();
    expect(searchVariantsOf(['Step'], { text: 'Prevent radicalisation in prisons', sourceText: 'radicalisation' })).toEqual([
      'Prevent radicalization in prisons',
    ]);
    expect(searchVariantsOf(['Country'], { name: 'Kenya' })).toEqual([]);
  });
});
