// The performance targets of issue 10, evaluated from one benchmark run.
// Each target is met, missed, or not measured by the run (never guessed).

export type TargetStatus = 'met' | 'missed' | 'not measured';

export interface TargetRow {
  target: string;
  measured: string;
  status: TargetStatus;
}

/** What the targets are judged on; every figure comes from the same run. */
export interface TargetInputs {
  /** Ours without the response cache / peer, harmonic mean of the shared queries' req/s. */
  uncachedMixRatio: number | null;
  /** Ours uncached / peer req/s per shared query. */
  uncachedQueryRatios: Record<string, number>;
  practicePage: { statements: number | null; dbHits: number | null; peerDbHits: number | null } | null;
  listQuery: { statements: number | null } | null;
  /** Our uncached p99 (ms) at 100 req/s open loop, per lookup; null when the open-loop run was skipped. */
  openLoopP99At100: Record<string, number> | null;
  /** Errors of our uncached server in the open-loop runs at 100 req/s, per lookup. */
  openLoopErrorsAt100: Record<string, number> | null;
  /** Our uncached PROFILE db hits per lookup and scale (1, 10, 100 …); scales not profiled are absent. */
  lookupDbHitsByScale: Record<string, Record<number, number>>;
  /** Ours with the response cache / peer on the long-tail mix. */
  longTailCachedRatio: number | null;
  longTailHitRate: number | null;
  /** Queries whose answers must be the peer's (after normalisation): name → equivalent. */
  requiredEquivalence: Record<string, boolean>;
}

const fmt = (value: number, digits = 2): string => value.toFixed(digits);
const status = (ok: boolean): TargetStatus => (ok ? 'met' : 'missed');

export function evaluateTargets(inputs: TargetInputs): TargetRow[] {
  const rows: TargetRow[] = [];

  rows.push(
    inputs.uncachedMixRatio === null
      ? { target: 'uncached mix >= 2.0x the peer', measured: 'no uncached run, or a query of the mix completed no request', status: 'not measured' }
      : { target: 'uncached mix >= 2.0x the peer', measured: `${fmt(inputs.uncachedMixRatio)}x`, status: status(inputs.uncachedMixRatio >= 2) },
  );

  const ratios = Object.entries(inputs.uncachedQueryRatios);
  if (ratios.length === 0) {
    rows.push({ target: 'every query uncached >= 1.0x the peer', measured: 'no uncached run', status: 'not measured' });
  } else {
    const below = ratios.filter(([, ratio]) => ratio < 1);
    const worst = ratios.reduce((a, b) => (b[1] < a[1] ? b : a));
    rows.push({
      target: 'every query uncached >= 1.0x the peer',
      measured: below.length === 0 ? `lowest ${worst[0]} ${fmt(worst[1])}x` : `below 1.0x: ${below.map(([name, ratio]) => `${name} ${fmt(ratio)}x`).join(', ')}`,
      status: status(below.length === 0),
    });
  }

  const page = inputs.practicePage;
  if (!page || page.statements === null) {
    rows.push({ target: 'practice page: at most 2 statements', measured: 'not profiled', status: 'not measured' });
    rows.push({ target: 'practice page: db hits <= the peer', measured: 'not profiled', status: 'not measured' });
  } else {
    rows.push({ target: 'practice page: at most 2 statements', measured: `${page.statements}`, status: status(page.statements <= 2) });
    if (page.dbHits === null || page.peerDbHits === null) {
      rows.push({ target: 'practice page: db hits <= the peer', measured: 'not profiled', status: 'not measured' });
    } else {
      rows.push({
        target: 'practice page: db hits <= the peer',
        measured: `${page.dbHits} vs ${page.peerDbHits}`,
        status: status(page.dbHits <= page.peerDbHits),
      });
    }
  }

  const list = inputs.listQuery;
  rows.push(
    !list || list.statements === null
      ? { target: 'list query: at most 2 statements', measured: 'not profiled', status: 'not measured' }
      : { target: 'list query: at most 2 statements', measured: `${list.statements}`, status: status(list.statements <= 2) },
  );

  if (!inputs.openLoopP99At100 || Object.keys(inputs.openLoopP99At100).length === 0) {
    rows.push({ target: 'open loop 100 req/s uncached: p99 <= 15 ms per lookup', measured: 'not run', status: 'not measured' });
  } else {
    const entries = Object.entries(inputs.openLoopP99At100);
    const errors = inputs.openLoopErrorsAt100 ?? {};
    const failing = entries.filter(([name, p99]) => p99 > 15 || (errors[name] ?? 0) > 0);
    rows.push({
      target: 'open loop 100 req/s uncached: p99 <= 15 ms per lookup',
      measured: entries.map(([name, p99]) => `${name} ${fmt(p99, 1)} ms${(errors[name] ?? 0) > 0 ? ` (${errors[name]} errors)` : ''}`).join(', '),
      status: status(failing.length === 0),
    });
  }

  const lookups = Object.entries(inputs.lookupDbHitsByScale);
  const scaled = lookups.filter(([, byScale]) => Object.keys(byScale).some((scale) => Number(scale) > 1) && byScale[1] !== undefined);
  if (scaled.length === 0) {
    rows.push({ target: 'lookup db hits the same at 1x, 10x, 100x', measured: 'only one scale profiled', status: 'not measured' });
  } else {
    const scales = [...new Set(scaled.flatMap(([, byScale]) => Object.keys(byScale).map(Number)))].sort((a, b) => a - b);
    const flat = scaled.every(([, byScale]) => Object.values(byScale).every((hits) => hits === byScale[1]));
    // The largest change against x1, to tell a different plan (a few percent either way) from growth.
    const changes = scaled.flatMap(([, byScale]) => Object.values(byScale).map((hits) => ((hits - (byScale[1] ?? hits)) / Math.max(1, byScale[1] ?? 1)) * 100));
    const largest = changes.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
    rows.push({
      target: 'lookup db hits the same at 1x, 10x, 100x',
      measured: `${scaled.map(([name, byScale]) => `${name} ${scales.map((scale) => byScale[scale] ?? '–').join(' / ')}`).join('; ')} (x${scales.join(', x')})${
        flat ? '' : `; largest change against x1 ${largest > 0 ? '+' : ''}${largest.toFixed(1)}%`
      }${scales.includes(10) && scales.includes(100) ? '' : '; not every scale profiled'}`,
      status: !flat ? 'missed' : scales.includes(10) && scales.includes(100) ? 'met' : 'not measured',
    });
  }

  rows.push(
    inputs.longTailCachedRatio === null
      ? { target: 'long-tail mix with the response cache >= 2x the peer', measured: 'not run', status: 'not measured' }
      : {
          target: 'long-tail mix with the response cache >= 2x the peer',
          measured: `${fmt(inputs.longTailCachedRatio)}x (cache hit rate ${inputs.longTailHitRate === null ? '–' : `${fmt(inputs.longTailHitRate * 100, 1)}%`})`,
          status: status(inputs.longTailCachedRatio >= 2),
        },
  );

  const checks = Object.entries(inputs.requiredEquivalence);
  const different = checks.filter(([, same]) => !same).map(([name]) => name);
  rows.push(
    checks.length === 0
      ? { target: 'answers equivalent to the peer where checked', measured: 'no checks', status: 'not measured' }
      : {
          target: 'answers equivalent to the peer where checked',
          measured: different.length === 0 ? `${checks.length} of ${checks.length} equivalent` : `different: ${different.join(', ')}`,
          status: status(different.length === 0),
        },
  );
  return rows;
}
