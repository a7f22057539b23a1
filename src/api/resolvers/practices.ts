// Section 2: areas, good practices, key actions, steps and cross-references.
import { analyticsField } from './analytics.js';
import { identity } from './graph.js';
import type {
  AreaResolvers,
  CrossReferenceResolvers,
  GoodPracticeResolvers,
  KeyActionResolvers,
  SourceLocationResolvers,
  StepResolvers,
} from '../generated/resolvers-types.js';
import { owningPracticeId } from '../../graph/model.js';
import { validateFirst } from '../pagination.js';
import { planAt, planOf } from '../plans.js';
import { endpoint, linkedEdges, linkedNode, linkedNodes, nodeNamedBy } from './links.js';
import { optionalSource, optionalString, requiredNumber, requiredSource, requiredString, stringList } from './properties.js';

const MAX_RELATED = 24;

const practiceArea = linkedNode('GoodPractice', 'area');

export const GoodPractice: GoodPracticeResolvers = {
  id: (node) => node.id,
  number: (node) => requiredNumber(node, 'number'),
  title: (node) => requiredString(node, 'title'),
  lead: (node) => optionalString(node, 'lead'),
  bodyOwner: (node) => requiredNumber(node, 'bodyOwner'),
  area: async (node, args, context, info) => {
    const area = await practiceArea(node, args, context, info);
    if (!area) throw new Error(`The graph has no area for ${node.id}`);
    return area;
  },
  keyActions: linkedNodes('GoodPractice', 'keyActions'),
  steps: linkedNodes('GoodPractice', 'steps'),
  actors: linkedEdges('GoodPractice', 'actors'),
  citations: linkedEdges('GoodPractice', 'citations'),
  examples: linkedNodes('GoodPractice', 'examples'),
  references: linkedEdges('GoodPractice', 'references'),
  referencedBy: linkedEdges('GoodPractice', 'referencedBy'),
  footnotes: linkedNodes('GoodPractice', 'footnotes'),
  mergedWith: linkedNodes('GoodPractice', 'mergedWith'),
  related: async (node, { first }, { loaders }, info) => {
    const limit = validateFirst(first, 5, MAX_RELATED);
    const plans = { practice: planAt(info, ['practice']), actors: planAt(info, ['sharedActors']), instruments: planAt(info, ['sharedInstruments']) };
    return (await loaders.related(node.id, plans)).ranked.slice(0, limit).map((record) => ({ ...record, fromId: node.id }));
  },
  source: (node) => requiredSource(node),
  ...analyticsField,
};

export const Area: AreaResolvers = {
  id: (node) => node.id,
  code: (node) => requiredString(node, 'code'),
  title: (node) => requiredString(node, 'title'),
  order: (node) => requiredNumber(node, 'order'),
  practices: linkedNodes('Area', 'practices'),
};

export const KeyAction: KeyActionResolvers = {
  id: (node) => node.id,
  number: (node) => requiredNumber(node, 'number'),
  text: (node) => requiredString(node, 'text'),
  lead: (node) => optionalString(node, 'lead'),
  items: (node) => stringList(node, 'items'),
  steps: linkedNodes('KeyAction', 'steps'),
  practice: (node, _args, { loaders }, info) => loaders.existingNode(owningPracticeId(node.id), planOf(info)),
  source: (node) => requiredSource(node),
};

function itemTree(json: string | null): unknown {
  if (json === null) return [];
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new Error('The graph holds an unreadable itemsJson');
  }
}

export const Step: StepResolvers = {
  id: (node) => node.id,
  number: (node) => requiredNumber(node, 'number'),
  order: (node) => requiredNumber(node, 'order'),
  text: (node) => requiredString(node, 'text'),
  items: (node) => stringList(node, 'items'),
  itemTree: (node) => itemTree(optionalString(node, 'itemsJson')),
  practice: (node, _args, { loaders }, info) => loaders.existingNode(owningPracticeId(node.id), planOf(info)),
  practices: linkedNodes('Step', 'practices'),
  keyAction: linkedNode('Step', 'keyAction'),
  footnotes: linkedNodes('Step', 'footnotes'),
  source: (node) => requiredSource(node),
};

export const CrossReference: CrossReferenceResolvers = {
  id: (edge) => identity('CrossReference', edge.id),
  from: endpoint('start'),
  to: endpoint('end'),
  fromStep: (edge, _args, context, info) => nodeNamedBy(optionalString(edge, 'fromStep'), context, info),
  fromAction: (edge, _args, context, info) => nodeNamedBy(optionalString(edge, 'fromAction'), context, info),
  toStep: (edge, _args, context, info) => nodeNamedBy(optionalString(edge, 'toStep'), context, info),
  cue: (edge) => requiredString(edge, 'cue'),
  text: (edge) => requiredString(edge, 'text'),
  source: (edge) => optionalSource(edge),
};

export const SourceLocation: SourceLocationResolvers = {
  id: (source) => identity('SourceLocation', source.ownerId),
  startLine: (source) => source.startLine,
  endLine: (source) => source.endLine,
  page: (source) => source.page,
  text: (source) => source.text,
};
