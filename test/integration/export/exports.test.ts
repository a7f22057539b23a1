// Round trips of the exports over HTTP against the real Neo4j of the test run:
// GraphML and GEXF are read back with graphology-graphml / graphology-gexf
// (over @xmldom/xmldom), Cytoscape JSON and the practice table are checked
// against the graph file the setup loaded.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DOMParser } from '@xmldom/xmldom';
import express from 'express';
import { MultiDirectedGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSES } from '../../../src/analytics/definitions.js';
import { COMMUNITY_PALETTE, sizeForPageRank } from '../../../src/export/analytics.js';
import { parseCsv, UTF8_BOM } from '../../../src/export/csv.js';
import type { CytoscapeJson } from '../../../src/export/cytoscape.js';
import { graphIdFromXmlId, xmlIdFor } from '../../../src/export/graphml.js';
import { sizeForDegree } from '../../../src/export/layout.js';
import { colourOf as colourForType } from '../../../src/graph/model.js';
import { PRACTICE_CSV_COLUMNS, type PracticeRow } from '../../../src/export/practice-table.js';
import { createExportRouter } from '../../../src/export/router.js';
import type { SerialisedGraph } from '../../../src/graph/serialised.js';
import { closeTestDriver, testDatabase, testDriver, testGraph } from '../../support/neo4j.js';

let server: Server;
let baseUrl: string;
let graph: SerialisedGraph;

beforeAll(async () => {
  graph = testGraph();
  const app = express();
  app.use(createExportRouter({ driver: testDriver(), database: testDatabase() }));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await closeTestDriver();
});

async function get(path: string): Promise<{ status: number; type: string; disposition: string; body: string }> {
  const response = await fetch(`${baseUrl}${path}`);
  // Decoded by hand: Response.text() would drop a byte-order mark.
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '',
    body: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
  };
}

/** Ids of the nodes within one hop of `centre` in the loaded graph file. */
function neighbourIds(centre: string): Set<string> {
  const ids = new Set([centre]);
  for (const relationship of graph.relationships) {
    if (relationship.start === centre) ids.add(relationship.end);
    if (relationship.end === centre) ids.add(relationship.start);
  }
  return ids;
}

function wellFormed(xml: string): void {
  const errors: string[] = [];
  new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(xml, 'application/xml');
  expect(errors).toEqual([]);
}

const practice = () => {
  const node = graph.nodes.find((candidate) => candidate.labels.includes('GoodPractice'));
  if (!node) throw new Error('the loaded graph has no good practice');
  return node;
};

describe('GraphML export', () => {
  it('reads back with graphology-graphml: every node, relationship and typed attribute', async () => {
    const response = await get('/export/graph.graphml');
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^application\/graphml\+xml/);
    expect(response.disposition).toContain('nexus-graph.graphml');
    wellFormed(response.body);

    const parsed = graphml.parse(MultiDirectedGraph, response.body);
    expect(parsed.order).toBe(graph.nodes.length);
    expect(parsed.size).toBe(graph.relationships.length);

    const gp = practice();
    // Element ids are NMTOKENs; the graph id is the `id` attribute.
    const attributes = parsed.getNodeAttributes(xmlIdFor(gp.id));
    expect(attributes['id']).toBe(gp.id);
    expect(attributes['type']).toBe('GoodPractice');
    expect(attributes['number']).toBe(gp.properties['number']);
    expect(attributes['title']).toBe(gp.properties['title']);
    expect(attributes['color']).toBe(colourForType('GoodPractice'));
    expect(String(attributes['label'])).toMatch(new RegExp(`^GP ${String(gp.properties['number'])}: `));

    const relationship = graph.relationships[0]!;
    const edge = xmlIdFor(relationship.id);
    expect(parsed.hasEdge(edge)).toBe(true);
    expect(parsed.getEdgeAttribute(edge, 'id')).toBe(relationship.id);
    expect(parsed.getNodeAttribute(parsed.source(edge), 'id')).toBe(relationship.start);
    expect(parsed.getNodeAttribute(parsed.target(edge), 'id')).toBe(relationship.end);
    expect(parsed.getEdgeAttribute(edge, 'type')).toBe(relationship.type);
    expect(new Set(parsed.nodes().map(graphIdFromXmlId))).toEqual(new Set(graph.nodes.map((node) => node.id)));
  });

  it('exports a neighbourhood: the centre, its neighbours and the relationships between them', async () => {
    const centre = practice().id;
    const response = await get(`/export/graph.graphml?id=${encodeURIComponent(centre)}&depth=1`);
    expect(response.status).toBe(200);
    expect(response.disposition).toContain(`nexus-graph-${centre.replace(/[^A-Za-z0-9]+/g, '-')}-depth-1.graphml`);
    const parsed = graphml.parse(MultiDirectedGraph, response.body);
    const expected = neighbourIds(centre);
    expect(new Set(parsed.mapNodes((_node, attributes) => attributes['id']))).toEqual(expected);
    const expectedEdges = graph.relationships.filter((r) => expected.has(r.start) && expected.has(r.end));
    expect(parsed.size).toBe(expectedEdges.length);
  });
});

