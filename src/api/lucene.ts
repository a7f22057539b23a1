// Client text turned into a safe Lucene query for the Neo4j full-text indexes,
// and matched words highlighted in a snippet. Lucene syntax in client text is
// always taken literally: the query is rebuilt from its words, each escaped.
import { badUserInput } from './errors.js';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLuceneTerm(term: string): string {
  return term.replace(LUCENE_SPECIAL, (character) => `\\${character}`);
}

/** Words too common to rank by (the indexes keep them: Neo4j's default analyzer has no stop words). */
const STOP_WORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'in', 'is', 'it', 'of', 'on', 'or', 'the', 'to', 'with']);

/** Shortest word also matched as a prefix ("radical" finds "radicalization"). */
export const MIN_PREFIX_LENGTH = 3;

/**
 * Words of the text as the standard analyzer would see them (letters and
 * digits), lower-cased, without stop words unless the text has nothing else.
 */
export function searchTerms(text: string): string[] {
  const terms = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
  const meaningful = terms.filter((term) => !STOP_WORDS.has(term));
  return meaningful.length > 0 ? meaningful : terms;
}

function termQuery(term: string): string {
  const escaped = escapeLuceneTerm(term);
  return term.length >= MIN_PREFIX_LENGTH ? `(${escaped} OR ${escaped}*)` : escaped;
}

/**
 * Most words in one search text. Each word becomes two clauses (exact and
 * prefix) on every field of an index (up to 5): 32 words stay well below
 * Lucene's limit of 1,024 clauses per query.
 */
export const MAX_SEARCH_TERMS = 32;

/**
 * The Lucene query for `text`: every word escaped; `all` requires every word
 * (AND), otherwise any word matches and more matching words rank higher.
 * Null when the text has no word at all.
 */
export function toLuceneQuery(text: string, mode: 'any' | 'all' = 'any'): string | null {
  const words = searchTerms(text);
  if (words.length > MAX_SEARCH_TERMS) {
    throw badUserInput(`The search text has ${words.length} distinct words; at most ${MAX_SEARCH_TERMS} are allowed`, { maxTerms: MAX_SEARCH_TERMS });
  }
  const terms = words.map(termQuery);
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

/** Marks the words of `text` equal to one of `terms`, or starting with one of MIN_PREFIX_LENGTH letters or more, ignoring case. */
export function highlight(text: string, terms: readonly string[], maxLength = 200): Highlight {
  const wanted = terms.map((term) => term.toLowerCase());
  const termOf = (word: string): string | undefined => {
    const lower = word.toLowerCase();
    return wanted.find((term) => lower === term || (term.length >= MIN_PREFIX_LENGTH && lower.startsWith(term)));
  };
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const matches = words.filter((word) => termOf(word[0]) !== undefined);
  const matchedTerms = new Set(matches.map((word) => termOf(word[0]))).size;

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
