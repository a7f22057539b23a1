// "Cite this" for a practice (and a step of it): the toolkit, the practice,
// the step and the printed page, in APA, Chicago and BibTeX. The toolkit text
// carries no publication date, so the citations say "n.d." rather than guess.

export interface CitedPractice {
  number: number;
  title: string;
  /** Printed page of the practice in the toolkit, when known. */
  page: number | null;
  step?: { number: number; page?: number | null } | undefined;
  /** Address of the practice in this explorer. */
  url: string;
  /** Day the page was read, YYYY-MM-DD. */
  accessed: string;
}

export const TOOLKIT = {
  title: 'Nexus Policy Toolkit',
  authors: 'United Nations Interregional Crime and Justice Research Institute (UNICRI) and Global Counterterrorism Forum (GCTF)',
  shortAuthors: 'UNICRI and GCTF',
};

const trimDot = (text: string): string => text.replace(/\.\s*$/, '');

function part(practice: CitedPractice): string {
  const title = `Good Practice ${practice.number}: ${trimDot(practice.title)}`;
  return practice.step ? `${title}, step ${practice.step.number}` : title;
}

function pageOf(practice: CitedPractice): number | null {
  return practice.step?.page ?? practice.page;
}

export function apa(practice: CitedPractice): string {
  const page = pageOf(practice);
  return `${TOOLKIT.authors}. (n.d.). ${part(practice)}. In ${TOOLKIT.title}${page !== null ? ` (p. ${page})` : ''}. Retrieved ${practice.accessed}, from ${practice.url}`;
}

export function chicago(practice: CitedPractice): string {
  const page = pageOf(practice);
  return `${TOOLKIT.shortAuthors}. “${part(practice)}.” In ${TOOLKIT.title}${page !== null ? `, ${page}` : ''}. n.d. Accessed ${practice.accessed}. ${practice.url}.`;
}

const bibtexEscape = (text: string): string => text.replace(/([&%$#_{}])/g, '\\$1');

export function bibtex(practice: CitedPractice): string {
  const page = pageOf(practice);
  const key = `nexus-toolkit-gp${practice.number}${practice.step ? `-step${practice.step.number}` : ''}`;
  const fields: Array<[string, string]> = [
    ['author', `{${TOOLKIT.authors}}`],
    ['title', `{${bibtexEscape(part(practice))}}`],
    ['booktitle', `{${TOOLKIT.title}}`],
    ...(page !== null ? ([['pages', `{${page}}`]] as Array<[string, string]>) : []),
    ['year', '{n.d.}'],
    ['url', `{${practice.url}}`],
    ['urldate', `{${practice.accessed}}`],
  ];
  return `@incollection{${key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}`;
}
