// What one GraphQL request may ask for, checked before anything runs.
//
// Two stages:
// 1. checkRequestShape, on the raw request before parsing: document length,
//    nesting of the document text and of the variables. Both are scanned
//    without recursion, so a 100k-level nesting cannot overflow the stack of
//    the parser, the validator or the walk below.
// 2. measureOperation, once the operation is validated: ONE walk over the
//    operation in which every named fragment is measured once and reused at
//    each spread, so its time is linear in the document size whatever the
//    spreads multiply. The walk stops as soon as the cost budget or the
//    statement budget is exceeded.
//
// Cost estimates the rows a request may touch: each field costs 1 and the
// fields below a list are multiplied by its size: `first` when given, the
// default the resolver really uses when it is null or absent, else
// LIST_FACTOR. Introspection counts the same way, against its own budget
// (GraphiQL's schema query alone estimates ~50,000): it never touches Neo4j,
// but its answers are large, so aliased or nested introspection is refused.
// Statements
// estimate the Cypher statements: every field that returns an object, and
// every root field, may send one; the root fields each send their own, so
// aliases of one field are capped too.
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import {
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApiContext } from './context.js';
import { badUserInput } from './errors.js';
import { DEFAULT_PAGE_SIZE } from './pagination.js';

/** Levels of fields below the root (introspection excluded: its depth is the schema's own). */
export const MAX_DEPTH = 10;
/** Estimated rows a request may touch. */
export const MAX_COST = 50_000;
/** Assumed size of a list field without `first`. */
export const LIST_FACTOR = 10;
/** Estimated rows of introspection (the standard introspection query is about 50,000). */
export const MAX_INTROSPECTION_COST = 120_000;
/** Estimated Cypher statements one request may send. */
export const MAX_STATEMENTS = 60;
/** Selections of one field (aliases) in one selection set. */
export const MAX_ALIASES = 10;
/** Characters of the document text. */
export const MAX_DOCUMENT_LENGTH = 20_000;
/** Lexical tokens of the document (graphql-js stops parsing beyond this). */
export const MAX_TOKENS = 3_000;
/** Nesting of braces, brackets and parentheses in the document text. */
export const MAX_DOCUMENT_NESTING = 32;
/** Nesting of objects and arrays in the variables. */
export const MAX_VARIABLE_NESTING = 8;

export interface OperationMeasure {
  depth: number;
  cost: number;
  introspectionCost: number;
  statements: number;
}

const NOTHING: OperationMeasure = { depth: 0, cost: 0, introspectionCost: 0, statements: 0 };

export interface Budget {
  maxDepth: number;
  maxCost: number;
  maxIntrospectionCost: number;
  maxStatements: number;
  maxAliases: number;
}

export const DEFAULT_BUDGET: Budget = { maxDepth: MAX_DEPTH, maxCost: MAX_COST, maxIntrospectionCost: MAX_INTROSPECTION_COST, maxStatements: MAX_STATEMENTS, maxAliases: MAX_ALIASES };

/** Over budget: thrown as soon as the walk knows, caught by checkOperation. */
class OverBudget extends Error {
  constructor(readonly what: 'cost' | 'introspection' | 'statements') {
    super(what);
  }
}

interface Walk {
  schema: GraphQLSchema;
  root: GraphQLCompositeType;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  budget: Budget;
  /** Measures of named fragments, each computed once; null while one is being measured (a cycle counts 0). */
  memo: Map<string, OperationMeasure | null>;
}

function sizeArgument(walk: Walk, field: FieldNode, definition: GraphQLField<unknown, unknown>, name: 'first' | 'last'): number | null {
  const argument = definition.args.find((candidate) => candidate.name === name);
  if (!argument) return null;
  const given = field.arguments?.find((candidate) => candidate.name.value === name);
  const value = given ? valueFromAST(given.value, argument.type, walk.variables) : undefined;
  // An explicit null, or a null or absent variable: the resolver falls back to the schema's default.
  const used = value ?? argument.defaultValue;
  return typeof used === 'number' && Number.isFinite(used) && used >= 0 ? used : null;
}

/**
 * Rows a field may return: `first` or `last` (the larger); for a connection
 * given neither, the page size its resolver uses; for another field with a
 * `first` argument but no value, LIST_FACTOR; else null.
 */
function firstArgument(walk: Walk, field: FieldNode, definition: GraphQLField<unknown, unknown>): number | null {
  const first = sizeArgument(walk, field, definition, 'first');
  const last = sizeArgument(walk, field, definition, 'last');
  if (first !== null || last !== null) return Math.max(first ?? 0, last ?? 0);
  if (definition.args.some((argument) => argument.name === 'last')) return DEFAULT_PAGE_SIZE;
  return definition.args.some((argument) => argument.name === 'first') ? LIST_FACTOR : null;
}

/** Sum that saturates, so exponential spreads never produce Infinity or lose precision. */
function add(a: number, b: number): number {
  return Math.min(a + b, Number.MAX_SAFE_INTEGER);
}

