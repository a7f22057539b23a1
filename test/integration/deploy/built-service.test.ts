// `npm run build && node dist/main.js` (what the image runs, without tsx) serves
// the same answers as `npm start` (tsx over src/), against the run's Neo4j.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../../src/api/example-queries.js';
import { REPO_ROOT } from '../../../src/store/config.js';
import { testNeo4j } from '../../support/neo4j.js';

interface Running {
  child: ChildProcess;
  base: string;
  output: () => string;
}

/** Starts the service with the run's Neo4j on a free port; resolves once it logs its address. */
function startService(args: string[], extraEnv: Record<string, string> = {}): Promise<Running> {
  const { uri, username, password, database } = testNeo4j();
  const { NODE_OPTIONS: _nodeOptions, ...env } = process.env;
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...env, NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, NEO4J_DATABASE: database, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /GraphQL at http:\/\/localhost:(\d+)\/graphql/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${port}`, output: () => output });
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

async function stop(running: Running | undefined): Promise<number | null> {
  if (!running || running.child.exitCode !== null) return running?.child.exitCode ?? null;
  const exited = new Promise<number | null>((resolve) => running.child.once('exit', (code) => resolve(code)));
  running.child.kill('SIGTERM');
  return exited;
}

async function graphql(base: string, query: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, body: await response.json() };
}

let built: Running | undefined;
let source: Running | undefined;

beforeAll(async () => {
  const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  [built, source] = await Promise.all([startService(['dist/main.js']), startService(['--import', 'tsx', 'src/main.ts'])]);
}, 240_000);

afterAll(async () => {
  await Promise.all([stop(built), stop(source)]);
});

describe('the compiled service (dist/main.js)', () => {
  it('is plain JavaScript beside the sources, with no tsx at run time', () => {
    expect(fs.existsSync(path.join(REPO_ROOT, 'dist', 'main.js'))).toBe(true);
    expect(fs.existsSync(path.join(REPO_ROOT, 'dist', 'api', 'server.js'))).toBe(true);
    const compiled = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'main.js'), 'utf8');
    expect(compiled).not.toMatch(/\btsx\b/);
    expect(compiled).not.toMatch(/^import type /m);
  });

  it('answers the README example queries exactly as the tsx service does', async () => {
    const queries = [...EXAMPLE_QUERIES.map((example) => example.query), '{ goodPractices(first: 0) { totalCount } }', '{ dataset { version nodeCount relationshipCount } }'];
    for (const query of queries) {
      const [fromDist, fromSource] = await Promise.all([graphql(built!.base, query), graphql(source!.base, query)]);
      expect(fromDist, query).toEqual(fromSource);
    }
    const gp17 = await graphql(built!.base, '{ goodPractice(number: 17) { title } }');
    expect(gp17).toEqual({ status: 200, body: { data: { goodPractice: { title: 'Support and enhance rehabilitation and reintegration programmes.' } } } });
  });

  it('finds its files from dist/: readiness, GraphiQL assets, exports and the explorer', async () => {
    for (const route of ['/ready', '/health', '/graphiql', '/graphiql/assets/graphiql.min.js', '/export/practices.json', '/']) {
      const [fromDist, fromSource] = await Promise.all([fetch(built!.base + route), fetch(source!.base + route)]);
      expect(fromDist.status, route).toBe(fromSource.status);
      expect(fromDist.headers.get('content-type'), route).toBe(fromSource.headers.get('content-type'));
      const [a, b] = await Promise.all([fromDist.text(), fromSource.text()]);
      expect(a.length, route).toBe(b.length);
    }
    expect((await fetch(`${built!.base}/ready`)).status).toBe(200);
    expect((await fetch(`${built!.base}/graphiql/assets/graphiql.min.js`)).status).toBe(200);
  });

  it('stops cleanly on SIGTERM', async () => {
    const code = await stop(built);
    built = undefined;
    expect(code).toBe(0);
  });
});
