// From a GraphQL selection to a read plan (src/graph/plan.ts): the stored
// properties each selected field needs, per the graph model's field bindings,
// and the relationship lists below it, up to LOOKAHEAD_DEPTH levels, so one
// statement can read a practice page or a list with what it shows. Plans are
// cached per field node: Apollo keeps parsed documents, so a repeated query
// shape costs no new walk.
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { FIELD_BINDINGS, linkTargetType, NODE_TYPE_BY_LABEL, relationshipModel, type LinkBinding } from '../graph/model.js';
import { EMPTY_PLAN, mergePlans, type LinkPlan, type NodePlan } from '../graph/plan.js';
import type { Projected } from '../graph/values.js';

/** Levels of relationships read ahead by one statement; deeper levels are read by the loaders. */
export const LOOKAHEAD_DEPTH = 3;

interface Scope {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
}

/** The fields selected on `typeName`, by field name, through fragments and inline fragments. */
function collectFields(scope: Scope, selectionSets: readonly SelectionSetNode[], typeName: string): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const applies = (condition: string | undefined): boolean => {
    if (condition === undefined || condition === typeName) return true;
    const conditionType = scope.schema.getType(condition);
    const type = scope.schema.getType(typeName);
    return conditionType !== undefined && conditionType !== null && isAbstractType(conditionType) && isObjectType(type)
      ? scope.schema.isSubType(conditionType, type)
      : false;
  };
  const visit = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const list = fields.get(selection.name.value);
        if (list) list.push(selection);
        else fields.set(selection.name.value, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = scope.fragments[name];
        // Each fragment is visited once per collection: a fragment tree costs its size, not its expansions.
        if (!fragment || visited.has(name)) continue;
        visited.add(name);
        if (applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet);
  return fields;
}

