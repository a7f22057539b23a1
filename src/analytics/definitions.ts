// What the network analytics compute, declared once: the graph projections
// (over the model's labels and relationship types), the Graph Data Science
// procedure and parameters of each analysis, and the labels of the derived
// nodes that hold the results. The compute step, the API, the exports and the
// tests read these declarations; each stored figure carries its analysis name,
// so it can be traced back to the entry here and to its AnalyticsRun node.
//
// Derived results never touch the source graph: they are separate nodes
// (without the :Node label) that refer to source nodes by id, so paths,
// neighbourhoods, exports and counts of the toolkit graph never see them.
import { createHash } from 'node:crypto';

/** The analytics graph: practices, the actors they name, the instruments they cite, and cross-references. */
export const ANALYTICS_NODE_LABELS = ['GoodPractice', 'Actor', 'Instrument'] as const;
export type AnalyticsNodeLabel = (typeof ANALYTICS_NODE_LABELS)[number];
export const ANALYTICS_RELATIONSHIP_TYPES = ['MENTIONS_ACTOR', 'CITES', 'REFERENCES'] as const;

export interface ProjectionDefinition {
  /** Stable part of the GDS graph name; a random suffix keeps concurrent computations apart. */
  name: string;
  description: string;
  nodeLabels: readonly string[];
  relationshipTypes: readonly string[];
  orientation: 'UNDIRECTED' | 'NATURAL';
  /** Relationship property carrying a weight, if any. */
  weight?: string;
  /**
   * Cypher projection (gds.graph.project aggregation). `$graph` is the graph name. Parallel
   * relationships collapse to one per pair (DISTINCT), so every implementation sees a simple graph.
   */
  cypher: string;
}

/**
 * Nodes of one label linked when one practice points at both through `relationship`, weighted by
 * the number of such practices (co-citation, co-occurrence). Label and type come from this file only.
 */
function sharedPracticeProjection(name: string, description: string, label: 'Actor' | 'Instrument', relationship: 'CITES' | 'MENTIONS_ACTOR') {
  return {
    name,
    description,
    nodeLabels: [label],
    relationshipTypes: [relationship],
    orientation: 'UNDIRECTED',
    weight: 'weight',
    cypher: `MATCH (source:${label})<-[:${relationship}]-(p:GoodPractice)-[:${relationship}]->(target:${label})
WHERE source.id < target.id
WITH source, target, count(DISTINCT p) AS shared
WITH gds.graph.project($graph, source, target, {
  sourceNodeLabels: ['${label}'], targetNodeLabels: ['${label}'],
  relationshipProperties: {weight: toFloat(shared)}
}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodeCount, g.relationshipCount AS relationshipCount`,
  } as const satisfies ProjectionDefinition;
}

export const PROJECTIONS = {
  /** Practices, actors, instruments; one undirected link per practice–actor, practice–instrument and cross-referenced pair of practices. */
  toolkit: {
    name: 'nexus-toolkit',
    description: 'Practices, the actors they name and the instruments they cite; one undirected link per practice–actor, practice–instrument and cross-referenced pair of practices.',
    nodeLabels: ANALYTICS_NODE_LABELS,
    relationshipTypes: ANALYTICS_RELATIONSHIP_TYPES,
    orientation: 'UNDIRECTED',
    cypher: `MATCH (source:GoodPractice)-[:MENTIONS_ACTOR|CITES|REFERENCES]-(target)
WHERE target:Actor OR target:Instrument OR (target:GoodPractice AND source.number < target.number)
WITH DISTINCT source, target
WITH gds.graph.project($graph, source, target, {
  sourceNodeLabels: ['GoodPractice'],
  targetNodeLabels: [CASE WHEN target:Actor THEN 'Actor' WHEN target:Instrument THEN 'Instrument' ELSE 'GoodPractice' END]
}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodeCount, g.relationshipCount AS relationshipCount`,
  },
  /** Practices pointing at what they name and cite: the bipartite graph node similarity compares practices on. */
  practiceFeatures: {
    name: 'nexus-practice-features',
    description: 'Practices linked to the actors they name and the instruments they cite (directed, one link per pair).',
    nodeLabels: ANALYTICS_NODE_LABELS,
    relationshipTypes: ['MENTIONS_ACTOR', 'CITES'],
    orientation: 'NATURAL',
    cypher: `MATCH (source:GoodPractice)-[:MENTIONS_ACTOR|CITES]->(target)
WHERE target:Actor OR target:Instrument
WITH DISTINCT source, target
WITH gds.graph.project($graph, source, target, {
  sourceNodeLabels: ['GoodPractice'],
  targetNodeLabels: [CASE WHEN target:Actor THEN 'Actor' ELSE 'Instrument' END]
}) AS g
RETURN g.nodeCount AS nodeCount, g.relationshipCount AS relationshipCount`,
  },
  /** Instruments linked when a practice cites both; weight = number of such practices. */
  instrumentCoCitation: sharedPracticeProjection(
    'nexus-instrument-cocitation',
    'Instruments linked when one practice cites both; weight = number of practices citing both (undirected).',
    'Instrument',
    'CITES',
  ),
  /** Actors linked when a practice names both; weight = number of such practices. */
  actorCoOccurrence: sharedPracticeProjection(
    'nexus-actor-cooccurrence',
    'Actors linked when one practice names both; weight = number of practices naming both (undirected).',
    'Actor',
    'MENTIONS_ACTOR',
  ),
} as const satisfies Record<string, ProjectionDefinition>;

