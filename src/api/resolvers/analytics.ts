// Network analytics (src/analytics): derived figures, each traced to the run
// that computed it. Nodes are resolved through the request's loaders, so a list
// of scores costs one statement for the scores and one for their nodes.
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type {
  AnalyticsResolvers,
  AnalyticsRunResolvers,
  AreaActorCategoryResolvers,
  CentralityScoreResolvers,
  CoCitationResolvers,
  CommunityResolvers,
  CoOccurrenceResolvers,
  NodeAnalyticsResolvers,
  PracticeSimilarityResolvers,
  QueryResolvers,
} from '../generated/resolvers-types.js';
import type { ApiContext } from '../context.js';
import { badUserInput } from '../errors.js';
import { validateNodeId } from '../ids.js';
import type { NodeRecord } from '../model.js';
import { planOf } from '../plans.js';
import { diagnoseMissingAnalytics, type CentralityAnalysis, type NodeAnalyticsRecord } from '../repositories/analytics.js';
import { identity } from './graph.js';

export const ANALYTICS_UNAVAILABLE = 'ANALYTICS_UNAVAILABLE';
const MAX_CENTRALITY = 100;
const MAX_PAIRS = 500;

const MEASURES: Record<'PAGE_RANK' | 'BETWEENNESS', CentralityAnalysis> = { PAGE_RANK: 'pageRank', BETWEENNESS: 'betweenness' };
const MEASURE_OF: Record<CentralityAnalysis, 'PAGE_RANK' | 'BETWEENNESS'> = { pageRank: 'PAGE_RANK', betweenness: 'BETWEENNESS' };
const LABELS = { GOOD_PRACTICE: 'GoodPractice', ACTOR: 'Actor', INSTRUMENT: 'Instrument' } as const;

function bounded(value: number | null | undefined, fallback: number, max: number, argument: string): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < 1 || result > max) {
    throw badUserInput(`${argument} must be between 1 and ${max}, got ${result}`, { argumentName: argument });
  }
  return result;
}

/** The runs of the current dataset, or ANALYTICS_UNAVAILABLE saying why there are none. */
export async function currentRuns(context: ApiContext) {
  const state = await context.loaders.analytics.runs();
  if (state.datasetVersion !== null && state.runs.length > 0) return { datasetVersion: state.datasetVersion, runs: state.runs };
  const message = await diagnoseMissingAnalytics(context.reader, state.datasetVersion);
  throw new GraphQLError(message, { extensions: { code: ANALYTICS_UNAVAILABLE } });
}

async function nodeAnalytics(id: string, context: ApiContext): Promise<NodeAnalyticsRecord | null> {
  const [record] = await Promise.all([context.loaders.analytics.node(id), currentRuns(context)]);
  return record;
}

const nodesOf = (ids: readonly string[], context: ApiContext, info: GraphQLResolveInfo): Promise<NodeRecord[]> => {
  const plan = planOf(info);
  return Promise.all(ids.map((id) => context.loaders.existingNode(id, plan)));
};

export const analyticsQuery: Pick<QueryResolvers, 'analytics'> = {
  analytics: (_root, _args, context) => currentRuns(context),
};

/** `analytics` on practices, actors, instruments and graph nodes. */
export const analyticsField = {
  analytics: (node: NodeRecord, _args: unknown, context: ApiContext) => nodeAnalytics(node.id, context),
};

export const Analytics: AnalyticsResolvers = {
  id: (record) => identity('Analytics', record.datasetVersion),
  datasetVersion: (record) => record.datasetVersion,
  runs: (record) => record.runs,
  centrality: async (_record, { measure, type, first }, context) => {
    const count = bounded(first, 10, MAX_CENTRALITY, 'first');
    return context.loaders.analytics.centrality(MEASURES[measure ?? 'PAGE_RANK'], type ? LABELS[type] : null, count);
  },
  communities: (_record, _args, context) => context.loaders.analytics.communities(),
  coCitation: (_record, { instrument, first }, context) => {
    const count = bounded(first, 50, MAX_PAIRS, 'first');
    const id = instrument == null ? null : validateNodeId(instrument, 'instrument');
    return context.loaders.analytics.pairs('instrumentCoCitation', id, count);
  },
  coOccurrence: (_record, { actor, first }, context) => {
    const count = bounded(first, 50, MAX_PAIRS, 'first');
    const id = actor == null ? null : validateNodeId(actor, 'actor');
    return context.loaders.analytics.pairs('actorCoOccurrence', id, count);
  },
  similarity: (_record, { practice, first }, context) => {
    const count = bounded(first, 50, MAX_PAIRS, 'first');
    if (practice != null && (!Number.isInteger(practice) || practice < 1 || practice > 25)) {
      throw badUserInput(`practice must be a practice number between 1 and 25, got ${practice}`, { argumentName: 'practice' });
    }
    return context.loaders.analytics.pairs('nodeSimilarity', practice == null ? null : `gp:${practice}`, count);
  },
  areaActorCategories: (_record, _args, context) => context.loaders.analytics.areaActorCategories(),
};

