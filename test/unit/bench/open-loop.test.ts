import { describe, expect, it } from 'vitest';
import { latencySummary, schedule } from '../../../bench/load/open-loop.js';

describe('schedule', () => {
  it('spaces rate x duration requests evenly, whatever the answers', () => {
    expect(schedule(100, 2)).toHaveLength(200);
    expect(schedule(4, 1)).toEqual([0, 250, 500, 750]);
    expect(schedule(200, 0.5).at(-1)).toBe(495);
  });

  it('refuses a rate or duration that is not positive', () => {
    expect(() => schedule(0, 1)).toThrow(/positive/);
    expect(() => schedule(100, -1)).toThrow(/positive/);
  });
});

describe('latencySummary', () => {
  it('gives nearest-rank percentiles, the maximum and the mean', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1); // 1 … 100 ms
    expect(latencySummary(values)).toEqual({ p50: 50, p90: 90, p99: 99, max: 100, mean: 50.5 });
  });

  it('does not depend on the order of the values', () => {
    expect(latencySummary([3, 1, 2])).toEqual(latencySummary([1, 2, 3]));
    expect(latencySummary([3, 1, 2]).p99).toBe(3);
  });

  it('is all zeros without values', () => {
    expect(latencySummary([])).toEqual({ p50: 0, p90: 0, p99: 0, max: 0, mean: 0 });
  });
});
