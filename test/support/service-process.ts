// The service as its own process (`node dist/main.js`, or tsx over src/), as an
// operator runs it, against the run's Neo4j on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from '../../src/store/config.js';
import { testNeo4j } from './neo4j.js';

export interface ServiceProcess {
  child: ChildProcess;
  /** Origin, e.g. http://127.0.0.1:45678 */
  base: string;
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `node <args>` in the repository; resolves once the service logs its address. */
export function startServiceProcess(args: string[], extraEnv: Record<string, string> = {}): Promise<ServiceProcess> {
  const { uri, username, password, database } = testNeo4j();
  const { NODE_OPTIONS: _nodeOptions, ...env } = process.env;
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...env, NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, NEO4J_DATABASE: database, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`service did not start:\n${output}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /GraphQL at http:\/\/localhost:(\d+)\/graphql/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${port}`, output: () => output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code}:\n${output}`));
    });
  });
}
