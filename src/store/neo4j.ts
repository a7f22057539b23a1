// One place that turns configuration into a connected driver: an existing
// Neo4j (NEO4J_URI), a Neo4j already started with `npm run db:start`, or a
// Neo4j launched now for the lifetime of this process.
import type { Driver } from 'neo4j-driver';
import { resolveNeo4jTarget, type Neo4jCredentials, type Neo4jTarget } from './config.js';
import { connect, waitForNeo4j } from './driver.js';
import { launchNeo4j, readRunningLauncher, type LaunchedNeo4j, type LaunchOptions } from './launcher.js';

export interface Neo4jConnection {
  driver: Driver;
  credentials: Neo4jCredentials;
  /** How Neo4j was found, for log messages. */
  origin: 'external' | 'running-launcher' | 'launched';
  /** Closes the driver and stops Neo4j if this connection launched it. */
  close(): Promise<void>;
  /** Only for a Neo4j this process launched: watch it and restart it when it dies. */
  supervise?(events: SupervisionEvents, options: SupervisionOptions): void;
}

export interface SupervisionEvents {
  log(line: string): void;
  /** Neo4j died; requests cannot be served until onUp. */
  onDown(reason: string): void;
  onUp(): void;
  /** Neo4j is dead and will not be restarted: the service should exit non-zero. */
  onGiveUp(reason: string): void;
}

export interface SupervisionOptions {
  /** Restarts allowed within `windowMs` (0: never restart). */
  maxRestarts: number;
  windowMs?: number;
  /** First wait before a restart; doubled for each restart in the window, at most 30 s. */
  backoffMs?: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describeExit(pid: number, exit: { code: number | null; signal: NodeJS.Signals | null }): string {
  return `Neo4j (pid ${pid}) exited unexpectedly (${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`})`;
}

export interface OpenOptions {
  log?: (line: string) => void;
  /** How long to wait for an external Neo4j to answer. */
  connectDeadlineMs?: number;
}

export async function openNeo4j(target: Neo4jTarget = resolveNeo4jTarget(), options: OpenOptions = {}): Promise<Neo4jConnection> {
  const log = options.log ?? (() => {});
  if (target.kind === 'external') {
    const driver = await connect(target.credentials, options.connectDeadlineMs ?? 15_000);
    return { driver, credentials: target.credentials, origin: 'external', close: () => driver.close() };
  }

  const running = readRunningLauncher(target.dataDir);
  if (running) {
    const credentials = { uri: running.boltUrl, username: target.username, password: target.password, database: target.database };
    // `npm run db:start` started it, or (for `npm run ingest`) the service that owns this directory.
    log(`Using the Neo4j already running on ${target.dataDir} (launcher pid ${running.pid}) at ${running.boltUrl}`);
    const driver = await connect(credentials, options.connectDeadlineMs ?? 15_000);
    return { driver, credentials, origin: 'running-launcher', close: () => driver.close() };
  }

  const started = Date.now();
  const launchOptions: LaunchOptions = {
    dataDir: target.dataDir,
    port: target.boltPort,
    username: target.username,
    password: target.password,
    log,
  };
  let launched: LaunchedNeo4j = await launchNeo4j(launchOptions);
  const credentials = { uri: launched.uri, username: target.username, password: target.password, database: target.database };
  let driver: Driver;
  try {
    driver = await connect(credentials, 60_000);
  } catch (error) {
    await launched.stop();
    throw error;
  }
  log(`Neo4j 5.26 Community started at ${launched.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s (data in ${target.dataDir})`);
  let closing = false;
  return {
    driver,
    credentials,
    origin: 'launched',
    async close() {
      closing = true;
      await driver.close();
      await launched.stop();
    },
    supervise(events, options) {
      // Restarts reuse the port the first launch got, so the driver's address stays valid.
      const port = Number(new URL(launched.uri.replace(/^bolt:/, 'http:')).port);
      const restarts: number[] = [];
      const windowMs = options.windowMs ?? 10 * 60_000;
      const watch = (instance: LaunchedNeo4j) => {
        void instance.exited.then(async (exit) => {
          if (exit.expected || closing) return;
          const reason = describeExit(instance.pid, exit);
          events.onDown(reason);
          for (;;) {
            const now = Date.now();
            while (restarts.length > 0 && restarts[0]! < now - windowMs) restarts.shift();
            if (restarts.length >= options.maxRestarts) {
              events.onGiveUp(
                options.maxRestarts === 0
                  ? `${reason} and restarts are off (NEO4J_RESTARTS=0)`
                  : `${reason} and was restarted ${restarts.length} times in ${Math.round(windowMs / 60_000)} min already; giving up`,
              );
              return;
            }
            const delay = Math.min((options.backoffMs ?? 1_000) * 2 ** restarts.length, 30_000);
            restarts.push(now);
            events.log(`${reason}; restarting it in ${(delay / 1000).toFixed(0)} s (restart ${restarts.length} of at most ${options.maxRestarts})`);
            await sleep(delay);
            if (closing) return;
            try {
              launched = await launchNeo4j({ ...launchOptions, port });
              if (closing) {
                await launched.stop();
                return;
              }
              await waitForNeo4j(driver, credentials, 60_000);
              events.log(`Neo4j restarted at ${launched.uri} (pid ${launched.pid})`);
              events.onUp();
              watch(launched);
              return;
            } catch (error) {
              events.log(`Neo4j could not be restarted: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
            }
          }
        });
      };
      watch(launched);
    },
  };
}
