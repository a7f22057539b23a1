// British and American spellings from the reviewed table in
// data/normalisation/spelling-variants.json. Neo4j's built-in full-text
// analysers have no synonym filter (a custom one is a Java plugin on the
// server's class path, which a Docker or hosted Neo4j would not have), so the
// variants are applied when the graph is loaded: each searchable node gets its
// indexed text respelled in `searchVariants`, which the full-text indexes cover.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEARCH_FIELDS } from './fields.js';

export const SPELLING_VARIANTS_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'data',
  'normalisation',
  'spelling-variants.json',
);

/** The property of the respelled text (derived at load time, not part of the source graph). */
export const SEARCH_VARIANTS_PROPERTY = 'searchVariants';

export class SpellingVariants {
  private readonly other = new Map<string, string>();

  constructor(pairs: ReadonlyArray<readonly [string, string]>) {
    for (const [british, american] of pairs) {
      this.other.set(british.toLowerCase(), american.toLowerCase());
      this.other.set(american.toLowerCase(), british.toLowerCase());
    }
  }

  /** The other spelling of a word, lower-cased, or undefined. */
  alternative(word: string): string | undefined {
    return this.other.get(word.toLowerCase());
  }

  /** The text with every listed word in its other spelling (case kept for the first letter), or null when no word changes. */
  respell(text: string): string | null {
    let changed = false;
    const respelled = text.replace(/[\p{L}]+/gu, (word) => {
      const other = this.other.get(word.toLowerCase());
      if (other === undefined) return word;
      changed = true;
      if (word === word.toUpperCase() && word.length > 1) return other.toUpperCase();
      return word[0] === word[0]!.toUpperCase() ? other[0]!.toUpperCase() + other.slice(1) : other;
    });
    return changed ? respelled : null;
  }
}

let shared: SpellingVariants | undefined;

export function spellingVariants(): SpellingVariants {
  if (!shared) {
    const file = JSON.parse(readFileSync(SPELLING_VARIANTS_PATH, 'utf8')) as { pairs: Array<[string, string]> };
    shared = new SpellingVariants(file.pairs);
  }
  return shared;
}

/**
 * The respelled texts of a node's searchable properties (one entry per text
 * that has a variant), or an empty list when nothing has another spelling.
 */
export function searchVariantsOf(
  labels: readonly string[],
  properties: Readonly<Record<string, unknown>>,
  variants: SpellingVariants = spellingVariants(),
): string[] {
  const fields = labels.flatMap((label) => SEARCH_FIELDS[label] ?? []);
  const respelled: string[] = [];
  for (const field of new Set(fields)) {
    const value = properties[field];
    const texts = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    for (const text of texts) {
      if (typeof text !== 'string') continue;
      const other = variants.respell(text);
      if (other !== null) respelled.push(other);
    }
  }
  return respelled;
}
