// Actors, instruments, examples, organisations, countries, footnotes and the
// relationships that carry wording (mentions, citations).
import type {
  ActorMentionResolvers,
  ActorResolvers,
  CitationResolvers,
  CountryResolvers,
  ExampleResolvers,
  FootnoteResolvers,
  InstrumentResolvers,
  OrganizationResolvers,
} from '../generated/resolvers-types.js';
import type { Loaders } from '../loaders.js';
import type { NodeRecord } from '../model.js';
import {
  optionalNumber,
  optionalSource,
  optionalString,
  requiredNumber,
  requiredString,
  stringList,
  urlList,
} from './properties.js';

/** Practices that give any of the examples, in practice order, without repeats. */
async function practicesOfExamples(examples: NodeRecord[], loaders: Loaders): Promise<NodeRecord[]> {
  const lists = await Promise.all(examples.map((example) => loaders.linkedNodes(example.id, 'HAS_EXAMPLE', 'in')));
  const byId = new Map(lists.flat().map((practice) => [practice.id, practice]));
  return [...byId.values()].sort((a, b) => Number(a.properties['number']) - Number(b.properties['number']));
}

export const Actor: ActorResolvers = {
  id: (node) => node.id,
  name: (node) => requiredString(node, 'name'),
  category: (node) => requiredString(node, 'category'),
  aliases: (node) => stringList(node, 'aliases'),
  broader: (node, _args, { loaders }) => loaders.linkedNode(node.id, 'BROADER', 'out'),
  narrower: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'BROADER', 'in'),
  practices: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'MENTIONS_ACTOR', 'in'),
  mentions: async (node, _args, { loaders }) => (await loaders.links('MENTIONS_ACTOR', 'in').load(node.id)).map((link) => link.edge),
};

export const ActorMention: ActorMentionResolvers = {
  text: (edge) => requiredString(edge, 'text'),
  actor: (edge, _args, { loaders }) => loaders.existingNode(edge.endId),
  entry: (edge) => optionalString(edge, 'entry'),
  broader: (edge, _args, { loaders }) => {
    const id = optionalString(edge, 'broader');
    return id === null ? null : loaders.node(id);
  },
  practice: (edge, _args, { loaders }) => loaders.existingNode(edge.startId),
  source: (edge) => optionalSource(edge),
};

export const Citation: CitationResolvers = {
  instrument: (edge, _args, { loaders }) => loaders.existingNode(edge.endId),
  practice: (edge, _args, { loaders }) => loaders.existingNode(edge.startId),
  provisions: (edge) => stringList(edge, 'provisions'),
  text: (edge) => requiredString(edge, 'text'),
  viaFootnote: (edge) => optionalNumber(edge, 'viaFootnote'),
  source: (edge) => optionalSource(edge),
};

export const Instrument: InstrumentResolvers = {
  id: (node) => node.id,
  title: (node) => requiredString(node, 'title'),
  shortName: (node) => optionalString(node, 'shortName'),
  symbol: (node) => optionalString(node, 'symbol'),
  issuer: (node) => optionalString(node, 'issuer'),
  kind: (node) => optionalString(node, 'kind'),
  year: (node) => optionalNumber(node, 'year'),
  aliases: (node) => stringList(node, 'aliases'),
  citations: async (node, _args, { loaders }) => (await loaders.links('CITES', 'in').load(node.id)).map((link) => link.edge),
  practices: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'CITES', 'in'),
};

export const Example: ExampleResolvers = {
  id: (node) => node.id,
  name: (node) => requiredString(node, 'name'),
  description: (node) => optionalString(node, 'description') ?? '',
  text: (node) => optionalString(node, 'text') ?? requiredString(node, 'name'),
  urls: (node) => urlList(node, 'urls'),
  countries: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'LOCATED_IN', 'out'),
  organizations: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'RUN_BY', 'out'),
  practices: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'HAS_EXAMPLE', 'in'),
  footnotes: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'HAS_FOOTNOTE', 'out'),
};

export const Organization: OrganizationResolvers = {
  id: (node) => node.id,
  name: (node) => requiredString(node, 'name'),
  aliases: (node) => stringList(node, 'aliases'),
  examples: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'RUN_BY', 'in'),
  practices: async (node, _args, { loaders }) => practicesOfExamples(await loaders.linkedNodes(node.id, 'RUN_BY', 'in'), loaders),
};

export const Country: CountryResolvers = {
  id: (node) => node.id,
  name: (node) => requiredString(node, 'name'),
  kind: (node) => optionalString(node, 'kind') ?? 'country',
  examples: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'LOCATED_IN', 'in'),
  practices: async (node, _args, { loaders }) => practicesOfExamples(await loaders.linkedNodes(node.id, 'LOCATED_IN', 'in'), loaders),
};

export const Footnote: FootnoteResolvers = {
  id: (node) => node.id,
  number: (node) => requiredNumber(node, 'number'),
  text: (node) => requiredString(node, 'text'),
  urls: (node) => urlList(node, 'urls'),
  attachedTo: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'HAS_FOOTNOTE', 'in'),
};