function multiply(a: number, b: number): number {
  return Math.min(a * b, Number.MAX_SAFE_INTEGER);
}

function checkAliases(walk: Walk, selectionSet: SelectionSetNode): void {
  const counts = new Map<string, number>();
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const count = (counts.get(selection.name.value) ?? 0) + 1;
    counts.set(selection.name.value, count);
    if (count > walk.budget.maxAliases) {
      throw badUserInput(`The field "${selection.name.value}" is selected more than ${walk.budget.maxAliases} times in one selection set; at most ${walk.budget.maxAliases} aliases per field are allowed`, {
        field: selection.name.value,
        maxAliases: walk.budget.maxAliases,
      });
    }
  }
}

/**
 * Measure of a selection set under `parent`. `scale` is the product of the
 * list sizes above it: the set's cost times `scale` is part of the
 * operation's cost, so exceeding the budget is known without finishing.
 */
function measureSelections(walk: Walk, selectionSet: SelectionSetNode, parent: GraphQLCompositeType, scale: number, inIntrospection: boolean): OperationMeasure {
  checkAliases(walk, selectionSet);
  let depth = 0;
  let cost = 0;
  let introspectionCost = 0;
  let statements = 0;
  const addInner = (inner: OperationMeasure) => {
    cost = add(cost, inner.cost);
    introspectionCost = add(introspectionCost, inner.introspectionCost);
    statements = add(statements, inner.statements);
    depth = Math.max(depth, inner.depth);
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      const type = definition?.type ?? introspectionType(walk.schema, name);
      if (!type) {
        // __typename, or a field validation already refused.
        cost = add(cost, 1);
        continue;
      }
      const introspection = inIntrospection || name.startsWith('__');
      const named = getNamedType(type);
      const isList = isListType(getNullableType(type));
      // The lists of a connection are already sized by the connection's `first`.
      const insideConnection = parent.name.endsWith('Connection');
      const multiplier = (definition ? firstArgument(walk, selection, definition) : null) ?? (isList && !insideConnection ? LIST_FACTOR : 1);
      let child = NOTHING;
      if (selection.selectionSet && isCompositeType(named)) {
        child = measureSelections(walk, selection.selectionSet, named, multiply(scale, multiplier), introspection);
      }
      const subtotal = add(1, multiply(multiplier, child.cost));
      if (introspection && !inIntrospection) {
        // __schema or __type: everything below is introspection, kept apart.
        introspectionCost = add(introspectionCost, subtotal);
      } else {
        cost = add(cost, subtotal);
      }
      if (!introspection) {
        depth = Math.max(depth, 1 + child.depth);
        const sendsStatement = parent === walk.root || isCompositeType(named);
        statements = add(statements, add(sendsStatement ? 1 : 0, child.statements));
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      const type = condition && isCompositeType(condition) ? condition : parent;
      addInner(measureSelections(walk, selection.selectionSet, type, scale, inIntrospection));
    } else {
      addInner(measureFragment(walk, selection.name.value, scale, inIntrospection));
    }
    if (multiply(cost, scale) > (inIntrospection ? walk.budget.maxIntrospectionCost : walk.budget.maxCost)) {
      throw new OverBudget(inIntrospection ? 'introspection' : 'cost');
    }
    if (introspectionCost > walk.budget.maxIntrospectionCost) throw new OverBudget('introspection');
    if (statements > walk.budget.maxStatements) throw new OverBudget('statements');
  }
  return { depth, cost, introspectionCost, statements };
}

/** A named fragment's measure, computed at its first spread and reused at every other. */
function measureFragment(walk: Walk, name: string, scale: number, inIntrospection: boolean): OperationMeasure {
  const known = walk.memo.get(name);
  if (known !== undefined) return known ?? NOTHING;
  const fragment = walk.fragments.get(name);
  if (!fragment) return NOTHING;
  walk.memo.set(name, null);
  const type = walk.schema.getType(fragment.typeCondition.name.value);
  const measure = isCompositeType(type) ? measureSelections(walk, fragment.selectionSet, type, scale, inIntrospection) : NOTHING;
  walk.memo.set(name, measure);
  return measure;
}

/** Types of the introspection fields that are not on the schema's own types (`__schema`, `__type`). */
function introspectionType(schema: GraphQLSchema, name: string) {
  if (name === '__schema') return schema.getType('__Schema') ?? undefined;
  if (name === '__type') return schema.getType('__Type') ?? undefined;
  return undefined;
}

function coercedVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  // Invalid variables fail at execution with their own error; measure with what was sent.
  return coerced.coerced ?? variables;
}

