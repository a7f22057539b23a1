// Benchmark of our service against the @neo4j/graphql peer (issue 5).
//
//   npm run bench                 full run (toolkit graph)
//   npm run bench:quick           fewer, shorter rounds (about 3 minutes)
//   npm run bench -- --scale 10   the mix on the toolkit graph replicated 10 times
//
// Starts a local Neo4j in a temporary directory, migrates, loads the graph,
// starts our service (with and without its response cache) and the peer as
// child processes, checks the answers are equivalent, then runs alternating
// A/B autocannon rounds per query (32 connections, loopback). Writes
// bench/results/<timestamp>.json and .md.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '../src/store/driver.js';
import { TOOLKIT_GRAPH_PATH, readGraphFile } from '../src/store/graph-file.js';
import { launchNeo4j, type LaunchedNeo4j } from '../src/store/launcher.js';
import { loadGraph } from '../src/store/load.js';
import { migrate } from '../src/store/migrations.js';
import type { StatementProfile } from './instrumentation/profile.js';
import { QUERY_MIX, requestBody, type MixQuery } from './queries.js';
import { ServerProcess } from './servers/server-process.js';
import type { ProcessStats } from './servers/protocol.js';
import { syntheticGraph } from './synthetic.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.dirname(BENCH_DIR);
const MINI_GRAPH_PATH = path.join(REPO_ROOT, 'test', 'fixtures', 'mini.graph.json');

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p97_5: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Options {
  quick: boolean;
  scale: number;
  rounds: number;
  durationSec: number;
  connections: number;
  uncached: boolean;
}

function parseArgs(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  return {
    quick,
    scale: Number(value('--scale') ?? '1'),
    rounds: Number(value('--rounds') ?? (quick ? '2' : '3')),
    durationSec: Number(value('--duration') ?? (quick ? '2' : '5')),
    connections: Number(value('--connections') ?? '32'),
    uncached: !argv.includes('--no-uncached'),
  };
}

type ServerName = 'ours' | 'ours-uncached' | 'peer';

interface RoundSample {
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
}

interface QueryServerResult {
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

const mean = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

async function post(url: string, query: string): Promise<{ data?: unknown; errors?: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBody(query) });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

function searchIndexNames(): string[] {
  const text = readFileSync(path.join(REPO_ROOT, 'cypher', '003-fulltext-indexes.cypher'), 'utf8');
  return [...text.matchAll(/CREATE FULLTEXT INDEX (\w+) IF NOT EXISTS FOR \(\w+:/g)].map((match) => match[1] ?? '').filter((name) => name !== '');
}

async function measure(server: ServerProcess, query: string, options: Options): Promise<RoundSample> {
  const before: ProcessStats = await server.stats();
  const started = process.hrtime.bigint();
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: requestBody(query),
    connections: options.connections,
    duration: options.durationSec,
  });
  const elapsedSec = Number(process.hrtime.bigint() - started) / 1e9;
  const after = await server.stats();
  const requests = Math.max(1, result.requests.total);
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    cpuPercent: ((after.cpuMicros - before.cpuMicros) / 1e6 / elapsedSec) * 100,
    roundTripsPerRequest: (after.roundTrips - before.roundTrips) / requests,
    rssMb: after.rssBytes / 2 ** 20,
  };
}

