// `npm run build && node dist/main.js` (what the image runs: no tsx, the tracing
// preload inert as by default) serves the same answers as `npm start` (tsx over
// src/), against the run's Neo4j.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../../src/api/example-queries.js';
import { REPO_ROOT } from '../../../src/store/config.js';
import { startServiceProcess, type ServiceProcess } from '../../support/service-process.js';

async function graphql(base: string, query: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, body: await response.json() };
}

let built: ServiceProcess | undefined;
let source: ServiceProcess | undefined;

beforeAll(async () => {
  const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  [built, source] = await Promise.all([startServiceProcess(['--enable-source-maps', '--import', './dist/observability/tracing.js', 'dist/main.js']), startServiceProcess(['--import', 'tsx', 'src/main.ts'])]);
}, 240_000);

afterAll(async () => {
  await Promise.all([built?.stop(), source?.stop()]);
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
    const code = await built!.stop();
    expect(code).toBe(0);
  });
});
