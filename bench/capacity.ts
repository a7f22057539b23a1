// Capacity of the compiled service as it is deployed: `node dist/main.js`
// processes (1, then 2) behind a round-robin load balancer (bench/load-balancer.ts),
// all on one Neo4j, under the benchmark's query mix (bench/queries.ts, every
// query in turn on each connection).
//
//   npm run build && npm run bench:capacity [-- --duration 15 --rounds 2 --connections 32]
//
// Two request kinds: "cached" sends the mix as it is (after the first round the
// response cache answers, as for a read-only graph in production), "uncached"
// puts a fresh `__typename` alias in every query, so the cache misses and every
// request runs its Cypher against Neo4j. Rounds alternate the
// replica counts to spread the machine's noise. CPU is read from /proc for every
// process (API replicas, load balancer, Neo4j, this harness with autocannon).
// Writes bench/results/<timestamp>-capacity.json and .md.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '../src/store/driver.js';
import { readGraphFile, TOOLKIT_GRAPH_PATH } from '../src/store/graph-file.js';
import { launchNeo4j, type LaunchedNeo4j } from '../src/store/launcher.js';
import { loadGraph } from '../src/store/load.js';
import { migrate } from '../src/store/migrations.js';
import { QUERY_MIX } from './queries.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.dirname(BENCH_DIR);

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

type Kind = 'cached' | 'uncached';

interface Sample {
  replicas: number;
  kind: Kind;
  round: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  /** The errors by kind, as autocannon counts them. */
  errorKinds: { connection: number; non2xx: number; timeouts: number };
  /** Resident memory of the busiest API process at the end of the round. */
  apiRssMb: number;
  /** Cores used during the round, per process group. */
  cores: { api: number; balancer: number; neo4j: number; harness: number; machine: number };
}

function option(argv: string[], flag: string, fallback: number): number {
  const index = argv.indexOf(flag);
  const value = index >= 0 ? Number(argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} must be a positive number`);
  return value;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** CPU seconds (user + system) a process and its threads have used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
  return Math.round(Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024);
}

/** CPU seconds the whole machine has been busy (all cores). */
function machineBusySeconds(): number {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const numbers = values.map(Number);
  const idle = (numbers[3] ?? 0) + (numbers[4] ?? 0);
  return (numbers.reduce((a, b) => a + b, 0) - idle) / 100;
}

async function waitReady(port: number, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API process on port ${port} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/ready`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`API process on port ${port} was not ready within ${timeoutMs} ms`);
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

let nonce = 0;
/** The query with a fresh `__typename` alias first: the same work, a response-cache key never seen before. */
export function uncachedQuery(query: string, value: number): string {
  return query.replace('{', `{ n${value}: __typename `);
}

