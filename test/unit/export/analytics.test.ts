// The pure parts of the analytics in the exports: columns, size rule, palette,
// colour parameter, provenance, and the writers with and without figures.
import { describe, expect, it } from 'vitest';
import { ANALYSES } from '../../../src/analytics/definitions.js';
import type { AnalyticsRunRecord, NodeAnalyticsRecord } from '../../../src/analytics/read.js';
import {
  analyticsProvenance,
  analyticsValues,
  ANALYTICS_COLUMN_LIST,
  communityColour,
  COMMUNITY_PALETTE,
  NO_COMMUNITY_COLOUR,
  parseColourMode,
  sizeForPageRank,
  SMALL_COMMUNITY_COLOUR,
  type ExportAnalytics,
} from '../../../src/export/analytics.js';
import { toCytoscapeJson } from '../../../src/export/cytoscape.js';
import type { ExportGraph } from '../../../src/export/export-graph.js';
import { gexfDescription, rgb, toGexf } from '../../../src/export/gexf.js';
import { toGraphML } from '../../../src/export/graphml.js';
import { computeLayout, sizeForDegree } from '../../../src/export/layout.js';
import { colourOf as colourForType } from '../../../src/graph/model.js';

function figures(nodeId: string, pageRank: number, betweenness: number, community: number, rank: number): NodeAnalyticsRecord {
  return {
    nodeId,
    pageRank: { analysis: 'pageRank', nodeId, score: pageRank, rank },
    betweenness: { analysis: 'betweenness', nodeId, score: betweenness, rank },
    community,
  };
}

function run(analysis: 'pageRank' | 'betweenness' | 'louvain' | 'nodeSimilarity'): AnalyticsRunRecord {
  return {
    key: `${analysis}:v1`,
    analysis,
    description: ANALYSES[analysis].description,
    algorithm: ANALYSES[analysis].algorithm,
    parameters: ANALYSES[analysis].parameters,
    projection: { name: ANALYSES[analysis].projection },
    datasetVersion: 'v1',
    gdsVersion: '2.13.9',
    computedAt: '2026-11-29T18:00:00.000Z',
    statistics: {},
  };
}

const analytics: ExportAnalytics = {
  datasetVersion: 'v1',
  runs: [run('nodeSimilarity'), run('louvain'), run('betweenness'), run('pageRank')],
  byNode: new Map([
    ['gp:1', figures('gp:1', 2.5, 10, 1, 1)],
    ['actor:police', figures('actor:police', 0.4, 0, 12, 2)],
  ]),
};

const graph = (withAnalytics: boolean): ExportGraph => ({
  scope: { kind: 'whole' },
  nodes: [
    { id: 'actor:police', type: 'Actor', labels: ['Actor'], label: 'Police', properties: { name: 'Police' } },
    { id: 'gp:1', type: 'GoodPractice', labels: ['GoodPractice'], label: 'GP 1: A', properties: { number: 1 } },
    { id: 'gp:1/action:1', type: 'KeyAction', labels: ['KeyAction'], label: 'GP 1 Action 1', properties: { number: 1 } },
  ],
  edges: [
    { id: 'gp:1->gp:1/action:1', type: 'HAS_KEY_ACTION', source: 'gp:1', target: 'gp:1/action:1', properties: {} },
    { id: 'gp:1->actor:police#1', type: 'MENTIONS_ACTOR', source: 'gp:1', target: 'actor:police', properties: {} },
  ],
  analytics: withAnalytics ? analytics : null,
});

describe('analytics columns', () => {
  it('are typed and prefixed, and a node outside the analytics graph has no value (not 0)', () => {
    expect(ANALYTICS_COLUMN_LIST).toEqual([
      { name: 'analytics_pageRank', type: 'double' },
      { name: 'analytics_pageRankRank', type: 'long' },
      { name: 'analytics_betweenness', type: 'double' },
      { name: 'analytics_betweennessRank', type: 'long' },
      { name: 'analytics_community', type: 'long' },
    ]);
    expect(analyticsValues(analytics.byNode.get('actor:police'))).toEqual({
      analytics_pageRank: 0.4,
      analytics_pageRankRank: 2,
      analytics_betweenness: 0,
      analytics_betweennessRank: 2,
      analytics_community: 12,
    });
    expect(analyticsValues(undefined)).toEqual({});
    expect(analyticsValues(figures('x', Number.NaN, 1, 1, 1))).not.toHaveProperty('analytics_pageRank');
  });

  it('trace each column to its run: analysis, algorithm, parameters, dataset and GDS versions', () => {
    const provenance = analyticsProvenance(analytics);
    expect(provenance.datasetVersion).toBe('v1');
    expect(provenance.derived).toMatch(/not facts from the source/);
    expect(provenance.runs.map((entry) => [entry.analysis, entry.attributes])).toEqual([
      ['pageRank', ['analytics_pageRank', 'analytics_pageRankRank']],
      ['betweenness', ['analytics_betweenness', 'analytics_betweennessRank']],
      ['louvain', ['analytics_community']],
    ]);
    expect(provenance.runs[0]).toMatchObject({ algorithm: ANALYSES.pageRank.algorithm, parameters: ANALYSES.pageRank.parameters, datasetVersion: 'v1', gdsVersion: '2.13.9' });
  });
});

