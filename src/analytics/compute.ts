// Computes the network analytics of the loaded dataset with Neo4j Graph Data
// Science, inside the database, and stores them as derived nodes marked with
// the analysis, its algorithm and parameters, and the dataset version
// (src/analytics/definitions.ts says what is computed).
//
// Once per dataset version: `ensureAnalytics` does nothing when figures for the
// loaded version are already stored. Each projection lives only while its
// analyses run (dropped in `finally`, under a name no other computation uses).
// The results replace the previous ones in one write transaction, which first
// locks the Dataset node and checks it still holds the version computed on.
import { randomBytes } from 'node:crypto';
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { DATASET_KEY } from '../graph/dataset.js';
import { DEFAULT_DATABASE } from '../store/config.js';
import {
  ANALYSES,
  ANALYSIS_NAMES,
  ANALYTICS_NODE_LABELS,
  DEFINITIONS_FINGERPRINT,
  DERIVED_LABELS,
  GDS_PLUGIN,
  PROJECTIONS,
  type AnalysisName,
  type ProjectionKey,
} from './definitions.js';

export type GdsStatus = { available: true; version: string } | { available: false; reason: string };

export const GDS_MISSING_MESSAGE =
  `Graph analytics need the Neo4j Graph Data Science plugin (${GDS_PLUGIN}), which this database does not have ` +
  `(no gds.* procedures). Install it (Docker: NEO4J_PLUGINS='["${GDS_PLUGIN}"]'; the local launcher includes it) and restart the service.`;

/** Whether the database has the GDS procedures, and which version. */
export async function detectGds(session: Pick<Session, 'run'>): Promise<GdsStatus> {
  const listed = await session.run("SHOW PROCEDURES YIELD name WHERE name = 'gds.version' RETURN count(*) AS n");
  if (toNumber(listed.records[0]?.get('n')) === 0) return { available: false, reason: GDS_MISSING_MESSAGE };
  const version = await session.run('RETURN gds.version() AS version');
  return { available: true, version: String(version.records[0]?.get('version')) };
}

export interface AnalyticsRunRow {
  key: string;
  analysis: AnalysisName;
  description: string;
  algorithm: string;
  /** JSON of the procedure's configuration. */
  parameters: string;
  /** JSON of the projection: name, labels, relationship types, orientation, weight, Cypher. */
  projection: string;
  datasetVersion: string;
  gdsVersion: string;
  computedAt: string;
  /** JSON of what the procedure reported, timings left out (they differ run to run). */
  statistics: string;
  /** DEFINITIONS_FINGERPRINT of the declarations it was computed under. */
  definitions: string;
}

export interface AnalyticsScoreRow {
  datasetVersion: string;
  analysis: AnalysisName;
  nodeId: string;
  label: string;
  /** Centrality score (pageRank, betweenness). */
  value?: number;
  /** 1 = highest score; ties broken by node id. */
  rank?: number;
  /** Community number (louvain): 1 = largest community, ties by smallest member id. */
  community?: number;
}

export interface AnalyticsPairRow {
  datasetVersion: string;
  analysis: AnalysisName;
  /** The first node of the pair: the lower practice number, else the lower id. */
  a: string;
  b: string;
  weight: number;
  /** Practices that make the pair (co-citation, co-occurrence). */
  practiceIds: string[];
}

export interface ComputedAnalytics {
  datasetVersion: string;
  gdsVersion: string;
  runs: AnalyticsRunRow[];
  scores: AnalyticsScoreRow[];
  pairs: AnalyticsPairRow[];
}

function toNumber(value: unknown): number {
  return neo4j.isInt(value) ? value.toNumber() : Number(value);
}

/** Plain JSON of a procedure's result map, integers as numbers, timings dropped. */
function statisticsOf(value: Record<string, unknown>): Record<string, unknown> {
  const plain = (item: unknown): unknown => {
    if (neo4j.isInt(item)) return item.toNumber();
    if (Array.isArray(item)) return item.map(plain);
    if (item && typeof item === 'object') {
      return Object.fromEntries(
        Object.entries(item as Record<string, unknown>)
          .filter(([key]) => !key.endsWith('Millis'))
          .sort(([left], [right]) => left.localeCompare(right))
          .map(([key, inner]) => [key, plain(inner)]),
      );
    }
    return item;
  };
  return plain(value) as Record<string, unknown>;
}

