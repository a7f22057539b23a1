// Entry point of one server process under benchmark: our service (startServer
// from src/api/server.ts) or the @neo4j/graphql peer. Both get a driver wrapped
// by the same StatementRecorder, and answer the harness over IPC with their CPU
// time, RSS, round-trip count and the PROFILE of the Cypher captured for one request.
//
// Usage (forked by bench/servers/server-process.ts):
//   tsx bench/servers/child.ts ours|peer <port>
// with NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE and, for the
// peer, BENCH_SEARCH_INDEXES (comma-separated full-text index names).
import type { Driver } from 'neo4j-driver';
import { connect } from '../../src/store/driver.js';
import { profileStatements } from '../instrumentation/profile.js';
import { recordingDriver, StatementRecorder } from '../instrumentation/recording-driver.js';
import { startPeerServer } from '../peer/server.js';
import type { ChildMessage, HarnessMessage, ServerKind } from './protocol.js';

interface Stoppable {
  url: string;
  stop(): Promise<void>;
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} must be set for a benchmark server process`);
  return value;
}

function parseKind(text: string | undefined): ServerKind {
  if (text === 'ours' || text === 'peer') return text;
  throw new Error(`first argument must be "ours" or "peer", got "${text ?? ''}"`);
}

/**
 * Starts our service. The module is resolved at run time so the benchmark
 * type-checks on its own; its contract is `startServer({ driver, database, port })`.
 */
async function startOurServer(driver: Driver, database: string, port: number): Promise<Stoppable> {
  const modulePath = '../../src/api/server.js';
  const api = (await import(modulePath)) as { startServer?: unknown };
  if (typeof api.startServer !== 'function') throw new Error('src/api/server.ts does not export startServer');
  // BENCH_RESPONSE_CACHE=off measures the service without its response cache.
  const responseCache = process.env.BENCH_RESPONSE_CACHE === 'off' ? { responseCache: false } : {};
  const started: unknown = await (api.startServer as (options: object) => Promise<unknown>)({ driver, database, port, ...responseCache });
  return asStoppable(started, port);
}

function asStoppable(started: unknown, port: number): Stoppable {
  const object = (typeof started === 'object' && started !== null ? started : {}) as Record<string, unknown>;
  const url = typeof object.url === 'string' ? object.url : `http://127.0.0.1:${port}/graphql`;
  const stopper = ['stop', 'close'].map((name) => object[name]).find((value) => typeof value === 'function');
  return {
    url: url.endsWith('/graphql') ? url : `${url.replace(/\/$/, '')}/graphql`,
    stop: async () => {
      if (stopper) await (stopper as () => Promise<void>).call(started);
    },
  };
}

async function main(): Promise<void> {
  const kind = parseKind(process.argv[2]);
  const port = Number(process.argv[3] ?? '0');
  const credentials = {
    uri: requireEnv('NEO4J_URI'),
    username: process.env.NEO4J_USERNAME ?? 'neo4j',
    password: requireEnv('NEO4J_PASSWORD'),
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
  const rawDriver = await connect(credentials, 30_000);
  const recorder = new StatementRecorder();
  const driver = recordingDriver(rawDriver, recorder);
  const searchIndexes = (process.env.BENCH_SEARCH_INDEXES ?? '').split(',').filter((name) => name !== '');

  const server: Stoppable =
    kind === 'ours'
      ? await startOurServer(driver, credentials.database, port)
      : await startPeerServer({ driver, database: credentials.database, port, searchIndexes: { names: searchIndexes } });

  const shutdown = async (): Promise<void> => {
    await server.stop().catch(() => undefined);
    await rawDriver.close().catch(() => undefined);
  };

  process.on('message', (raw: HarnessMessage) => {
    void (async () => {
      switch (raw.type) {
        case 'stats': {
          const cpu = process.cpuUsage();
          send({
            type: 'stats',
            requestId: raw.requestId,
            stats: {
              cpuMicros: cpu.user + cpu.system,
              rssBytes: process.memoryUsage().rss,
              roundTrips: recorder.roundTrips,
              clockMicros: Number(process.hrtime.bigint() / 1000n),
            },
          });
          break;
        }
        case 'capture-start':
          recorder.startCapture();
          send({ type: 'ack', requestId: raw.requestId });
          break;
        case 'capture-stop':
          // PROFILE through the raw driver so profiling is not counted as round trips.
          send({ type: 'captured', requestId: raw.requestId, statements: await profileStatements(rawDriver, recorder.stopCapture()) });
          break;
        case 'stop':
          await shutdown();
          send({ type: 'ack', requestId: raw.requestId });
          process.exit(0);
      }
    })();
  });
  // The harness going away (even killed) closes the IPC channel: never outlive it.
  process.on('disconnect', () => {
    void shutdown().finally(() => process.exit(0));
  });
  send({ type: 'ready', url: server.url, pid: process.pid });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) });
  process.exit(1);
});
