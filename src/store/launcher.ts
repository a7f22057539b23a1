// Starts and stops a real Neo4j 5.26 Community on this machine, from Maven
// Central artifacts (tools/neo4j-launcher), for machines without Docker.
//
// The JVM runs in its own process group. Attached launches keep its stdin as a
// pipe: when this process goes away for any reason the pipe closes and the JVM
// shuts itself down, so no orphan JVM survives a crashed parent.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { REPO_ROOT } from './config.js';

export const LAUNCHER_DIR = path.join(REPO_ROOT, 'tools', 'neo4j-launcher');
const MAIN_CLASS = 'org.nexustoolkit.launcher.Main';
const READY_PREFIX = 'NEO4J_LAUNCHER_READY ';
export const DEFAULT_TRANSACTION_TIMEOUT_S = 60;
const ERROR_PREFIX = 'NEO4J_LAUNCHER_ERROR ';

/** A required program (Java, Maven) is missing or too old. */
export class PrerequisiteError extends Error {
  override name = 'PrerequisiteError';
}

export type LauncherFailureKind = 'locked' | 'port-in-use' | 'start-failed' | 'usage' | 'timeout' | 'exited' | 'build-failed';

export class LauncherError extends Error {
  override name = 'LauncherError';
  constructor(
    readonly kind: LauncherFailureKind,
    message: string,
  ) {
    super(message);
  }
}

export interface LaunchOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  username: string;
  password: string;
  host?: string;
  heapMb?: number;
  pageCacheMb?: number;
  /** db.transaction.timeout: Neo4j ends transactions that set no shorter timeout after this long (default 60 s). */
  transactionTimeoutS?: number;
  startTimeoutMs?: number;
  /** Neo4j Graph Data Science procedures (default true); false starts a Neo4j without them. */
  gds?: boolean;
  /** Receives progress lines (build, start). */
  log?: (line: string) => void;
}

export interface LaunchedNeo4j {
  uri: string;
  pid: number;
  dataDir: string;
  /** Resolves when the JVM exits, whether stopped or died; `expected` is true after stop(). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; expected: boolean }>;
  stop(): Promise<void>;
}

interface LauncherBuild {
  java: string;
  classpath: string;
}

function javaExecutable(): string {
  const javaHome = process.env.JAVA_HOME;
  if (javaHome) {
    const candidate = path.join(javaHome, 'bin', 'java');
    if (fs.existsSync(candidate)) return candidate;
  }
  return 'java';
}

/** Major version from `java -version` output: `openjdk version "17.0.15"`, `"1.8.0_402"`. */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

const ALTERNATIVES = 'or set NEO4J_URI to use an existing Neo4j 5, or run `docker compose up` instead';

export function checkJava(java = javaExecutable()): void {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new PrerequisiteError(
      `Java 17 or newer is needed to run the local Neo4j, but "${java}" was not found on PATH. ` +
        `Install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless) ${ALTERNATIVES}.`,
    );
  }
  const major = parseJavaMajorVersion(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < 17) {
    throw new PrerequisiteError(
      `Java 17 or newer is needed to run the local Neo4j, found ${major ?? 'an unknown version'} ("${java} -version"). ${ALTERNATIVES}.`,
    );
  }
}

function checkMaven(): void {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (result.error) {
    throw new PrerequisiteError(
      'Maven is needed once to download Neo4j 5.26 from Maven Central and build the local launcher, but "mvn" was not found on PATH. ' +
        `Install Maven 3.8+ (e.g. apt-get install maven) ${ALTERNATIVES}.`,
    );
  }
}

const CLASSES_MAIN = path.join(LAUNCHER_DIR, 'target', 'classes', ...MAIN_CLASS.split('.')) + '.class';
const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
const SOURCES = [path.join(LAUNCHER_DIR, 'pom.xml'), path.join(LAUNCHER_DIR, 'src', 'main', 'java', ...MAIN_CLASS.split('.')) + '.java'];

function readUsableClasspath(): string | undefined {
  if (!fs.existsSync(CLASSES_MAIN) || !fs.existsSync(CLASSPATH_FILE)) return undefined;
  const builtAt = Math.min(fs.statSync(CLASSES_MAIN).mtimeMs, fs.statSync(CLASSPATH_FILE).mtimeMs);
  if (SOURCES.some((source) => fs.statSync(source).mtimeMs > builtAt)) return undefined;
  const jars = fs.readFileSync(CLASSPATH_FILE, 'utf8').trim();
  // The local Maven repository may have been cleaned since the build.
  if (!jars || jars.split(path.delimiter).some((jar) => !fs.existsSync(jar))) return undefined;
  return [path.join(LAUNCHER_DIR, 'target', 'classes'), jars].join(path.delimiter);
}

