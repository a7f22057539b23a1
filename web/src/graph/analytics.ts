// Node sizes by centrality and colours by community for the graph view, from
// the figures of the network analytics; nodes without figures keep the look
// their type gives them.
import { colourOf as colourForType } from '../../../src/graph/model.js';
import { communityColour, sizeForScore } from '../analytics.js';
import { baseSize, type DisplayGraph } from './model.js';

export interface NodeFigures {
  /** Score and rank under the chosen centrality measure, by node id. */
  scores: ReadonlyMap<string, { score: number; rank: number }>;
  /** Community number, by node id. */
  communities: ReadonlyMap<string, number>;
}

export interface AnalyticsStyle {
  sizeByScore: boolean;
  colourByCommunity: boolean;
}

/** The highest score of all nodes (not only the loaded ones), so sizes compare across views. */
export function highestScore(figures: NodeFigures): number {
  let highest = 0;
  for (const { score } of figures.scores.values()) highest = Math.max(highest, score);
  return highest;
}

/** Sets every node's size and colour from the figures (idempotent: call again after new nodes are merged). */
export function applyAnalyticsStyle(graph: DisplayGraph, figures: NodeFigures, style: AnalyticsStyle): void {
  const highest = highestScore(figures);
  graph.updateEachNodeAttributes((id, attributes) => {
    const scored = style.sizeByScore ? figures.scores.get(id) : undefined;
    const community = style.colourByCommunity ? figures.communities.get(id) : undefined;
    return {
      ...attributes,
      size: scored ? sizeForScore(scored.score, highest) : baseSize(attributes.type),
      color: community !== undefined ? communityColour(community) : colourForType(attributes.type),
    };
  });
}
