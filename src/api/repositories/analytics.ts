// Reads the stored network analytics (src/analytics) of the current dataset.
// Every statement joins the Dataset node, so figures of another dataset version
// are never served; when none are stored for the current version, the runs
// read is empty and the API explains why (no GDS plugin, or not computed yet).
import DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
import { GDS_MISSING_MESSAGE } from '../../analytics/compute.js';
import { ANALYSES, type AnalysisName } from '../../analytics/definitions.js';
import { DATASET_KEY } from '../../graph/dataset.js';
import type { GraphReader } from '../../graph/reader.js';
import { toNumber as toNumberOrNull } from '../../graph/values.js';
import {
  readAnalyticsRuns,
  readNodeAnalytics,
  type AnalyticsRunRecord,
  type AnalyticsRuns,
  type CentralityAnalysis,
  type CentralityScoreRecord,
  type NodeAnalyticsRecord,
} from '../../analytics/read.js';

export type { AnalyticsRunRecord, CentralityAnalysis, CentralityScoreRecord, NodeAnalyticsRecord };

/** Stored figures are always numbers; a missing one reads as NaN rather than passing as 0. */
const toNumber = (value: unknown): number => toNumberOrNull(value) ?? Number.NaN;


export interface AnalyticsRecord {
  datasetVersion: string;
  runs: AnalyticsRunRecord[];
}



export interface CommunityMember {
  id: string;
  label: string;
}

export interface CommunityRecord {
  datasetVersion: string;
  number: number;
  members: CommunityMember[];
}

export type PairAnalysis = 'nodeSimilarity' | 'instrumentCoCitation' | 'actorCoOccurrence';

export interface PairRecord {
  analysis: PairAnalysis;
  /** The node asked about, or the first of the pair. */
  first: string;
  second: string;
  weight: number;
  practiceIds: string[];
}


export interface AreaActorCategoryRecord {
  areaId: string;
  areaCode: string;
  category: string;
  practiceIds: string[];
  actorIds: string[];
}

const GDS_PRESENT_STATEMENT = "SHOW PROCEDURES YIELD name WHERE name = 'gds.version' RETURN count(*) AS n";

const CENTRALITY_STATEMENT = `MATCH (d:Dataset {key: $key})
MATCH (s:AnalyticsScore {analysis: $analysis})
WHERE s.datasetVersion = d.version AND ($label IS NULL OR s.label = $label)
RETURN s.nodeId AS nodeId, s.value AS score, s.rank AS rank
ORDER BY s.rank
LIMIT $first`;

// Members in reading order: practices by number, actors by name, instruments by title.
const COMMUNITIES_STATEMENT = `MATCH (d:Dataset {key: $key})
MATCH (s:AnalyticsScore {analysis: 'louvain'})
WHERE s.datasetVersion = d.version
MATCH (n:Node {id: s.nodeId})
WITH s, n ORDER BY s.community, s.label, n.number, n.name, n.title, n.id
RETURN s.community AS number, collect({id: s.nodeId, label: s.label}) AS members
ORDER BY number`;

const PAIRS_STATEMENT = `MATCH (d:Dataset {key: $key})
MATCH (p:AnalyticsPair {analysis: $analysis})
WHERE p.datasetVersion = d.version AND ($node IS NULL OR p.a = $node OR p.b = $node)
RETURN p.a AS a, p.b AS b, p.weight AS weight, coalesce(p.practiceIds, []) AS practiceIds
ORDER BY p.weight DESC, p.a, p.b
LIMIT $first`;

const SIMILARITIES_STATEMENT = `MATCH (d:Dataset {key: $key})
UNWIND $ids AS id
MATCH (p:AnalyticsPair {analysis: 'nodeSimilarity'})
WHERE p.datasetVersion = d.version AND (p.a = id OR p.b = id)
RETURN id, collect(p {.a, .b, .weight}) AS pairs`;

const AREA_ACTOR_CATEGORIES_STATEMENT = `MATCH (area:Area)-[:HAS_PRACTICE]->(p:GoodPractice)-[:MENTIONS_ACTOR]->(actor:Actor)
WITH area, actor.category AS category, p, actor ORDER BY p.number, actor.name
WITH area, category, collect(DISTINCT p.id) AS practiceIds, collect(DISTINCT actor.id) AS actorIds
RETURN area.id AS areaId, area.code AS areaCode, category, practiceIds, actorIds
ORDER BY area.order, area.code, category`;

/** Why no figures are served for the current dataset: the message of the ANALYTICS_UNAVAILABLE error. */
export async function diagnoseMissingAnalytics(reader: GraphReader, datasetVersion: string | null): Promise<string> {
  if (datasetVersion === null) return 'No dataset is loaded, so there are no graph analytics.';
  const [row] = await reader.read<{ n: unknown }>(GDS_PRESENT_STATEMENT);
  if (toNumber(row?.get('n')) === 0) return GDS_MISSING_MESSAGE;
  return (
    `Graph analytics of dataset ${datasetVersion.slice(0, 12)} are not computed yet. The service computes them when it starts ` +
    '(Neo4j Graph Data Science is installed); `npm run analytics` computes them by hand.'
  );
}

