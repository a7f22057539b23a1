// Root fields: validated arguments, then repositories and loaders.
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { badUserInput } from '../errors.js';
import { labelOfId, validateNodeId } from '../ids.js';
import type { ApiContext } from '../context.js';
import type { ConnectionRecord, NodeRecord } from '../model.js';
import { MAX_PAGE_SIZE, pageRequest, validateFirst } from '../pagination.js';
import { readActors } from '../repositories/actors.js';
import { readDataset } from '../repositories/dataset.js';
import { readExamples } from '../repositories/examples.js';
import { readInstruments } from '../repositories/instruments.js';
import { isRelationshipType, RELATIONSHIP_TYPES } from '../repositories/links.js';
import { MAX_NEIGHBORHOOD_DEPTH, readNeighborhood } from '../repositories/neighborhood.js';
import { readNodesByLabel } from '../repositories/nodes.js';
import { MAX_PATH_LENGTH, readShortestPaths } from '../repositories/paths.js';
import { readPractices } from '../repositories/practices.js';
import { correctSearch, readVocabulary, searchNodes } from '../repositories/search.js';

const MAX_SEARCH_LENGTH = 500;
const MAX_RELATED = 24;
const MAX_PATHS = 20;

function primed(context: ApiContext, connection: ConnectionRecord): ConnectionRecord {
  context.loaders.prime(connection.nodes);
  return connection;
}

function primedList(context: ApiContext, nodes: NodeRecord[]): NodeRecord[] {
  context.loaders.prime(nodes);
  return nodes;
}

/** A node by id, only if it has the expected label (an actor query never returns a practice). */
async function nodeOfType(context: ApiContext, id: string, label: string): Promise<NodeRecord | null> {
  const valid = validateNodeId(id);
  if (labelOfId(valid) !== label) return null;
  const node = await context.loaders.node(valid);
  return node && node.labels.includes(label) ? node : null;
}

function boundedInteger(value: number | null | undefined, fallback: number, min: number, max: number, argument: string): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < min || result > max) {
    throw badUserInput(`${argument} must be between ${min} and ${max}, got ${result}`, { argumentName: argument });
  }
  return result;
}

export const Query: QueryResolvers = {
  node: (_root, { id }, context) => context.loaders.node(validateNodeId(id)),
  nodes: (_root, { ids }, context) => {
    if (ids.length > MAX_PAGE_SIZE) throw badUserInput(`ids: at most ${MAX_PAGE_SIZE} ids per request, got ${ids.length}`, { argumentName: 'ids' });
    return Promise.all(ids.map((id) => context.loaders.node(validateNodeId(id, 'ids'))));
  },

  goodPractice: (_root, { number }, context) => context.loaders.practiceByNumber.load(number),
  goodPractices: async (_root, { filter, first, after }, context) =>
    primed(context, await readPractices(context.reader, filter, pageRequest(first, after))),

  area: (_root, { code }, context) => context.loaders.node(`area:${code.trim().toUpperCase()}`),
  areas: async (_root, _args, context) => primedList(context, await readNodesByLabel(context.reader, 'Area')),

  actor: (_root, { id }, context) => nodeOfType(context, id, 'Actor'),
  actors: async (_root, { filter, first, after }, context) =>
    primed(context, await readActors(context.reader, filter, pageRequest(first, after))),

  instrument: (_root, { id }, context) => nodeOfType(context, id, 'Instrument'),
  instruments: async (_root, { filter, first, after }, context) =>
    primed(context, await readInstruments(context.reader, filter, pageRequest(first, after))),

  example: (_root, { id }, context) => nodeOfType(context, id, 'Example'),
  examples: async (_root, { filter, first, after }, context) =>
    primed(context, await readExamples(context.reader, filter, pageRequest(first, after))),

  organizations: async (_root, { name }, context) =>
    primedList(context, await readNodesByLabel(context.reader, 'Organization', { name })),
  countries: async (_root, { name }, context) => primedList(context, await readNodesByLabel(context.reader, 'Country', { name })),
  footnote: (_root, { number }, context) => context.loaders.node(`footnote:${number}`),
  footnotes: async (_root, _args, context) => primedList(context, await readNodesByLabel(context.reader, 'Footnote')),

  nexusFamilies: async (_root, _args, context) => primedList(context, await readNodesByLabel(context.reader, 'NexusFamily')),
  manifestations: async (_root, _args, context) => primedList(context, await readNodesByLabel(context.reader, 'Manifestation')),
  notions: async (_root, _args, context) => primedList(context, await readNodesByLabel(context.reader, 'Notion')),
  regionalContexts: async (_root, _args, context) => primedList(context, await readNodesByLabel(context.reader, 'RegionalContext')),
  watchPoints: async (_root, { category }, context) =>
    primedList(context, await readNodesByLabel(context.reader, 'WatchPoint', { category })),
  regionalMeetings: async (_root, _args, context) => primedList(context, await readNodesByLabel(context.reader, 'RegionalMeeting')),

  search: async (_root, { query, types, first }, context) => {
    const limit = validateFirst(first, 20);
    if (query.length > MAX_SEARCH_LENGTH) {
      throw badUserInput(`query: at most ${MAX_SEARCH_LENGTH} characters, got ${query.length}`, { argumentName: 'query' });
    }
    const hits = await searchNodes(context.reader, query, types, limit);
    context.loaders.prime(hits.map((hit) => hit.node));
    return hits;
  },

  searchCorrection: async (_root, { query }, context) => {
    if (query.length > MAX_SEARCH_LENGTH) {
      throw badUserInput(`query: at most ${MAX_SEARCH_LENGTH} characters, got ${query.length}`, { argumentName: 'query' });
    }
    return correctSearch(query, await readVocabulary(context.reader))?.text ?? null;
  },

  relatedPractices: async (_root, { number, first }, context) => {
    const limit = validateFirst(first, 5, MAX_RELATED);
    const practice = await context.loaders.practiceByNumber.load(number);
    if (!practice) return [];
    return (await context.loaders.relatedPractices.load(practice.id)).ranked.slice(0, limit);
  },

  paths: async (_root, { from, to, maxLength, first }, context) => {
    const start = validateNodeId(from, 'from');
    const end = validateNodeId(to, 'to');
    const length = boundedInteger(maxLength, 4, 1, MAX_PATH_LENGTH, 'maxLength');
    const limit = validateFirst(first, 5, MAX_PATHS);
    const paths = await readShortestPaths(context.reader, start, end, length, limit);
    for (const path of paths) context.loaders.prime(path.nodes);
    return paths;
  },

  neighborhood: async (_root, { id, depth, types }, context) => {
    const centre = validateNodeId(id);
    const hops = boundedInteger(depth, 1, 1, MAX_NEIGHBORHOOD_DEPTH, 'depth');
    const known = (types ?? []).filter(isRelationshipType);
    const unknown = (types ?? []).filter((type) => !isRelationshipType(type));
    if (unknown.length > 0) {
      throw badUserInput(`types: unknown relationship type(s) ${unknown.join(', ')}; known: ${RELATIONSHIP_TYPES.join(', ')}`, {
        argumentName: 'types',
      });
    }
    const subgraph = await readNeighborhood(context.reader, centre, hops, known.length > 0 ? known : null);
    context.loaders.prime(subgraph.nodes);
    return subgraph;
  },

  dataset: (_root, _args, context) => readDataset(context.reader),
};
