// Benchmark of our service against the @neo4j/graphql peer (issues 5 and 10).
//
//   npm run bench                 full run (toolkit graph)
//   npm run bench:quick           fewer, shorter rounds (a few minutes)
//   npm run bench -- --scale 10   everything on the toolkit graph replicated 10 times
//   npm run bench:quick -- --profile-scales 10,100
//                                 also PROFILE the lookups on the 10x and 100x graphs
//
// Starts a local Neo4j in a temporary directory, migrates, loads the graph,
// starts our service (with and without its response cache) and the peer as
// child processes, checks the answers are equivalent, then measures:
//   1. the fixed mix: alternating A/B autocannon rounds per query (closed loop, 32 connections);
//   2. the long-tail mix: every practice page, the neighbourhood of every node and
//      50 searches, each request different, with our response cache's hit rate;
//   3. open-loop latency at fixed rates (100 and 200 req/s) per lookup, uncached ours and the peer;
//   4. a CPU profile (node --cpu-prof) of each server under the fixed mix, summarised;
//   5. PROFILE db hits and statements per request (and, with --profile-scales, at other scales).
// Writes bench/results/<timestamp>.json and .md, with the issue's targets met or missed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SerialisedGraph } from '../src/graph/serialised.js';
import { connect } from '../src/store/driver.js';
import { TOOLKIT_GRAPH_PATH, readGraphFile } from '../src/store/graph-file.js';
import { launchNeo4j, type LaunchedNeo4j } from '../src/store/launcher.js';
import { loadGraph } from '../src/store/load.js';
import { migrate } from '../src/store/migrations.js';
import { readMainThreadProfile, summariseCpuProfile } from './instrumentation/cpu-profile.js';
import type { StatementProfile } from './instrumentation/profile.js';
import { openLoop } from './load/open-loop.js';
import { countByKind, longTailRequests, type LongTailKind, type LongTailRequest } from './long-tail.js';
import { peerSearchIndexNames, QUERY_MIX, requestBody, type MixQuery } from './queries.js';
import { writeReport, type BenchResult, type CpuProfileEntry, type LongTailResult, type LongTailServerResult, type OpenLoopEntry, type QueryServerResult, type RoundSample, type ScaleProfile, type ServerName } from './report.js';
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

export interface Options {
  quick: boolean;
  scale: number;
  rounds: number;
  durationSec: number;
  connections: number;
  uncached: boolean;
  longTail: boolean;
  openLoopRates: number[];
  openLoopSec: number;
  cpuProfile: boolean;
  cpuProfileSec: number;
  profileScales: number[];
}

function parseArgs(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const numbers = (text: string): number[] => text.split(',').filter((part) => part.trim() !== '').map(Number);
  const options: Options = {
    quick,
    scale: Number(value('--scale') ?? '1'),
    rounds: Number(value('--rounds') ?? (quick ? '2' : '3')),
    durationSec: Number(value('--duration') ?? (quick ? '2' : '5')),
    connections: Number(value('--connections') ?? '32'),
    uncached: !argv.includes('--no-uncached'),
    longTail: !argv.includes('--no-long-tail'),
    openLoopRates: argv.includes('--no-open-loop') ? [] : numbers(value('--open-loop-rates') ?? '100,200'),
    openLoopSec: Number(value('--open-loop-duration') ?? (quick ? '4' : '10')),
    cpuProfile: !argv.includes('--no-cpu-profile'),
    cpuProfileSec: Number(value('--cpu-profile-duration') ?? (quick ? '1' : '3')),
    profileScales: numbers(value('--profile-scales') ?? ''),
  };
  for (const [name, number] of Object.entries(options)) {
    if (typeof number === 'number' && !(number > 0)) throw new Error(`--${name} must be a positive number`);
  }
  if (options.openLoopRates.some((rate) => !(rate > 0)) || options.profileScales.some((scale) => !Number.isInteger(scale) || scale < 1)) {
    throw new Error('--open-loop-rates and --profile-scales take positive numbers separated by commas');
  }
  return options;
}

const mean = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

