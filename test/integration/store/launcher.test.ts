// The local launcher refuses the situations it cannot serve, with a clear error
// and without leaving a JVM behind: a taken port, a data directory in use.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchNeo4j, LauncherError, type LaunchedNeo4j } from '../../../src/store/launcher.js';

const dataDirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexus-launcher-test-'));
  dataDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

const credentials = { username: 'neo4j', password: 'launcher-test-password' };

describe('neo4j launcher', () => {
  it('refuses a Bolt port that is already taken, naming it', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const attempt = launchNeo4j({ dataDir: tempDataDir(), port, ...credentials });
      await expect(attempt).rejects.toBeInstanceOf(LauncherError);
      await expect(launchNeo4j({ dataDir: tempDataDir(), port, ...credentials })).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('refuses a second launcher on a data directory in use', async () => {
    const dataDir = tempDataDir();
    const first: LaunchedNeo4j = await launchNeo4j({ dataDir, port: 0, heapMb: 512, pageCacheMb: 64, ...credentials });
    try {
      const second = launchNeo4j({ dataDir, port: 0, ...credentials });
      await expect(second).rejects.toMatchObject({ kind: 'locked' });
      await expect(launchNeo4j({ dataDir, port: 0, ...credentials })).rejects.toThrow(/already using the data directory/);
    } finally {
      await first.stop();
    }
  }, 120_000);

  it('starts again on the same data directory with the same password (a second `npm start`)', async () => {
    const dataDir = tempDataDir();
    for (let run = 0; run < 2; run += 1) {
      const launched = await launchNeo4j({ dataDir, port: 0, heapMb: 512, pageCacheMb: 64, ...credentials });
      try {
        expect(launched.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
      } finally {
        await launched.stop();
      }
    }
    // Two cold starts of Neo4j: minutes on a busy machine.
  }, 300_000);
});
