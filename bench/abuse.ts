// `npm run bench:abuse [-- <url>]`: replays the hostile requests of the
// red-team run (issue 11) against a running service (default
// http://127.0.0.1:4000; only ever point it at a service of your own) with
// bounded loops, and reports per attack the statuses and the worst latency a
// single request had, the worst latency of /health and of an innocent query
// sent meanwhile, and the response cache's bytes after the cache-fill attacks.
// Results go to stdout and bench/results/<time>-abuse.{md,json}.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/store/config.js';

const base = (process.argv[2] ?? process.env['ABUSE_URL'] ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(base)) {
  console.error(`bench:abuse: only a local service (http://127.0.0.1:<port>) may be attacked, got ${base}`);
  process.exit(2);
}
const REQUEST_TIMEOUT_MS = 30_000;

interface Sample {
  status: number;
  ms: number;
}

interface AttackResult {
  name: string;
  requests: number;
  statuses: Record<string, number>;
  /** Worst of the first requests, sent one at a time: what a single request costs. */
  aloneMs: number;
  /** Worst of all, including the requests sent `concurrency` at a time. */
  worstMs: number;
}

/** Requests of each attack sent one at a time before the concurrent ones. */
const ALONE = 3;

async function timed(url: string, init: RequestInit = {}): Promise<Sample> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}

function postBody(body: string): Promise<Sample> {
  return timed(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

function post(query: string, variables: Record<string, unknown> = {}): Promise<Sample> {
  return postBody(JSON.stringify({ query, variables }));
}

/** Runs ALONE requests one at a time, then the rest of `count`, `concurrency` at a time. */
async function attack(name: string, count: number, concurrency: number, send: (index: number) => Promise<Sample>): Promise<AttackResult> {
  const samples: Sample[] = [];
  for (let index = 0; index < ALONE; index += 1) samples.push(await send(index));
  const alone = samples.map((sample) => sample.ms);
  let next = ALONE;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        samples.push(await send(index));
      }
    }),
  );
  const statuses: Record<string, number> = {};
  for (const sample of samples) statuses[String(sample.status)] = (statuses[String(sample.status)] ?? 0) + 1;
  return { name, requests: samples.length, statuses, aloneMs: Math.max(...alone), worstMs: Math.max(...samples.map((sample) => sample.ms)) };
}

function fragmentBomb(levels: number): string {
  const fragments = [];
  for (let level = 0; level < levels; level += 1) fragments.push(`fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`);
  fragments.push(`fragment F${levels} on Query { goodPractices(first: 100) { nodes { title } } }`);
  return `{ ...F0 }\n${fragments.join('\n')}`;
}

const WIDE = '{ nodes { steps { practices { steps { practices { title } } } } } }';
const INNOCENT = '{ goodPractice(number: 3) { number title } }';
const MID_SIZE = '{ goodPractices(first: 25) { nodes { number title actors { actor { name } } } } }';

async function cacheStats(): Promise<{ entries: number; bytes: number; maxBytes: number } | null> {
  const response = await fetch(`${base}/health`).catch(() => undefined);
  if (!response) return null;
  const body = (await response.json()) as { responseCache?: { entries: number; bytes: number; maxBytes: number } };
  return body.responseCache ?? null;
}