describe('GEXF export', () => {
  it('reads back with graphology-gexf with labels, colours and attributes', async () => {
    const response = await get('/export/graph.gexf');
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^application\/gexf\+xml/);
    wellFormed(response.body);
    expect(response.body).toContain('version="1.3"');

    const parsed = gexf.parse(MultiDirectedGraph, response.body);
    expect(parsed.order).toBe(graph.nodes.length);
    expect(parsed.size).toBe(graph.relationships.length);

    const gp = practice();
    const attributes = parsed.getNodeAttributes(gp.id);
    expect(attributes['type']).toBe('GoodPractice');
    expect(attributes['title']).toBe(gp.properties['title']);
    expect(attributes['number']).toBe(gp.properties['number']);
    expect(String(attributes['label'])).toMatch(/^GP \d+: /);
    expect(String(attributes['color']).toLowerCase()).toMatch(/^(#|rgb)/);

    for (const relationship of graph.relationships.slice(0, 20)) {
      expect(parsed.getEdgeAttribute(relationship.id, 'type')).toBe(relationship.type);
    }
  });

  it('keeps array properties as JSON text', async () => {
    const withArray = graph.nodes.find((node) => Array.isArray(node.properties['aliases']));
    if (!withArray) return;
    const parsed = gexf.parse(MultiDirectedGraph, (await get('/export/graph.gexf')).body);
    expect(JSON.parse(String(parsed.getNodeAttribute(withArray.id, 'aliases')))).toEqual(withArray.properties['aliases']);
  });
});

describe('Cytoscape JSON export', () => {
  it('has the elements shape Cytoscape reads, with consistent edge ends', async () => {
    const response = await get('/export/graph.cyjs');
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^application\/json/);
    const body = JSON.parse(response.body) as CytoscapeJson;
    expect(body.format_version).toBe('1.0');
    expect(body.elements.nodes).toHaveLength(graph.nodes.length);
    expect(body.elements.edges).toHaveLength(graph.relationships.length);
    const ids = new Set(body.elements.nodes.map((node) => node.data.id));
    expect(ids.size).toBe(graph.nodes.length);
    for (const edge of body.elements.edges) {
      expect(ids.has(edge.data.source)).toBe(true);
      expect(ids.has(edge.data.target)).toBe(true);
      expect(edge.data.interaction).toBe(edge.data.type);
    }
    const gp = practice();
    const node = body.elements.nodes.find((candidate) => candidate.data.id === gp.id);
    expect(node?.data).toMatchObject({ type: 'GoodPractice', title: gp.properties['title'], color: colourForType('GoodPractice') });
  });

  it('scopes a neighbourhood of depth 2 and says so', async () => {
    const centre = practice().id;
    const body = JSON.parse((await get(`/export/graph.cyjs?id=${encodeURIComponent(centre)}&depth=2`)).body) as CytoscapeJson;
    expect(body.data.scope).toBe(`neighbourhood of ${centre}, depth 2`);
    const ids = new Set(body.elements.nodes.map((node) => node.data.id));
    for (const id of neighbourIds(centre)) expect(ids.has(id)).toBe(true);
  });
});