function requests(kind: Kind): object[] {
  return QUERY_MIX.map((entry) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: Record<string, unknown>) => ({
      ...request,
      body: JSON.stringify({ query: kind === 'cached' ? entry.ours : uncachedQuery(entry.ours, nonce++) }),
    }),
  }));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const durationSec = option(argv, '--duration', 15);
  const rounds = option(argv, '--rounds', 2);
  const connections = option(argv, '--connections', 32);
  const mainJs = path.join(REPO_ROOT, 'dist', 'main.js');
  if (!existsSync(mainJs)) throw new Error('dist/main.js is missing: run `npm run build` first');
  const log = (line: string) => process.stderr.write(`[capacity] ${line}\n`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nexus-capacity-'));
  const password = randomBytes(12).toString('hex');
  let neo4j: LaunchedNeo4j | undefined;
  const children: ChildProcess[] = [];
  try {
    neo4j = await launchNeo4j({ dataDir, port: 0, username: 'neo4j', password, heapMb: 768, pageCacheMb: 256, log: () => {} });
    const driver = await connect({ uri: neo4j.uri, username: 'neo4j', password, database: 'neo4j' }, 120_000);
    try {
      await migrate(driver);
      await loadGraph(driver, readGraphFile(TOOLKIT_GRAPH_PATH));
    } finally {
      await driver.close();
    }
    log(`Neo4j at ${neo4j.uri}, toolkit graph loaded`);

    const apiPorts = [await freePort(), await freePort()];
    const apis = apiPorts.map((port) => {
      const child = spawn(process.execPath, ['--enable-source-maps', '--import', './dist/observability/tracing.js', 'dist/main.js'], {
        cwd: REPO_ROOT,
        env: { ...process.env, NODE_ENV: 'production', NEO4J_URI: neo4j!.uri, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: password, NEO4J_DATABASE: 'neo4j', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      return child;
    });
    for (const [index, port] of apiPorts.entries()) await waitReady(port, apis[index]!);

    const balancers = new Map<number, { port: number; child: ChildProcess }>();
    for (const replicas of [1, 2]) {
      const port = await freePort();
      const child = fork(path.join(BENCH_DIR, 'load-balancer.ts'), [String(port), ...apiPorts.slice(0, replicas).map(String)], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('exit', (code) => reject(new Error(`load balancer exited with ${code}`)));
      });
      balancers.set(replicas, { port, child });
    }

    // Every query of the mix answers without errors through the balancer, with and without the cache.
    for (const kind of ['cached', 'uncached'] as const) {
      for (const entry of QUERY_MIX) {
        const body = JSON.stringify({ query: kind === 'cached' ? entry.ours : uncachedQuery(entry.ours, 999_999_990) });
        const answer = (await (await fetch(`http://127.0.0.1:${balancers.get(2)!.port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as { errors?: unknown };
        if (answer.errors) throw new Error(`${entry.name} (${kind}) answered errors: ${JSON.stringify(answer.errors)}`);
      }
    }
    // The uncached kind really misses: two fresh variants in a row are both executed.
    for (const value of [1, 2]) {
      const response = await fetch(`http://127.0.0.1:${apiPorts[0]}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: uncachedQuery(QUERY_MIX[0]!.ours, 999_999_990 + value) }) });
      if (response.headers.get('x-response-cache') === 'hit') throw new Error('an uncached request was answered from the response cache');
      await response.arrayBuffer();
    }

    const run = async (replicas: number, kind: Kind, seconds: number) =>
      autocannon({ url: `http://127.0.0.1:${balancers.get(replicas)!.port}`, connections, duration: seconds, requests: requests(kind) });

    const samples: Sample[] = [];
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 === 1 ? [1, 2] : [2, 1];
      for (const replicas of order) {
        for (const kind of ['cached', 'uncached'] as const) {
          await run(replicas, kind, 3); // warm-up: JIT, pools, cache entries
          const pids = { api: apis.slice(0, 2).map((child) => child.pid!), balancer: balancers.get(replicas)!.child.pid!, neo4j: neo4j.pid };
          const cpuBefore = { api: pids.api.map(cpuSeconds), balancer: cpuSeconds(pids.balancer), neo4j: cpuSeconds(pids.neo4j), harness: process.cpuUsage(), machine: machineBusySeconds() };
          const started = process.hrtime.bigint();
          const result = await run(replicas, kind, durationSec);
          const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
          const harness = process.cpuUsage(cpuBefore.harness);
          const sample: Sample = {
            replicas,
            kind,
            round,
            rps: result.requests.average,
            p50: result.latency.p50,
            p90: result.latency.p90,
            p99: result.latency.p99,
            errors: result.errors + result.non2xx + result.timeouts,
            errorKinds: { connection: result.errors, non2xx: result.non2xx, timeouts: result.timeouts },
            apiRssMb: Math.max(...pids.api.slice(0, replicas).map(rssMb)),
            cores: {
              api: pids.api.reduce((sum, pid, index) => sum + cpuSeconds(pid) - cpuBefore.api[index]!, 0) / elapsed,
              balancer: (cpuSeconds(pids.balancer) - cpuBefore.balancer) / elapsed,
              neo4j: (cpuSeconds(pids.neo4j) - cpuBefore.neo4j) / elapsed,
              harness: (harness.user + harness.system) / 1e6 / elapsed,
              machine: (machineBusySeconds() - cpuBefore.machine) / elapsed,
            },
          };
          samples.push(sample);
          log(
            `round ${round} · ${replicas} replica(s) · ${kind}: ${sample.rps.toFixed(0)} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms, errors ${sample.errors}; ` +
              `cores api ${sample.cores.api.toFixed(2)} lb ${sample.cores.balancer.toFixed(2)} neo4j ${sample.cores.neo4j.toFixed(2)} harness ${sample.cores.harness.toFixed(2)} machine ${sample.cores.machine.toFixed(2)}`,
          );
        }
      }
    }

    const summary = [1, 2].flatMap((replicas) =>
      (['cached', 'uncached'] as const).map((kind) => {
        const own = samples.filter((sample) => sample.replicas === replicas && sample.kind === kind);
        const mean = (pick: (sample: Sample) => number) => own.reduce((sum, sample) => sum + pick(sample), 0) / own.length;
        return {
          replicas,
          kind,
          rps: Math.round(mean((s) => s.rps)),
          p50: Math.round(mean((s) => s.p50) * 10) / 10,
          p99: Math.round(mean((s) => s.p99) * 10) / 10,
          errors: own.reduce((sum, s) => sum + s.errors, 0),
          apiRssMb: Math.max(...own.map((s) => s.apiRssMb)),
          cores: {
            api: Math.round(mean((s) => s.cores.api) * 100) / 100,
            balancer: Math.round(mean((s) => s.cores.balancer) * 100) / 100,
            neo4j: Math.round(mean((s) => s.cores.neo4j) * 100) / 100,
            harness: Math.round(mean((s) => s.cores.harness) * 100) / 100,
            machine: Math.round(mean((s) => s.cores.machine) * 100) / 100,
          },
        };
      }),
    );

    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const conditions = {
      at: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
      durationSec,
      rounds,
      connections,
      mix: QUERY_MIX.map((entry) => entry.name),
    };
    mkdirSync(path.join(BENCH_DIR, 'results'), { recursive: true });
    writeFileSync(path.join(BENCH_DIR, 'results', `${stamp}-capacity.json`), `${JSON.stringify({ conditions, summary, samples }, null, 2)}\n`);
    const lines = [
      `# Capacity: 1 and 2 API processes behind a load balancer (${conditions.at})`,
      '',
      `Node ${conditions.node}, ${conditions.cpus} cores, load average at the end ${conditions.loadAverage.join(' / ')}; ` +
        `${connections} connections, ${rounds} rounds of ${durationSec} s per cell (after a 3 s warm-up), the ${QUERY_MIX.length}-query mix.`,
      '',
      '| replicas | requests | req/s | p50 ms | p99 ms | errors | API RSS MB | cores: API | LB | Neo4j | load generator | whole machine |',
      '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...summary.map(
        (row) =>
          `| ${row.replicas} | ${row.kind} | ${row.rps} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.apiRssMb} | ${row.cores.api} | ${row.cores.balancer} | ${row.cores.neo4j} | ${row.cores.harness} | ${row.cores.machine} |`,
      ),
      '',
    ];
    writeFileSync(path.join(BENCH_DIR, 'results', `${stamp}-capacity.md`), lines.join('\n'));
    process.stdout.write(lines.join('\n'));
  } finally {
    await Promise.all(children.map(stop));
    await neo4j?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
