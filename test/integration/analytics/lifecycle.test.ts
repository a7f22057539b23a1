// The life of the analytics: the same dataset gives the same figures; a new
// dataset version stops the old figures from being served until they are
// recomputed; a Neo4j without Graph Data Science serves everything else and
// says what is missing.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAnalytics, ensureAnalytics, type ComputedAnalytics } from '../../../src/analytics/compute.js';
import { graphContentVersion } from '../../../src/store/graph-file.js';
import { launchNeo4j, type LaunchedNeo4j } from '../../../src/store/launcher.js';
import { loadGraph } from '../../../src/store/load.js';
import { ensureToolkitLoaded } from '../../../src/store/dataset.js';
import { closeTestDriver, restoreTestDataset, testDatabase, testDriver, testGraph } from '../../support/neo4j.js';
import { startTestApi, type TestApi } from '../api/api-client.js';

afterAll(closeTestDriver);

/** The figures without the time they were computed at. */
function figures(computed: ComputedAnalytics) {
  return { ...computed, runs: computed.runs.map(({ computedAt: _computedAt, ...run }) => run) };
}

describe('analytics per dataset version', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ responseCache: false });
  });
  afterAll(async () => {
    await api.close();
    await restoreTestDataset();
  });

  it('gives the same figures when recomputed on an unchanged dataset', async () => {
    const first = await computeAnalytics(testDriver(), { database: testDatabase() });
    const second = await computeAnalytics(testDriver(), { database: testDatabase() });
    expect(first.scores.length).toBeGreaterThan(100);
    expect(figures(second)).toEqual(figures(first));
    const report = await ensureAnalytics(testDriver(), { database: testDatabase() });
    expect(report.status).toBe('current');
  });

  it('stops serving the figures of the previous version after a load, and serves the new ones once computed', async () => {
    const original = testGraph();
    // A new version of the dataset: GP 3 no longer cites anything.
    const relationships = original.relationships.filter((r) => !(r.type === 'CITES' && r.start === 'gp:3'));
    expect(relationships.length).toBeLessThan(original.relationships.length);
    const changed = { ...original, relationships, dataset: { ...original.dataset, version: graphContentVersion({ nodes: original.nodes, relationships }) } };
    await loadGraph(testDriver(), changed, { database: testDatabase() });

    const stale = await api.query<{ dataset: { version: string }; analytics: unknown; goodPractice: { title: string; analytics: unknown } }>(
      '{ dataset { version } analytics { datasetVersion } goodPractice(number: 3) { title analytics { pageRank { score } } } }',
    );
    expect(stale.status).toBe(200);
    expect(stale.data?.dataset.version).toBe(changed.dataset.version);
    expect(stale.data?.goodPractice.title).toBeTruthy();
    expect(stale.data?.analytics).toBeNull();
    expect(stale.data?.goodPractice.analytics).toBeNull();
    expect(stale.errors?.map((error) => error.extensions?.['code'])).toEqual(['ANALYTICS_UNAVAILABLE', 'ANALYTICS_UNAVAILABLE']);
    expect(stale.errors?.[0]?.message).toMatch(/not computed yet/);

    const report = await ensureAnalytics(testDriver(), { database: testDatabase() });
    expect(report).toMatchObject({ status: 'computed', datasetVersion: changed.dataset.version });
    const fresh = await api.query<{ analytics: { datasetVersion: string; coCitation: { practices: { number: number }[] }[] } }>(
      '{ analytics { datasetVersion coCitation(first: 500) { practices { number } } } }',
    );
    expect(fresh.errors).toBeUndefined();
    expect(fresh.data?.analytics.datasetVersion).toBe(changed.dataset.version);
    expect(fresh.data?.analytics.coCitation.some((pair) => pair.practices.some((practice) => practice.number === 3))).toBe(false);
    // Only the current version's figures are kept.
    const { records } = await testDriver().executeQuery('MATCH (r:AnalyticsRun) RETURN collect(DISTINCT r.datasetVersion) AS versions', {}, { database: testDatabase() });
    expect(records[0]?.get('versions')).toEqual([changed.dataset.version]);
  });
});