/** Practices order by number ("gp:2" before "gp:10"), other nodes by id. */
function nodeOrder(left: string, right: string): number {
  const practice = /^gp:(\d+)$/;
  const l = practice.exec(left);
  const r = practice.exec(right);
  if (l && r) return Number(l[1]) - Number(r[1]);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function rankScores(rows: { nodeId: string; value: number }[]): Map<string, number> {
  const ordered = [...rows].sort((x, y) => y.value - x.value || nodeOrder(x.nodeId, y.nodeId));
  return new Map(ordered.map((row, index) => [row.nodeId, index + 1]));
}

/** Louvain's community ids are arbitrary: number communities by size (largest first), ties by smallest member. */
export function numberCommunities(assignments: { nodeId: string; communityId: number }[]): Map<string, number> {
  const members = new Map<number, string[]>();
  for (const { nodeId, communityId } of assignments) {
    const list = members.get(communityId) ?? [];
    list.push(nodeId);
    members.set(communityId, list);
  }
  const groups = [...members.values()].map((ids) => ids.sort(nodeOrder));
  groups.sort((x, y) => y.length - x.length || nodeOrder(x[0]!, y[0]!));
  const numbers = new Map<string, number>();
  groups.forEach((ids, index) => ids.forEach((id) => numbers.set(id, index + 1)));
  return numbers;
}

/** Procedure configuration as Cypher values: whole numbers as INTEGER (GDS refuses a FLOAT maxIterations). */
export function procedureConfig(parameters: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value]));
}

function orderedPair(x: string, y: string): [string, string] {
  return nodeOrder(x, y) <= 0 ? [x, y] : [y, x];
}

const LABEL_OF = `[label IN labels(n) WHERE label IN $labels][0]`;

async function withProjection<T>(session: Session, key: ProjectionKey, work: (graph: string, statistics: Record<string, unknown>) => Promise<T>): Promise<T> {
  const projection = PROJECTIONS[key];
  const graph = `${projection.name}-${randomBytes(6).toString('hex')}`;
  const projected = await session.run(projection.cypher, { graph });
  const record = projected.records[0];
  const statistics = { nodeCount: toNumber(record?.get('nodeCount')), relationshipCount: toNumber(record?.get('relationshipCount')) };
  try {
    return await work(graph, statistics);
  } finally {
    await session.run('CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName', { graph });
  }
}

