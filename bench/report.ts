// Results of one benchmark run: the shapes written to bench/results/<stamp>.json,
// the Markdown report next to it, and the issue's targets judged from them.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CpuProfileSummary } from './instrumentation/cpu-profile.js';
import type { StatementProfile } from './instrumentation/profile.js';
import type { OpenLoopResult } from './load/open-loop.js';
import type { LongTailKind } from './long-tail.js';
import { QUERY_MIX, type MixQuery } from './queries.js';
import { evaluateTargets, type TargetInputs, type TargetRow } from './targets.js';

export type ServerName = 'ours' | 'ours-uncached' | 'peer';

export interface RoundSample {
  rps: number;
  requests: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  errors: number;
  cpuPercent: number;
  roundTripsPerRequest: number;
  rssMb: number;
  responses: number;
  /** Responses our response cache answered (header x-response-cache: hit). */
  cacheHits: number;
}

export interface QueryServerResult {
  rps: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  roundTripsPerRequest: number;
  cpuPercent: number;
  /** Server CPU milliseconds per request. */
  cpuMsPerRequest: number;
  rssMb: number;
  errors: number;
  dbHits: number | null;
  statements: number | null;
  rounds: RoundSample[];
}

export interface LongTailServerResult extends QueryServerResult {
  responses: number;
  cacheHits: number;
  hitRate: number;
  /** How many times the server went through the whole sequence (requests sent / distinct requests). */
  passes: number;
}

export interface LongTailResult {
  distinct: number;
  byKind: Record<LongTailKind, number>;
  checks: {
    byKind: Record<LongTailKind, { checked: number; equivalent: number; errors: number }>;
    differences: string[];
    errors: string[];
  };
  servers: Partial<Record<ServerName, LongTailServerResult>>;
}

export interface OpenLoopEntry {
  query: string;
  server: ServerName;
  result: OpenLoopResult;
}

export interface CpuProfileEntry {
  server: ServerName;
  load: string;
  summary: CpuProfileSummary;
}

export interface ScaleProfile {
  statements: number;
  dbHits: number;
  /** The operators with the most db hits, over the request's statements. */
  topOperators: string[];
}