/**
 * Depth, estimated cost and estimated statements of one operation. Throws
 * BAD_USER_INPUT as soon as the cost or statement budget is exceeded (the
 * returned measure is then partial and not needed), or when a field has too
 * many aliases.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  budget: Budget = DEFAULT_BUDGET,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return NOTHING;
  const walk: Walk = { schema, root, fragments, variables: coercedVariables(schema, operation, variables), budget, memo: new Map() };
  try {
    return measureSelections(walk, operation.selectionSet, root, 1, false);
  } catch (error) {
    if (error instanceof OverBudget) throw overBudgetError(error.what, budget);
    throw error;
  }
}

function overBudgetError(what: 'cost' | 'introspection' | 'statements', budget: Budget) {
  if (what === 'introspection') {
    return badUserInput(`The query's introspection is estimated beyond ${budget.maxIntrospectionCost} rows, the most allowed (ask for the schema once, without aliases or nested type lists)`, {
      maxIntrospectionCost: budget.maxIntrospectionCost,
    });
  }
  if (what === 'cost') {
    return badUserInput(`The query's estimated cost exceeds ${budget.maxCost}, the most allowed (lower \`first\`, select fewer lists or fewer fragments)`, {
      maxCost: budget.maxCost,
    });
  }
  return badUserInput(`The query would send more than ${budget.maxStatements} database statements, the most allowed (select fewer root fields, aliases or nested lists)`, {
    maxStatements: budget.maxStatements,
  });
}

export function checkLimits(measure: OperationMeasure, budget: Budget = DEFAULT_BUDGET): void {
  if (measure.depth > budget.maxDepth) {
    throw badUserInput(`The query is ${measure.depth} levels deep; at most ${budget.maxDepth} are allowed`, { depth: measure.depth, maxDepth: budget.maxDepth });
  }
  if (measure.cost > budget.maxCost) throw overBudgetError('cost', budget);
  if (measure.introspectionCost > budget.maxIntrospectionCost) throw overBudgetError('introspection', budget);
  if (measure.statements > budget.maxStatements) throw overBudgetError('statements', budget);
}

/** Rejects too deep, too costly or too chatty operations with BAD_USER_INPUT before they run. */
export function limitsPlugin(budget: Partial<Budget> = {}): ApolloServerPlugin<ApiContext> {
  const full = { ...DEFAULT_BUDGET, ...budget };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const measure = measureOperation(schema, document, operation, request.variables ?? {}, full);
          checkLimits(measure, full);
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------
// Stage 1: the raw request, before parsing.

export class RequestShapeError extends Error {
  override name = 'RequestShapeError';
}

/**
 * Deepest nesting of {, [ and ( in a GraphQL document or JSON text, outside
 * strings and comments; stops counting once `limit` is exceeded.
 */
export function textNesting(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let inComment = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inComment) {
      if (char === 10 || char === 13) inComment = false;
    } else if (inString) {
      if (char === 92) index += 1; // backslash escapes the next character
      else if (char === 34) inString = false;
    } else if (char === 34) {
      inString = true;
    } else if (char === 35) {
      inComment = true; // GraphQL comment; JSON has no # outside strings
    } else if (char === 123 || char === 91 || char === 40) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (char === 125 || char === 93 || char === 41) {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/** Deepest nesting of objects and arrays in a parsed JSON value, without recursion; stops past `limit`. */
export function valueNesting(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    const level = depth + 1;
    if (level > deepest) {
      deepest = level;
      if (deepest > limit) return deepest;
    }
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, level]);
    }
  }
  return deepest;
}

/**
 * Checks the document text and the variables of a request (POST body or GET
 * parameters) before they are parsed; throws RequestShapeError with a message
 * for the client.
 */
export function checkRequestShape(query: unknown, variables: unknown): void {
  if (typeof query === 'string') {
    if (query.length > MAX_DOCUMENT_LENGTH) {
      throw new RequestShapeError(`The query has ${query.length} characters; at most ${MAX_DOCUMENT_LENGTH} are allowed`);
    }
    if (textNesting(query, MAX_DOCUMENT_NESTING) > MAX_DOCUMENT_NESTING) {
      throw new RequestShapeError(`The query nests selections, arguments or lists more than ${MAX_DOCUMENT_NESTING} levels deep`);
    }
  }
  // Variables arrive as JSON text in GET parameters and as parsed JSON in POST bodies.
  const nesting = typeof variables === 'string' ? textNesting(variables, MAX_VARIABLE_NESTING + 1) : valueNesting(variables, MAX_VARIABLE_NESTING + 1);
  // The variables object itself is one level.
  if (nesting > MAX_VARIABLE_NESTING + 1) {
    throw new RequestShapeError(`The variables nest objects or lists more than ${MAX_VARIABLE_NESTING} levels deep`);
  }
}

/** Express middleware in front of the GraphQL endpoint: refuses a badly shaped request with 400 before Apollo parses it. */
export function requestShapeGuard(): RequestHandler {
  return (request, response, next) => {
    const body = (request.method === 'GET' ? request.query : request.body) as Record<string, unknown> | undefined;
    try {
      if (body && typeof body === 'object' && !Array.isArray(body)) checkRequestShape(body['query'], body['variables']);
      next();
    } catch (error) {
      if (!(error instanceof RequestShapeError)) throw error;
      response.status(400).json({ errors: [{ message: error.message, extensions: { code: 'BAD_USER_INPUT' } }] });
    }
  };
}
