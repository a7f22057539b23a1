import { describe, expect, it } from 'vitest';
import { markdownReport, mixThroughput, targetInputs, type BenchResult, type QueryServerResult } from '../../../bench/report.js';
import { QUERY_MIX } from '../../../bench/queries.js';
import { evaluateTargets } from '../../../bench/targets.js';

const at = (rps: number, extra: Partial<QueryServerResult> = {}): QueryServerResult => ({
  rps,
  p50: 1,
  p90: 2,
  p97_5: 3,
  p99: 4,
  roundTripsPerRequest: 1,
  cpuPercent: 50,
  cpuMsPerRequest: 1,
  rssMb: 100,
  errors: 0,
  dbHits: 100,
  statements: 1,
  rounds: [],
  ...extra,
});

const shared = QUERY_MIX.filter((query) => query.peer !== null);

function result(oursUncached: number, peer: number): BenchResult {
  return {
    stamp: 's',
    command: 'npm run bench:quick',
    commit: 'abc',
    options: { quick: true, scale: 1, rounds: 2, durationSec: 2, connections: 32, openLoopSec: 4, cpuProfileSec: 1 },
    graph: { path: 'g', scale: 1, nodes: 490, relationships: 858 },
    machine: { cpus: 2, model: 'cpu', node: 'v20', loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [1, 1, 1] },
    durationSec: 1,
    names: ['ours', 'ours-uncached', 'peer'],
    equivalence: Object.fromEntries(shared.map((query) => [query.name, { equivalent: !query.differsByDesign, detail: '', differsByDesign: query.differsByDesign ?? false }])),
    results: Object.fromEntries(shared.map((query) => [query.name, { ours: at(1000), 'ours-uncached': at(oursUncached), peer: at(peer, { dbHits: 159 }) }])),
    profiles: {},
    longTail: null,
    openLoop: [
      { query: 'practice page', server: 'ours-uncached', result: { rate: 100, durationSec: 4, sent: 400, ok: 400, errors: 0, achievedRate: 100, p50: 3, p90: 5, p99: 12, max: 20, mean: 4 } },
      { query: 'practice page', server: 'peer', result: { rate: 100, durationSec: 4, sent: 400, ok: 400, errors: 0, achievedRate: 100, p50: 3, p90: 5, p99: 40, max: 50, mean: 4 } },
    ],
    cpuProfiles: [],
    scaleProfiles: {},
  };
}

describe('mixThroughput', () => {
  it('is the harmonic mean of the queries’ rates (each query once)', () => {
    const results = { a: { peer: at(100) }, b: { peer: at(300) } };
    const queries = [{ name: 'a' }, { name: 'b' }] as typeof QUERY_MIX;
    expect(mixThroughput(results, 'peer', queries)).toBeCloseTo(150);
  });

  it('is unknown when a query was not run or completed nothing', () => {
    expect(mixThroughput({ a: { peer: at(0) } }, 'peer', [{ name: 'a' }] as typeof QUERY_MIX)).toBeNull();
    expect(mixThroughput({}, 'peer', [{ name: 'a' }] as typeof QUERY_MIX)).toBeNull();
  });
});

describe('targetInputs', () => {
  it('takes the uncached ratios, the practice page profile and our open-loop p99 at 100 req/s', () => {
    const inputs = targetInputs(result(400, 200));
    expect(inputs.uncachedMixRatio).toBe(2);
    expect(Object.values(inputs.uncachedQueryRatios).every((ratio) => ratio === 2)).toBe(true);
    expect(inputs.practicePage).toEqual({ statements: 1, dbHits: 100, peerDbHits: 159 });
    expect(inputs.openLoopP99At100).toEqual({ 'practice page': 12 });
    const required = Object.keys(inputs.requiredEquivalence);
    expect(required).toContain('practice page');
    expect(required).not.toContain('search');
  });

  it('reports a query that completed nothing as 0x, not as missing', () => {
    const slow = result(400, 200);
    const page = slow.results['practice page'];
    if (page) page['ours-uncached'] = at(0);
    expect(targetInputs(slow).uncachedQueryRatios['practice page']).toBe(0);
  });

  it('renders the targets in the Markdown report', () => {
    const run = result(100, 200);
    const markdown = markdownReport(run, evaluateTargets(targetInputs(run)));
    expect(markdown).toContain('| uncached mix >= 2.0x the peer | 0.50x | **missed** |');
    expect(markdown).toContain('| practice page | 100 | 200 | 0.50 |');
  });
});
