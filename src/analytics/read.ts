// Reads of the stored analytics shared by the API and the exports (through
// the one data layer's GraphReader): the figures of nodes by id, for the
// current dataset version only.
import { DATASET_KEY } from '../graph/dataset.js';
import type { GraphReader } from '../graph/reader.js';
import { toNumber as toNumberOrNull } from '../graph/values.js';

export type CentralityAnalysis = 'pageRank' | 'betweenness';

export interface CentralityScoreRecord {
  analysis: CentralityAnalysis;
  nodeId: string;
  score: number;
  rank: number;
}

export interface NodeAnalyticsRecord {
  nodeId: string;
  pageRank: CentralityScoreRecord;
  betweenness: CentralityScoreRecord;
  community: number;
}

const toNumber = (value: unknown): number => toNumberOrNull(value) ?? Number.NaN;

export const NODE_SCORES_STATEMENT = `MATCH (d:Dataset {key: $key})
UNWIND $ids AS id
MATCH (s:AnalyticsScore {nodeId: id})
WHERE s.datasetVersion = d.version
RETURN id, collect(s {.analysis, .value, .rank, .community}) AS scores`;

/** Figures of the given nodes (one statement); nodes outside the analytics graph are absent from the map. */
export async function readNodeAnalytics(reader: GraphReader, ids: readonly string[]): Promise<Map<string, NodeAnalyticsRecord>> {
  const rows = await reader.read<{ id: string; scores: Record<string, unknown>[] }>(NODE_SCORES_STATEMENT, { key: DATASET_KEY, ids: [...new Set(ids)] });
  const byId = new Map<string, NodeAnalyticsRecord>();
  for (const row of rows) {
    const nodeId = row.get('id');
    const scores = new Map(row.get('scores').map((score) => [score['analysis'] as string, score]));
    const pageRank = scores.get('pageRank');
    const betweenness = scores.get('betweenness');
    const community = scores.get('louvain');
    if (!pageRank || !betweenness || !community) continue;
    const centrality = (analysis: CentralityAnalysis, score: Record<string, unknown>): CentralityScoreRecord => ({
      analysis,
      nodeId,
      score: toNumber(score['value']),
      rank: toNumber(score['rank']),
    });
    byId.set(nodeId, {
      nodeId,
      pageRank: centrality('pageRank', pageRank),
      betweenness: centrality('betweenness', betweenness),
      community: toNumber(community['community']),
    });
  }
  return byId;
}
