import { describe, expect, it } from 'vitest';
import { apa, bibtex, chicago } from '../../../web/src/citation.js';

const practice = {
  number: 17,
  title: 'Support and enhance rehabilitation and reintegration programmes.',
  page: 45,
  url: 'http://localhost:4000/#/practice/17',
  accessed: '2026-11-29',
};

describe('cite this', () => {
  it('names the toolkit, the practice and the printed page in APA and Chicago', () => {
    expect(apa(practice)).toBe(
      'United Nations Interregional Crime and Justice Research Institute (UNICRI) and Global Counterterrorism Forum (GCTF). (n.d.). Good Practice 17: Support and enhance rehabilitation and reintegration programmes. In Nexus Policy Toolkit (p. 45). Retrieved 2026-11-29, from http://localhost:4000/#/practice/17',
    );
    expect(chicago({ ...practice, step: { number: 3, page: 46 } })).toBe(
      'UNICRI and GCTF. “Good Practice 17: Support and enhance rehabilitation and reintegration programmes, step 3.” In Nexus Policy Toolkit, 46. n.d. Accessed 2026-11-29. http://localhost:4000/#/practice/17.',
    );
  });

  it('gives BibTeX with a stable key, escaped title and the page', () => {
    const entry = bibtex({ ...practice, title: 'Money & 100% trust_now', page: null, step: { number: 2 } });
    expect(entry.startsWith('@incollection{nexus-toolkit-gp17-step2,\n')).toBe(true);
    expect(entry).toContain('title = {Good Practice 17: Money \\& 100\\% trust\\_now, step 2}');
    expect(entry).not.toContain('pages');
    expect(bibtex(practice)).toContain('pages = {45}');
  });
});
