import { describe, expect, it } from 'vitest';
import { evaluateTargets, type TargetInputs } from '../../../bench/targets.js';

const allMet: TargetInputs = {
  uncachedMixRatio: 2.4,
  uncachedQueryRatios: { 'practice page': 1.5, search: 1.1 },
  practicePage: { statements: 1, dbHits: 120, peerDbHits: 159 },
  listQuery: { statements: 2 },
  openLoopP99At100: { 'practice page': 9.5, neighbourhood: 14.9 },
  openLoopErrorsAt100: { 'practice page': 0, neighbourhood: 0 },
  lookupDbHitsByScale: { 'practice page': { 1: 120, 10: 120, 100: 120 } },
  longTailCachedRatio: 2.5,
  longTailHitRate: 0.1,
  requiredEquivalence: { 'practice page': true },
};

const statusOf = (inputs: TargetInputs, prefix: string): string | undefined =>
  evaluateTargets(inputs).find((row) => row.target.startsWith(prefix))?.status;

describe('evaluateTargets', () => {
  it('meets every target when every figure is within it', () => {
    const rows = evaluateTargets(allMet);
    expect(rows).toHaveLength(9);
    expect(rows.filter((row) => row.status !== 'met')).toEqual([]);
  });

  it('misses the mix and per-query targets below 2.0x and 1.0x', () => {
    expect(statusOf({ ...allMet, uncachedMixRatio: 1.99 }, 'uncached mix')).toBe('missed');
    const rows = evaluateTargets({ ...allMet, uncachedQueryRatios: { 'practice page': 0.8, search: 1.2 } });
    expect(rows.find((row) => row.target.startsWith('every query'))).toMatchObject({ status: 'missed', measured: 'below 1.0x: practice page 0.80x' });
  });

  it('judges statements and db hits of the practice page and the list', () => {
    expect(statusOf({ ...allMet, practicePage: { statements: 3, dbHits: 1, peerDbHits: 2 } }, 'practice page: at most')).toBe('missed');
    expect(statusOf({ ...allMet, practicePage: { statements: 1, dbHits: 160, peerDbHits: 159 } }, 'practice page: db hits')).toBe('missed');
    expect(statusOf({ ...allMet, listQuery: { statements: 3 } }, 'list query')).toBe('missed');
  });

  it('misses the latency target on a p99 over 15 ms or on errors', () => {
    expect(statusOf({ ...allMet, openLoopP99At100: { 'practice page': 15.1 } }, 'open loop')).toBe('missed');
    expect(statusOf({ ...allMet, openLoopErrorsAt100: { 'practice page': 1, neighbourhood: 0 } }, 'open loop')).toBe('missed');
    expect(statusOf({ ...allMet, openLoopP99At100: null }, 'open loop')).toBe('not measured');
  });

  it('needs x10 and x100 to call the scale target met, and misses it as soon as db hits move', () => {
    const moved = evaluateTargets({ ...allMet, lookupDbHitsByScale: { 'practice page': { 1: 100, 10: 101, 100: 120 } } }).find((row) => row.target.startsWith('lookup db hits'));
    expect(moved).toMatchObject({ status: 'missed', measured: 'practice page 100 / 101 / 120 (x1, x10, x100); largest change against x1 +20.0%' });
    expect(statusOf({ ...allMet, lookupDbHitsByScale: { 'practice page': { 1: 120, 10: 120 } } }, 'lookup db hits')).toBe('not measured');
    expect(statusOf({ ...allMet, lookupDbHitsByScale: { 'practice page': { 1: 120 } } }, 'lookup db hits')).toBe('not measured');
  });

  it('judges the long tail with the cache and the answer checks', () => {
    expect(statusOf({ ...allMet, longTailCachedRatio: 1.9 }, 'long-tail')).toBe('missed');
    expect(statusOf({ ...allMet, longTailCachedRatio: null }, 'long-tail')).toBe('not measured');
    expect(statusOf({ ...allMet, requiredEquivalence: { 'practice page': true, filter: false } }, 'answers')).toBe('missed');
  });
});