/**
 * Builds tools/neo4j-launcher with Maven when its output is missing or stale.
 * The first build downloads Neo4j's jars into ~/.m2; later builds are offline.
 */
export async function ensureLauncherBuilt(log: (line: string) => void = () => {}): Promise<LauncherBuild> {
  const java = javaExecutable();
  checkJava(java);
  const ready = readUsableClasspath();
  if (ready) return { java, classpath: ready };

  checkMaven();
  log('Building the Neo4j launcher with Maven (the first run downloads Neo4j 5.26 from Maven Central)...');
  const started = Date.now();
  const output: string[] = [];
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const mvn = spawn('mvn', ['-B', '-q', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'compile'], {
      cwd: LAUNCHER_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    mvn.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    mvn.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    mvn.on('error', reject);
    mvn.on('close', resolve);
  });
  if (exitCode === 0 && fs.existsSync(CLASSES_MAIN) && fs.existsSync(CLASSPATH_FILE)) {
    // Maven leaves up-to-date outputs untouched; mark them as built from the current sources.
    const now = new Date();
    for (const output of [CLASSES_MAIN, CLASSPATH_FILE]) fs.utimesSync(output, now, now);
  }
  const built = readUsableClasspath();
  if (exitCode !== 0 || !built) {
    const tail = output.join('').split('\n').slice(-30).join('\n');
    throw new LauncherError('build-failed', `Maven could not build tools/neo4j-launcher (exit ${exitCode}):\n${tail}`);
  }
  log(`Neo4j launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { java, classpath: built };
}

function javaArguments(build: LauncherBuild, options: LaunchOptions, watchStdin: boolean): string[] {
  const args = [
    `-Xms256m`,
    `-Xmx${options.heapMb ?? 1024}m`,
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    '-cp',
    build.classpath,
    MAIN_CLASS,
    '--home',
    options.dataDir,
    '--host',
    options.host ?? '127.0.0.1',
    '--port',
    String(options.port),
    '--pagecache-mb',
    String(options.pageCacheMb ?? 256),
    '--transaction-timeout-s',
    String(options.transactionTimeoutS ?? DEFAULT_TRANSACTION_TIMEOUT_S),
  ];
  if (watchStdin) args.push('--watch-stdin');
  if (options.gds === false) args.push('--no-gds');
  return args;
}

function launcherEnv(options: LaunchOptions): NodeJS.ProcessEnv {
  // The password travels in the environment, never on the command line (visible in ps).
  return { ...process.env, NEO4J_USERNAME: options.username, NEO4J_PASSWORD: options.password };
}

/** Turns the launcher's `NEO4J_LAUNCHER_ERROR <kind> <message>` line into an error. */
export function parseLauncherError(output: string, exitCode: number | null, dataDir: string): LauncherError {
  const line = output.split('\n').find((candidate) => candidate.startsWith(ERROR_PREFIX));
  if (line) {
    const rest = line.slice(ERROR_PREFIX.length);
    const space = rest.indexOf(' ');
    const kind = rest.slice(0, space) as LauncherFailureKind;
    const message = rest.slice(space + 1);
    const known: LauncherFailureKind[] = ['locked', 'port-in-use', 'start-failed', 'usage'];
    return new LauncherError(known.includes(kind) ? kind : 'start-failed', `Neo4j launcher: ${message}`);
  }
  const tail = output.trim().split('\n').slice(-15).join('\n');
  return new LauncherError(
    'exited',
    `Neo4j launcher exited with code ${exitCode} before Neo4j was ready (logs in ${path.join(dataDir, 'logs')})${tail ? `:\n${tail}` : ''}`,
  );
}

const attached = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous: send the signal; the JVM shuts down on its own.
  process.on('exit', () => {
    for (const child of attached) killGroup(child, 'SIGTERM');
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts Neo4j for the lifetime of this process and resolves with its Bolt URL
 * once the launcher reports Bolt listening. Callers should still verify
 * connectivity with the driver (see connect() in driver.ts).
 */
export async function launchNeo4j(options: LaunchOptions): Promise<LaunchedNeo4j> {
  const log = options.log ?? (() => {});
  const build = await ensureLauncherBuilt(log);
  fs.mkdirSync(options.dataDir, { recursive: true });

  const child = spawn(build.java, javaArguments(build, options, true), {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: launcherEnv(options),
  });
  attached.add(child);
  installExitHook();
  child.once('exit', () => attached.delete(child));

  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (stderr.length > 200) stderr.shift();
  });
  // A stdin write error (EPIPE) only means the JVM is already gone.
  child.stdin?.on('error', () => {});

  const timeoutMs = options.startTimeoutMs ?? 180_000;
  const uri = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new LauncherError('timeout', `Neo4j did not start within ${timeoutMs / 1000} s (logs in ${path.join(options.dataDir, 'logs')})`));
    }, timeoutMs);
    lines.on('line', (line) => {
      if (line.startsWith(READY_PREFIX)) {
        clearTimeout(timer);
        resolve(line.slice(READY_PREFIX.length).trim());
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new LauncherError('start-failed', `could not run ${build.java}: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      // Let the last stderr chunk arrive before reading it.
      setImmediate(() => reject(parseLauncherError(stderr.join(''), code, options.dataDir)));
    });
  });

  let stopping: Promise<void> | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; expected: boolean }>((resolve) => {
    const report = () => resolve({ code: child.exitCode, signal: child.signalCode, expected: stopping !== undefined });
    if (child.exitCode !== null || child.signalCode !== null) report();
    else child.once('exit', report);
  });
  return {
    uri,
    pid: child.pid!,
    dataDir: options.dataDir,
    exited,
    stop() {
      stopping ??= (async () => {
        child.stdin?.end();
        killGroup(child, 'SIGTERM');
        if (!(await waitForExit(child, 60_000))) {
          killGroup(child, 'SIGKILL');
          await waitForExit(child, 10_000);
        }
        attached.delete(child);
      })();
      return stopping;
    },
  };
}

