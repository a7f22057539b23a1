// Resolvers of the fields the graph model backs with a relationship: each
// reads the field's binding (src/graph/model.ts), plans what the selection
// needs, and asks the request's loaders.
import type { GraphQLResolveInfo } from 'graphql';
import { FIELD_BINDINGS, type LinkBinding } from '../../graph/model.js';
import type { ApiContext } from '../context.js';
import type { EdgeRecord, NodeRecord } from '../model.js';
import { linkPlanOf, planOf } from '../plans.js';

function bindingOf(typeName: string, fieldName: string): LinkBinding {
  const binding = FIELD_BINDINGS[typeName]?.[fieldName];
  if (!binding || binding.kind !== 'link') throw new Error(`${typeName}.${fieldName} is not a relationship field of the graph model`);
  return binding;
}

type Parent = { id: string };

/** A list of the nodes at the other end of the field's relationship. */
export function linkedNodes(typeName: string, fieldName: string) {
  const binding = bindingOf(typeName, fieldName);
  return (parent: Parent, _args: unknown, { loaders }: ApiContext, info: GraphQLResolveInfo): Promise<NodeRecord[]> =>
    loaders.linkedNodes(parent.id, linkPlanOf(info, binding));
}

/** The one node at the other end of the field's relationship, or null. */
export function linkedNode(typeName: string, fieldName: string) {
  const binding = bindingOf(typeName, fieldName);
  return (parent: Parent, _args: unknown, { loaders }: ApiContext, info: GraphQLResolveInfo): Promise<NodeRecord | null> =>
    loaders.linkedNode(parent.id, linkPlanOf(info, binding));
}

/** The relationships themselves (ActorMention, Citation, CrossReference). */
export function linkedEdges(typeName: string, fieldName: string) {
  const binding = bindingOf(typeName, fieldName);
  return async (parent: Parent, _args: unknown, { loaders }: ApiContext, info: GraphQLResolveInfo): Promise<EdgeRecord[]> =>
    (await loaders.linksOf(parent.id, linkPlanOf(info, binding))).map((link) => link.edge);
}

/** The node at one end of a relationship-backed object. */
export function endpoint(end: 'start' | 'end') {
  return (edge: EdgeRecord, _args: unknown, { loaders }: ApiContext, info: GraphQLResolveInfo): Promise<NodeRecord> =>
    loaders.existingNode(end === 'start' ? edge.startId : edge.endId, planOf(info));
}

/** A node named by id in a property (ActorMention.broader, CrossReference.fromStep), or null. */
export async function nodeNamedBy(id: string | null, { loaders }: ApiContext, info: GraphQLResolveInfo): Promise<NodeRecord | null> {
  return id === null ? null : loaders.nodeById(id, planOf(info));
}