function summarise(samples: RoundSample[], profile: StatementProfile[] | null): QueryServerResult {
  const totalRequests = samples.reduce((sum, s) => sum + s.requests, 0);
  const cpuPercent = mean(samples.map((s) => s.cpuPercent));
  const rps = mean(samples.map((s) => s.rps));
  return {
    rps: round(rps, 1),
    p50: round(mean(samples.map((s) => s.p50))),
    p90: round(mean(samples.map((s) => s.p90))),
    p97_5: round(mean(samples.map((s) => s.p97_5))),
    p99: round(mean(samples.map((s) => s.p99))),
    roundTripsPerRequest: round(
      samples.reduce((sum, s) => sum + s.roundTripsPerRequest * s.requests, 0) / Math.max(1, totalRequests),
      3,
    ),
    cpuPercent: round(cpuPercent, 1),
    cpuMsPerRequest: round(rps > 0 ? (cpuPercent / 100) * 1000 / rps : 0, 3),
    rssMb: round(Math.max(...samples.map((s) => s.rssMb)), 1),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    dbHits: profile ? profile.reduce((sum, p) => sum + p.dbHits, 0) : null,
    statements: profile ? profile.length : null,
    rounds: samples,
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string): void => console.log(line);
  const graphPath = existsSync(TOOLKIT_GRAPH_PATH) ? TOOLKIT_GRAPH_PATH : MINI_GRAPH_PATH;
  if (graphPath === MINI_GRAPH_PATH) log('NOTE: data/graph/toolkit.graph.json does not exist yet: using test/fixtures/mini.graph.json');
  const baseGraph = readGraphFile(graphPath);
  const graph = options.scale > 1 ? syntheticGraph(baseGraph, options.scale) : baseGraph;
  log(`graph: ${path.relative(REPO_ROOT, graphPath)} x${options.scale}: ${graph.nodes.length} nodes, ${graph.relationships.length} relationships`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nexus-bench-'));
  const password = 'bench-password';
  let neo4j: LaunchedNeo4j | undefined;
  const servers = new Map<ServerName, ServerProcess>();
  const stopAll = async (): Promise<void> => {
    await Promise.all([...servers.values()].map((server) => server.stop().catch(() => undefined)));
    servers.clear();
    if (neo4j) await neo4j.stop().catch(() => undefined);
    neo4j = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  };
  const onSignal = (): void => {
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const t0 = Date.now();
    neo4j = await launchNeo4j({ dataDir, port: 0, username: 'neo4j', password, heapMb: options.scale >= 50 ? 2048 : 768, pageCacheMb: options.scale >= 50 ? 512 : 256, log: () => {} });
    const credentials = { uri: neo4j.uri, username: 'neo4j', password, database: 'neo4j' };
    const driver = await connect(credentials, 120_000);
    try {
      await migrate(driver);
      await loadGraph(driver, graph, { batchSize: 2000 });
    } finally {
      await driver.close();
    }
    log(`neo4j up, migrated and loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const env = {
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: 'neo4j',
      BENCH_SEARCH_INDEXES: searchIndexNames().join(','),
    };
    const names: ServerName[] = options.uncached ? ['ours', 'ours-uncached', 'peer'] : ['ours', 'peer'];
    for (const name of names) {
      const kind = name === 'peer' ? 'peer' : 'ours';
      const extra: Record<string, string> = name === 'ours-uncached' ? { BENCH_RESPONSE_CACHE: 'off' } : {};
      servers.set(name, await ServerProcess.start({ kind, port: 0, env: { ...env, ...extra } }));
    }
    const server = (name: ServerName): ServerProcess => {
      const found = servers.get(name);
      if (!found) throw new Error(`no ${name} server`);
      return found;
    };

    // Equivalence of the answers before any timing.
    const equivalence: Record<string, { equivalent: boolean | null; detail: string }> = {};
    for (const query of QUERY_MIX) {
      const ours = await post(server('ours').url, query.ours);
      if (ours.errors) throw new Error(`our service failed "${query.name}": ${JSON.stringify(ours.errors).slice(0, 500)}`);
      if (query.peer === null) {
        equivalence[query.name] = { equivalent: null, detail: 'ours-only' };
        continue;
      }
      const peer = await post(server('peer').url, query.peer);
      if (peer.errors) throw new Error(`peer failed "${query.name}": ${JSON.stringify(peer.errors).slice(0, 500)}`);
      const a = JSON.stringify(query.normaliseOurs(ours.data));
      const b = JSON.stringify(query.normalisePeer(peer.data));
      equivalence[query.name] = {
        equivalent: a === b,
        detail: a === b ? 'same normalised answer' : `${difference(query.normaliseOurs(ours.data), query.normalisePeer(peer.data))}${query.note ? ` (${query.note})` : ''}`,
      };
      log(`check ${query.name}: ${a === b ? 'equivalent' : `DIFFERENT: ${equivalence[query.name]?.detail ?? ''}`}`);
    }

    // PROFILE of the Cypher one request sends (uncached ours, and the peer).
    const profiles = new Map<string, StatementProfile[]>();
    for (const query of QUERY_MIX) {
      for (const name of names) {
        const text = name === 'peer' ? query.peer : query.ours;
        if (text === null) continue;
        const target = server(name);
        await post(target.url, text); // warm: the cached server answers the timed request from cache
        profiles.set(`${query.name}|${name}`, await target.profileDuring(async () => void (await post(target.url, text))));
      }
    }

    // Warm-up, then alternating A/B rounds (order reversed every round).
    const samples = new Map<string, RoundSample[]>();
    for (const query of QUERY_MIX) {
      for (const name of names) {
        const text = name === 'peer' ? query.peer : query.ours;
        if (text !== null) await measure(server(name), text, { ...options, durationSec: 1 });
      }
    }
    for (let r = 0; r < options.rounds; r += 1) {
      const order = r % 2 === 0 ? names : [...names].reverse();
      for (const query of QUERY_MIX) {
        for (const name of order) {
          const text = name === 'peer' ? query.peer : query.ours;
          if (text === null) continue;
          const sample = await measure(server(name), text, options);
          const key = `${query.name}|${name}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
          log(`round ${r + 1}/${options.rounds} ${query.name} ${name}: ${sample.rps.toFixed(0)} req/s p99 ${sample.p99} ms`);
        }
      }
    }

    const results: Record<string, Partial<Record<ServerName, QueryServerResult>>> = {};
    for (const query of QUERY_MIX) {
      const entry: Partial<Record<ServerName, QueryServerResult>> = {};
      for (const name of names) {
        const key = `${query.name}|${name}`;
        const found = samples.get(key);
        if (found) entry[name] = summarise(found, profiles.get(key) ?? null);
      }
      results[query.name] = entry;
    }
    await stopAll();
    report(options, graphPath, graph.nodes.length, graph.relationships.length, names, results, equivalence, profiles);
  } finally {
    await stopAll();
  }
}