export interface BenchResult {
  stamp: string;
  command: string;
  commit: string | null;
  options: { quick: boolean; scale: number; rounds: number; durationSec: number; connections: number; openLoopSec: number; cpuProfileSec: number };
  graph: { path: string; scale: number; nodes: number; relationships: number };
  machine: { cpus: number; model: string; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  durationSec: number;
  names: ServerName[];
  equivalence: Record<string, { equivalent: boolean | null; detail: string; differsByDesign: boolean }>;
  results: Record<string, Partial<Record<ServerName, QueryServerResult>>>;
  profiles: Record<string, StatementProfile[]>;
  longTail: LongTailResult | null;
  openLoop: OpenLoopEntry[];
  cpuProfiles: CpuProfileEntry[];
  /** Statements and db hits of one request per lookup, per scale profiled. */
  scaleProfiles: Record<number, Record<string, Partial<Record<ServerName, ScaleProfile>>>>;
}

/** Mix throughput: every query of the mix once, so the time per mix is the sum of per-query times (harmonic mean). */
export function mixThroughput(results: BenchResult['results'], name: ServerName, queries: MixQuery[]): number | null {
  const rates = queries.map((query) => results[query.name]?.[name]?.rps);
  if (rates.length === 0 || rates.some((rate) => rate === undefined || rate <= 0)) return null;
  return queries.length / rates.reduce<number>((sum, rate) => sum + 1 / (rate ?? 1), 0);
}

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
const ratio = (a: number | null | undefined, b: number | null | undefined): number | null => (a !== null && a !== undefined && b ? a / b : null);
const fmtRatio = (value: number | null): string => (value === null ? '–' : value.toFixed(2));
const fmtNumber = (value: number | null | undefined, digits = 0): string => (value === null || value === undefined ? '–' : value.toFixed(digits));
const sharedQueries = (): MixQuery[] => QUERY_MIX.filter((query) => query.peer !== null);
const uncachedName = (result: BenchResult): ServerName => (result.names.includes('ours-uncached') ? 'ours-uncached' : 'ours');

export function targetInputs(result: BenchResult): TargetInputs {
  const uncached = result.names.includes('ours-uncached');
  const shared = sharedQueries();
  const uncachedQueryRatios: Record<string, number> = {};
  if (uncached) {
    for (const query of shared) {
      const value = ratio(result.results[query.name]?.['ours-uncached']?.rps, result.results[query.name]?.peer?.rps);
      if (value !== null) uncachedQueryRatios[query.name] = round(value);
    }
  }
  const mixUncached = uncached ? ratio(mixThroughput(result.results, 'ours-uncached', shared), mixThroughput(result.results, 'peer', shared)) : null;
  const page = result.results['practice page'];
  const list = result.results['all practices + actors + instruments'];
  const openLoopAt100 = result.openLoop.filter((entry) => entry.result.rate === 100 && entry.server === uncachedName(result));
  const lookupDbHitsByScale: TargetInputs['lookupDbHitsByScale'] = {};
  for (const [scale, byQuery] of Object.entries(result.scaleProfiles)) {
    for (const [query, byServer] of Object.entries(byQuery)) {
      const ours = byServer[uncachedName(result)];
      if (ours) lookupDbHitsByScale[query] = { ...(lookupDbHitsByScale[query] ?? {}), [Number(scale)]: ours.dbHits };
    }
  }
  const longTailCached = result.longTail?.servers.ours;
  const longTailPeer = result.longTail?.servers.peer;
  const requiredEquivalence: Record<string, boolean> = {};
  for (const [name, check] of Object.entries(result.equivalence)) {
    if (check.equivalent !== null && !check.differsByDesign) requiredEquivalence[name] = check.equivalent;
  }
  const pages = result.longTail?.checks.byKind['practice page'];
  if (pages) requiredEquivalence[`long tail: ${pages.checked} practice pages`] = pages.equivalent === pages.checked;
  const neighbourhoods = result.longTail?.checks.byKind.neighbourhood;
  if (neighbourhoods) requiredEquivalence[`long tail: ${neighbourhoods.checked} neighbourhoods (nodes, centre edges)`] = neighbourhoods.equivalent === neighbourhoods.checked;
  return {
    uncachedMixRatio: mixUncached === null ? null : round(mixUncached),
    uncachedQueryRatios,
    practicePage: page ? { statements: page[uncachedName(result)]?.statements ?? null, dbHits: page[uncachedName(result)]?.dbHits ?? null, peerDbHits: page.peer?.dbHits ?? null } : null,
    listQuery: list ? { statements: list[uncachedName(result)]?.statements ?? null } : null,
    openLoopP99At100: openLoopAt100.length > 0 ? Object.fromEntries(openLoopAt100.map((entry) => [entry.query, entry.result.p99])) : null,
    openLoopErrorsAt100: openLoopAt100.length > 0 ? Object.fromEntries(openLoopAt100.map((entry) => [entry.query, entry.result.errors])) : null,
    lookupDbHitsByScale,
    longTailCachedRatio: longTailCached && longTailPeer ? round(longTailCached.rps / longTailPeer.rps) : null,
    longTailHitRate: longTailCached ? longTailCached.hitRate : null,
    requiredEquivalence,
  };
}

export function markdownReport(result: BenchResult, targets: TargetRow[]): string {
  const lines: string[] = [];
  const { names, results } = result;
  const un = uncachedName(result);
  const shared = sharedQueries();
  lines.push(`# Benchmark ${result.stamp}`, '');
  lines.push(
    `Command: \`${result.command}\` at commit ${result.commit?.slice(0, 12) ?? '?'}. Graph: ${result.graph.path} x${result.graph.scale} ` +
      `(${result.graph.nodes} nodes, ${result.graph.relationships} relationships). ${result.machine.cpus} CPUs (${result.machine.model}) shared with ` +
      `Neo4j, the servers and the load generator (and whatever else runs on the machine: load average ${result.machine.loadAverageAtStart.join(' ')} ` +
      `at the start, ${result.machine.loadAverageAtEnd.join(' ')} at the end), Node ${result.machine.node}, loopback. Whole run ${result.durationSec} s.`,
    '',
  );

  lines.push('## Targets (issue 10)', '');
  lines.push('| target | measured | status |', '|---|---|---|');
  for (const row of targets) lines.push(`| ${row.target} | ${row.measured} | **${row.status}** |`);
  lines.push('');

  lines.push('## Per query: ours without the response cache against the peer', '');
  lines.push(
    `Closed loop, ${result.options.connections} connections, ${result.options.rounds} alternating rounds of ${result.options.durationSec} s per query and server. ` +
      'Statements: Cypher statements per request counted by the recording driver in the timed rounds (and captured for one request, PROFILE). ' +
      'db hits: PROFILE of the statements of one request.',
    '',
  );
  lines.push(
    '| query | ours uncached req/s | peer req/s | ours/peer | ours cached req/s | cached/peer | our statements/req | our db hits | peer db hits | our CPU ms/req | peer CPU ms/req | same answer |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const query of QUERY_MIX) {
    const entry = results[query.name] ?? {};
    const mine = entry[un];
    const eq = result.equivalence[query.name];
    lines.push(
      `| ${query.name} | ${fmtNumber(mine?.rps)} | ${fmtNumber(entry.peer?.rps)} | ${fmtRatio(ratio(mine?.rps, entry.peer?.rps))} | ${un === 'ours' ? '–' : fmtNumber(entry.ours?.rps)} | ` +
        `${un === 'ours' ? '–' : fmtRatio(ratio(entry.ours?.rps, entry.peer?.rps))} | ${mine ? `${mine.roundTripsPerRequest} (${mine.statements ?? '–'})` : '–'} | ${fmtNumber(mine?.dbHits)} | ` +
        `${fmtNumber(entry.peer?.dbHits)} | ${fmtNumber(mine?.cpuMsPerRequest, 2)} | ${fmtNumber(entry.peer?.cpuMsPerRequest, 2)} | ` +
        `${eq?.equivalent === null ? 'ours-only' : eq?.equivalent ? 'yes' : eq?.differsByDesign ? 'no (by design)' : 'NO'} |`,
    );
  }
  const mix = Object.fromEntries(names.map((name) => [name, mixThroughput(results, name, shared)]));
  lines.push('');
  lines.push(
    `Mix (the ${shared.length} shared queries, each once; harmonic mean of req/s): ${names.map((name) => `${name} ${fmtNumber(mix[name])}`).join(', ')}. ` +
      `Ours/peer: ${un === 'ours' ? '' : `uncached **${fmtRatio(ratio(mix[un], mix.peer))}x**, `}cached ${fmtRatio(ratio(mix.ours, mix.peer))}x.`,
    '',
  );

  if (result.longTail) {
    const lt = result.longTail;
    lines.push('## Long-tail mix (every request different)', '');
    lines.push(
      `${lt.distinct} distinct requests (${Object.entries(lt.byKind).map(([kind, count]) => `${count} ${kind}`).join(', ')}), named operations with variables, ` +
        `in a fixed shuffled order; each server walks the sequence from its start, continuing across rounds, so a request comes back only after all the others ` +
        `(our cache keeps 1,000 responses). The peer's search is its @cypher field over the same full-text indexes (db.index.fulltext.queryNodes).`,
      '',
    );
    lines.push('| server | req/s | p50 | p99 | ours/peer | cache hits | passes over the sequence | statements/req | CPU ms/req | errors |', '|---|---:|---:|---:|---:|---|---:|---:|---:|---:|');
    for (const name of names) {
      const r = lt.servers[name];
      if (!r) continue;
      lines.push(
        `| ${name} | ${fmtNumber(r.rps)} | ${r.p50} | ${r.p99} | ${name === 'peer' ? '' : fmtRatio(ratio(r.rps, lt.servers.peer?.rps))} | ` +
          `${name === 'peer' ? '–' : `${r.cacheHits}/${r.responses} (${(r.hitRate * 100).toFixed(1)}%)`} | ${r.passes} | ${r.roundTripsPerRequest} | ${r.cpuMsPerRequest} | ${r.errors} |`,
      );
    }
    lines.push('');
    const cached = lt.servers.ours;
    if (cached) {
      lines.push(
        `Our cache by round (hits / answered): ${cached.rounds.map((r, i) => `round ${i + 1} ${r.cacheHits}/${r.responses} (${r.responses > 0 ? ((r.cacheHits / r.responses) * 100).toFixed(1) : '0'}%)`).join(', ')}. ` +
          `The first pass over the sequence can only miss; once a response is cached it stays a hit until the cache is full, so the hit rate grows with the passes a run makes.`,
        '',
      );
    }
    lines.push(
      `Answer checks (ours uncached against the peer, every request): ${Object.entries(lt.checks.byKind)
        .map(([kind, c]) => `${kind} ${c.equivalent}/${c.checked} equivalent${c.errors ? `, ${c.errors} errors` : ''}`)
        .join('; ')}. Neighbourhoods are compared on their nodes and the edges at the centre (ours also returns the edges between neighbours); searches rank differently by design.`,
    );
    for (const line of [...lt.checks.errors, ...lt.checks.differences]) lines.push(`- ${line}`);
    lines.push('');
  }

  if (result.openLoop.length > 0) {
    lines.push('## Open-loop latency at a fixed rate', '');
    lines.push(
      `Request i is sent at start + i/rate whether or not earlier ones were answered; latency runs from that scheduled time, so queueing is counted. ` +
        `${result.options.openLoopSec} s per query, rate and server, keep-alive connections opened as needed. Not autocannon's overallRate: it sends each ` +
        `second's budget in a burst at the start of the second. Latencies in ms.`,
      '',
    );
    lines.push('| query | rate | server | p50 | p90 | p99 | max | sent | errors | answered/s |', '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const entry of result.openLoop) {
      const r = entry.result;
      lines.push(`| ${entry.query} | ${r.rate} | ${entry.server} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.sent} | ${r.errors} | ${r.achievedRate} |`);
    }
    lines.push('');
  }

  if (result.cpuProfiles.length > 0) {
    lines.push('## CPU profiles (node --cpu-prof, self time)', '');
    for (const entry of result.cpuProfiles) {
      const s = entry.summary;
      lines.push(`### ${entry.server}`, '');
      lines.push(`Load: ${entry.load}. Busy ${s.busyMs} ms of ${s.totalMs} ms sampled (idle ${s.idleMs} ms).`, '');
      lines.push(`By origin: ${s.byOrigin.slice(0, 10).map((o) => `${o.origin} ${o.percent}%`).join(', ')}.`, '');
      lines.push('| function | origin | self ms | % of busy |', '|---|---|---:|---:|');
      for (const top of s.top) lines.push(`| \`${top.name.replace(/\|/g, '\\|')}\` | ${top.origin} | ${top.selfMs} | ${top.percent} |`);
      lines.push('');
    }
  }

  const scales = Object.keys(result.scaleProfiles).map(Number).sort((a, b) => a - b);
  if (scales.length > 0) {
    lines.push('## Lookups by graph size (PROFILE of one request)', '');
    lines.push(`| lookup | server | ${scales.map((s) => `x${s} statements / db hits`).join(' | ')} |`, `|---|---|${scales.map(() => '---:').join('|')}|`);
    const lookups = [...new Set(scales.flatMap((s) => Object.keys(result.scaleProfiles[s] ?? {})))];
    for (const lookup of lookups) {
      for (const name of [un, 'peer'] as ServerName[]) {
        const cells = scales.map((s) => {
          const found = result.scaleProfiles[s]?.[lookup]?.[name];
          return found ? `${found.statements} / ${found.dbHits}` : '–';
        });
        if (cells.some((cell) => cell !== '–')) lines.push(`| ${lookup} | ${name} | ${cells.join(' | ')} |`);
      }
    }
    lines.push('');
    // Where the db hits change with the graph: the operators that account for them at each scale.
    for (const lookup of lookups) {
      for (const name of [un, 'peer'] as ServerName[]) {
        const found = scales.map((s) => result.scaleProfiles[s]?.[lookup]?.[name]);
        const hits = new Set(found.filter((f) => f !== undefined).map((f) => f.dbHits));
        if (hits.size > 1) {
          lines.push(`- ${lookup} (${name}) db hits change with the graph; top operators ${scales.map((s, i) => `x${s}: ${found[i]?.topOperators.join(', ') ?? '–'}`).join('; ')}`);
        }
      }
    }
    lines.push('');
  }

  lines.push('## Every server, closed loop', '', 'Latencies in ms (autocannon gives p97.5, not p95).', '');
  lines.push('| query | server | req/s | p50 | p90 | p97.5 | p99 | statements/req | db hits (PROFILE) | CPU % | CPU ms/req | RSS MB | errors |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const query of QUERY_MIX) {
    for (const name of names) {
      const r = results[query.name]?.[name];
      if (!r) continue;
      lines.push(
        `| ${query.name} | ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p90} | ${r.p97_5} | ${r.p99} | ${r.roundTripsPerRequest} | ${r.dbHits ?? '–'} | ${r.cpuPercent} | ${r.cpuMsPerRequest} | ${r.rssMb} | ${r.errors} |`,
      );
    }
  }
  lines.push('', '## Answer checks', '');
  for (const [name, eq] of Object.entries(result.equivalence)) {
    lines.push(`- ${name}: ${eq.equivalent === null ? 'ours-only' : eq.equivalent ? 'equivalent' : eq.differsByDesign ? 'differs (by design)' : 'DIFFERS'} — ${eq.detail}`);
  }
  lines.push('', '## Where the database time goes (PROFILE, top operators)', '');
  for (const [key, statements] of Object.entries(result.profiles)) {
    const top = statements.flatMap((s) => s.topOperators).sort((a, b) => b.dbHits - a.dbHits).slice(0, 3);
    lines.push(`- ${key}: ${statements.length} statement(s), ${statements.reduce((s, p) => s + p.dbHits, 0)} db hits; ${top.map((o) => `${o.operator} ${o.dbHits}`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

/** Writes <dir>/<stamp><suffix>.json and .md; returns the base path and the Markdown. */
export function writeReport(result: BenchResult, dir: string): { base: string; markdown: string; targets: TargetRow[] } {
  const targets = evaluateTargets(targetInputs(result));
  const markdown = markdownReport(result, targets);
  const suffix = `${result.options.quick ? '-quick' : ''}${result.graph.scale > 1 ? `-x${result.graph.scale}` : ''}`;
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${result.stamp}${suffix}`);
  const shared = sharedQueries();
  const mix = Object.fromEntries(result.names.map((name) => [name, mixThroughput(result.results, name, shared)]));
  writeFileSync(`${base}.json`, JSON.stringify({ ...result, mix, targets }, null, 2) + '\n');
  writeFileSync(`${base}.md`, markdown);
  return { base, markdown, targets };
}
