// Reads of the stored analytics shared by the API and the exports (through
// the one data layer's GraphReader): the runs that trace every figure to its
// algorithm, parameters and dataset version, and the figures of nodes by id,
// for the current dataset version only.
import { DATASET_KEY } from '../graph/dataset.js';
import { ANALYSIS_NAMES, type AnalysisName } from './definitions.js';
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

/** Stored figures are always numbers; a missing one reads as NaN rather than passing as 0. */
const toNumber = (value: unknown): number => toNumberOrNull(value) ?? Number.NaN;

export interface AnalyticsRunRecord {
  key: string;
  analysis: AnalysisName;
  description: string;
  algorithm: string;
  parameters: unknown;
  projection: unknown;
  datasetVersion: string;
  gdsVersion: string;
  computedAt: string;
  statistics: unknown;
}

export interface AnalyticsRuns {
  /** The current dataset version; null when no dataset is loaded. */
  datasetVersion: string | null;
  /** The runs stored for that version, by key; empty when none are (no GDS plugin, or not computed yet). */
  runs: AnalyticsRunRecord[];
}

export const RUNS_STATEMENT = `MATCH (d:Dataset {key: $key})
OPTIONAL MATCH (r:AnalyticsRun) WHERE r.datasetVersion = d.version
WITH d, r ORDER BY r.key
RETURN d.version AS datasetVersion, collect(r {.*}) AS runs`;

// Parameters, projection and statistics are stored as JSON text.
function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The runs of the current dataset version, in declaration order (one statement). */
export async function readAnalyticsRuns(reader: GraphReader): Promise<AnalyticsRuns> {
  const [row] = await reader.read<{ datasetVersion: string | null; runs: Record<string, unknown>[] }>(RUNS_STATEMENT, { key: DATASET_KEY });
  return {
    datasetVersion: row?.get('datasetVersion') ?? null,
    runs: (row?.get('runs') ?? []).map((run) => ({
      key: run['key'] as string,
      analysis: run['analysis'] as AnalysisName,
      description: run['description'] as string,
      algorithm: run['algorithm'] as string,
      parameters: parseJson(run['parameters']),
      projection: parseJson(run['projection']),
      datasetVersion: run['datasetVersion'] as string,
      gdsVersion: run['gdsVersion'] as string,
      computedAt: run['computedAt'] as string,
      statistics: parseJson(run['statistics']),
    })).sort((x, y) => ANALYSIS_NAMES.indexOf(x.analysis) - ANALYSIS_NAMES.indexOf(y.analysis)),
  };
}

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