export const AnalyticsRun: AnalyticsRunResolvers = {
  id: (run) => identity('AnalyticsRun', `${run.analysis}@${run.datasetVersion}`),
  analysis: (run) => run.analysis,
  description: (run) => run.description,
  algorithm: (run) => run.algorithm,
  parameters: (run) => run.parameters,
  projection: (run) => run.projection,
  datasetVersion: (run) => run.datasetVersion,
  gdsVersion: (run) => run.gdsVersion,
  computedAt: (run) => run.computedAt,
  statistics: (run) => run.statistics,
};

export const CentralityScore: CentralityScoreResolvers = {
  id: (score) => identity('CentralityScore', `${MEASURE_OF[score.analysis]}:${score.nodeId}`),
  node: (score, _args, context, info) => context.loaders.existingNode(score.nodeId, planOf(info)),
  measure: (score) => MEASURE_OF[score.analysis],
  score: (score) => score.score,
  rank: (score) => score.rank,
  run: (score, _args, context) => context.loaders.analytics.run(score.analysis),
};

const membersOf = (label: string) => (community: { members: { id: string; label: string }[] }, _args: unknown, context: ApiContext, info: GraphQLResolveInfo) =>
  nodesOf(community.members.filter((member) => member.label === label).map((member) => member.id), context, info);

export const Community: CommunityResolvers = {
  id: (community) => identity('Community', `${community.datasetVersion}:${community.number}`),
  number: (community) => community.number,
  size: (community) => community.members.length,
  practices: membersOf('GoodPractice'),
  actors: membersOf('Actor'),
  instruments: membersOf('Instrument'),
  run: (_community, _args, context) => context.loaders.analytics.run('louvain'),
};

const pairId = (typeName: string) => (pair: { first: string; second: string }) => identity(typeName, `${pair.first}|${pair.second}`);
const firstNode = (pair: { first: string }, _args: unknown, context: ApiContext, info: GraphQLResolveInfo) => context.loaders.existingNode(pair.first, planOf(info));
const secondNode = (pair: { second: string }, _args: unknown, context: ApiContext, info: GraphQLResolveInfo) =>
  context.loaders.existingNode(pair.second, planOf(info));
const practicesOf = (pair: { practiceIds: string[] }, _args: unknown, context: ApiContext, info: GraphQLResolveInfo) =>
  nodesOf(pair.practiceIds, context, info);

export const CoCitation: CoCitationResolvers = {
  id: pairId('CoCitation'),
  instrument: firstNode,
  coCited: secondNode,
  weight: (pair) => pair.weight,
  practices: practicesOf,
  run: (_pair, _args, context) => context.loaders.analytics.run('instrumentCoCitation'),
};

export const CoOccurrence: CoOccurrenceResolvers = {
  id: pairId('CoOccurrence'),
  actor: firstNode,
  coOccurring: secondNode,
  weight: (pair) => pair.weight,
  practices: practicesOf,
  run: (_pair, _args, context) => context.loaders.analytics.run('actorCoOccurrence'),
};

export const PracticeSimilarity: PracticeSimilarityResolvers = {
  id: pairId('PracticeSimilarity'),
  practice: firstNode,
  similar: secondNode,
  score: (pair) => pair.weight,
  run: (_pair, _args, context) => context.loaders.analytics.run('nodeSimilarity'),
};

export const NodeAnalytics: NodeAnalyticsResolvers = {
  id: (record) => identity('NodeAnalytics', record.nodeId),
  pageRank: (record) => record.pageRank,
  betweenness: (record) => record.betweenness,
  community: (record, _args, context) => context.loaders.analytics.community(record.community),
};

export const AreaActorCategory: AreaActorCategoryResolvers = {
  id: (cell) => identity('AreaActorCategory', `${cell.areaCode}:${cell.category}`),
  area: (cell, _args, context, info) => context.loaders.existingNode(cell.areaId, planOf(info)),
  category: (cell) => cell.category,
  practices: (cell, _args, context, info) => nodesOf(cell.practiceIds, context, info),
  actors: (cell, _args, context, info) => nodesOf(cell.actorIds, context, info),
};
