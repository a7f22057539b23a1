// Query depth and cost limits, checked once the operation is known and before
// anything runs. Cost estimates the rows a request may touch: each field costs
// 1, and the fields below a list are multiplied by its size (`first` when
// given, else LIST_FACTOR). Introspection (`__schema`, `__type`) is not counted.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApiContext } from './context.js';
import { badUserInput } from './errors.js';
import { DEFAULT_PAGE_SIZE } from './pagination.js';

export const MAX_DEPTH = 10;
export const MAX_COST = 50_000;
/** Assumed size of a list field without `first`. */
export const LIST_FACTOR = 10;

export interface OperationMeasure {
  depth: number;
  cost: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function sizeArgument(walk: Walk, field: FieldNode, definition: GraphQLField<unknown, unknown>, name: 'first' | 'last'): number | null {
  const argument = definition.args.find((candidate) => candidate.name === name);
  if (!argument) return null;
  const given = field.arguments?.find((candidate) => candidate.name.value === name);
  const value = given ? valueFromAST(given.value, argument.type, walk.variables) : argument.defaultValue;
  return typeof value === 'number' && value >= 0 ? value : null;
}

/** Rows a field may return: `first` or `last` (the larger), 25 for a connection given neither, else null. */
function firstArgument(walk: Walk, field: FieldNode, definition: GraphQLField<unknown, unknown>): number | null {
  const first = sizeArgument(walk, field, definition, 'first');
  const last = sizeArgument(walk, field, definition, 'last');
  if (first === null && last === null) return definition.args.some((argument) => argument.name === 'last') ? DEFAULT_PAGE_SIZE : null;
  return Math.max(first ?? 0, last ?? 0);
}

function measureSelections(walk: Walk, selectionSet: SelectionSetNode, parent: GraphQLCompositeType, visited: Set<string>): OperationMeasure {
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith('__')) continue;
      const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      if (!definition) {
        cost += 1;
        depth = Math.max(depth, 1);
        continue;
      }
      let childCost = 0;
      let childDepth = 0;
      const named = getNamedType(definition.type);
      if (selection.selectionSet && isCompositeType(named)) {
        const child = measureSelections(walk, selection.selectionSet, named, visited);
        childCost = child.cost;
        childDepth = child.depth;
      }
      const isList = isListType(getNullableType(definition.type));
      // The lists of a connection are already sized by the connection's `first`.
      const insideConnection = parent.name.endsWith('Connection');
      const multiplier = firstArgument(walk, selection, definition) ?? (isList && !insideConnection ? LIST_FACTOR : 1);
      cost += 1 + multiplier * childCost;
      depth = Math.max(depth, 1 + childDepth);
    } else {
      const fragment =
        selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const key = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
      if (key !== null && visited.has(key)) continue;
      const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : parent;
      const type = condition && isCompositeType(condition) ? condition : parent;
      const inner = measureSelections(walk, fragment.selectionSet, type, key === null ? visited : new Set([...visited, key]));
      cost += inner.cost;
      depth = Math.max(depth, inner.depth);
    }
  }
  return { depth, cost };
}

/** Depth (levels of fields) and estimated cost of one operation. */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return { depth: 0, cost: 0 };
  return measureSelections({ schema, fragments, variables }, operation.selectionSet, root, new Set());
}

export function checkLimits(measure: OperationMeasure, maxDepth = MAX_DEPTH, maxCost = MAX_COST): void {
  if (measure.depth > maxDepth) {
    throw badUserInput(`The query is ${measure.depth} levels deep; at most ${maxDepth} are allowed`, { depth: measure.depth, maxDepth });
  }
  if (measure.cost > maxCost) {
    throw badUserInput(`The query's estimated cost is ${measure.cost}; at most ${maxCost} is allowed (lower \`first\` or select fewer lists)`, {
      cost: measure.cost,
      maxCost,
    });
  }
}

/** Rejects too deep or too costly operations with BAD_USER_INPUT before they run. */
export function limitsPlugin(options: { maxDepth?: number; maxCost?: number } = {}): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const measure = measureOperation(schema, document, operation, request.variables ?? {});
          checkLimits(measure, options.maxDepth, options.maxCost);
        },
      };
    },
  };
}