export type ProjectionKey = keyof typeof PROJECTIONS;

/** What an analysis stores: one score per node, a community per node, or weighted pairs of nodes. */
export type ResultKind = 'score' | 'community' | 'pair';

export interface AnalysisDefinition {
  /** Stored on every result and run ("pageRank"). */
  name: string;
  description: string;
  projection: ProjectionKey;
  /**
   * The GDS procedure that computes it. Centrality and communities mutate one in-memory
   * projection (read back with gds.graph.nodeProperties.stream), so their reports come with them.
   */
  algorithm: string;
  /** Passed to the procedure as its configuration map, and stored with the run. */
  parameters: Readonly<Record<string, unknown>>;
  result: ResultKind;
  /** For co-citation and co-occurrence pairs: the relationship from the practices both ends share (the evidence stored with each pair). */
  evidence?: 'CITES' | 'MENTIONS_ACTOR';
}

// concurrency 1 everywhere: the same dataset gives the same figures, run after run.
export const ANALYSES = {
  pageRank: {
    name: 'pageRank',
    description: 'PageRank centrality: a node is central when central nodes link to it.',
    projection: 'toolkit',
    algorithm: 'gds.pageRank.mutate',
    parameters: { dampingFactor: 0.85, maxIterations: 1000, tolerance: 1e-7, concurrency: 1 },
    result: 'score',
  },
  betweenness: {
    name: 'betweenness',
    description: 'Betweenness centrality: the number of shortest paths between other nodes that run through a node (exact, undirected).',
    projection: 'toolkit',
    algorithm: 'gds.betweenness.mutate',
    parameters: { concurrency: 1 },
    result: 'score',
  },
  louvain: {
    name: 'louvain',
    description: 'Louvain communities: groups of practices, actors and instruments more linked to each other than to the rest.',
    projection: 'toolkit',
    algorithm: 'gds.louvain.mutate',
    parameters: { maxLevels: 10, maxIterations: 10, tolerance: 0.0001, includeIntermediateCommunities: false, concurrency: 1 },
    result: 'community',
  },
  nodeSimilarity: {
    name: 'nodeSimilarity',
    description: 'Node similarity of practices: Jaccard similarity of the sets of actors they name and instruments they cite.',
    projection: 'practiceFeatures',
    algorithm: 'gds.nodeSimilarity.stream',
    // topK 24: every other practice; pairs sharing nothing score 0 and are left out.
    parameters: { similarityMetric: 'JACCARD', topK: 24, similarityCutoff: 1e-9, degreeCutoff: 1, concurrency: 1 },
    result: 'pair',
  },
  instrumentCoCitation: {
    name: 'instrumentCoCitation',
    description: 'Co-citation of instruments: pairs cited by the same practices, weighted by the number of those practices.',
    projection: 'instrumentCoCitation',
    algorithm: 'gds.graph.relationshipProperty.stream',
    parameters: { relationshipProperty: 'weight' },
    result: 'pair',
    evidence: 'CITES',
  },
  actorCoOccurrence: {
    name: 'actorCoOccurrence',
    description: 'Co-occurrence of actors: pairs named by the same practices, weighted by the number of those practices.',
    projection: 'actorCoOccurrence',
    algorithm: 'gds.graph.relationshipProperty.stream',
    parameters: { relationshipProperty: 'weight' },
    result: 'pair',
    evidence: 'MENTIONS_ACTOR',
  },
} as const satisfies Record<string, AnalysisDefinition>;

export type AnalysisName = keyof typeof ANALYSES;
export const ANALYSIS_NAMES = Object.keys(ANALYSES) as AnalysisName[];

/** Labels of the derived nodes: never :Node, never part of the toolkit graph. */
export const DERIVED_LABELS = {
  run: 'AnalyticsRun',
  score: 'AnalyticsScore',
  pair: 'AnalyticsPair',
} as const;
export const DERIVED_LABEL_LIST: readonly string[] = Object.values(DERIVED_LABELS);

/**
 * Fingerprint of the declarations above: stored with every run, so figures computed under
 * other parameters or projections count as missing and are recomputed at the next start.
 */
export const DEFINITIONS_FINGERPRINT = createHash('sha256').update(JSON.stringify({ PROJECTIONS, ANALYSES })).digest('hex').slice(0, 16);

/** The GDS plugin as users install it: the name in NEO4J_PLUGINS and in error messages. */
export const GDS_PLUGIN = 'graph-data-science';
