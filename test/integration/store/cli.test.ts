// Bad situations of the commands, run as a user runs them: a clear one-line
// error and a non-zero exit, never a hang or a stack trace.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/store/config.js';
import { testNeo4j } from '../../support/neo4j.js';
import { MINI_GRAPH_PATH } from '../../support/paths.js';

function run(script: string, env: Record<string, string>) {
  // The mini fixture is built from the same source, so the command goes on to connect.
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--graph', MINI_GRAPH_PATH], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 45_000,
  });
  return { status: result.status, stderr: result.stderr, timedOut: result.error !== undefined };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}

describe('npm run ingest', () => {
  it('exits non-zero with a clear message when Neo4j is not reachable', async () => {
    const port = await closedPort();
    const started = Date.now();
    const result = run('src/store/cli/ingest.ts', { NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'whatever1' });
    expect(result.timedOut).toBe(false);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/^ingest: /m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeLessThan(45_000);
  });

  it('exits non-zero naming the problem when the password is wrong', () => {
    const { uri } = testNeo4j();
    const result = run('src/store/cli/ingest.ts', { NEO4J_URI: uri, NEO4J_PASSWORD: 'not-the-password' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/^ingest: .*(password|credentials|authenticat)/im);
  });

  it('refuses a NEO4J_URI that is not a Neo4j address', () => {
    const result = run('src/store/cli/ingest.ts', { NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'whatever1' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/NEO4J_URI must look like bolt:\/\//);
  });
});
