// What the Insights page and the graph view share about the network analytics:
// the measures, how a score becomes a node size, the community colours, and how
// a figure names the run that computed it (a derived figure, never a source fact).
import type { Measure } from './routes.js';

export const MEASURE_INFO: Readonly<Record<Measure, { argument: 'PAGE_RANK' | 'BETWEENNESS'; label: string; meaning: string }>> = {
  pagerank: { argument: 'PAGE_RANK', label: 'PageRank', meaning: 'a node is central when central nodes link to it' },
  betweenness: { argument: 'BETWEENNESS', label: 'Betweenness', meaning: 'how many shortest paths between other nodes run through a node: bridges score high' },
};

/** The error code the API gives when the database has no Graph Data Science plugin. */
export const ANALYTICS_UNAVAILABLE = 'ANALYTICS_UNAVAILABLE';

/**
 * Okabe–Ito colours (distinguishable with the common colour-vision
 * deficiencies), one per community by size; smaller communities share grey.
 */
export const COMMUNITY_COLOURS: readonly string[] = ['#e69f00', '#56b4e9', '#009e73', '#0072b2', '#d55e00', '#cc79a7', '#f0e442'];
export const OTHER_COMMUNITY_COLOUR = '#a0a0a0';

export function communityColour(number: number): string {
  return COMMUNITY_COLOURS[number - 1] ?? OTHER_COMMUNITY_COLOUR;
}

export const MIN_NODE_SIZE = 2.5;
export const MAX_NODE_SIZE = 14;

/**
 * Node size for a score: the area of the disc grows with the score (square
 * root), from MIN_NODE_SIZE at zero to MAX_NODE_SIZE at the highest score.
 */
export function sizeForScore(score: number, highest: number): number {
  if (!(highest > 0) || !(score > 0)) return MIN_NODE_SIZE;
  return MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(Math.min(score, highest) / highest);
}

/** Three significant digits, grouped thousands: 0.00123, 1.46, 1,234. */
export function formatScore(score: number): string {
  if (score === 0) return '0';
  return score >= 100 ? Math.round(score).toLocaleString('en') : score.toLocaleString('en', { maximumSignificantDigits: 3 });
}

export interface AnalyticsRun {
  analysis: string;
  description: string;
  algorithm: string;
  parameters: unknown;
  projection?: unknown;
  datasetVersion: string;
  gdsVersion: string;
  computedAt: string;
  statistics?: unknown;
}

/** "dampingFactor 0.85, maxIterations 20" (nested values as JSON). */
export function describeParameters(parameters: unknown): string {
  if (parameters === null || typeof parameters !== 'object') return parameters === undefined || parameters === null ? 'none' : String(parameters);
  const entries = Object.entries(parameters as Record<string, unknown>);
  if (entries.length === 0) return 'none';
  return entries.map(([name, value]) => `${name} ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`).join(', ');
}

/** A dataset version as shown: its first 12 characters (the full one in a tooltip). */
export function shortVersion(version: string): string {
  return version.length > 12 ? version.slice(0, 12) : version;
}

/** One line naming what computed a figure. */
export function provenanceText(run: AnalyticsRun): string {
  const date = run.computedAt.slice(0, 10);
  const parameters = describeParameters(run.parameters);
  return `Computed by ${run.algorithm} (Neo4j Graph Data Science ${run.gdsVersion}) with ${parameters === 'none' ? 'no parameters' : parameters}, on dataset version ${shortVersion(run.datasetVersion)}, ${date}.`;
}
