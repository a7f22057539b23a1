// Actors, instruments, examples, organisations, countries, footnotes and the
// relationships that carry wording (mentions, citations).
import { analyticsField } from './analytics.js';
import { identity } from './graph.js';
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
import type { GraphQLResolveInfo } from 'graphql';
import { FIELD_BINDINGS, type LinkBinding } from '../../graph/model.js';
import type { ApiContext } from '../context.js';
import type { NodeRecord } from '../model.js';
import { planOf } from '../plans.js';
import { endpoint, linkedEdges, linkedNode, linkedNodes, nodeNamedBy } from './links.js';
import {
  optionalNumber,
  optionalSource,
  optionalString,
  requiredNumber,
  requiredString,
  stringList,
  urlList,
} from './properties.js';

const EXAMPLE_PRACTICES = FIELD_BINDINGS['Example']?.['practices'] as LinkBinding;

/** Practices that give any of the examples (`via`: the examples of the parent), in practice order, without repeats. */
async function practicesOfExamples(
  parentId: string,
  via: LinkBinding,
  { loaders }: ApiContext,
  info: GraphQLResolveInfo,
): Promise<NodeRecord[]> {
  const practicePlan = planOf(info);
  const examples = await loaders.linkedNodes(parentId, { relationship: via.relationship, direction: via.direction, edgeKeys: [], node: { keys: [], links: [] } });
  const link = { relationship: EXAMPLE_PRACTICES.relationship, direction: EXAMPLE_PRACTICES.direction, edgeKeys: [], node: { ...practicePlan, keys: practicePlan.keys === '*' ? '*' : [...new Set([...practicePlan.keys, 'number'])] } } as const;
  const lists = await Promise.all(examples.map((example) => loaders.linkedNodes(example.id, link)));
  const byId = new Map(lists.flat().map((practice) => [practice.id, practice]));
  return [...byId.values()].sort((a, b) => Number(a.properties['number']) - Number(b.properties['number']));
}

export const Actor: ActorResolvers = {
  id: (node) => node.id,
  name: (node) => requiredString(node, 'name'),
  category: (node) => requiredString(node, 'category'),
  aliases: (node) => stringList(node, 'aliases'),
  broader: linkedNode('Actor', 'broader'),
  narrower: linkedNodes('Actor', 'narrower'),
  practices: linkedNodes('Actor', 'practices'),
  mentions: linkedEdges('Actor', 'mentions'),
  ...analyticsField,
};

export const ActorMention: ActorMentionResolvers = {
  id: (edge) => identity('ActorMention', edge.id),
  text: (edge) => requiredString(edge, 'text'),
  actor: endpoint('end'),
  entry: (edge) => optionalString(edge, 'entry'),
  broader: (edge, _args, context, info) => nodeNamedBy(optionalString(edge, 'broader'), context, info),
  practice: endpoint('start'),
  source: (edge) => optionalSource(edge),
};

export const Citation: CitationResolvers = {
  id: (edge) => identity('Citation', edge.id),
  instrument: endpoint('end'),
  practice: endpoint('start'),
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
  citations: linkedEdges('Instrument', 'citations'),
  practices: linkedNodes('Instrument', 'practices'),
  ...analyticsField,
};

export const Example: ExampleResolvers = {
  id: (node) => node.id,
  name: (node) => requiredString(node, 'name'),
  description: (node) => optionalString(node, 'description') ?? '',
  text: (node) => optionalString(node, 'text') ?? requiredString(node, 'name'),
  urls: (node) => urlList(node, 'urls'),
  countries: linkedNodes('Example', 'countries'),
  organizations: linkedNodes('Example', 'organizations'),
  practices: linkedNodes('Example', 'practices'),
  footnotes: linkedNodes('Example', 'footnotes'),
  // ids of the same initiative in other practices, stored on the example (docs/graph-format.md)
  sameInitiative: async (node, _args, { loaders }, info) => {
    const plan = planOf(info);
    return Promise.all(stringList(node, 'sameInitiativeAs').map((id) => loaders.existingNode(id, plan)));
  },
};

const ORGANIZATION_EXAMPLES = FIELD_BINDINGS['Organization']?.['examples'] as LinkBinding;
const COUNTRY_EXAMPLES = FIELD_BINDINGS['Country']?.['examples'] as LinkBinding;

export const Organization: OrganizationResolvers = {
  id: (node) => node.id,
  name: (node) => requiredString(node, 'name'),
  aliases: (node) => stringList(node, 'aliases'),
  examples: linkedNodes('Organization', 'examples'),
  practices: (node, _args, context, info) => practicesOfExamples(node.id, ORGANIZATION_EXAMPLES, context, info),
};

export const Country: CountryResolvers = {
  id: (node) => node.id,
  name: (node) => requiredString(node, 'name'),
  kind: (node) => optionalString(node, 'kind') ?? 'country',
  aliases: (node) => stringList(node, 'aliases'),
  examples: linkedNodes('Country', 'examples'),
  practices: (node, _args, context, info) => practicesOfExamples(node.id, COUNTRY_EXAMPLES, context, info),
};

export const Footnote: FootnoteResolvers = {
  id: (node) => node.id,
  number: (node) => requiredNumber(node, 'number'),
  text: (node) => optionalString(node, 'text'),
  note: (node) => optionalString(node, 'note'),
  urls: (node) => urlList(node, 'urls'),
  attachedTo: linkedNodes('Footnote', 'attachedTo'),
};
