import { buildSchema, getIntrospectionQuery, GraphQLError, parse, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkLimits,
  checkRequestShape,
  DEFAULT_BUDGET,
  LIST_FACTOR,
  MAX_ALIASES,
  MAX_COST,
  MAX_DEPTH,
  MAX_DOCUMENT_NESTING,
  MAX_STATEMENTS,
  MAX_VARIABLE_NESTING,
  measureOperation,
  RequestShapeError,
  textNesting,
  valueNesting,
  type Budget,
} from '../../../src/api/limits.js';
import { SCHEMA_PATH } from '../../../src/api/schema.js';

const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));

function measure(query: string, variables: Record<string, unknown> = {}, budget: Budget = DEFAULT_BUDGET) {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition') as OperationDefinitionNode;
  return measureOperation(schema, document, operation, variables, budget);
}

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions['code'];
  }
  return 'no error';
}

/** F0 spreads F1 twice, F1 spreads F2 twice, …: 2^levels spreads when expanded. */
function fragmentBomb(levels: number): string {
  const fragments = [];
  for (let level = 0; level < levels; level += 1) {
    fragments.push(`fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`);
  }
  fragments.push(`fragment F${levels} on Query { dataset { version } }`);
  return `{ ...F0 }\n${fragments.join('\n')}`;
}

describe('operation depth and cost', () => {
  it('count levels of fields and multiply below lists by first', () => {
    expect(measure('{ goodPractice(number: 1) { title } }')).toMatchObject({ depth: 2, cost: 2, statements: 1 });
    // goodPractices(first: 2): 1 + 2 * (nodes: 1 + 1 * title)
    expect(measure('{ goodPractices(first: 2) { nodes { title } } }')).toMatchObject({ depth: 3, cost: 5 });
    // default first (25) from the schema, and variables
    expect(measure('{ goodPractices { totalCount } }').cost).toBe(26);
    expect(measure('query ($n: Int) { goodPractices(first: $n) { totalCount } }', { n: 4 }).cost).toBe(5);
    // a list without first counts LIST_FACTOR rows
    expect(measure('{ goodPractice(number: 1) { steps { text } } }').cost).toBe(1 + 1 + LIST_FACTOR * 1);
  });

  it('count a null or absent first as the default the resolver really uses', () => {
    expect(measure('{ goodPractices(first: null) { totalCount } }').cost).toBe(26);
    expect(measure('query ($n: Int) { goodPractices(first: $n) { totalCount } }').cost).toBe(26);
    expect(measure('query ($n: Int) { goodPractices(first: $n) { totalCount } }', { n: null }).cost).toBe(26);
    expect(measure('query ($n: Int = 7) { goodPractices(first: $n) { totalCount } }').cost).toBe(8);
    expect(measure('{ search(query: "x", first: null) { score } }').cost).toBe(21);
  });

  it('follow fragments and inline fragments', () => {
    const query = `{ node(id: "gp:1") { id ... on GoodPractice { ...Steps } } }
      fragment Steps on GoodPractice { steps { text } }`;
    expect(measure(query)).toMatchObject({ depth: 3, cost: 1 + (1 + 1 + LIST_FACTOR) });
  });

  it('keep the deep query over all 25 practices inside the limits', () => {
    const deep = measure(`{ goodPractices(first: 25) { nodes { actors { actor { name } } citations { instrument { title } }
      examples { organizations { name } } references { to { title } } } } }`);
    expect(deep.depth).toBe(5);
    expect(() => checkLimits(deep)).not.toThrow();
  });

  it('count introspection apart, so GraphiQL can load the schema once but not many times', () => {
    const once = measure(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }));
    expect(once.depth).toBe(0);
    expect(once.introspectionCost).toBeGreaterThan(10_000);
    expect(() => checkLimits(once)).not.toThrow();
    const body = getIntrospectionQuery().replace(/^\s*query IntrospectionQuery \{\s*__schema/, '').replace(/\}\s*fragment[\s\S]*$/, '');
    const fragments = getIntrospectionQuery().slice(getIntrospectionQuery().indexOf('fragment'));
    const aliased = `{ a: __schema ${body} b: __schema ${body} c: __schema ${body} }\n${fragments}`;
    expect(codeOf(() => measure(aliased))).toBe('BAD_USER_INPUT');
    let nested = 'name';
    for (let level = 0; level < 6; level += 1) nested = `fields { type { ${nested} } }`;
    expect(codeOf(() => measure(`{ __type(name: "Query") { ${nested} } }`))).toBe('BAD_USER_INPUT');
  });

  it('reject too deep and too costly queries with BAD_USER_INPUT', () => {
    let nested = 'name';
    for (let level = 0; level < MAX_DEPTH; level += 1) nested = `broader { ${nested} }`;
    const tooDeep = measure(`{ actor(id: "actor:police") { ${nested} } }`);
    expect(tooDeep.depth).toBeGreaterThan(MAX_DEPTH);
    expect(() => checkLimits(tooDeep)).toThrow(GraphQLError);

    const costly = `{ goodPractices(first: 100) { nodes { steps { practices { steps { practices { title } } } } } } }`;
    expect(codeOf(() => measure(costly))).toBe('BAD_USER_INPUT');
    expect(() => measure(costly)).toThrow(String(MAX_COST));
  });

  it('measure each fragment once: a 60-level fragment bomb is measured in one pass', () => {
    // With an unlimited budget the walk must finish: without the memo it would take 2^60 steps.
    const unlimited: Budget = { ...DEFAULT_BUDGET, maxCost: Number.MAX_SAFE_INTEGER, maxIntrospectionCost: Number.MAX_SAFE_INTEGER, maxStatements: Number.MAX_SAFE_INTEGER };
    const measured = measure(fragmentBomb(60), {}, unlimited);
    expect(measured.cost).toBe(Number.MAX_SAFE_INTEGER);
    // With the real budget it is refused.
    expect(codeOf(() => measure(fragmentBomb(60)))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => measure(fragmentBomb(8)))).toBe('BAD_USER_INPUT');
  });

  it('cap aliases of one field and the statements of a request', () => {
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: search(query: "x${index}") { score }`).join(' ')} }`;
    expect(() => measure(aliases(MAX_ALIASES))).not.toThrow();
    expect(codeOf(() => measure(aliases(MAX_ALIASES + 1)))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => measure(aliases(1000)))).toBe('BAD_USER_INPUT');
    // Aliases spread over fragments still add up as statements.
    const spread = Array.from({ length: 7 }, (_, index) => `fragment S${index} on Query { ${Array.from({ length: 10 }, (_, alias) => `s${index}_${alias}: search(query: "y") { score }`).join(' ')} }`);
    const query = `{ ${spread.map((_, index) => `...S${index}`).join(' ')} }\n${spread.join('\n')}`;
    expect(() => measure(query)).toThrow(String(MAX_STATEMENTS));
  });
});