/** What only one side returned, for answers that are lists (or objects of lists) of values. */
function difference(ours: unknown, peer: unknown, label = ''): string {
  if (Array.isArray(ours) && Array.isArray(peer)) {
    const a = ours.map((v) => JSON.stringify(v));
    const b = peer.map((v) => JSON.stringify(v));
    const onlyOurs = a.filter((v) => !b.includes(v));
    const onlyPeer = b.filter((v) => !a.includes(v));
    if (onlyOurs.length === 0 && onlyPeer.length === 0) return `${label}same items, different order (ours ${a.join(',')} / peer ${b.join(',')})`;
    return `${label}only ours: ${onlyOurs.slice(0, 8).join(', ') || 'none'}${onlyOurs.length > 8 ? ` (+${onlyOurs.length - 8})` : ''}; only peer: ${onlyPeer.slice(0, 8).join(', ') || 'none'}${onlyPeer.length > 8 ? ` (+${onlyPeer.length - 8})` : ''}`;
  }
  if (typeof ours === 'object' && ours !== null && typeof peer === 'object' && peer !== null) {
    const o = ours as Record<string, unknown>;
    const p = peer as Record<string, unknown>;
    return Object.keys(o)
      .filter((key) => JSON.stringify(o[key]) !== JSON.stringify(p[key]))
      .map((key) => difference(o[key], p[key], `${key}: `))
      .join('; ');
  }
  return `${label}ours ${JSON.stringify(ours).slice(0, 120)} / peer ${JSON.stringify(peer).slice(0, 120)}`;
}

/** Mix throughput: every query of the mix once, so the time per mix is the sum of per-query times. */
function mixThroughput(results: Record<string, Partial<Record<ServerName, QueryServerResult>>>, name: ServerName, queries: MixQuery[]): number {
  const times = queries.map((query) => 1 / (results[query.name]?.[name]?.rps ?? Number.NaN));
  return queries.length / times.reduce((a, b) => a + b, 0);
}