describe('GEXF size rule', () => {
  it('grows with PageRank, and every scored node (PageRank ≥ 0.15) is larger than an unscored node of degree up to 24', () => {
    const scores = [0.15, 0.286, 1, 1, 2.5, 4.9, 12];
    const sizes = scores.map(sizeForPageRank);
    for (let index = 1; index < sizes.length; index += 1) expect(sizes[index]).toBeGreaterThanOrEqual(sizes[index - 1]!);
    expect(sizeForPageRank(2.5)).toBeGreaterThan(sizeForPageRank(2.4));
    expect(sizeForPageRank(0.15)).toBe(13.87);
    expect(sizeForPageRank(0.15)).toBeGreaterThan(sizeForDegree(24));
    expect(sizeForPageRank(-1)).toBe(10);
  });

  it('sizes scored nodes from PageRank and keeps the degree size for the others', () => {
    const layout = computeLayout(graph(true));
    const text = toGexf(graph(true), layout);
    const size = (id: string) => Number(new RegExp(`<node id="${id}"[^>]*>.*?<viz:size value="([\\d.]+)"/>`).exec(text)?.[1]);
    expect(size('gp:1')).toBe(sizeForPageRank(2.5));
    expect(size('actor:police')).toBe(sizeForPageRank(0.4));
    expect(size('gp:1/action:1')).toBe(sizeForDegree(1));
    expect(toGexf(graph(false), layout)).toContain(`<viz:size value="${sizeForDegree(2)}"/>`);
  });
});

describe('community colours', () => {
  it('use a palette of distinct colours, largest community first, grey beyond it and outside the analytics graph', () => {
    expect(new Set(COMMUNITY_PALETTE).size).toBe(COMMUNITY_PALETTE.length);
    COMMUNITY_PALETTE.forEach((colour, index) => expect(communityColour(index + 1)).toBe(colour));
    expect(communityColour(COMMUNITY_PALETTE.length + 1)).toBe(SMALL_COMMUNITY_COLOUR);
    expect(communityColour(undefined)).toBe(NO_COMMUNITY_COLOUR);
    expect(communityColour(0)).toBe(NO_COMMUNITY_COLOUR);
    for (const colour of [...COMMUNITY_PALETTE, SMALL_COMMUNITY_COLOUR, NO_COMMUNITY_COLOUR]) expect(() => rgb(colour)).not.toThrow();
  });

  it('are chosen by ?colour=, type by default; anything else is an error', () => {
    expect(parseColourMode(undefined)).toBe('type');
    expect(parseColourMode('')).toBe('type');
    expect(parseColourMode('type')).toBe('type');
    expect(parseColourMode('community')).toBe('community');
    expect(parseColourMode('Community')).toEqual({ error: 'colour must be one of: type, community' });
    expect(parseColourMode('bogus')).toHaveProperty('error');
  });

  it('colour the writers’ nodes by community when asked', () => {
    const cy = toCytoscapeJson(graph(true), { colour: 'community' });
    const colour = (id: string) => cy.elements.nodes.find((node) => node.data.id === id)?.data['color'];
    expect(colour('gp:1')).toBe(COMMUNITY_PALETTE[0]);
    expect(colour('actor:police')).toBe(SMALL_COMMUNITY_COLOUR);
    expect(colour('gp:1/action:1')).toBe(NO_COMMUNITY_COLOUR);
    expect(toCytoscapeJson(graph(true)).elements.nodes.find((node) => node.data.id === 'gp:1')?.data['color']).toBe(colourForType('GoodPractice'));
    const { r, g, b } = rgb(COMMUNITY_PALETTE[0]);
    expect(toGexf(graph(true), new Map(), { colour: 'community' })).toMatch(new RegExp(`<node id="gp:1" .*<viz:color r="${r}" g="${g}" b="${b}"/>`));
    expect(toGraphML(graph(true), { colour: 'community' })).toContain(`>${COMMUNITY_PALETTE[0]}</data>`);
  });
});

describe('writers', () => {
  it('without figures, write exactly what they wrote before analytics existed', () => {
    for (const text of [toGraphML(graph(false)), toGexf(graph(false), computeLayout(graph(false)))]) {
      expect(text).not.toContain('analytics');
    }
    expect(gexfDescription(null)).toBe('Nexus Policy Toolkit');
    const cy = toCytoscapeJson(graph(false));
    expect(cy.data).toEqual({ name: 'Nexus Policy Toolkit', scope: 'whole graph' });
    expect(JSON.stringify(cy)).not.toContain('analytics');
  });

  it('with figures, declare the typed columns and the graph-level provenance', () => {
    const graphml = toGraphML(graph(true));
    expect(graphml).toMatch(/<key id="n\d+" for="node" attr.name="analytics_pageRank" attr.type="double"\/>/);
    expect(graphml).toMatch(/<key id="n\d+" for="node" attr.name="analytics_community" attr.type="long"\/>/);
    expect(graphml).toContain('<key id="g0" for="graph" attr.name="analytics" attr.type="string"/>');
    expect(graphml).toMatch(/<graph [^>]+>\n {4}<data key="g0">\{&quot;derived&quot;/);
    // betweenness 0 stays a double column, not a long.
    expect(graphml).not.toMatch(/attr.name="analytics_betweenness" attr.type="long"/);
    const gexf = toGexf(graph(true));
    expect(gexf).toMatch(/<attribute id="\d+" title="analytics_pageRank" type="double"\/>/);
    expect(gexf).toContain('<description>Nexus Policy Toolkit. analytics: {&quot;derived&quot;');
    const keyAction = /<node id="gp:1\/action:1"[^\n]*/.exec(gexf)?.[0] ?? '';
    expect(keyAction).not.toMatch(/attvalue for="([1-5])"/);
    expect(toCytoscapeJson(graph(true)).data.analytics?.runs).toHaveLength(3);
  });
});
