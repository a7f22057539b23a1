// Client text turned into a safe Lucene query for the Neo4j full-text indexes,
// and matched words highlighted in a snippet. Lucene syntax in client text is
// always taken literally: the query is rebuilt from its words, each escaped.

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLuceneTerm(term: string): string {
  return term.replace(LUCENE_SPECIAL, (character) => `\\${character}`);
}

/** Words of the text as the standard analyzer would see them (letters and digits), lower-cased. */
export function searchTerms(text: string): string[] {
  const terms = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(terms)];
}

/**
 * The Lucene query for `text`: every word escaped; `all` requires every word
 * (AND), otherwise any word matches and more matching words rank higher.
 * Null when the text has no word at all.
 */
export function toLuceneQuery(text: string, mode: 'any' | 'all' = 'any'): string | null {
  const terms = searchTerms(text).map(escapeLuceneTerm);
  if (terms.length === 0) return null;
  return terms.join(mode === 'all' ? ' AND ' : ' ');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface Highlight {
  /** The text around the first match, HTML-escaped, matched words wrapped in <mark>…</mark>. */
  snippet: string;
  /** How many distinct terms the text contains. */
  matchedTerms: number;
}

/** Marks the words of `text` equal to one of `terms`, ignoring case (the analyzer matches whole words). */
export function highlight(text: string, terms: readonly string[], maxLength = 200): Highlight {
  const wanted = new Set(terms.map((term) => term.toLowerCase()));
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const matches = words.filter((word) => wanted.has(word[0].toLowerCase()));
  const matchedTerms = new Set(matches.map((word) => word[0].toLowerCase())).size;

  const first = matches[0]?.index ?? 0;
  let start = Math.max(0, first - Math.floor(maxLength / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + maxLength);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > start && space > (matches[0]?.index ?? 0) ? space : end;
  }

  let snippet = '';
  let cursor = start;
  for (const word of matches) {
    const index = word.index ?? 0;
    if (index < start || index + word[0].length > end) continue;
    snippet += escapeHtml(text.slice(cursor, index)) + `<mark>${escapeHtml(word[0])}</mark>`;
    cursor = index + word[0].length;
  }
  snippet += escapeHtml(text.slice(cursor, end));
  return {
    snippet: `${start > 0 ? '…' : ''}${snippet}${end < text.length ? '…' : ''}`,
    matchedTerms,
  };
}