async function main(): Promise<void> {
  const probe = await timed(`${base}/health`);
  if (probe.status !== 200) {
    console.error(`bench:abuse: ${base}/health answered ${probe.status || 'nothing'}; start the service first (npm start)`);
    process.exit(1);
  }

  // Innocent traffic and /health run alongside every attack.
  const innocent: Sample[] = [];
  const health: Sample[] = [];
  let running = true;
  const background = (async () => {
    while (running) {
      innocent.push(await post(INNOCENT));
      health.push(await timed(`${base}/health`));
    }
  })();

  const words = Array.from({ length: 124 }, (_, index) => `${'qxzj'[Math.floor(index / 36)]}${(index % 36).toString(36)}`).join(' ');
  const results: AttackResult[] = [];
  results.push(await attack('fragment bomb (40 levels, 8 at a time)', 32, 8, () => post(fragmentBomb(40))));
  results.push(await attack('alias flood (100 aliases of search)', 16, 4, () => post(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: search(query: "p") { score }`).join(' ')} }`)));
  results.push(await attack('alias flood (1,000 aliases of dataset)', 16, 4, () => post(`{${Array.from({ length: 1_000 }, (_, i) => `a${i}:dataset{version}`).join(' ')}}`)));
  results.push(await attack('first: null on nested lists', 16, 4, () => post(`{ goodPractices(first: null) ${WIDE} }`)));
  results.push(await attack('absent $first on nested lists', 16, 4, () => post(`query ($n: Int) { goodPractices(first: $n) ${WIDE} }`)));
  results.push(await attack('aliased introspection (10 x __schema)', 16, 4, () => post(`{ ${Array.from({ length: 10 }, (_, i) => `s${i}: __schema { types { name fields { name args { name type { name ofType { name } } } } } }`).join(' ')} }`)));
  results.push(await attack('neighborhood types x25,000', 8, 2, () => post('query ($t: [String!]) { neighborhood(id: "gp:1", types: $t) { nodes { id } } }', { t: Array.from({ length: 25_000 }, () => 'HAS_STEP') })));
  results.push(await attack('search with 124 words', 16, 4, () => post('query ($q: String!) { search(query: $q) { score } }', { q: words })));
  results.push(await attack('variables nested 100,000 deep', 8, 2, () => postBody(`{"query":"query ($v: [Int]) { dataset { version } }","variables":{"v":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`)));
  results.push(await attack('3,000 nested inline fragments', 8, 2, () => post(`{ ${'...on Query{'.repeat(3_000)}dataset{version}${'}'.repeat(3_000)} }`)));
  results.push(await attack('unknown asset paths', 16, 4, (i) => timed(`${base}${['/graphiql/assets/constructor', '/graphiql/assets/__proto__', '/assets/missing.js', '/nothing.css'][i % 4]}`, { headers: { accept: 'text/html' } })));
  results.push(await attack('cache fill: distinct comments (nonce)', 200, 8, (i) => post(`# nonce ${i}-${Math.random()}\n${MID_SIZE}`)));
  results.push(await attack('cache fill: 1 MB unused variable', 20, 4, (i) => post(MID_SIZE, { unused: `${i}`.padEnd(1_000_000, 'x') })));
  results.push(await attack('cache fill: distinct search texts', 200, 8, (i) => post('query ($q: String!) { search(query: $q, first: 100) { score node { id } } }', { q: `police ${i.toString(36)}` })));
  const cache = await cacheStats();

  running = false;
  await background;

  const worst = (samples: Sample[]) => Math.max(...samples.map((sample) => sample.ms));
  const worstAttack = results.reduce((a, b) => (b.worstMs > a.worstMs ? b : a));
  const worstAlone = results.reduce((a, b) => (b.aloneMs > a.aloneMs ? b : a));
  const lines = [
    `# Abuse run against ${base} (${new Date().toISOString()})`,
    '',
    `| Attack | Requests | Statuses | Worst alone (ms) | Worst with ${'concurrent copies'} (ms) |`,
    '|---|---:|---|---:|---:|',
    ...results.map(
      (result) =>
        `| ${result.name} | ${result.requests} | ${Object.entries(result.statuses).map(([status, count]) => `${status}: ${count}`).join(', ')} | ${result.aloneMs.toFixed(0)} | ${result.worstMs.toFixed(0)} |`,
    ),
    '',
    `Worst latency of a single hostile request sent alone: **${worstAlone.aloneMs.toFixed(0)} ms** (${worstAlone.name}); ` +
      `worst under its own flood: ${worstAttack.worstMs.toFixed(0)} ms (${worstAttack.name}).`,
    `Meanwhile: /health worst ${worst(health).toFixed(0)} ms over ${health.length} probes (statuses ${[...new Set(health.map((sample) => sample.status))].join(', ')}); ` +
      `an innocent query worst ${worst(innocent).toFixed(0)} ms over ${innocent.length} requests (statuses ${[...new Set(innocent.map((sample) => sample.status))].join(', ')}).`,
    cache ? `Response cache after the fill attacks: ${cache.entries} entries, ${cache.bytes} bytes (bound ${cache.maxBytes}).` : 'Response cache: off or not reported.',
  ];
  const report = lines.join('\n');
  console.log(report);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${stamp}-abuse.md`), `${report}\n`);
  writeFileSync(
    path.join(dir, `${stamp}-abuse.json`),
    `${JSON.stringify({ base, results, health: { probes: health.length, worstMs: worst(health) }, innocent: { requests: innocent.length, worstMs: worst(innocent) }, cache }, null, 2)}\n`,
  );
}

await main();