/** What an export carries when it has figures: analytics_* attributes, and the provenance (GraphML key, GEXF description, Cytoscape data). */
const ANALYTICS_IN_EXPORT = /analytics_|attr\.name="analytics"|analytics: \{|"analytics":/;

describe('a Neo4j without the Graph Data Science plugin', () => {
  let launched: LaunchedNeo4j;
  let dataDir: string;
  let driver: Driver;
  let api: TestApi;
  const lines: string[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexus-neo4j-nogds-'));
    const password = randomBytes(12).toString('hex');
    launched = await launchNeo4j({ dataDir, port: 0, username: 'neo4j', password, heapMb: 512, pageCacheMb: 64, gds: false });
    driver = neo4j.driver(launched.uri, neo4j.auth.basic('neo4j', password));
    await ensureToolkitLoaded(driver, { database: testDatabase(), graph: testGraph(), log: (line) => lines.push(line) });
    api = await startTestApi({ driver, responseCache: false });
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await driver?.close();
    await launched?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the dataset and says at start that the analytics need the plugin', () => {
    expect(lines.some((line) => /^Loaded dataset/.test(line))).toBe(true);
    expect(lines.find((line) => line.startsWith('Graph analytics unavailable'))).toMatch(/Graph Data Science plugin \(graph-data-science\)/);
  });

  it('answers every other field, and gives the analytics fields null with an error naming the plugin', async () => {
    const response = await api.query<{
      dataset: { version: string };
      goodPractice: { title: string; actors: unknown[]; analytics: unknown };
      analytics: unknown;
      neighborhood: { nodes: { type: string; analytics: unknown }[] };
    }>(`{ dataset { version } goodPractice(number: 1) { title actors { text } analytics { pageRank { score } } }
      analytics { centrality { score } }
      neighborhood(id: "gp:1", types: ["HAS_STEP"]) { nodes { type analytics { community { number } } } } }`);
    expect(response.status).toBe(200);
    expect(response.data?.dataset.version).toBe(testGraph().dataset.version);
    expect(response.data?.goodPractice.title).toBeTruthy();
    expect(response.data?.goodPractice.actors.length).toBeGreaterThan(0);
    expect(response.data?.goodPractice.analytics).toBeNull();
    expect(response.data?.analytics).toBeNull();
    // Steps are not in the analytics graph: no figures and no error for them.
    expect(response.data?.neighborhood.nodes.filter((node) => node.type === 'Step').every((node) => node.analytics === null)).toBe(true);
    const errors = response.errors ?? [];
    expect(errors.length).toBeGreaterThanOrEqual(2);
    for (const error of errors) {
      expect(error.extensions?.['code']).toBe('ANALYTICS_UNAVAILABLE');
      expect(error.message).toMatch(/Neo4j Graph Data Science plugin \(graph-data-science\)/);
      expect(error.message).toMatch(/NEO4J_PLUGINS/);
    }
  });

  it('reports the analytics as unavailable when asked to compute them', async () => {
    const report = await ensureAnalytics(driver, { database: testDatabase() });
    expect(report).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/graph-data-science/) });
    await expect(computeAnalytics(driver, { database: testDatabase() })).rejects.toThrow(/graph-data-science/);
  });

  it('serves the graph exports as before (no analytics attributes), and answers colour=community with a 409 naming the plugin', async () => {
    for (const kind of ['graphml', 'gexf', 'cyjs']) {
      const response = await fetch(`${api.origin}/export/graph.${kind}`);
      const text = await response.text();
      expect(response.status, kind).toBe(200);
      expect(text, kind).toContain('gp:1');
      // (the word itself may occur in the toolkit's text; the attributes and the provenance may not)
      expect(text, kind).not.toMatch(ANALYTICS_IN_EXPORT);
      const neighbourhood = await fetch(`${api.origin}/export/graph.${kind}?id=gp%3A1&depth=1`);
      expect(neighbourhood.status, kind).toBe(200);
      expect(await neighbourhood.text(), kind).not.toMatch(ANALYTICS_IN_EXPORT);
    }
    const community = await fetch(`${api.origin}/export/graph.gexf?colour=community`);
    expect(community.status).toBe(409);
    expect(((await community.json()) as { error: string }).error).toMatch(/colour=community .*graph-data-science/);
    expect((await fetch(`${api.origin}/export/graph.gexf?colour=bogus`)).status).toBe(400);
  });
});
