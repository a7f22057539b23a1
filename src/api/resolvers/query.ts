// Root fields: validated arguments, then repositories and loaders.
import type { NameMatch, QueryResolvers } from '../generated/resolvers-types.js';
import { isRelationshipType, labelOfId, RELATIONSHIP_TYPES } from '../../graph/model.js';
import { readCurrentDataset } from '../../graph/dataset.js';
import { MAX_NEIGHBOURHOOD_DEPTH, readNeighbourhood } from '../../graph/subgraph.js';
import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput } from '../errors.js';
import { validateNodeId } from '../ids.js';
import type { ApiContext } from '../context.js';
import type { NodeRecord } from '../model.js';
import { connectionKey, MAX_PAGE_SIZE, pageRequest, validateFirst } from '../pagination.js';
import { graphEdgeKeysAt, graphNodePlanAt, planAt, planOf } from '../plans.js';
import { readActors } from '../repositories/actors.js';
import { readExamples } from '../repositories/examples.js';
import { readInstruments } from '../repositories/instruments.js';
import { readNodesByLabel, type ListOptions } from '../repositories/nodes.js';
import { MAX_PATH_LENGTH, readShortestPaths } from '../repositories/paths.js';
import { readPractices } from '../repositories/practices.js';
import { searchNodes } from '../repositories/search.js';

const MAX_SEARCH_LENGTH = 500;
const MAX_RELATED = 24;
const MAX_PATHS = 20;
/** Entries of neighborhood(types:), repeats included (there are fewer relationship types than this). */
const MAX_NEIGHBORHOOD_TYPES = 64;

/** A node by id, only if it has the expected label (an actor query never returns a practice). */
async function nodeOfType(context: ApiContext, info: GraphQLResolveInfo, id: string, label: string): Promise<NodeRecord | null> {
  const valid = validateNodeId(id);
  if (labelOfId(valid) !== label) return null;
  const node = await context.loaders.nodeById(valid, planOf(info));
  return node && node.labels.includes(label) ? node : null;
}

/** What a connection's page shows: `nodes { … }` and `edges { node { … } }`. */
const pagePlan = (info: GraphQLResolveInfo) => planAt(info, ['nodes'], ['edges', 'node']);

function list(label: string, options?: (args: Record<string, unknown>) => ListOptions) {
  return (_root: unknown, args: Record<string, unknown>, context: ApiContext, info: GraphQLResolveInfo): Promise<NodeRecord[]> =>
    readNodesByLabel(context.reader, label, planOf(info), context.loaders, options?.(args) ?? {});
}

function boundedInteger(value: number | null | undefined, fallback: number, min: number, max: number, argument: string): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < min || result > max) {
    throw badUserInput(`${argument} must be between ${min} and ${max}, got ${result}`, { argumentName: argument });
  }
  return result;
}

