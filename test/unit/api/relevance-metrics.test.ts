import { describe, expect, it } from 'vitest';
import { ndcgAt, recallAt } from '../../support/relevance.js';

describe('ranking metrics', () => {
  const relevant = { a: 2, b: 1, c: 1 };

  it('gives nDCG 1 to the ideal order and less to any other', () => {
    expect(ndcgAt(10, ['a', 'b', 'c'], relevant)).toBeCloseTo(1, 10);
    expect(ndcgAt(10, ['b', 'a', 'c'], relevant)).toBeLessThan(1);
    expect(ndcgAt(10, ['x', 'a', 'b', 'c'], relevant)).toBeLessThan(ndcgAt(10, ['a', 'x', 'b', 'c'], relevant));
    expect(ndcgAt(10, ['x', 'y'], relevant)).toBe(0);
  });

  it('computes nDCG by hand for a known ranking', () => {
    // DCG = 1/log2(2)·0 + 3/log2(3) ; ideal = 3 + 1/log2(3) + 1/2
    const dcg = 3 / Math.log2(3);
    const ideal = 3 + 1 / Math.log2(3) + 1 / 2;
    expect(ndcgAt(10, ['x', 'a'], relevant)).toBeCloseTo(dcg / ideal, 10);
  });

  it('caps recall at k relevant nodes and counts only the top k', () => {
    expect(recallAt(20, ['a', 'x', 'c'], relevant)).toBeCloseTo(2 / 3, 10);
    expect(recallAt(1, ['a', 'b'], relevant)).toBe(1);
    expect(recallAt(1, ['x', 'a'], relevant)).toBe(0);
  });
});
