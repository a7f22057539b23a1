// Section 2: areas, good practices, key actions, steps and cross-references.
import type {
  AreaResolvers,
  CrossReferenceResolvers,
  GoodPracticeResolvers,
  KeyActionResolvers,
  SourceLocationResolvers,
  StepResolvers,
} from '../generated/resolvers-types.js';
import { owningPracticeId } from '../ids.js';
import type { Loaders } from '../loaders.js';
import type { EdgeRecord, NodeRecord } from '../model.js';
import { validateFirst } from '../pagination.js';
import { optionalSource, optionalString, requiredNumber, requiredSource, requiredString, stringList } from './properties.js';

const MAX_RELATED = 24;

export const GoodPractice: GoodPracticeResolvers = {
  id: (node) => node.id,
  number: (node) => requiredNumber(node, 'number'),
  title: (node) => requiredString(node, 'title'),
  lead: (node) => optionalString(node, 'lead'),
  bodyOwner: (node) => requiredNumber(node, 'bodyOwner'),
  area: async (node, _args, { loaders }) => {
    const area = await loaders.linkedNode(node.id, 'HAS_PRACTICE', 'in');
    if (!area) throw new Error(`The graph has no area for ${node.id}`);
    return area;
  },
  keyActions: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'HAS_KEY_ACTION', 'out'),
  steps: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'HAS_STEP', 'out'),
  actors: async (node, _args, { loaders }) => (await loaders.links('MENTIONS_ACTOR', 'out').load(node.id)).map((link) => link.edge),
  citations: async (node, _args, { loaders }) => (await loaders.links('CITES', 'out').load(node.id)).map((link) => link.edge),
  examples: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'HAS_EXAMPLE', 'out'),
  references: async (node, _args, { loaders }) => (await loaders.links('REFERENCES', 'out').load(node.id)).map((link) => link.edge),
  referencedBy: async (node, _args, { loaders }) => (await loaders.links('REFERENCES', 'in').load(node.id)).map((link) => link.edge),
  footnotes: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'HAS_FOOTNOTE', 'out'),
  mergedWith: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'MERGED_WITH', 'out'),
  related: async (node, { first }, { loaders }) => {
    const limit = validateFirst(first, 5, MAX_RELATED);
    return (await loaders.relatedPractices.load(node.id)).ranked.slice(0, limit);
  },
  source: (node) => requiredSource(node),
};

export const Area: AreaResolvers = {
  id: (node) => node.id,
  code: (node) => requiredString(node, 'code'),
  title: (node) => requiredString(node, 'title'),
  order: (node) => requiredNumber(node, 'order'),
  practices: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'HAS_PRACTICE', 'out'),
};

export const KeyAction: KeyActionResolvers = {
  id: (node) => node.id,
  number: (node) => requiredNumber(node, 'number'),
  text: (node) => requiredString(node, 'text'),
  lead: (node) => optionalString(node, 'lead'),
  items: (node) => stringList(node, 'items'),
  steps: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'IN_ACTION', 'in'),
  practice: (node, _args, { loaders }) => loaders.existingNode(owningPracticeId(node.id)),
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
  practice: (node, _args, { loaders }) => loaders.existingNode(owningPracticeId(node.id)),
  practices: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'HAS_STEP', 'in'),
  keyAction: (node, _args, { loaders }) => loaders.linkedNode(node.id, 'IN_ACTION', 'out'),
  footnotes: (node, _args, { loaders }) => loaders.linkedNodes(node.id, 'HAS_FOOTNOTE', 'out'),
  source: (node) => requiredSource(node),
};

async function stepOf(edge: EdgeRecord, key: 'fromStep' | 'toStep', loaders: Loaders): Promise<NodeRecord | null> {
  const id = optionalString(edge, key);
  return id === null ? null : loaders.node(id);
}

export const CrossReference: CrossReferenceResolvers = {
  from: (edge, _args, { loaders }) => loaders.existingNode(edge.startId),
  to: (edge, _args, { loaders }) => loaders.existingNode(edge.endId),
  fromStep: (edge, _args, { loaders }) => stepOf(edge, 'fromStep', loaders),
  toStep: (edge, _args, { loaders }) => stepOf(edge, 'toStep', loaders),
  cue: (edge) => requiredString(edge, 'cue'),
  text: (edge) => requiredString(edge, 'text'),
  source: (edge) => optionalSource(edge),
};

export const SourceLocation: SourceLocationResolvers = {
  startLine: (source) => source.startLine,
  endLine: (source) => source.endLine,
  page: (source) => source.page,
  text: (source) => source.text,
};