/** Runs every analysis on the loaded dataset and returns the rows to store; writes nothing. */
export async function computeAnalytics(driver: Driver, { database = DEFAULT_DATABASE }: { database?: string } = {}): Promise<ComputedAnalytics> {
  const session = driver.session({ database });
  try {
    const gds = await detectGds(session);
    if (!gds.available) throw new AnalyticsUnavailableError(gds.reason);
    const dataset = await session.run('MATCH (d:Dataset {key: $key}) RETURN d.version AS version', { key: DATASET_KEY });
    const datasetVersion = dataset.records[0]?.get('version') as string | undefined;
    if (!datasetVersion) throw new Error('no dataset is loaded: nothing to analyse');
    const computedAt = new Date().toISOString();
    const runs: AnalyticsRunRow[] = [];
    const scores: AnalyticsScoreRow[] = [];
    const pairs: AnalyticsPairRow[] = [];
    const run = (analysis: AnalysisName, statistics: Record<string, unknown>) => {
      const definition = ANALYSES[analysis];
      const projection = PROJECTIONS[definition.projection];
      runs.push({
        key: `${analysis}@${datasetVersion}`,
        analysis,
        description: definition.description,
        algorithm: definition.algorithm,
        parameters: JSON.stringify(definition.parameters),
        projection: JSON.stringify({
          name: projection.name,
          description: projection.description,
          nodeLabels: projection.nodeLabels,
          relationshipTypes: projection.relationshipTypes,
          orientation: projection.orientation,
          weight: 'weight' in projection ? projection.weight : null,
          cypher: projection.cypher,
        }),
        datasetVersion,
        gdsVersion: gds.version,
        computedAt,
        statistics: JSON.stringify(statistics),
        definitions: DEFINITIONS_FINGERPRINT,
      });
    };

    // Centrality and communities share one projection: each algorithm adds its property to it.
    await withProjection(session, 'toolkit', async (graph, projected) => {
      const properties: Record<'pageRank' | 'betweenness' | 'louvain', string> = { pageRank: 'pageRank', betweenness: 'betweenness', louvain: 'community' };
      for (const analysis of ['pageRank', 'betweenness', 'louvain'] as const) {
        const definition = ANALYSES[analysis];
        // A standalone CALL: its result map is what the procedure reports.
        const result = await session.run(`CALL ${definition.algorithm}($graph, $config)`, {
          graph,
          config: { ...procedureConfig(definition.parameters), mutateProperty: properties[analysis] },
        });
        const record = result.records[0]?.toObject() ?? {};
        delete record['configuration'];
        run(analysis, { ...projected, ...statisticsOf(record) });
      }
      const streamed = await session.run(
        `CALL gds.graph.nodeProperties.stream($graph, ['pageRank', 'betweenness', 'community'])
         YIELD nodeId, nodeProperty, propertyValue
         WITH gds.util.asNode(nodeId) AS n, nodeProperty, propertyValue
         RETURN n.id AS id, ${LABEL_OF} AS label, nodeProperty, propertyValue`,
        { graph, labels: ANALYTICS_NODE_LABELS },
      );
      const values = { pageRank: new Map<string, number>(), betweenness: new Map<string, number>(), community: new Map<string, number>() };
      const labels = new Map<string, string>();
      for (const record of streamed.records) {
        const id = record.get('id') as string;
        labels.set(id, record.get('label') as string);
        values[record.get('nodeProperty') as keyof typeof values].set(id, toNumber(record.get('propertyValue')));
      }
      for (const analysis of ['pageRank', 'betweenness'] as const) {
        const rows = [...values[analysis]].map(([nodeId, value]) => ({ nodeId, value }));
        const ranks = rankScores(rows);
        for (const { nodeId, value } of rows) {
          scores.push({ datasetVersion, analysis, nodeId, label: labels.get(nodeId)!, value, rank: ranks.get(nodeId)! });
        }
      }
      const communities = numberCommunities([...values.community].map(([nodeId, communityId]) => ({ nodeId, communityId })));
      for (const [nodeId, community] of communities) scores.push({ datasetVersion, analysis: 'louvain', nodeId, label: labels.get(nodeId)!, community });
    });

    await withProjection(session, 'practiceFeatures', async (graph, projected) => {
      const definition = ANALYSES.nodeSimilarity;
      const result = await session.run(
        `CALL gds.nodeSimilarity.stream($graph, $config) YIELD node1, node2, similarity
         RETURN gds.util.asNode(node1).id AS x, gds.util.asNode(node2).id AS y, similarity`,
        { graph, config: procedureConfig(definition.parameters) },
      );
      const seen = new Set<string>();
      for (const record of result.records) {
        const [a, b] = orderedPair(record.get('x') as string, record.get('y') as string);
        if (seen.has(`${a}|${b}`)) continue;
        seen.add(`${a}|${b}`);
        pairs.push({ datasetVersion, analysis: 'nodeSimilarity', a, b, weight: record.get('similarity') as number, practiceIds: [] });
      }
      run('nodeSimilarity', { ...projected, pairs: seen.size });
    });

    for (const analysis of ['instrumentCoCitation', 'actorCoOccurrence'] as const) {
      const definition = ANALYSES[analysis];
      await withProjection(session, definition.projection, async (graph, projected) => {
        const weights = await session.run(
          `CALL gds.graph.relationshipProperty.stream($graph, $property) YIELD sourceNodeId, targetNodeId, propertyValue
           RETURN gds.util.asNode(sourceNodeId).id AS x, gds.util.asNode(targetNodeId).id AS y, propertyValue AS weight`,
          { graph, property: definition.parameters.relationshipProperty },
        );
        // The practices behind each pair, read from the source graph: the evidence stored with the weight.
        const label = PROJECTIONS[definition.projection].nodeLabels[0];
        const evidence = await session.run(
          `MATCH (x:${label})<-[:${definition.evidence}]-(p:GoodPractice)-[:${definition.evidence}]->(y:${label})
           WHERE x.id < y.id
           WITH x, y, p ORDER BY p.number
           RETURN x.id AS x, y.id AS y, collect(DISTINCT p.id) AS practices`,
        );
        const practices = new Map(evidence.records.map((record) => [`${record.get('x')}|${record.get('y')}`, record.get('practices') as string[]]));
        const seen = new Set<string>();
        for (const record of weights.records) {
          const [a, b] = orderedPair(record.get('x') as string, record.get('y') as string);
          if (seen.has(`${a}|${b}`)) continue;
          seen.add(`${a}|${b}`);
          const [low, high] = a < b ? [a, b] : [b, a];
          pairs.push({ datasetVersion, analysis, a, b, weight: toNumber(record.get('weight')), practiceIds: practices.get(`${low}|${high}`) ?? [] });
        }
        run(analysis, { ...projected, pairs: seen.size });
      });
    }
    const order = new Map(ANALYSIS_NAMES.map((name, index) => [name, index]));
    runs.sort((x, y) => order.get(x.analysis)! - order.get(y.analysis)!);
    return { datasetVersion, gdsVersion: gds.version, runs, scores, pairs };
  } finally {
    await session.close();
  }
}