describe('export errors', () => {
  it('answers 404 for an unknown node and 400 for a bad depth', async () => {
    const unknown = await get('/export/graph.gexf?id=gp%3A999');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ error: 'No node with id "gp:999" in the graph' });
    expect((await get(`/export/graph.graphml?id=${encodeURIComponent(practice().id)}&depth=9`)).status).toBe(400);
    expect((await get('/export/graph.cyjs?depth=2')).status).toBe(400);
    expect((await get('/export/graph.cyjs?id=')).status).toBe(400);
  });
});

describe('practice table', () => {
  const practices = () => graph.nodes.filter((node) => node.labels.includes('GoodPractice'));

  it('CSV parses back with one row per practice, in number order, with a BOM by default', async () => {
    const response = await get('/export/practices.csv');
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^text\/csv/);
    expect(response.body.startsWith(UTF8_BOM)).toBe(true);
    const [header, ...rows] = parseCsv(response.body);
    expect(header).toEqual([...PRACTICE_CSV_COLUMNS]);
    expect(rows).toHaveLength(practices().length);
    const numbers = rows.map((row) => Number(row[0]));
    expect(numbers).toEqual([...numbers].sort((left, right) => left - right));
    for (const row of rows) {
      expect(row).toHaveLength(PRACTICE_CSV_COLUMNS.length);
      const node = practices().find((candidate) => candidate.properties['number'] === Number(row[0]));
      expect(row[1]).toBe(node?.properties['title']);
    }
    expect((await get('/export/practices.csv?bom=0')).body.startsWith(UTF8_BOM)).toBe(false);
    expect((await get('/export/practices.csv?bom=x')).status).toBe(400);
  });

  it('CSV and JSON agree, and counts match the graph', async () => {
    const json = JSON.parse((await get('/export/practices.json')).body) as { practices: PracticeRow[] };
    const [, ...rows] = parseCsv((await get('/export/practices.csv')).body);
    expect(json.practices.map((row) => String(row.number))).toEqual(rows.map((row) => row[0]));
    for (const row of json.practices) {
      const id = `gp:${row.number}`;
      const cites = new Set(graph.relationships.filter((r) => r.type === 'CITES' && r.start === id).map((r) => r.end));
      const actors = new Set(graph.relationships.filter((r) => r.type === 'MENTIONS_ACTOR' && r.start === id).map((r) => r.end));
      const references = new Set(
        graph.relationships.filter((r) => r.type === 'REFERENCES' && r.start === id).map((r) => Number(r.end.slice(3))),
      );
      expect(row.instrumentCount).toBe(cites.size);
      expect(row.actorCount).toBe(actors.size);
      expect(row.references).toEqual([...references].sort((left, right) => left - right));
    }
  });
});

