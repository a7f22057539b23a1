// `npm start` as an operator runs it, with its own Neo4j in a temporary data
// directory: a second instance on the same directory is refused, a killed
// Neo4j gives 503s and is restarted (or, with NEO4J_RESTARTS=0, the service
// exits 1 with one line), and SIGTERM lets a request in flight finish.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/store/config.js';

const QUERY = JSON.stringify({ query: '{ goodPractices(first: 3) { nodes { number } } }' });

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

interface Service {
  child: ChildProcess;
  port: number;
  dataDir: string;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

const started: Service[] = [];

function environment(dataDir: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0', PORT: String(port), HOST: '127.0.0.1', ...extra };
  delete env['NEO4J_URI'];
  env['NEO4J_PASSWORD'] = 'service-test-password';
  return env;
}

async function startService(extra: Record<string, string> = {}): Promise<Service> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexus-service-test-'));
  const port = await freePort();
  const child = spawn('npm', ['start', '--silent'], { cwd: REPO_ROOT, env: environment(dataDir, port, extra), stdio: ['ignore', 'pipe', 'pipe'] });
  const service: Service = {
    child,
    port,
    dataDir,
    stdout: [],
    stderr: [],
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  started.push(service);
  child.stdout?.on('data', (chunk: Buffer) => service.stdout.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => service.stderr.push(chunk.toString()));
  const deadline = Date.now() + 240_000;
  while (!service.stdout.join('').includes('GraphQL at http://')) {
    if (Date.now() > deadline || child.exitCode !== null) {
      throw new Error(`the service did not start:\n${service.stdout.join('')}\n${service.stderr.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return service;
}

async function graphql(port: number): Promise<{ status: number; retryAfter: string | null; body: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr });
    });
  });
}

function launcherPid(dataDir: string): number {
  return (JSON.parse(fs.readFileSync(path.join(dataDir, 'launcher.json'), 'utf8')) as { pid: number }).pid;
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

afterAll(async () => {
  for (const service of started) {
    if (service.child.exitCode === null && service.child.signalCode === null) {
      service.child.kill('SIGTERM');
      await Promise.race([service.exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    }
    fs.rmSync(service.dataDir, { recursive: true, force: true });
  }
});

describe('npm start', () => {
  it('owns its data directory, survives a killed Neo4j, and drains on SIGTERM', { timeout: 600_000 }, async () => {
    const service = await startService();
    const before = (await (await fetch(`http://127.0.0.1:${service.port}/ready`)).json()) as { dataset: { loadedAt: string } };
    expect((await graphql(service.port)).status).toBe(200);

    // A second instance on the same directory stops before touching Neo4j, in one line.
    // Not spawnSync: the test's own event loop (and its keep-alive connections) must keep running.
    const second = await run(['start', '--silent'], environment(service.dataDir, await freePort()));
    expect(second.status).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^start: the data directory .* is owned by the service with pid \\d+ \\(port ${service.port}, started .*\\)`)),
    ]);
    const after = (await (await fetch(`http://127.0.0.1:${service.port}/ready`)).json()) as { dataset: { loadedAt: string } };
    expect(after.dataset.loadedAt).toBe(before.dataset.loadedAt);

    // Neo4j killed: 503 with Retry-After, /health red; then restarted and serving again.
    process.kill(launcherPid(service.dataDir), 'SIGKILL');
    const down = await graphql(service.port);
    expect(down.status).toBe(503);
    expect(down.retryAfter).toMatch(/^\d+$/);
    expect(JSON.parse(down.body).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect((await fetch(`http://127.0.0.1:${service.port}/health`)).status).toBe(503);
    expect(await until(async () => (await fetch(`http://127.0.0.1:${service.port}/health`)).status === 200, 240_000)).toBe(true);
    expect((await graphql(service.port)).status).toBe(200);
    expect(service.stdout.join('')).toMatch(/exited unexpectedly \(signal SIGKILL\); restarting it/);

    // SIGTERM with a request in flight (its body half sent): the request completes, then the process exits 0.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port: service.port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(QUERY) } },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      request.write(QUERY.slice(0, 10));
      setTimeout(() => {
        service.child.kill('SIGTERM');
        // Once the service stops accepting connections, send the rest.
        void until(
          () =>
            new Promise<boolean>((resolve) => {
              const probe = net.connect(service.port, '127.0.0.1');
              probe.once('connect', () => {
                probe.destroy();
                resolve(false);
              });
              probe.once('error', () => resolve(true));
            }),
          20_000,
        ).then(() => request.end(QUERY.slice(10)));
      }, 200);
    });
    const inFlight = await answer;
    expect(inFlight.status).toBe(200);
    expect(JSON.parse(inFlight.body).data.goodPractices.nodes).toHaveLength(3);
    expect(await service.exited).toBe(0);
    expect(fs.existsSync(path.join(service.dataDir, 'service.json'))).toBe(false);
    expect(fs.existsSync(path.join(service.dataDir, 'launcher.json'))).toBe(false);
  });

  it('exits 1 with one line when its Neo4j dies and restarts are off', { timeout: 400_000 }, async () => {
    const service = await startService({ NEO4J_RESTARTS: '0' });
    process.kill(launcherPid(service.dataDir), 'SIGKILL');
    expect(await service.exited).toBe(1);
    const lines = service.stderr.join('').trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^start: Neo4j \(pid \d+\) exited unexpectedly \(signal SIGKILL\) and restarts are off \(NEO4J_RESTARTS=0\)$/)]);
    expect(fs.existsSync(path.join(service.dataDir, 'service.json'))).toBe(false);
  });
});