export const Query: QueryResolvers = {
  node: (_root, { id }, context, info) => context.loaders.nodeById(validateNodeId(id), planOf(info)),
  nodes: (_root, { ids }, context, info) => {
    if (ids.length > MAX_PAGE_SIZE) throw badUserInput(`ids: at most ${MAX_PAGE_SIZE} ids per request, got ${ids.length}`, { argumentName: 'ids' });
    const plan = planOf(info);
    return Promise.all(ids.map((id) => context.loaders.nodeById(validateNodeId(id, 'ids'), plan)));
  },

  goodPractice: (_root, { number }, context, info) => context.loaders.practiceByNumber(number, planOf(info)),
  goodPractices: (_root, { filter, ...page }, context, info) =>
    readPractices(context.reader, filter, pageRequest(connectionKey('goodPractices', filter), page), pagePlan(info), context.loaders),

  area: (_root, { code }, context, info) => context.loaders.nodeById(`area:${code.trim().toUpperCase()}`, planOf(info)),
  areas: list('Area'),

  actor: (_root, { id }, context, info) => nodeOfType(context, info, id, 'Actor'),
  actors: (_root, { filter, ...page }, context, info) =>
    readActors(context.reader, filter, pageRequest(connectionKey('actors', filter), page), pagePlan(info), context.loaders),

  instrument: (_root, { id }, context, info) => nodeOfType(context, info, id, 'Instrument'),
  instruments: (_root, { filter, ...page }, context, info) =>
    readInstruments(context.reader, filter, pageRequest(connectionKey('instruments', filter), page), pagePlan(info), context.loaders),

  example: (_root, { id }, context, info) => nodeOfType(context, info, id, 'Example'),
  examples: (_root, { filter, ...page }, context, info) =>
    readExamples(context.reader, filter, pageRequest(connectionKey('examples', filter), page), pagePlan(info), context.loaders),

  organizations: list('Organization', (args) => ({ name: args['name'] as string | null | undefined, match: args['match'] as NameMatch | undefined })),
  countries: list('Country', (args) => ({ name: args['name'] as string | null | undefined, match: args['match'] as NameMatch | undefined })),
  footnote: (_root, { number }, context, info) => context.loaders.nodeById(`footnote:${number}`, planOf(info)),
  footnotes: list('Footnote'),

  nexusFamilies: list('NexusFamily'),
  manifestations: list('Manifestation'),
  notions: list('Notion'),
  regionalContexts: list('RegionalContext'),
  watchPoints: list('WatchPoint', (args) => ({ category: args['category'] as string | null | undefined })),
  regionalMeetings: list('RegionalMeeting'),

  search: async (_root, { query, types, first }, context, info) => {
    const limit = validateFirst(first, 20);
    if (query.length > MAX_SEARCH_LENGTH) {
      throw badUserInput(`query: at most ${MAX_SEARCH_LENGTH} characters, got ${query.length}`, { argumentName: 'query' });
    }
    const hits = await searchNodes(context.reader, query, types, limit, planAt(info, ['node']), context.loaders);
    const search = new URLSearchParams({ query, types: [...new Set(types ?? [])].sort().join(',') }).toString();
    return hits.map((hit) => ({ ...hit, search }));
  },

  relatedPractices: async (_root, { number, first }, context, info) => {
    const limit = validateFirst(first, 5, MAX_RELATED);
    // Practice ids are "gp:<number>" (src/graph/model.ts): an unknown number simply relates to nothing.
    const plans = { practice: planAt(info, ['practice']), actors: planAt(info, ['sharedActors']), instruments: planAt(info, ['sharedInstruments']) };
    const practiceId = `gp:${number}`;
    return (await context.loaders.related(practiceId, plans)).ranked.slice(0, limit).map((record) => ({ ...record, fromId: practiceId }));
  },

  paths: async (_root, { from, to, maxLength, first }, context, info) => {
    const start = validateNodeId(from, 'from');
    const end = validateNodeId(to, 'to');
    const length = boundedInteger(maxLength, 4, 1, MAX_PATH_LENGTH, 'maxLength');
    const limit = validateFirst(first, 5, MAX_PATHS);
    const paths = await readShortestPaths(context.reader, start, end, length, limit, graphNodePlanAt(info, ['nodes']), graphEdgeKeysAt(info, ['relationships']));
    for (const path of paths) path.nodes = context.loaders.keep(path.nodes);
    return paths;
  },

  neighborhood: async (_root, { id, depth, types }, context, info) => {
    const centre = validateNodeId(id);
    const hops = boundedInteger(depth, 1, 1, MAX_NEIGHBOURHOOD_DEPTH, 'depth');
    if ((types?.length ?? 0) > MAX_NEIGHBORHOOD_TYPES) {
      throw badUserInput(`types: at most ${MAX_NEIGHBORHOOD_TYPES} relationship types, got ${types?.length}`, { argumentName: 'types' });
    }
    const unknown = [...new Set(types ?? [])].filter((type) => !isRelationshipType(type));
    if (unknown.length > 0) {
      throw badUserInput(`types: unknown relationship type(s) ${unknown.slice(0, 10).join(', ')}; known: ${RELATIONSHIP_TYPES.join(', ')}`, {
        argumentName: 'types',
      });
    }
    const known = [...new Set(types ?? [])].sort();
    const subgraph = await readNeighbourhood(context.reader, centre, hops, known.length > 0 ? known : null, {
      node: graphNodePlanAt(info, ['nodes']),
      edgeKeys: graphEdgeKeysAt(info, ['edges']),
    });
    subgraph.nodes = context.loaders.keep(subgraph.nodes);
    return { ...subgraph, key: `${centre}?depth=${hops}&types=${known.join(',')}` };
  },

  dataset: (_root, _args, context) => readCurrentDataset(context.reader),
};