function subSelections(fieldNodes: readonly FieldNode[]): SelectionSetNode[] {
  return fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

/** Concrete object types a named type stands for (the type itself, or an interface's implementations). */
function concreteTypes(scope: Scope, type: GraphQLNamedType): string[] {
  if (isAbstractType(type)) return scope.schema.getPossibleTypes(type).map((possible) => possible.name);
  return [type.name];
}

function mergeKeys(left: Projected, right: readonly string[] | '*'): Projected {
  if (left === '*' || right === '*') return '*';
  return [...new Set([...left, ...right])].sort();
}

/** The plan for the nodes a selection is made on, as any of `typeNames`. */
export function nodePlan(scope: Scope, typeNames: readonly string[], selectionSets: readonly SelectionSetNode[], depth: number): NodePlan {
  let plan: NodePlan = typeNames.length === 1 && typeNames[0] && NODE_TYPE_BY_LABEL.has(typeNames[0]) ? { ...EMPTY_PLAN, label: typeNames[0] } : EMPTY_PLAN;
  for (const typeName of typeNames) {
    const bindings = FIELD_BINDINGS[typeName];
    if (!bindings) continue;
    for (const [fieldName, fieldNodes] of collectFields(scope, selectionSets, typeName)) {
      const binding = bindings[fieldName];
      if (!binding) continue;
      switch (binding.kind) {
        case 'property':
        case 'computed':
          plan = { ...plan, keys: mergeKeys(plan.keys, binding.keys) };
          break;
        case 'all':
          plan = { ...plan, keys: '*' };
          break;
        case 'link':
          if (depth < LOOKAHEAD_DEPTH) {
            plan = mergePlans(plan, { keys: [], links: [linkPlan(scope, binding, subSelections(fieldNodes), depth + 1)] });
          }
          break;
        case 'endpoint':
          break;
      }
    }
  }
  return plan;
}

/** The node types at the other end of a link. */
function otherEndTypes(scope: Scope, binding: LinkBinding): string[] {
  const model = relationshipModel(binding.relationship);
  const ends = (binding.direction === 'out' ? model?.to : model?.from) ?? [];
  return ends.filter((label) => scope.schema.getType(label));
}

/** The plan of one link field's items, whose selection is `selectionSets`. */
export function linkPlan(scope: Scope, binding: LinkBinding, selectionSets: readonly SelectionSetNode[], depth: number): LinkPlan {
  const base = { relationship: binding.relationship, direction: binding.direction };
  const otherTypes = otherEndTypes(scope, binding);
  if (binding.returns === 'node') {
    return { ...base, edgeKeys: [], node: nodePlan(scope, otherTypes, selectionSets, depth) };
  }
  // An edge type: its own properties, and the node at the far end read along with it.
  const edgeType = linkTargetType(binding) ?? '';
  const bindings = FIELD_BINDINGS[edgeType] ?? {};
  const farEnd = binding.direction === 'out' ? 'end' : 'start';
  let edgeKeys: Projected = [];
  let node: NodePlan = otherTypes.length === 1 && otherTypes[0] ? { ...EMPTY_PLAN, label: otherTypes[0] } : EMPTY_PLAN;
  for (const [fieldName, fieldNodes] of collectFields(scope, selectionSets, edgeType)) {
    const field = bindings[fieldName];
    if (!field) continue;
    if (field.kind === 'property' || field.kind === 'computed') edgeKeys = mergeKeys(edgeKeys, field.keys);
    else if (field.kind === 'all') edgeKeys = '*';
    else if (field.kind === 'endpoint' && field.end === farEnd) {
      node = mergePlans(node, nodePlan(scope, otherTypes, subSelections(fieldNodes), depth));
    }
  }
  return { ...base, edgeKeys, node };
}

const planCache = new WeakMap<FieldNode, Map<string, NodePlan | LinkPlan>>();

/** A plan built once per field node, parent type and key (Apollo keeps parsed documents across requests). */
function cached<Plan extends NodePlan | LinkPlan>(info: GraphQLResolveInfo, key: string, build: (scope: Scope) => Plan): Plan {
  const anchor = info.fieldNodes[0];
  if (!anchor) return build({ schema: info.schema, fragments: info.fragments });
  let plans = planCache.get(anchor);
  if (!plans) {
    plans = new Map();
    planCache.set(anchor, plans);
  }
  // Several field nodes (the same field selected twice) make a different plan than the first alone.
  const fullKey = `${info.parentType.name}.${key}#${info.fieldNodes.length}`;
  let plan = plans.get(fullKey) as Plan | undefined;
  if (!plan) {
    plan = build({ schema: info.schema, fragments: info.fragments });
    plans.set(fullKey, plan);
  }
  return plan;
}

/**
 * The plan of the nodes a field returns, found at `path` inside its selection
 * (e.g. ['nodes'] and ['edges', 'node'] of a connection, ['node'] of search hits).
 */
export function planAt(info: GraphQLResolveInfo, ...paths: string[][]): NodePlan {
  return cached(info, paths.map((path) => path.join('.')).join('|'), (scope) => {
    let plan = EMPTY_PLAN;
    const returnType = getNamedType(info.returnType);
    for (const path of paths) {
      let types: string[] = [returnType.name];
      let selections: SelectionSetNode[] = subSelections(info.fieldNodes);
      for (const step of path) {
        const owner = types[0] ? scope.schema.getType(types[0]) : undefined;
        const field = owner && isObjectType(owner) ? owner.getFields()[step] : undefined;
        if (!field) {
          selections = [];
          break;
        }
        const fields = types.flatMap((type) => collectFields(scope, selections, type).get(step) ?? []);
        selections = subSelections(fields);
        types = concreteTypes(scope, getNamedType(field.type));
      }
      if (path.length === 0) types = concreteTypes(scope, returnType);
      plan = mergePlans(plan, nodePlan(scope, types, selections, 0));
    }
    return plan;
  });
}

/** The plan of the node a field resolves to (its own selection). */
export function planOf(info: GraphQLResolveInfo): NodePlan {
  return planAt(info, []);
}

/** The plan of a link field's items, from the binding that backs the field. */
export function linkPlanOf(info: GraphQLResolveInfo, binding: LinkBinding): LinkPlan {
  return cached(info, `link:${binding.relationship}:${binding.direction}`, (scope) =>
    linkPlan(scope, binding, subSelections(info.fieldNodes), 0),
  );
}

/** The plan of GraphNode records (neighbourhood, paths) found at `path` inside the field's selection. */
export function graphNodePlanAt(info: GraphQLResolveInfo, path: string[]): NodePlan {
  return cached(info, `graph:${path.join('.')}`, (scope) => {
    let types: string[] = [getNamedType(info.returnType).name];
    let selections: SelectionSetNode[] = subSelections(info.fieldNodes);
    for (const step of path) {
      const fields = types.flatMap((type) => collectFields(scope, selections, type).get(step) ?? []);
      selections = subSelections(fields);
      types = ['GraphNode'];
    }
    const fields = collectFields(scope, selections, 'GraphNode');
    let plan: NodePlan = EMPTY_PLAN;
    if (fields.has('label')) plan = { ...plan, perLabel: ['display'] };
    if (fields.has('properties')) plan = { ...plan, keys: '*' };
    const typed = fields.get('node');
    if (typed) {
      const nodeType = scope.schema.getType('Node');
      const all = nodeType ? concreteTypes(scope, nodeType) : [];
      plan = mergePlans(plan, { keys: nodePlan(scope, all, subSelections(typed), LOOKAHEAD_DEPTH).keys, links: [] });
    }
    return plan;
  });
}

/** Relationship properties GraphEdge records need at `path` ('*' when `properties` is selected). */
export function graphEdgeKeysAt(info: GraphQLResolveInfo, path: string[]): Projected {
  const plan = cached(info, `graph-edges:${path.join('.')}`, (scope) => {
    let types: string[] = [getNamedType(info.returnType).name];
    let selections: SelectionSetNode[] = subSelections(info.fieldNodes);
    for (const step of path) {
      const fields = types.flatMap((type) => collectFields(scope, selections, type).get(step) ?? []);
      selections = subSelections(fields);
      types = ['GraphEdge'];
    }
    return { keys: collectFields(scope, selections, 'GraphEdge').has('properties') ? '*' : [], links: [] };
  });
  return plan.keys;
}