/** The request's reads of analytics: each statement at most once per request, node scores batched by DataLoader. */
export class AnalyticsLoaders {
  private runsRead: Promise<AnalyticsRuns> | undefined;
  private communitiesRead: Promise<CommunityRecord[]> | undefined;
  private categoriesRead: Promise<AreaActorCategoryRecord[]> | undefined;
  private readonly scores: DataLoader<string, NodeAnalyticsRecord | null>;
  private readonly similarities: DataLoader<string, PairRecord[]>;

  constructor(private readonly reader: GraphReader) {
    this.scores = new DataLoader(async (ids) => {
      const byId = await readNodeAnalytics(reader, ids);
      return ids.map((id) => byId.get(id) ?? null);
    });
    this.similarities = new DataLoader(async (ids) => {
      const rows = await reader.read<{ id: string; pairs: { a: string; b: string; weight: unknown }[] }>(SIMILARITIES_STATEMENT, {
        key: DATASET_KEY,
        ids: [...new Set(ids)],
      });
      const byId = new Map(
        rows.map((row) => [
          row.get('id'),
          row.get('pairs').map((pair): PairRecord => {
            const [first, second] = pair.b === row.get('id') ? [pair.b, pair.a] : [pair.a, pair.b];
            return { analysis: 'nodeSimilarity', first, second, weight: toNumber(pair.weight), practiceIds: [] };
          }),
        ]),
      );
      return ids.map((id) => byId.get(id) ?? []);
    });
  }

  /** The node similarity of two practices (batched by the first); null when they share nothing. */
  async similarity(practiceId: string, otherId: string): Promise<PairRecord | null> {
    return (await this.similarities.load(practiceId)).find((pair) => pair.second === otherId) ?? null;
  }

  /** The runs stored for the current dataset (empty when none are). */
  runs(): Promise<AnalyticsRuns> {
    this.runsRead ??= readAnalyticsRuns(this.reader);
    return this.runsRead;
  }

  async run(analysis: AnalysisName): Promise<AnalyticsRunRecord> {
    const run = (await this.runs()).runs.find((candidate) => candidate.analysis === analysis);
    if (!run) throw new Error(`analytics run ${analysis} is missing`);
    return run;
  }

  /** Scores and community of a node; null when the node is not in the analytics graph. */
  node(id: string): Promise<NodeAnalyticsRecord | null> {
    return this.scores.load(id);
  }

  async centrality(analysis: CentralityAnalysis, label: string | null, first: number): Promise<CentralityScoreRecord[]> {
    const rows = await this.reader.read<{ nodeId: string; score: unknown; rank: unknown }>(CENTRALITY_STATEMENT, {
      key: DATASET_KEY,
      analysis,
      label,
      first: neo4j.int(first),
    });
    return rows.map((row) => ({ analysis, nodeId: row.get('nodeId'), score: toNumber(row.get('score')), rank: toNumber(row.get('rank')) }));
  }

  communities(): Promise<CommunityRecord[]> {
    this.communitiesRead ??= (async (): Promise<CommunityRecord[]> => {
      const [{ datasetVersion }, rows] = await Promise.all([
        this.runs(),
        this.reader.read<{ number: unknown; members: CommunityMember[] }>(COMMUNITIES_STATEMENT, { key: DATASET_KEY }),
      ]);
      return rows.map((row) => ({ datasetVersion: datasetVersion ?? '', number: toNumber(row.get('number')), members: row.get('members') }));
    })();
    return this.communitiesRead;
  }

  async community(number: number): Promise<CommunityRecord> {
    const community = (await this.communities()).find((candidate) => candidate.number === number);
    if (!community) throw new Error(`community ${number} is missing`);
    return community;
  }

  async pairs(analysis: PairAnalysis, node: string | null, first: number): Promise<PairRecord[]> {
    const rows = await this.reader.read<{ a: string; b: string; weight: unknown; practiceIds: string[] }>(PAIRS_STATEMENT, {
      key: DATASET_KEY,
      analysis,
      node,
      first: neo4j.int(first),
    });
    return rows.map((row) => {
      const [first, second] = node !== null && row.get('b') === node ? [row.get('b'), row.get('a')] : [row.get('a'), row.get('b')];
      return { analysis, first, second, weight: toNumber(row.get('weight')), practiceIds: row.get('practiceIds') };
    });
  }

  areaActorCategories(): Promise<AreaActorCategoryRecord[]> {
    this.categoriesRead ??= this.reader.read<AreaActorCategoryRecord>(AREA_ACTOR_CATEGORIES_STATEMENT).then((rows) =>
      rows.map((row) => ({
        areaId: row.get('areaId'),
        areaCode: row.get('areaCode'),
        category: row.get('category'),
        practiceIds: row.get('practiceIds'),
        actorIds: row.get('actorIds'),
      })),
    );
    return this.categoriesRead;
  }
}

/** The analyses whose runs describe each GraphQL figure. */
export const ANALYSIS_OF_MEASURE = { PAGE_RANK: 'pageRank', BETWEENNESS: 'betweenness' } as const satisfies Record<string, keyof typeof ANALYSES>;
