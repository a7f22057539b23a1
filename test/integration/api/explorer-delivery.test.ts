// The explorer on a fresh clone: no web/dist until `npm start` builds it (and
// says so), then `/` serves it compressed, with hashed bundles cached for good.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../../../src/api/server.js';
import { ensureWebBuild, webBuildState } from '../../../src/api/web-build.js';
import { REPO_ROOT } from '../../../src/store/config.js';
import { closeTestDriver, testDatabase, testDriver } from '../../support/neo4j.js';

let clone: string;
let server: StartedServer;
let base: string;
const logged: string[] = [];

describe('the explorer on a fresh clone', () => {
  beforeAll(async () => {
    clone = mkdtempSync(path.join(tmpdir(), 'nexus-clone-'));
    execFileSync('git', ['clone', '--quiet', '--local', REPO_ROOT, clone]);
    // The clone shares the checkout's installed packages (what `npm ci` would give it).
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(clone, 'node_modules'));
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await closeTestDriver();
    if (clone) rmSync(clone, { recursive: true, force: true });
  });

  it('has no build until start builds it, and says so in the log', async () => {
    const webDir = path.join(clone, 'web');
    expect(webBuildState(webDir)).toBe('missing');
    expect(await ensureWebBuild({ webDir, log: (line) => logged.push(line) })).toBe('missing');
    expect(logged[0]).toMatch(/not built .*building it now/);
    expect(logged.at(-1)).toMatch(/^Built the explorer into /);
    expect(existsSync(path.join(webDir, 'dist', 'index.html'))).toBe(true);
    expect(webBuildState(webDir)).toBe('current');
  }, 180_000);

  it('rebuilds when the graph model it bundles is newer than the build', () => {
    const webDir = path.join(clone, 'web');
    expect(webBuildState(webDir)).toBe('current');
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(clone, 'src', 'graph', 'model.ts'), future, future);
    expect(webBuildState(webDir)).toBe('stale');
  });

  it('rebuilds when a source is newer than the build', () => {
    const webDir = path.join(clone, 'web');
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(webDir, 'src', 'main.ts'), future, future);
    expect(webBuildState(webDir)).toBe('stale');
  });

  it('serves the built explorer at / and its client routes, compressed', async () => {
    server = await startServer({
      driver: testDriver(),
      database: testDatabase(),
      port: 0,
      webRoot: path.join(clone, 'web', 'dist'),
      logger: pino({ level: 'silent' }),
    });
    base = `http://127.0.0.1:${server.port}`;
    const home = await fetch(`${base}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(await home.text()).toContain('<main id="main"');

    const route = await fetch(`${base}/practice/17`, { headers: { accept: 'text/html' } });
    expect(route.status).toBe(200);
  });

  it('sends hashed bundles gzip-compressed and immutable', async () => {
    const assets = readdirSync(path.join(clone, 'web', 'dist', 'assets'));
    const script = assets.find((name) => /^index-[\w-]+\.js$/.test(name));
    expect(script).toBeDefined();
    // Node's fetch decodes gzip itself; a raw request shows the encoding on the wire.
    const { request } = await import('node:http');
    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request(`${base}/assets/${script}`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = gunzipSync(raw.body);
    expect(raw.body.length).toBeLessThan(plain.length / 2);
  });

  it('compresses GraphQL answers too', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ goodPractices(first: 25) { nodes { number title lead } } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
  });
});