function report(
  options: Options,
  graphPath: string,
  nodeCount: number,
  relationshipCount: number,
  names: ServerName[],
  results: Record<string, Partial<Record<ServerName, QueryServerResult>>>,
  equivalence: Record<string, { equivalent: boolean | null; detail: string }>,
  profiles: Map<string, StatementProfile[]>,
): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const suffix = `${options.quick ? '-quick' : ''}${options.scale > 1 ? `-x${options.scale}` : ''}`;
  const shared = QUERY_MIX.filter((query) => query.peer !== null);
  const ratio = (a: number | undefined, b: number | undefined): string => (a && b ? (a / b).toFixed(2) : '–');
  const command = `npm run ${options.quick ? 'bench:quick' : 'bench'}${options.scale > 1 ? ` -- --scale ${options.scale}` : ''}`;
  const lines: string[] = [];
  lines.push(`# Benchmark ${stamp}`, '');
  lines.push(
    `Command: \`${command}\`. Graph: ${path.relative(REPO_ROOT, graphPath)} x${options.scale} (${nodeCount} nodes, ${relationshipCount} relationships). ` +
      `${options.connections} connections, ${options.rounds} alternating rounds of ${options.durationSec} s per query and server, loopback, ` +
      `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}. Latencies in ms (autocannon gives p97.5, not p95).`,
    '',
  );
  lines.push('| query | server | req/s | p50 | p90 | p97.5 | p99 | round trips/req | db hits (PROFILE) | CPU % | CPU ms/req | RSS MB | ours/peer req/s | same answer |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const query of QUERY_MIX) {
    const entry = results[query.name] ?? {};
    for (const name of names) {
      const r = entry[name];
      if (!r) continue;
      const eq = equivalence[query.name];
      lines.push(
        `| ${query.name} | ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p90} | ${r.p97_5} | ${r.p99} | ${r.roundTripsPerRequest} | ${r.dbHits ?? '–'} | ${r.cpuPercent} | ${r.cpuMsPerRequest} | ${r.rssMb} | ` +
          `${name === 'peer' ? '' : query.peer === null ? 'ours-only' : ratio(r.rps, entry.peer?.rps)} | ${name === 'peer' ? '' : eq?.equivalent === null ? 'ours-only' : eq?.equivalent ? 'yes' : 'no'}${r.errors ? ` (${r.errors} errors)` : ''} |`,
      );
    }
  }
  lines.push('');
  const mix: Record<string, number> = {};
  for (const name of names) mix[name] = round(mixThroughput(results, name, shared), 1);
  lines.push(`Mix throughput (queries both servers support, each once; harmonic mean of req/s): ${names.map((name) => `${name} ${mix[name]?.toFixed(0)}`).join(', ')}.`);
  lines.push(`Ours/peer on the mix: cached ${ratio(mix.ours, mix.peer)}x${mix['ours-uncached'] ? `, uncached ${ratio(mix['ours-uncached'], mix.peer)}x` : ''}.`);
  const worstP99 = (name: ServerName): number => Math.max(...QUERY_MIX.map((query) => results[query.name]?.[name]?.p99 ?? 0));
  lines.push(`Worst p99: ${names.map((name) => `${name} ${worstP99(name)} ms`).join(', ')}.`, '');
  lines.push('## Answer checks', '');
  for (const [name, eq] of Object.entries(equivalence)) lines.push(`- ${name}: ${eq.equivalent === null ? 'ours-only' : eq.equivalent ? 'equivalent' : 'differs'} — ${eq.detail}`);
  lines.push('', '## Where the database time goes (PROFILE, top operators)', '');
  for (const [key, statements] of profiles) {
    const top = statements.flatMap((s) => s.topOperators).sort((a, b) => b.dbHits - a.dbHits).slice(0, 3);
    lines.push(`- ${key}: ${statements.length} statement(s), ${statements.reduce((s, p) => s + p.dbHits, 0)} db hits; ${top.map((o) => `${o.operator} ${o.dbHits}`).join(', ')}`);
  }
  const markdown = lines.join('\n') + '\n';
  console.log('\n' + markdown);
  const dir = path.join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${stamp}${suffix}`);
  writeFileSync(
    `${base}.json`,
    JSON.stringify(
      { stamp, command, options, graph: { path: path.relative(REPO_ROOT, graphPath), scale: options.scale, nodes: nodeCount, relationships: relationshipCount }, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, mix, equivalence, results, profiles: Object.fromEntries(profiles) },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(`${base}.md`, markdown);
  console.log(`wrote ${path.relative(REPO_ROOT, base)}.json and .md`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exitCode = 1;
});
