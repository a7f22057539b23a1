// The words the toolkit uses (from every searchable text), for "did you mean":
// a search word that is neither a word of the toolkit nor the start of one is
// corrected to the closest word within one edit (two from 8 letters).

export class Vocabulary {
  private readonly counts: Map<string, number>;
  private readonly sorted: string[];

  private constructor(counts: Map<string, number>) {
    this.counts = counts;
    this.sorted = [...counts.keys()].sort();
  }

  static fromTexts(texts: Iterable<string>): Vocabulary {
    const counts = new Map<string, number>();
    for (const text of texts) {
      for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    return new Vocabulary(counts);
  }

  get size(): number {
    return this.sorted.length;
  }

  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  /** The word occurs, or starts a word that occurs (a prefix search finds it). */
  knows(word: string): boolean {
    if (this.counts.has(word)) return true;
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle]! < word) low = middle + 1;
      else high = middle;
    }
    return this.sorted[low]?.startsWith(word) ?? false;
  }

  words(): readonly string[] {
    return this.sorted;
  }
}

/** Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps), stopping past `limit`. */
export function editDistance(left: string, right: string, limit = Infinity): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= left.length; i += 1) {
    rows.push([i]);
    for (let j = 1; j <= right.length; j += 1) rows[i]![j] = i === 0 ? j : 0;
  }
  for (let i = 1; i <= left.length; i += 1) {
    let rowMinimum = Infinity;
    for (let j = 1; j <= right.length; j += 1) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
  }
  return rows[left.length]![right.length]!;
}

/** Shortest word that is corrected; shorter ones are too often acronyms. */
export const MIN_CORRECTED_LENGTH = 4;

/** The closest word of the vocabulary (fewest edits, then most frequent), or null. */
export function closestWord(word: string, vocabulary: Vocabulary): string | null {
  if (word.length < MIN_CORRECTED_LENGTH || /\d/.test(word)) return null;
  const limit = word.length >= 8 ? 2 : 1;
  let best: { word: string; distance: number; count: number } | null = null;
  for (const candidate of vocabulary.words()) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(word, candidate, limit);
    if (distance > limit) continue;
    const count = vocabulary.count(candidate);
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
  }
  return best?.word ?? null;
}
