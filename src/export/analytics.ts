// The network analytics as the graph exports carry them: typed node columns
// prefixed `analytics_` (derived by Graph Data Science, never facts from the
// source), the provenance of those columns (analysis, algorithm, parameters,
// dataset and GDS versions), the GEXF size rule and the community palette.
import { ANALYSES } from '../analytics/definitions.js';
import type { AnalyticsRunRecord, NodeAnalyticsRecord } from '../analytics/read.js';
import type { Column } from './attribute-table.js';

/** The figures of an export: present only when the database holds analytics for the current dataset. */
export interface ExportAnalytics {
  datasetVersion: string;
  /** The runs the node columns come from (PageRank, betweenness, Louvain). */
  runs: AnalyticsRunRecord[];
  /** Figures by node id; nodes outside the analytics graph are absent. */
  byNode: ReadonlyMap<string, NodeAnalyticsRecord>;
}

/** Node columns and the analysis each one comes from, in the order the files declare them. */
export const ANALYTICS_COLUMNS = [
  { name: 'analytics_pageRank', type: 'double', analysis: ANALYSES.pageRank.name, value: (r: NodeAnalyticsRecord) => r.pageRank.score },
  { name: 'analytics_pageRankRank', type: 'long', analysis: ANALYSES.pageRank.name, value: (r: NodeAnalyticsRecord) => r.pageRank.rank },
  { name: 'analytics_betweenness', type: 'double', analysis: ANALYSES.betweenness.name, value: (r: NodeAnalyticsRecord) => r.betweenness.score },
  { name: 'analytics_betweennessRank', type: 'long', analysis: ANALYSES.betweenness.name, value: (r: NodeAnalyticsRecord) => r.betweenness.rank },
  { name: 'analytics_community', type: 'long', analysis: ANALYSES.louvain.name, value: (r: NodeAnalyticsRecord) => r.community },
] as const satisfies ReadonlyArray<Column & { analysis: string; value: (record: NodeAnalyticsRecord) => number }>;

export const ANALYTICS_COLUMN_LIST: readonly Column[] = ANALYTICS_COLUMNS.map(({ name, type }) => ({ name, type }));

/** The analytics columns of one node: empty for a node outside the analytics graph (no value, not 0). */
export function analyticsValues(record: NodeAnalyticsRecord | undefined): Record<string, number> {
  const values: Record<string, number> = {};
  if (!record) return values;
  for (const column of ANALYTICS_COLUMNS) {
    const value = column.value(record);
    if (Number.isFinite(value)) values[column.name] = value;
  }
  return values;
}

/** A run as the exports describe it: what it is, and the node columns it fills. */
export type ProvenanceEntry = Pick<AnalyticsRunRecord, 'analysis' | 'algorithm' | 'parameters' | 'projection' | 'datasetVersion' | 'gdsVersion' | 'computedAt'> & {
  attributes: string[];
};

export interface AnalyticsProvenance {
  derived: string;
  datasetVersion: string;
  runs: ProvenanceEntry[];
}

export const DERIVED_NOTE =
  'Attributes prefixed analytics_ are derived by Neo4j Graph Data Science from the toolkit graph, not facts from the source; each comes from the run listed here.';

/** Where every analytics column comes from: the runs of the analyses that fill them, in column order. */
export function analyticsProvenance(analytics: ExportAnalytics): AnalyticsProvenance {
  const analyses = [...new Set(ANALYTICS_COLUMNS.map((column) => column.analysis))];
  const runs: ProvenanceEntry[] = [];
  for (const analysis of analyses) {
    const run = analytics.runs.find((candidate) => candidate.analysis === analysis);
    if (!run) continue;
    runs.push({
      analysis,
      attributes: ANALYTICS_COLUMNS.filter((column) => column.analysis === analysis).map((column) => column.name),
      algorithm: run.algorithm,
      parameters: run.parameters,
      projection: run.projection,
      datasetVersion: run.datasetVersion,
      gdsVersion: run.gdsVersion,
      computedAt: run.computedAt,
    });
  }
  return { derived: DERIVED_NOTE, datasetVersion: analytics.datasetVersion, runs };
}

/**
 * GEXF node size from PageRank: 10 + 10·√score, rounded to 2 decimals. It
 * depends on the score alone, so a node has the same size in the whole graph
 * and in every neighbourhood, and sizes follow the PageRank order. GDS PageRank
 * scores are at least 1 − damping (0.15), so a scored node is at least 13.87;
 * nodes without a score keep the degree size of the layout (4 + 2·√degree).
 */
export function sizeForPageRank(score: number): number {
  return Math.round((10 + 10 * Math.sqrt(Math.max(score, 0))) * 100) / 100;
}

/**
 * Paul Tol's "muted" qualitative palette: nine colours told apart with every
 * common form of colour-blindness (personal.sron.nl/~pault/#sec:qualitative).
 * Community 1 (the largest) gets the first colour, and so on.
 */
export const COMMUNITY_PALETTE = ['#CC6677', '#332288', '#DDCC77', '#117733', '#88CCEE', '#882255', '#44AA99', '#999933', '#AA4499'] as const;
/** Communities beyond the palette (the smallest ones) share a mid grey. */
export const SMALL_COMMUNITY_COLOUR = '#BBBBBB';
/** Nodes outside the analytics graph (Tol's colour for "no data"). */
export const NO_COMMUNITY_COLOUR = '#DDDDDD';

export function communityColour(community: number | undefined): string {
  if (community === undefined || !Number.isInteger(community) || community < 1) return NO_COMMUNITY_COLOUR;
  return COMMUNITY_PALETTE[community - 1] ?? SMALL_COMMUNITY_COLOUR;
}

/** What the node colours of a graph export show (`?colour=`). */
export const COLOUR_MODES = ['type', 'community'] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

/** The colour mode of a query-string value, or an error message. */
export function parseColourMode(raw: string | undefined): ColourMode | { error: string } {
  if (raw === undefined || raw === '') return 'type';
  if ((COLOUR_MODES as readonly string[]).includes(raw)) return raw as ColourMode;
  return { error: `colour must be one of: ${COLOUR_MODES.join(', ')}` };
}
