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

/**
 * Words that phrase a question rather than name its subject ("practices
 * involving … and citing …"); dropped when the text has other words.
 */
const QUESTION_WORDS = new Set([
  'about', 'all', 'any', 'cite', 'cited', 'cites', 'citing', 'concerning', 'do', 'does', 'find', 'give', 'good', 'how', 'involve',
  'involved', 'involves', 'involving', 'list', 'me', 'mention', 'mentioned', 'mentioning', 'mentions', 'name', 'named', 'names',
  'naming', 'practice', 'practices', 'refer', 'referring', 'refers', 'regarding', 'show', 'that', 'these', 'those', 'use', 'uses',
  'using', 'what', 'where', 'which', 'who', 'whose',
]);

/** "GP 17", "gp17", "practice 17", "good practice 17", "GP #17": a practice asked for by number. */
const PRACTICE_REFERENCE = /^\s*(?:good\s+practices?|practices?|gp)\s*(?:no\.?|#)?\s*(\d{1,3})\s*$/i;

export function practiceReference(text: string): number | null {
  const match = PRACTICE_REFERENCE.exec(text);
  return match ? Number(match[1]) : null;
}

export interface ParsedSearch {
  /** Quoted phrases, each as its words (every phrase is required). */
  phrases: string[][];
  /** The other words that carry meaning, lower-cased. */
  words: string[];
}

const wordsIn = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Phrases in double quotes (an unclosed quote runs to the end) and the remaining words without stop and question words. */
export function parseSearch(text: string): ParsedSearch {
  const phrases: string[][] = [];
  const outside: string[] = [];
  const parts = text.replace(/[“”„]/g, '"').split('"');
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      const words = wordsIn(part);
      if (words.length > 1) phrases.push(words);
      else outside.push(...words);
    } else {
      outside.push(...wordsIn(part));
    }
  });
  const unique = [...new Set(outside)];
  const meaningful = unique.filter((word) => !STOP_WORDS.has(word));
  const subject = meaningful.filter((word) => !QUESTION_WORDS.has(word));
  const words = subject.length > 0 || phrases.length > 0 ? subject : meaningful.length > 0 ? meaningful : unique;
  return { phrases, words };
}

/** All words a parsed search looks for (phrase words included), for highlighting. */
export function parsedTerms(parsed: ParsedSearch): string[] {
  return [...new Set([...parsed.phrases.flat(), ...parsed.words])];
}

function rankedTermQuery(term: string): string {
  const escaped = escapeLuceneTerm(term);
  if (term.length < MIN_PREFIX_LENGTH) return escaped;
  return `(${escaped}^4 OR ${escaped}*^2)`;
}

const phraseQuery = (words: readonly string[], slop = 0): string =>
  `"${words.map(escapeLuceneTerm).join(' ')}"${slop > 0 ? `~${slop}` : ''}`;

/**
 * The ranking query of a parsed search: quoted phrases are required; any word
 * may match (exact above prefix above one-typo matches), and passages holding
 * all the words, or the words close together, rank higher. Null when there is
 * nothing to look for.
 */
export function toRankedLuceneQuery(parsed: ParsedSearch): string | null {
  // Each word becomes a few clauses per index: the same bound as toLuceneQuery keeps Lucene under its clause limit.
  const distinct = parsedTerms(parsed).length;
  if (distinct > MAX_SEARCH_TERMS) {
    throw badUserInput(`The search text has ${distinct} distinct words; at most ${MAX_SEARCH_TERMS} are allowed`, { maxTerms: MAX_SEARCH_TERMS });
  }
  const required = parsed.phrases.map((phrase) => `+${phraseQuery(phrase)}`);
  const words = parsed.words.map(rankedTermQuery);
  if (required.length === 0 && words.length === 0) return null;
  const optional: string[] = [];
  if (words.length > 0) optional.push(`(${words.join(' ')})`);
  if (parsed.words.length > 1) {
    optional.push(`(${words.map((word) => `+${word}`).join(' ')})^3`);
    optional.push(`${phraseQuery(parsed.words, 3)}^3`);
  }
  if (required.length === 0) return optional.join(' ');
  // With a required phrase the other words only rank.
  return [...required, ...optional].join(' ');
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