export class AnalyticsUnavailableError extends Error {
  override name = 'AnalyticsUnavailableError';
}

const WRITE_TIMEOUT_MS = 5 * 60_000;

/** Replaces the stored analytics with `computed`, unless the dataset changed meanwhile (then returns false). */
export async function writeAnalytics(driver: Driver, computed: ComputedAnalytics, { database = DEFAULT_DATABASE }: { database?: string } = {}): Promise<boolean> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(
      async (tx) => {
        // Taking the Dataset node's lock serialises concurrent writers; a reload meanwhile means these figures are stale.
        const locked = await tx.run('MATCH (d:Dataset {key: $key}) WHERE d.version = $version SET d.analyticsComputedAt = $at RETURN count(d) AS n', {
          key: DATASET_KEY,
          version: computed.datasetVersion,
          at: computed.runs[0]?.computedAt ?? new Date().toISOString(),
        });
        if (toNumber(locked.records[0]?.get('n')) === 0) return false;
        await tx.run(`MATCH (n) WHERE n:${DERIVED_LABELS.run} OR n:${DERIVED_LABELS.score} OR n:${DERIVED_LABELS.pair} DETACH DELETE n`);
        await tx.run(`UNWIND $rows AS row CREATE (n:${DERIVED_LABELS.run}) SET n = row`, { rows: computed.runs });
        await tx.run(`UNWIND $rows AS row CREATE (n:${DERIVED_LABELS.score}) SET n = row`, {
          rows: computed.scores.map((row) => ({
            ...row,
            ...(row.rank === undefined ? {} : { rank: neo4j.int(row.rank) }),
            ...(row.community === undefined ? {} : { community: neo4j.int(row.community) }),
          })),
        });
        await tx.run(`UNWIND $rows AS row CREATE (n:${DERIVED_LABELS.pair}) SET n = row`, { rows: computed.pairs });
        return true;
      },
      { timeout: WRITE_TIMEOUT_MS },
    );
  } finally {
    await session.close();
  }
}

export interface AnalyticsReport {
  status: 'computed' | 'current' | 'unavailable' | 'no-dataset' | 'superseded';
  datasetVersion?: string;
  gdsVersion?: string;
  reason?: string;
  runs?: number;
  scores?: number;
  pairs?: number;
  durationMs?: number;
}

/** Computes and stores the analytics of the loaded dataset when they are missing (or always, with `force`). */
export async function ensureAnalytics(
  driver: Driver,
  { database = DEFAULT_DATABASE, force = false, log = () => {} }: { database?: string; force?: boolean; log?: (line: string) => void } = {},
): Promise<AnalyticsReport> {
  const started = Date.now();
  const session = driver.session({ database });
  let datasetVersion: string | undefined;
  try {
    const current = await session.run(
      `MATCH (d:Dataset {key: $key})
       RETURN d.version AS version,
         COUNT { MATCH (r:${DERIVED_LABELS.run}) WHERE r.datasetVersion = d.version AND r.definitions = $definitions } AS runs`,
      { key: DATASET_KEY, definitions: DEFINITIONS_FINGERPRINT },
    );
    datasetVersion = current.records[0]?.get('version') as string | undefined;
    if (!datasetVersion) return { status: 'no-dataset' };
    const gds = await detectGds(session);
    if (!gds.available) {
      log(`Graph analytics unavailable: ${gds.reason}`);
      return { status: 'unavailable', datasetVersion, reason: gds.reason };
    }
    if (!force && toNumber(current.records[0]?.get('runs')) === ANALYSIS_NAMES.length) {
      log(`Graph analytics of dataset ${datasetVersion.slice(0, 12)} are current`);
      return { status: 'current', datasetVersion, gdsVersion: gds.version };
    }
  } finally {
    await session.close();
  }
  const computed = await computeAnalytics(driver, { database });
  const written = await writeAnalytics(driver, computed, { database });
  const report: AnalyticsReport = {
    status: written ? 'computed' : 'superseded',
    datasetVersion: computed.datasetVersion,
    gdsVersion: computed.gdsVersion,
    runs: computed.runs.length,
    scores: computed.scores.length,
    pairs: computed.pairs.length,
    durationMs: Date.now() - started,
  };
  log(
    written
      ? `Computed graph analytics of dataset ${computed.datasetVersion.slice(0, 12)} with GDS ${computed.gdsVersion}: ${report.runs} analyses, ${report.scores} node scores, ${report.pairs} pairs in ${report.durationMs} ms`
      : 'Graph analytics not stored: the dataset changed while they were computed',
  );
  return report;
}