describe('network analytics in the exports', () => {
  interface Figures {
    analytics_pageRank: number;
    analytics_pageRankRank: number;
    analytics_betweenness: number;
    analytics_betweennessRank: number;
    analytics_community: number;
  }
  let figures: Map<string, Figures>;
  let datasetVersion: string;

  // The stored figures straight from Neo4j (not through the export's reader).
  beforeAll(async () => {
    const { records } = await testDriver().executeQuery(
      `MATCH (d:Dataset) MATCH (s:AnalyticsScore) WHERE s.datasetVersion = d.version
       RETURN d.version AS version, s.nodeId AS id, s.analysis AS analysis, s.value AS value, s.rank AS rank, s.community AS community`,
      {},
      { database: testDatabase() },
    );
    figures = new Map();
    for (const record of records) {
      datasetVersion = record.get('version') as string;
      const entry = figures.get(record.get('id')) ?? ({} as Figures);
      const analysis = record.get('analysis') as string;
      if (analysis === 'louvain') entry.analytics_community = Number(record.get('community'));
      else {
        entry[`analytics_${analysis}` as 'analytics_pageRank'] = Number(record.get('value'));
        entry[`analytics_${analysis}Rank` as 'analytics_pageRankRank'] = Number(record.get('rank'));
      }
      figures.set(record.get('id') as string, entry);
    }
    expect(figures.size).toBeGreaterThan(100);
  });

  const scoredTypes = new Set(['GoodPractice', 'Actor', 'Instrument']);
  const attributesOf = (attributes: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(attributes).filter(([name]) => name.startsWith('analytics_')));

  it('GraphML: typed analytics_* keys with the stored figures on practices, actors and instruments, none elsewhere, and the runs as graph data', async () => {
    const response = await get('/export/graph.graphml');
    for (const [name, type] of [
      ['analytics_pageRank', 'double'],
      ['analytics_pageRankRank', 'long'],
      ['analytics_betweenness', 'double'],
      ['analytics_betweennessRank', 'long'],
      ['analytics_community', 'long'],
    ]) {
      expect(response.body).toMatch(new RegExp(`<key id="n\\d+" for="node" attr.name="${name}" attr.type="${type}"/>`));
    }
    const parsed = graphml.parse(MultiDirectedGraph, response.body);
    let scored = 0;
    parsed.forEachNode((_node, attributes) => {
      const id = attributes['id'] as string;
      const expected = figures.get(id);
      if (expected) {
        scored += 1;
        expect(scoredTypes.has(attributes['type'] as string), id).toBe(true);
        expect(attributesOf(attributes), id).toEqual(expected);
      } else {
        expect(attributesOf(attributes), id).toEqual({});
      }
    });
    expect(scored).toBe(figures.size);

    const provenance = JSON.parse(parsed.getAttribute('analytics') as string) as {
      datasetVersion: string;
      runs: { analysis: string; attributes: string[]; algorithm: string; parameters: unknown; datasetVersion: string; gdsVersion: string; computedAt: string }[];
    };
    expect(provenance.datasetVersion).toBe(datasetVersion);
    expect(provenance.runs.map((run) => run.analysis)).toEqual(['pageRank', 'betweenness', 'louvain']);
    for (const run of provenance.runs) {
      const definition = ANALYSES[run.analysis as 'pageRank'];
      expect(run.algorithm).toBe(definition.algorithm);
      expect(run.parameters).toEqual(definition.parameters);
      expect(run.datasetVersion).toBe(datasetVersion);
      expect(run.gdsVersion).toMatch(/^2\.\d+\.\d+/);
      expect(Number.isNaN(Date.parse(run.computedAt))).toBe(false);
    }
    expect(provenance.runs.flatMap((run) => run.attributes).sort()).toEqual(Object.keys([...figures.values()][0]!).sort());
  });

  it('neighbourhood exports carry the figures of their nodes too', async () => {
    const centre = practice().id;
    const body = JSON.parse((await get(`/export/graph.cyjs?id=${encodeURIComponent(centre)}&depth=1`)).body) as CytoscapeJson;
    expect(body.data.analytics?.datasetVersion).toBe(datasetVersion);
    let scored = 0;
    for (const node of body.elements.nodes) {
      const expected = figures.get(node.data.id);
      if (expected) scored += 1;
      expect(attributesOf(node.data), node.data.id).toEqual(expected ?? {});
    }
    expect(scored).toBeGreaterThan(1);
  });

  it('GEXF: analytics_* attributes, the provenance in the description, and viz:size following PageRank for scored nodes', async () => {
    const text = (await get('/export/graph.gexf')).body;
    const parsed = gexf.parse(MultiDirectedGraph, text);
    const description = /<description>([^<]*)<\/description>/.exec(text)?.[1] ?? '';
    expect(description).toMatch(/^Nexus Policy Toolkit\. analytics: \{/);
    const provenance = JSON.parse(description.slice(description.indexOf('{')).replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as { datasetVersion: string };
    expect(provenance.datasetVersion).toBe(datasetVersion);

    const scored = [...figures.keys()].map((id) => ({ id, pageRank: figures.get(id)!.analytics_pageRank, size: parsed.getNodeAttribute(id, 'size') as number }));
    for (const { id } of scored) expect(attributesOf(parsed.getNodeAttributes(id)), id).toEqual(figures.get(id));
    scored.sort((left, right) => left.pageRank - right.pageRank);
    for (let index = 1; index < scored.length; index += 1) {
      const [lower, higher] = [scored[index - 1]!, scored[index]!];
      if (higher.pageRank > lower.pageRank) expect(higher.size, `${higher.id} vs ${lower.id}`).toBeGreaterThanOrEqual(lower.size);
    }
    expect(scored.at(-1)!.size).toBeGreaterThan(scored[0]!.size);
    expect(scored.at(-1)!.size).toBe(sizeForPageRank(scored.at(-1)!.pageRank));
    // Nodes outside the analytics graph keep the layout's degree size.
    const unscored = graph.nodes.find((node) => !figures.has(node.id))!;
    const degree = graph.relationships.filter((r) => r.start === unscored.id || r.end === unscored.id).length;
    expect(parsed.getNodeAttribute(unscored.id, 'size')).toBe(sizeForDegree(degree));
  });

  it('?colour=community: one colour per community, different colours across the largest communities, type colours otherwise', async () => {
    const communities = new Set([...figures.values()].map((entry) => entry.analytics_community));
    for (const kind of ['gexf', 'graphml', 'cyjs'] as const) {
      const response = await get(`/export/graph.${kind}?colour=community`);
      expect(response.status).toBe(200);
      const colours = new Map<string, string>();
      if (kind === 'cyjs') {
        for (const node of (JSON.parse(response.body) as CytoscapeJson).elements.nodes) colours.set(node.data.id, String(node.data['color']));
      } else {
        const parsed = kind === 'gexf' ? gexf.parse(MultiDirectedGraph, response.body) : graphml.parse(MultiDirectedGraph, response.body);
        parsed.forEachNode((node, attributes) => colours.set(kind === 'gexf' ? node : (attributes['id'] as string), String(attributes['color'])));
      }
      const byCommunity = new Map<number, Set<string>>();
      for (const [id, entry] of figures) {
        const set = byCommunity.get(entry.analytics_community) ?? new Set();
        set.add(colours.get(id)!.toLowerCase());
        byCommunity.set(entry.analytics_community, set);
      }
      for (const [community, set] of byCommunity) expect(set.size, `${kind}: community ${community}`).toBe(1);
      const top = [...communities].sort((left, right) => left - right).slice(0, COMMUNITY_PALETTE.length);
      const topColours = top.map((community) => [...byCommunity.get(community)!][0]);
      expect(new Set(topColours).size, kind).toBe(top.length);
      const outside = graph.nodes.find((node) => !figures.has(node.id))!;
      expect(colours.get(outside.id), kind).not.toBe(topColours[0]);
    }
    const byType = JSON.parse((await get('/export/graph.cyjs?colour=type')).body) as CytoscapeJson;
    expect(byType.elements.nodes.find((node) => node.data.id === practice().id)?.data['color']).toBe(colourForType('GoodPractice'));
  });

  it('answers 400 for an unknown or repeated colour', async () => {
    for (const path of ['/export/graph.gexf?colour=bogus', '/export/graph.graphml?colour=community&colour=type', `/export/graph.cyjs?id=${encodeURIComponent(practice().id)}&colour=Community`]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(JSON.parse(response.body).error, path).toMatch(/^colour must be/);
    }
  });
});