describe('request shape, before parsing', () => {
  it('measure nesting of text and values without recursion', () => {
    expect(textNesting('{ a { b(x: [1, {y: 2}]) } }')).toBe(5);
    expect(textNesting('{ a(s: "{{{{") # {{{{\n }')).toBe(2);
    expect(textNesting('['.repeat(100_000), 10)).toBe(11);
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) deep = { a: deep };
    expect(valueNesting(deep, 10)).toBe(11);
    expect(valueNesting({ a: [1, { b: 2 }] })).toBe(3);
  });

  it('refuse deeply nested documents and variables', () => {
    const nestedFragments = `{ ${'... on Query { '.repeat(3_000)}dataset { version }${' }'.repeat(3_000)} }`;
    expect(() => checkRequestShape(nestedFragments, {})).toThrow(RequestShapeError);
    expect(() => checkRequestShape(`{ ${'a { '.repeat(MAX_DOCUMENT_NESTING)} }`, {})).toThrow(RequestShapeError);
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(() => checkRequestShape('{ dataset { version } }', { v: deep })).toThrow(/variables/);
    expect(() => checkRequestShape('{ dataset { version } }', `{"v":${'['.repeat(MAX_VARIABLE_NESTING + 1)}${']'.repeat(MAX_VARIABLE_NESTING + 1)}}`)).toThrow(/variables/);
    expect(() => checkRequestShape('{ dataset { version } }', { filter: { actor: 'x' } })).not.toThrow();
    expect(() => checkRequestShape('x'.repeat(50_000), {})).toThrow(/characters/);
  });
});