async function post(url: string, body: string): Promise<{ data?: unknown; errors?: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

/** The bodies a closed-loop round sends: one request over and over, or a sequence continued from a cursor. */
type Load = { body: string } | { sequence: string[]; cursor: { next: number } };

function headerValue(headers: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

async function measure(server: ServerProcess, load: Load, options: Options, durationSec = options.durationSec): Promise<RoundSample> {
  const before: ProcessStats = await server.stats();
  const started = process.hrtime.bigint();
  let responses = 0;
  let cacheHits = 0;
  let graphqlErrors = 0;
  const request = {
    method: 'POST',
    ...('body' in load
      ? { body: load.body }
      : {
          setupRequest: (req: Record<string, unknown>) => {
            const body = load.sequence[load.cursor.next % load.sequence.length];
            load.cursor.next += 1;
            return { ...req, body };
          },
        }),
    onResponse: (_status: number, body: unknown, _context: unknown, headers: Record<string, unknown>) => {
      responses += 1;
      if (headerValue(headers, 'x-response-cache') === 'hit') cacheHits += 1;
      if (typeof body === 'string' && body.includes('"errors":[')) graphqlErrors += 1;
    },
  };
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [request],
    connections: options.connections,
    duration: durationSec,
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
    errors: result.errors + result.non2xx + result.timeouts + graphqlErrors,
    cpuPercent: ((after.cpuMicros - before.cpuMicros) / 1e6 / elapsedSec) * 100,
    roundTripsPerRequest: (after.roundTrips - before.roundTrips) / requests,
    rssMb: after.rssBytes / 2 ** 20,
    responses,
    cacheHits,
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
    roundTripsPerRequest: round(samples.reduce((sum, s) => sum + s.roundTripsPerRequest * s.requests, 0) / Math.max(1, totalRequests), 3),
    cpuPercent: round(cpuPercent, 1),
    cpuMsPerRequest: round(rps > 0 ? ((cpuPercent / 100) * 1000) / rps : 0, 3),
    rssMb: round(Math.max(...samples.map((s) => s.rssMb)), 1),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    dbHits: profile ? profile.reduce((sum, p) => sum + p.dbHits, 0) : null,
    statements: profile ? profile.length : null,
    rounds: samples,
  };
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

/** Runs `work` over `items` with at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next] as T;
        next += 1;
        await work(item);
      }
    }),
  );
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** A Neo4j with `graph` loaded, in a temporary directory. */
async function startDatabase(graph: SerialisedGraph, scale: number, log: (line: string) => void): Promise<{ neo4j: LaunchedNeo4j; dataDir: string; env: Record<string, string> }> {
  const t0 = Date.now();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nexus-bench-'));
  const password = 'bench-password';
  const neo4j = await launchNeo4j({ dataDir, port: 0, username: 'neo4j', password, heapMb: scale >= 50 ? 2048 : 768, pageCacheMb: scale >= 50 ? 512 : 256, log: () => {} });
  const driver = await connect({ uri: neo4j.uri, username: 'neo4j', password, database: 'neo4j' }, 120_000);
  try {
    await migrate(driver);
    await loadGraph(driver, graph, { batchSize: 2000 });
  } finally {
    await driver.close();
  }
  log(`neo4j up, migrated and loaded (x${scale}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const env = { NEO4J_URI: neo4j.uri, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: password, NEO4J_DATABASE: 'neo4j', BENCH_SEARCH_INDEXES: peerSearchIndexNames().join(',') };
  return { neo4j, dataDir, env };
}

function startServer(name: ServerName, env: Record<string, string>, nodeOptions: string[] = []): Promise<ServerProcess> {
  const extra: Record<string, string> = name === 'ours-uncached' ? { BENCH_RESPONSE_CACHE: 'off' } : {};
  return ServerProcess.start({ kind: name === 'peer' ? 'peer' : 'ours', port: 0, env: { ...env, ...extra }, nodeOptions });
}

const textFor = (query: MixQuery, name: ServerName): string | null => (name === 'peer' ? query.peer : query.ours);

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const log = (line: string): void => console.log(`[${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${line}`);
  const loadAtStart = os.loadavg();
  const graphPath = existsSync(TOOLKIT_GRAPH_PATH) ? TOOLKIT_GRAPH_PATH : MINI_GRAPH_PATH;
  if (graphPath === MINI_GRAPH_PATH) log('NOTE: data/graph/toolkit.graph.json does not exist yet: using test/fixtures/mini.graph.json');
  const baseGraph = readGraphFile(graphPath);
  const graph = options.scale > 1 ? syntheticGraph(baseGraph, options.scale) : baseGraph;
  log(`graph: ${path.relative(REPO_ROOT, graphPath)} x${options.scale}: ${graph.nodes.length} nodes, ${graph.relationships.length} relationships`);

  let database: { neo4j: LaunchedNeo4j; dataDir: string; env: Record<string, string> } | undefined;
  const servers = new Map<ServerName, ServerProcess>();
  const stopServers = async (): Promise<void> => {
    await Promise.all([...servers.values()].map((server) => server.stop().catch(() => undefined)));
    servers.clear();
  };
  const stopAll = async (): Promise<void> => {
    await stopServers();
    if (database) {
      await database.neo4j.stop().catch(() => undefined);
      rmSync(database.dataDir, { recursive: true, force: true });
    }
    database = undefined;
  };
  const onSignal = (): void => {
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    database = await startDatabase(graph, options.scale, log);
    const env = database.env;
    const names: ServerName[] = options.uncached ? ['ours', 'ours-uncached', 'peer'] : ['ours', 'peer'];
    for (const name of names) servers.set(name, await startServer(name, env));
    const server = (name: ServerName): ServerProcess => {
      const found = servers.get(name);
      if (!found) throw new Error(`no ${name} server`);
      return found;
    };

    // 1. Equivalence of the answers before any timing.
    const equivalence: BenchResult['equivalence'] = {};
    for (const query of QUERY_MIX) {
      const ours = await post(server('ours').url, requestBody(query.ours));
      if (ours.errors) throw new Error(`our service failed "${query.name}": ${JSON.stringify(ours.errors).slice(0, 500)}`);
      if (query.peer === null) {
        equivalence[query.name] = { equivalent: null, detail: 'ours-only', differsByDesign: false };
        continue;
      }
      const peer = await post(server('peer').url, requestBody(query.peer));
      if (peer.errors) throw new Error(`peer failed "${query.name}": ${JSON.stringify(peer.errors).slice(0, 500)}`);
      const a = JSON.stringify(query.normaliseOurs(ours.data));
      const b = JSON.stringify(query.normalisePeer(peer.data));
      equivalence[query.name] = {
        equivalent: a === b,
        detail: a === b ? 'same normalised answer' : `${difference(query.normaliseOurs(ours.data), query.normalisePeer(peer.data))}${query.note ? ` (${query.note})` : ''}`,
        differsByDesign: query.differsByDesign ?? false,
      };
      log(`check ${query.name}: ${a === b ? 'equivalent' : `DIFFERENT: ${equivalence[query.name]?.detail ?? ''}`}`);
    }

    // The long-tail requests, checked on the uncached server so the cached one starts its timed run cold.
    const longTail = options.longTail ? longTailRequests(graph) : [];
    const longTailChecks = await checkLongTail(longTail, server(options.uncached ? 'ours-uncached' : 'ours').url, server('peer').url);
    if (longTail.length > 0) log(`long tail: ${longTail.length} distinct requests ${JSON.stringify(countByKind(longTail))}; checks ${JSON.stringify(longTailChecks.byKind)}`);

    // 2. PROFILE of the Cypher one request sends.
    const profiles = new Map<string, StatementProfile[]>();
    for (const query of QUERY_MIX) {
      for (const name of names) {
        const text = textFor(query, name);
        if (text === null) continue;
        const target = server(name);
        await post(target.url, requestBody(text)); // warm: the cached server answers the timed request from cache
        profiles.set(`${query.name}|${name}`, await target.profileDuring(async () => void (await post(target.url, requestBody(text)))));
      }
    }

    // 3. Fixed mix: warm-up, then alternating A/B rounds (order reversed every round).
    const samples = new Map<string, RoundSample[]>();
    for (const query of QUERY_MIX) {
      for (const name of names) {
        const text = textFor(query, name);
        if (text !== null) await measure(server(name), { body: requestBody(text) }, options, 1);
      }
    }
    for (let r = 0; r < options.rounds; r += 1) {
      const order = r % 2 === 0 ? names : [...names].reverse();
      for (const query of QUERY_MIX) {
        for (const name of order) {
          const text = textFor(query, name);
          if (text === null) continue;
          const sample = await measure(server(name), { body: requestBody(text) }, options);
          const key = `${query.name}|${name}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
          log(`round ${r + 1}/${options.rounds} ${query.name} ${name}: ${sample.rps.toFixed(0)} req/s p99 ${sample.p99} ms`);
        }
      }
    }
    const results: BenchResult['results'] = {};
    for (const query of QUERY_MIX) {
      const entry: Partial<Record<ServerName, QueryServerResult>> = {};
      for (const name of names) {
        const key = `${query.name}|${name}`;
        const found = samples.get(key);
        if (found) entry[name] = summarise(found, profiles.get(key) ?? null);
      }
      results[query.name] = entry;
    }

    // 4. Long-tail mix: each server walks the same sequence from the start, continuing across rounds.
    let longTailResult: LongTailResult | null = null;
    if (longTail.length > 0) {
      const cursors = new Map(names.map((name) => [name, { next: 0 }]));
      const longTailSamples = new Map<ServerName, RoundSample[]>();
      for (let r = 0; r < options.rounds; r += 1) {
        const order = r % 2 === 0 ? names : [...names].reverse();
        for (const name of order) {
          const sequence = longTail.map((request) => (name === 'peer' ? request.peer : request.ours));
          const sample = await measure(server(name), { sequence, cursor: cursors.get(name) ?? { next: 0 } }, options);
          longTailSamples.set(name, [...(longTailSamples.get(name) ?? []), sample]);
          log(`long tail round ${r + 1}/${options.rounds} ${name}: ${sample.rps.toFixed(0)} req/s p99 ${sample.p99} ms, cache hits ${sample.cacheHits}/${sample.responses}`);
        }
      }
      const perServer: Partial<Record<ServerName, LongTailServerResult>> = {};
      for (const [name, found] of longTailSamples) {
        const responses = found.reduce((sum, s) => sum + s.responses, 0);
        const hits = found.reduce((sum, s) => sum + s.cacheHits, 0);
        perServer[name] = { ...summarise(found, null), responses, cacheHits: hits, hitRate: responses > 0 ? round(hits / responses, 4) : 0, passes: round(responses / longTail.length, 2) };
      }
      longTailResult = { distinct: longTail.length, byKind: countByKind(longTail), checks: longTailChecks, servers: perServer };
    }

    // 5. Open-loop latency at fixed rates, uncached ours against the peer (order alternated).
    const openLoopResults: OpenLoopEntry[] = [];
    const openLoopServers: ServerName[] = options.uncached ? ['ours-uncached', 'peer'] : ['ours', 'peer'];
    for (const rate of options.openLoopRates) {
      for (const [index, query] of QUERY_MIX.filter((q) => q.openLoop && q.peer !== null).entries()) {
        const order = index % 2 === 0 ? openLoopServers : [...openLoopServers].reverse();
        for (const name of order) {
          const text = textFor(query, name);
          if (text === null) continue;
          const result = await openLoop({ url: server(name).url, body: requestBody(text), rate, durationSec: options.openLoopSec });
          openLoopResults.push({ query: query.name, server: name, result });
          log(`open loop ${rate} req/s ${query.name} ${name}: p50 ${result.p50} p99 ${result.p99} max ${result.max} ms, ${result.errors} errors`);
        }
      }
    }
    await stopServers();

    // 6. CPU profiles: each server again, under node --cpu-prof, through the shared queries of the fixed mix.
    const cpuProfiles: CpuProfileEntry[] = [];
    if (options.cpuProfile) {
      const profileDir = mkdtempSync(path.join(os.tmpdir(), 'nexus-bench-cpu-'));
      try {
        for (const name of names) {
          const profiled = await startServer(name, env, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
          servers.set(name, profiled);
          const queries = QUERY_MIX.filter((query) => query.peer !== null);
          for (const query of queries) await measure(profiled, { body: requestBody(textFor(query, name) ?? '') }, options, 1);
          const from = await profiled.stats();
          for (const query of queries) await measure(profiled, { body: requestBody(textFor(query, name) ?? '') }, options, options.cpuProfileSec);
          const to = await profiled.stats();
          await profiled.stop();
          servers.delete(name);
          const profile = readMainThreadProfile(profileDir, profiled.pid);
          if (!profile) {
            log(`no CPU profile written by ${name} (pid ${profiled.pid})`);
            continue;
          }
          const summary = summariseCpuProfile(profile, 12, { fromMicros: from.clockMicros, toMicros: to.clockMicros });
          cpuProfiles.push({ server: name, load: `${queries.length} shared queries of the fixed mix, ${options.cpuProfileSec} s each at ${options.connections} connections`, summary });
          log(`cpu profile ${name}: busy ${summary.busyMs} ms; ${summary.byOrigin.slice(0, 4).map((o) => `${o.origin} ${o.percent}%`).join(', ')}`);
        }
      } finally {
        rmSync(profileDir, { recursive: true, force: true });
      }
    }
    await stopAll();

    // 7. PROFILE of the lookups on other scales (db hits must not grow with the graph).
    const scaleProfiles: BenchResult['scaleProfiles'] = {};
    const lookups = QUERY_MIX.filter((query) => query.kind === 'lookup');
    const profileNames: ServerName[] = [options.uncached ? 'ours-uncached' : 'ours', 'peer'];
    scaleProfiles[options.scale] = Object.fromEntries(
      lookups.map((query) => [
        query.name,
        Object.fromEntries(
          profileNames.flatMap((name) => {
            const found = profiles.get(`${query.name}|${name}`);
            return found ? [[name, scaleProfile(found)]] : [];
          }),
        ),
      ]),
    );
    for (const scale of options.profileScales.filter((s) => s !== options.scale)) {
      database = await startDatabase(scale > 1 ? syntheticGraph(baseGraph, scale) : baseGraph, scale, log);
      const atScale: BenchResult['scaleProfiles'][number] = {};
      for (const name of profileNames) {
        const target = await startServer(name, database.env);
        servers.set(name, target);
        for (const query of lookups) {
          const text = textFor(query, name);
          if (text === null) continue;
          await post(target.url, requestBody(text));
          const found = await target.profileDuring(async () => void (await post(target.url, requestBody(text))));
          atScale[query.name] = { ...(atScale[query.name] ?? {}), [name]: scaleProfile(found) };
        }
      }
      scaleProfiles[scale] = atScale;
      log(`x${scale} lookups: ${JSON.stringify(atScale)}`);
      await stopAll();
    }

    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const command = `npm run ${options.quick ? 'bench:quick' : 'bench'}${process.argv.slice(2).filter((arg) => arg !== '--quick').length > 0 ? ` -- ${process.argv.slice(2).filter((arg) => arg !== '--quick').join(' ')}` : ''}`;
    const result: BenchResult = {
      stamp,
      command,
      commit: gitCommit(),
      options,
      graph: { path: path.relative(REPO_ROOT, graphPath), scale: options.scale, nodes: graph.nodes.length, relationships: graph.relationships.length },
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '?', node: process.version, loadAverageAtStart: loadAtStart.map((v) => round(v)), loadAverageAtEnd: os.loadavg().map((v) => round(v)) },
      durationSec: round((Date.now() - started) / 1000, 0),
      names,
      equivalence,
      results,
      profiles: Object.fromEntries(profiles),
      longTail: longTailResult,
      openLoop: openLoopResults,
      cpuProfiles,
      scaleProfiles,
    };
    const written = writeReport(result, path.join(BENCH_DIR, 'results'));
    console.log(`\n${written.markdown}`);
    console.log(`wrote ${path.relative(REPO_ROOT, written.base)}.json and .md`);
  } finally {
    await stopAll();
  }
}

function scaleProfile(statements: StatementProfile[]): ScaleProfile {
  return {
    statements: statements.length,
    dbHits: statements.reduce((sum, p) => sum + p.dbHits, 0),
    topOperators: statements
      .flatMap((s) => s.topOperators)
      .sort((a, b) => b.dbHits - a.dbHits)
      .slice(0, 4)
      .map((o) => `${o.operator.replace(/@neo4j$/, '')} ${o.dbHits}${o.details ? ` (${o.details.slice(0, 60)})` : ''}`),
  };
}

/** Sends every long-tail request to both servers: errors, and equivalence of the normalised answers per kind. */
async function checkLongTail(requests: LongTailRequest[], oursUrl: string, peerUrl: string): Promise<LongTailResult['checks']> {
  const byKind: Partial<LongTailResult['checks']['byKind']> = {};
  const differences: string[] = [];
  const errors: string[] = [];
  await inParallel(requests, 4, async (request) => {
    const [ours, peer] = await Promise.all([post(oursUrl, request.ours), post(peerUrl, request.peer)]);
    const counts = (byKind[request.kind] ??= { checked: 0, equivalent: 0, errors: 0 });
    counts.checked += 1;
    if (ours.errors || peer.errors) {
      counts.errors += 1;
      errors.push(`${request.kind} ${request.key}: ${JSON.stringify(ours.errors ?? peer.errors).slice(0, 200)}`);
      return;
    }
    const a = request.normaliseOurs(ours.data);
    const b = request.normalisePeer(peer.data);
    if (JSON.stringify(a) === JSON.stringify(b)) counts.equivalent += 1;
    else differences.push(`${request.kind} ${request.key}: ${difference(a, b).slice(0, 300)}`);
  });
  // Differences that matter first: searches rank differently by design.
  const designed = (line: string): number => (line.startsWith('search ') ? 1 : 0);
  differences.sort((a, b) => designed(a) - designed(b));
  return { byKind: byKind as Record<LongTailKind, { checked: number; equivalent: number; errors: number }>, differences: differences.slice(0, 12), errors: errors.slice(0, 12) };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});