// ---------------------------------------------------------------------------
// Detached mode, for `npm run db:start` / `npm run db:stop`.

export interface LauncherState {
  pid: number;
  boltUrl: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The launcher writes launcher.json in its data directory while Neo4j is up. */
export function readRunningLauncher(dataDir: string): LauncherState | undefined {
  const file = path.join(dataDir, 'launcher.json');
  let state: LauncherState;
  try {
    state = JSON.parse(fs.readFileSync(file, 'utf8')) as LauncherState;
  } catch {
    return undefined;
  }
  if (typeof state.pid !== 'number' || typeof state.boltUrl !== 'string' || !isAlive(state.pid)) return undefined;
  return state;
}

/** Starts Neo4j in the background, detached from this process; it keeps running until stopDetachedNeo4j. */
export async function startDetachedNeo4j(options: LaunchOptions): Promise<LauncherState> {
  const log = options.log ?? (() => {});
  const running = readRunningLauncher(options.dataDir);
  if (running) {
    throw new LauncherError(
      'locked',
      `Neo4j launcher: another Neo4j launcher (pid ${running.pid}) is already using the data directory ${options.dataDir} at ${running.boltUrl}`,
    );
  }
  const build = await ensureLauncherBuilt(log);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const logFile = path.join(options.dataDir, 'launcher.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(build.java, javaArguments(build, options, false), {
    detached: true,
    stdio: ['ignore', out, out],
    env: launcherEnv(options),
  });
  fs.closeSync(out);
  let exitCode: number | null | undefined;
  child.once('exit', (code) => {
    exitCode = code;
  });
  child.unref();

  const deadline = Date.now() + (options.startTimeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const state = readRunningLauncher(options.dataDir);
    if (state && state.pid === child.pid) return state;
    if (exitCode !== undefined) throw parseLauncherError(fs.readFileSync(logFile, 'utf8'), exitCode, options.dataDir);
  }
  killGroup(child, 'SIGKILL');
  throw new LauncherError('timeout', `Neo4j did not start in time (see ${logFile})`);
}

/** Stops a Neo4j started with startDetachedNeo4j. Resolves false when none was running. */
export async function stopDetachedNeo4j(dataDir: string, timeoutMs = 60_000): Promise<boolean> {
  const state = readRunningLauncher(dataDir);
  if (!state) return false;
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(state.pid)) {
    if (Date.now() > deadline) {
      process.kill(state.pid, 'SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return true;
}
