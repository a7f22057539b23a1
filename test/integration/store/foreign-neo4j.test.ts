// A service pointed at someone else's Neo4j (NEO4J_URI) that already serves a
// different dataset: `npm start` refuses to replace it (one line, exit 1) and
// the live dataset is unchanged; ensureToolkitLoaded says the same in code.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/store/config.js';
import { DatasetInUseError, ensureToolkitLoaded } from '../../../src/store/dataset.js';
import { readGraphFile } from '../../../src/store/graph-file.js';
import { readDataset } from '../../../src/store/load.js';
import { closeTestDriver, testDatabase, testDriver, testGraphPath, testNeo4j } from '../../support/neo4j.js';

afterAll(async () => {
  await closeTestDriver();
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

async function setVersion(version: string): Promise<void> {
  await testDriver().executeQuery('MATCH (d:Dataset) SET d.version = $version', { version }, { database: testDatabase() });
}

describe("someone else's Neo4j", () => {
  it('is never loaded over without --force', { timeout: 120_000 }, async () => {
    const live = await readDataset(testDriver(), testDatabase());
    if (!live) throw new Error('the test setup loaded no dataset');
    const other = `${live.version}-someone-else`;
    await setVersion(other);
    try {
      // In code: a graph of another version is refused.
      const graph = readGraphFile(testGraphPath());
      await expect(ensureToolkitLoaded(testDriver(), { database: testDatabase(), graph, replaceOtherDataset: false })).rejects.toBeInstanceOf(DatasetInUseError);

      // As run: npm start with NEO4J_URI exits 1 in one line, before serving.
      const { uri, username, password, database } = testNeo4j();
      const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, NEO4J_DATABASE: database, PORT: String(await freePort()), HOST: '127.0.0.1' };
      const result = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn('npm', ['start', '--silent'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
        child.once('exit', (status) => {
          clearTimeout(timer);
          resolve({ status, stderr });
        });
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^start: the Neo4j at NEO4J_URI already serves dataset .*npm start -- --force/)]);
      const after = await readDataset(testDriver(), testDatabase());
      expect(after?.version).toBe(other);
      expect(after?.loadedAt).toBe(live.loadedAt);
    } finally {
      await setVersion(live.version);
    }
  });
});
