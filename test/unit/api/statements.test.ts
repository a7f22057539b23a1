// Statement tests in the style of the neo4j/graphql library's TCK: each root
// field and filter is run in-process against a recording reader, and the full
// Cypher text and parameters it sends are compared with the reviewed ones.
import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { connectionKey, encodeCursor } from '../../../src/api/pagination.js';
import { contextFor, type ApiContext } from '../../../src/api/context.js';
import { resolvers } from '../../../src/api/resolvers/index.js';
import { readTypeDefs } from '../../../src/api/schema.js';
import { RecordingGraphReader, type RecordedStatement } from '../../../src/graph/reader.js';

const server = new ApolloServer<ApiContext>({ typeDefs: readTypeDefs(), resolvers });

/** The statements an operation sends, with parameters as plain values (driver Integers as numbers). */
async function statementsOf(query: string, variables: Record<string, unknown> = {}): Promise<RecordedStatement[]> {
  const reader = new RecordingGraphReader();
  const response = await server.executeOperation({ query, variables }, { contextValue: contextFor(reader) });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  const errors = response.body.singleResult.errors ?? [];
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  return reader.statements.map(({ cypher, parameters }) => ({ cypher, parameters: JSON.parse(JSON.stringify(parameters, plain)) }));
}

function plain(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && 'low' in value && 'high' in value) return Number((value as { low: number }).low);
  return value;
}

/** Every string a client gave travels as a parameter: none appears in any statement's text. */
function expectNoSplicedValues(statements: RecordedStatement[], values: string[]): void {
  for (const statement of statements) for (const value of values) expect(statement.cypher.toLowerCase()).not.toContain(value.toLowerCase());
}

describe('statements of root fields', () => {
  it('goodPractice: one statement reading the page with its levels below', async () => {
    const statements = await statementsOf(
      '{ goodPractice(number: 3) { number title steps { number text } actors { text actor { name } } citations { instrument { title } } } }',
    );
    expect(statements).toMatchInlineSnapshot(`
      [
        {
          "cypher": "UNWIND $numbers AS number
      MATCH (x:GoodPractice {number: number})
      RETURN x{.id, .number, .title, __link0: COLLECT { MATCH (x)-[r1:CITES]->(o1) WITH r1, o1 ORDER BY r1.order RETURN {edge: r1{}, node: o1{.id, .title}} }, __link1: COLLECT { MATCH (x)-[r1:HAS_STEP]->(o1) WITH r1, o1 ORDER BY r1.order RETURN {edge: r1{}, node: o1{.id, .number, .text}} }, __link2: COLLECT { MATCH (x)-[r1:MENTIONS_ACTOR]->(o1) WITH r1, o1 ORDER BY r1.order RETURN {edge: r1{.text}, node: o1{.id, .name}} }} AS x",
          "parameters": {
            "numbers": [
              3,
            ],
          },
        },
      ]
    `);
  });

  it('goodPractices with every filter: values only as parameters', async () => {
    const filter = {
      area: 'zqarea',
      actor: 'zqactor',
      instrument: 'zqinstrument words',
      country: 'zqcountry',
      organization: 'zqorganization',
      text: 'zqtext',
      referencesPractice: 14,
      referencedByPractice: 16,
    };
    const statements = await statementsOf(
      'query ($filter: GoodPracticeFilter) { goodPractices(filter: $filter, first: 10) { totalCount nodes { number title } } }',
      { filter },
    );
    expectNoSplicedValues(statements, ['zqarea', 'zqactor', 'zqinstrument', 'zqcountry', 'zqorganization', 'zqtext']);
    expect(statements).toMatchInlineSnapshot(`
      [
        {
          "cypher": "CALL {
        CALL db.index.fulltext.queryNodes('practice_text', $text) YIELD node RETURN node.id AS practiceId
        UNION
        CALL db.index.fulltext.queryNodes('key_action_text', $text) YIELD node
        MATCH (gp:GoodPractice)-[:HAS_KEY_ACTION]->(node) RETURN gp.id AS practiceId
        UNION
        CALL db.index.fulltext.queryNodes('step_text', $text) YIELD node
        MATCH (gp:GoodPractice)-[:HAS_STEP]->(node) RETURN gp.id AS practiceId
        UNION
        CALL db.index.fulltext.queryNodes('example_text', $text) YIELD node
        MATCH (gp:GoodPractice)-[:HAS_EXAMPLE]->(node) RETURN gp.id AS practiceId
      }
      WITH collect(practiceId) AS textMatches
      MATCH (n:GoodPractice)
      WHERE (EXISTS { MATCH (area:Area)-[:HAS_PRACTICE]->(n) WHERE toLower(area.title) CONTAINS $area })
        AND (EXISTS { MATCH (n)-[m:MENTIONS_ACTOR]->(a:Actor) WHERE toLower(a.name) CONTAINS $actor
          OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) CONTAINS $actor)
          OR toLower(coalesce(m.text, '')) CONTAINS $actor })
        AND (EXISTS { MATCH (n)-[:CITES]->(i:Instrument) WHERE toLower(coalesce(i.shortName, '')) CONTAINS $instrument
          OR toLower(coalesce(i.symbol, '')) CONTAINS $instrument
          OR any(alias IN coalesce(i.aliases, []) WHERE toLower(alias) CONTAINS $instrument)
          OR all(word IN $instrumentWords WHERE toLower(i.title) CONTAINS word) })
        AND (EXISTS { MATCH (n)-[:HAS_EXAMPLE]->(:Example)-[:LOCATED_IN]->(c:Country) WHERE toLower(c.name) = $country OR c.id = $country })
        AND (EXISTS { MATCH (n)-[:HAS_EXAMPLE]->(:Example)-[:RUN_BY]->(o:Organization)
          WHERE toLower(o.name) = $organization OR o.id = $organization
            OR any(alias IN coalesce(o.aliases, []) WHERE toLower(alias) = $organization) })
        AND (n.id IN textMatches)
        AND (EXISTS { MATCH (n)-[:REFERENCES]->(:GoodPractice {number: $referencesPractice}) })
        AND (EXISTS { MATCH (:GoodPractice {number: $referencedByPractice})-[:REFERENCES]->(n) })
      WITH n ORDER BY n.number
      WITH collect(n) AS matching
      WITH size(matching) AS total, matching, $start AS start, CASE WHEN $end IS NULL OR $end > size(matching) THEN size(matching) ELSE $end END AS end
      WITH total, matching, start, CASE WHEN $first IS NOT NULL AND start + $first < end THEN start + $first ELSE end END AS end
      WITH total, matching, CASE WHEN $last IS NOT NULL AND end - $last > start THEN end - $last ELSE start END AS start, end
      RETURN total, start, [x IN matching[start..end] | x{.id, .number, .title}] AS page",
          "parameters": {
            "actor": "zqactor",
            "area": "zqarea",
            "country": "zqcountry",
            "end": null,
            "first": 10,
            "instrument": "zqinstrument words",
            "instrumentWords": [
              "zqinstrument",
              "words",
            ],
            "last": null,
            "organization": "zqorganization",
            "referencedByPractice": 16,
            "referencesPractice": 14,
            "start": 0,
            "text": "(zqtext OR zqtext*)",
          },
        },
      ]
    `);
  });

  it('goodPractices by area code, with a cursor', async () => {
    const after = encodeCursor(connectionKey('goodPractices', { area: 'B' }), 4);
    expect(await statementsOf(`{ goodPractices(filter: {area: "B"}, first: 5, after: "${after}") { edges { cursor node { number } } } }`))
      .toMatchInlineSnapshot(`
        [
          {
            "cypher": "MATCH (n:GoodPractice)
        WHERE (n.areaCode = toUpper($area))
        WITH n ORDER BY n.number
        WITH collect(n) AS matching
        WITH size(matching) AS total, matching, $start AS start, CASE WHEN $end IS NULL OR $end > size(matching) THEN size(matching) ELSE $end END AS end
        WITH total, matching, start, CASE WHEN $first IS NOT NULL AND start + $first < end THEN start + $first ELSE end END AS end
        WITH total, matching, CASE WHEN $last IS NOT NULL AND end - $last > start THEN end - $last ELSE start END AS start, end
        RETURN total, start, [x IN matching[start..end] | x{.id, .number}] AS page",
            "parameters": {
              "area": "b",
              "end": null,
              "first": 5,
              "last": null,
              "start": 5,
            },
          },
        ]
      `);
  });

  it('actors, instruments and examples with their filters', async () => {
    const statements = [
      ...(await statementsOf('{ actors(filter: {name: "zqname", category: "zqcategory", practice: 3}) { nodes { id name } } }')),
      ...(await statementsOf('{ instruments(filter: {text: "zqtext", issuer: "zqissuer", kind: "zqkind", year: 2015, practice: 3}) { nodes { id title } } }')),
      ...(await statementsOf('{ examples(filter: {text: "zqtext", country: "zqcountry", organization: "zqorg", practice: 3}) { nodes { id name } } }')),
    ];
    expectNoSplicedValues(statements, ['zqname', 'zqcategory', 'zqtext', 'zqissuer', 'zqkind', 'zqcountry', 'zqorg']);
    expect(statements).toMatchInlineSnapshot(`
      [
        {
          "cypher": "MATCH (n:Actor)
      WHERE (toLower(n.name) CONTAINS $name
          OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $name)
          OR EXISTS { MATCH (:GoodPractice)-[m:MENTIONS_ACTOR]->(n) WHERE toLower(m.text) CONTAINS $name })
        AND (toLower(n.category) = $category)
        AND (EXISTS { MATCH (:GoodPractice {number: $practice})-[:MENTIONS_ACTOR]->(n) })
      WITH n ORDER BY toLower(n.name), n.id
      WITH collect(n) AS matching
      WITH size(matching) AS total, matching, $start AS start, CASE WHEN $end IS NULL OR $end > size(matching) THEN size(matching) ELSE $end END AS end
      WITH total, matching, start, CASE WHEN $first IS NOT NULL AND start + $first < end THEN start + $first ELSE end END AS end
      WITH total, matching, CASE WHEN $last IS NOT NULL AND end - $last > start THEN end - $last ELSE start END AS start, end
      RETURN total, start, [x IN matching[start..end] | x{.id, .name}] AS page",
          "parameters": {
            "category": "zqcategory",
            "end": null,
            "first": 25,
            "last": null,
            "name": "zqname",
            "practice": 3,
            "start": 0,
          },
        },
        {
          "cypher": "MATCH (n:Instrument)
      WHERE (toLower(coalesce(n.shortName, '')) CONTAINS $instrument
          OR toLower(coalesce(n.symbol, '')) CONTAINS $instrument
          OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $instrument)
          OR all(word IN $instrumentWords WHERE toLower(n.title) CONTAINS word))
        AND (toLower(n.issuer) CONTAINS $issuer)
        AND (toLower(n.kind) = $kind)
        AND (n.year = $year)
        AND (EXISTS { MATCH (:GoodPractice {number: $practice})-[:CITES]->(n) })
      WITH n ORDER BY toLower(n.title), n.id
      WITH collect(n) AS matching
      WITH size(matching) AS total, matching, $start AS start, CASE WHEN $end IS NULL OR $end > size(matching) THEN size(matching) ELSE $end END AS end
      WITH total, matching, start, CASE WHEN $first IS NOT NULL AND start + $first < end THEN start + $first ELSE end END AS end
      WITH total, matching, CASE WHEN $last IS NOT NULL AND end - $last > start THEN end - $last ELSE start END AS start, end
      RETURN total, start, [x IN matching[start..end] | x{.id, .title}] AS page",
          "parameters": {
            "end": null,
            "first": 25,
            "instrument": "zqtext",
            "instrumentWords": [
              "zqtext",
            ],
            "issuer": "zqissuer",
            "kind": "zqkind",
            "last": null,
            "practice": 3,
            "start": 0,
            "year": 2015,
          },
        },
        {
          "cypher": "MATCH (n:Example)
      WHERE (all(word IN $words WHERE toLower(n.name + ' ' + coalesce(n.description, '')) CONTAINS word))
        AND (EXISTS { MATCH (n)-[:LOCATED_IN]->(c:Country) WHERE toLower(c.name) = $country OR c.id = $country })
        AND (EXISTS { MATCH (n)-[:RUN_BY]->(o:Organization)
          WHERE toLower(o.name) = $organization OR o.id = $organization
            OR any(alias IN coalesce(o.aliases, []) WHERE toLower(alias) = $organization) })
        AND (EXISTS { MATCH (:GoodPractice {number: $practice})-[:HAS_EXAMPLE]->(n) })
      WITH n ORDER BY toLower(n.name), n.id
      WITH collect(n) AS matching
      WITH size(matching) AS total, matching, $start AS start, CASE WHEN $end IS NULL OR $end > size(matching) THEN size(matching) ELSE $end END AS end
      WITH total, matching, start, CASE WHEN $first IS NOT NULL AND start + $first < end THEN start + $first ELSE end END AS end
      WITH total, matching, CASE WHEN $last IS NOT NULL AND end - $last > start THEN end - $last ELSE start END AS start, end
      RETURN total, start, [x IN matching[start..end] | x{.id, .name}] AS page",
          "parameters": {
            "country": "zqcountry",
            "end": null,
            "first": 25,
            "last": null,
            "organization": "zqorg",
            "practice": 3,
            "start": 0,
            "words": [
              "zqtext",
            ],
          },
        },
      ]
    `);
  });

  it('node, nodes, actor, instrument, example, area, footnote: lookups by key', async () => {
    const statements = await statementsOf(`{
      node(id: "gp:1") { id ... on GoodPractice { title } ... on Actor { name } }
      nodes(ids: ["actor:x", "instrument:y"]) { id }
      actor(id: "actor:zqactor") { name }
      instrument(id: "instrument:zqinstrument") { title }
      example(id: "example:zqexample") { name }
      area(code: "a") { title }
      footnote(number: 4) { text }
    }`);
    expect(statements).toMatchInlineSnapshot(`
      [
        {
          "cypher": "UNWIND $ids AS id
      MATCH (x:Node {id: id})
      RETURN x{.id, .name, .title, __labels: labels(x)} AS x",
          "parameters": {
            "ids": [
              "gp:1",
            ],
          },
        },
        {
          "cypher": "UNWIND $ids AS id
      MATCH (x:Node {id: id})
      RETURN x{.id, __labels: labels(x)} AS x",
          "parameters": {
            "ids": [
              "actor:x",
              "instrument:y",
            ],
          },
        },
        {
          "cypher": "UNWIND $ids AS id
      MATCH (x:Node {id: id})
      RETURN x{.id, .name} AS x",
          "parameters": {
            "ids": [
              "actor:zqactor",
            ],
          },
        },
        {
          "cypher": "UNWIND $ids AS id
      MATCH (x:Node {id: id})
      RETURN x{.id, .title} AS x",
          "parameters": {
            "ids": [
              "instrument:zqinstrument",
            ],
          },
        },
        {
          "cypher": "UNWIND $ids AS id
      MATCH (x:Node {id: id})
      RETURN x{.id, .name} AS x",
          "parameters": {
            "ids": [
              "example:zqexample",
            ],
          },
        },
        {
          "cypher": "UNWIND $ids AS id
      MATCH (x:Node {id: id})
      RETURN x{.id, .title} AS x",
          "parameters": {
            "ids": [
              "area:A",
            ],
          },
        },
        {
          "cypher": "UNWIND $ids AS id
      MATCH (x:Node {id: id})
      RETURN x{.id, .text} AS x",
          "parameters": {
            "ids": [
              "footnote:4",
            ],
          },
        },
      ]
    `);
  });

  it('plain lists: areas, organizations, countries, footnotes and Section 1', async () => {
    const statements = await statementsOf(`{
      areas { code } organizations(name: "zqorg") { name } countries(name: "zqcountry") { name } footnotes { number }
      nexusFamilies { name } manifestations { name } notions { name } regionalContexts { name }
      watchPoints(category: "zqcategory") { factor } regionalMeetings { place }
    }`);
    expectNoSplicedValues(statements, ['zqorg', 'zqcountry', 'zqcategory']);
    expect(statements).toMatchInlineSnapshot(`
      [
        {
          "cypher": "MATCH (x:Area)
      WHERE ($name IS NULL OR any(value IN [toLower(x.name)] + [alias IN coalesce(x.aliases, []) | toLower(alias)] WHERE
          CASE $match WHEN 'EXACT' THEN value = $name WHEN 'PREFIX' THEN value STARTS WITH $name ELSE value CONTAINS $name END))
        AND ($category IS NULL OR toLower(x.category) = $category)
      WITH x ORDER BY x.order, x.code, x.number, x.letter, x.name, x.id
      RETURN x{.id, .code} AS x",
          "parameters": {
            "category": null,
            "match": "CONTAINS",
            "name": null,
          },
        },
        {
          "cypher": "MATCH (x:Organization)
      WHERE ($name IS NULL OR any(value IN [toLower(x.name)] + [alias IN coalesce(x.aliases, []) | toLower(alias)] WHERE
          CASE $match WHEN 'EXACT' THEN value = $name WHEN 'PREFIX' THEN value STARTS WITH $name ELSE value CONTAINS $name END))
        AND ($category IS NULL OR toLower(x.category) = $category)
      WITH x ORDER BY toLower(x.name), x.id
      RETURN x{.id, .name} AS x",
          "parameters": {
            "category": null,
            "match": "CONTAINS",
            "name": "zqorg",
          },
        },
        {
          "cypher": "MATCH (x:Country)
      WHERE ($name IS NULL OR any(value IN [toLower(x.name)] + [alias IN coalesce(x.aliases, []) | toLower(alias)] WHERE
          CASE $match WHEN 'EXACT' THEN value = $name WHEN 'PREFIX' THEN value STARTS WITH $name ELSE value CONTAINS $name END))
        AND ($category IS NULL OR toLower(x.category) = $category)
      WITH x ORDER BY toLower(x.name), x.id
      RETURN x{.id, .name} AS x",
          "parameters": {
            "category": null,
            "match": "CONTAINS",
            "name": "zqcountry",
          },
        },
        {
          "cypher": "MATCH (x:Footnote)
      WHERE ($name IS NULL OR any(value IN [toLower(x.name)] + [alias IN coalesce(x.aliases, []) | toLower(alias)] WHERE
          CASE $match WHEN 'EXACT' THEN value = $name WHEN 'PREFIX' THEN value STARTS WITH $name ELSE value CONTAINS $name END))
        AND ($category IS NULL OR toLower(x.category) = $category)
      WITH x ORDER BY x.order, x.code, x.number, x.letter, x.name, x.id
      RETURN x{.id, .number} AS x",
          "parameters": {
            "category": null,
            "match": "CONTAINS",
            "name": null,
          },
        },
        {
          "cypher": "MATCH (x:NexusFamily)
      WHERE ($name IS NULL OR any(value IN [toLower(x.name)] + [alias IN coalesce(x.aliases, []) | toLower(alias)] WHERE
          CASE $match WHEN 'EXACT' THEN value = $name WHEN 'PREFIX' THEN value STARTS WITH $name ELSE value CONTAINS $name END))
        AND ($category IS NULL OR toLower(x.category) = $category)
      WITH x ORDER BY x.order, x.code, x.number, x.letter, x.name, x.id
      RETURN x{.id, .name} AS x",
          "parameters": {
            "category": null,
            "match": "CONTAINS",
            "name": null,
          },
        },
        {
          "cypher": "MATCH (x:Manifestation)
      WHERE ($name IS NULL OR any(value IN [toLower(x.name)] + [alias IN coalesce(x.aliases, []) | toLower(alias)] WHERE
          CASE $match WHEN 'EXACT' THEN value = $name WHEN 'PREFIX' THEN value STARTS WITH $name ELSE value CONTAINS $name END))
        AND ($category IS NULL OR toLower(x.category) = $category)
      WITH x ORDER BY x.order, x.code, x.number, x.letter, x.name, x.id
      RETURN x{.id, .name} AS x",
          "parameters": {
            "category": null,
            "match": "CONTAINS",
            "name": null,
          },
        },
        {
          "cypher": "MATCH (x:Notion)
      WHERE ($name IS NULL OR any(value IN [toLower(x.name)] + [alias IN coalesce(x.aliases, []) | toLower(alias)] WHERE
          CASE $match WHEN 'EXACT' THEN value = $name WHEN 'PREFIX' THEN value STARTS WITH $name ELSE value CONTAINS $name END))
        AND ($category IS NULL OR toLower(x.category) = $category)
      WITH x ORDER BY x.order, x.code, x.number, x.letter, x.name, x.id
      RETURN x{.id, .name} AS x",
          "parameters": {
            "category": null,
            "match": "CONTAINS",
            "name": null,
          },
        },
        {
          "cypher": "MATCH (x:RegionalContext)
      WHERE ($name IS NULL OR any(value IN [toLower(x.name)] + [alias IN coalesce(x.aliases, []) | toLower(alias)] WHERE
          CASE $match WHEN 'EXACT' THEN value = $name WHEN 'PREFIX' THEN value STARTS WITH $name ELSE value CONTAINS $name END))
        AND ($category IS NULL OR toLower(x.category) = $category)
      WITH x ORDER BY x.order, x.code, x.number, x.letter, x.name, x.id
      RETURN x{.id, .name} AS x",
          "parameters": {
            "category": null,
            "match": "CONTAINS",
            "name": null,
          },
        },
        {
          "cypher": "MATCH (x:WatchPoint)
      WHERE ($name IS NULL OR any(value IN [toLower(x.name)] + [alias IN coalesce(x.aliases, []) | toLower(alias)] WHERE
          CASE $match WHEN 'EXACT' THEN value = $name WHEN 'PREFIX' THEN value STARTS WITH $name ELSE value CONTAINS $name END))
        AND ($category IS NULL OR toLower(x.category) = $category)
      WITH x ORDER BY x.order, x.code, x.number, x.letter, x.name, x.id
      RETURN x{.id, .factor} AS x",
          "parameters": {
            "category": "zqcategory",
            "match": "CONTAINS",
            "name": null,
          },
        },
        {
          "cypher": "MATCH (x:RegionalMeeting)
      WHERE ($name IS NULL OR any(value IN [toLower(x.name)] + [alias IN coalesce(x.aliases, []) | toLower(alias)] WHERE
          CASE $match WHEN 'EXACT' THEN value = $name WHEN 'PREFIX' THEN value STARTS WITH $name ELSE value CONTAINS $name END))
        AND ($category IS NULL OR toLower(x.category) = $category)
      WITH x ORDER BY x.order, x.code, x.number, x.letter, x.name, x.id
      RETURN x{.id, .place} AS x",
          "parameters": {
            "category": null,
            "match": "CONTAINS",
            "name": null,
          },
        },
      ]
    `);
  });

  it('search: every index once, the query as a Lucene parameter', async () => {
    const statements = await statementsOf('{ search(query: "zqsearch prison", types: [GOOD_PRACTICE, STEP], first: 5) { score snippet node { id } } }');
    expectNoSplicedValues(statements, ['zqsearch']);
    expect(statements).toMatchInlineSnapshot(`
      [
        {
          "cypher": "MATCH (d:Dataset) WHERE d.version IS NOT NULL RETURN d.version + '@' + toString(d.loadedAt) AS version ORDER BY d.loadedAt DESC LIMIT 1",
          "parameters": {},
        },
        {
          "cypher": "MATCH (n:Node) WHERE any(label IN labels(n) WHERE label IN $labels)
      UNWIND $fields AS field
      WITH n[field] AS value WHERE value IS NOT NULL
      RETURN collect(value) AS texts",
          "parameters": {
            "fields": [
              "paragraphs",
              "title",
              "lead",
              "text",
              "items",
              "name",
              "aliases",
              "shortName",
              "symbol",
              "description",
              "definition",
              "factor",
              "indicators",
            ],
            "labels": [
              "Section",
              "GoodPractice",
              "KeyAction",
              "Step",
              "Actor",
              "Instrument",
              "Example",
              "Organization",
              "Country",
              "Footnote",
              "Manifestation",
              "Notion",
              "RegionalContext",
              "WatchPoint",
            ],
          },
        },
        {
          "cypher": "CALL {
        CALL db.index.fulltext.queryNodes('practice_text', $query, {limit: $candidates}) YIELD node, score RETURN node, score, 'practice_text' AS source
        UNION ALL
        CALL db.index.fulltext.queryNodes('step_text', $query, {limit: $candidates}) YIELD node, score RETURN node, score, 'step_text' AS source
        UNION ALL
        CALL db.index.fulltext.queryNodes('actor_names', $query, {limit: 3}) YIELD node AS hit, score
        MATCH (node:GoodPractice)-[:MENTIONS_ACTOR]->(hit)
        RETURN node, score * 0.3 AS score, 'actor_names:practices' AS source
        UNION ALL
        CALL db.index.fulltext.queryNodes('instrument_text', $query, {limit: 3}) YIELD node AS hit, score
        MATCH (node:GoodPractice)-[:CITES]->(hit)
        RETURN node, score * 0.3 AS score, 'instrument_text:practices' AS source
      }
      WITH node, source, max(score) AS best WHERE any(label IN labels(node) WHERE label IN $labels)
      WITH node, sum(best) * count(source) AS score
      WITH node, score ORDER BY score DESC, node.id LIMIT $limit
      RETURN node{.id, __labels: labels(node), __perLabel: CASE [label IN labels(node) WHERE label <> 'Node'][0] WHEN 'Document' THEN [] WHEN 'Section' THEN [node.paragraphs, node.title] WHEN 'Area' THEN [] WHEN 'GoodPractice' THEN [node.title, node.lead] WHEN 'KeyAction' THEN [node.text, node.lead] WHEN 'Step' THEN [node.text, node.items] WHEN 'Actor' THEN [node.name, node.aliases] WHEN 'Instrument' THEN [node.title, node.shortName, node.symbol, node.aliases] WHEN 'Example' THEN [node.name, node.description] WHEN 'Organization' THEN [node.name, node.aliases] WHEN 'Country' THEN [node.name] WHEN 'Footnote' THEN [node.text] WHEN 'NexusFamily' THEN [] WHEN 'Manifestation' THEN [node.name, node.definition, node.description, node.factor, node.indicators] WHEN 'Notion' THEN [node.name, node.definition, node.description, node.factor, node.indicators] WHEN 'RegionalContext' THEN [node.name, node.definition, node.description, node.factor, node.indicators] WHEN 'WatchPoint' THEN [node.name, node.definition, node.description, node.factor, node.indicators] WHEN 'RegionalMeeting' THEN [] ELSE [] END, __perLabelKinds: "search"} AS node, score",
          "parameters": {
            "candidates": 50,
            "labels": [
              "GoodPractice",
              "Step",
            ],
            "limit": 5,
            "query": "((zqsearch^4 OR zqsearch*^2) (prison^4 OR prison*^2)) (+(zqsearch^4 OR zqsearch*^2) +(prison^4 OR prison*^2))^3 "zqsearch prison"~3^3",
          },
        },
      ]
    `);
  });

  it('relatedPractices, paths, neighborhood and dataset', async () => {
    const statements = [
      ...(await statementsOf('{ relatedPractices(number: 3, first: 5) { score practice { number } sharedActors { name } } }')),
      ...(await statementsOf('{ paths(from: "gp:2", to: "actor:zqactor", maxLength: 3) { length nodes { id label } relationships { type } } }')),
      ...(await statementsOf('{ neighborhood(id: "gp:3", depth: 2, types: ["HAS_STEP", "CITES", "HAS_STEP"]) { nodes { id type label } edges { source target type } } }')),
      ...(await statementsOf('{ dataset { version nodeCount } }')),
    ];
    expectNoSplicedValues(statements, ['zqactor']);
    expect(statements).toMatchInlineSnapshot(`
      [
        {
          "cypher": "UNWIND $ids AS sourceId
      MATCH (p:GoodPractice {id: sourceId})
      CALL (p) {
        MATCH (p)-[:MENTIONS_ACTOR]->(a:Actor)<-[:MENTIONS_ACTOR]-(q:GoodPractice) WHERE q <> p
        WITH DISTINCT q, a ORDER BY a.name
        RETURN q, collect(a{.id, .name, .shortName, .title}) AS actors, [] AS instruments, false AS referencesTo, false AS referencedFrom, false AS merged
        UNION ALL
        MATCH (p)-[:CITES]->(i:Instrument)<-[:CITES]-(q:GoodPractice) WHERE q <> p
        WITH DISTINCT q, i ORDER BY i.title
        RETURN q, [] AS actors, collect(i{.id, .name, .shortName, .title}) AS instruments, false AS referencesTo, false AS referencedFrom, false AS merged
        UNION ALL
        MATCH (p)-[:REFERENCES]->(q:GoodPractice) WHERE q <> p
        RETURN DISTINCT q, [] AS actors, [] AS instruments, true AS referencesTo, false AS referencedFrom, false AS merged
        UNION ALL
        MATCH (p)<-[:REFERENCES]-(q:GoodPractice) WHERE q <> p
        RETURN DISTINCT q, [] AS actors, [] AS instruments, false AS referencesTo, true AS referencedFrom, false AS merged
        UNION ALL
        MATCH (p)-[:MERGED_WITH]-(q:GoodPractice) WHERE q <> p
        RETURN DISTINCT q, [] AS actors, [] AS instruments, false AS referencesTo, false AS referencedFrom, true AS merged
      }
      WITH sourceId, q, collect(actors) AS actorLists, collect(instruments) AS instrumentLists,
        any(flag IN collect(referencesTo) WHERE flag) AS referencesTo,
        any(flag IN collect(referencedFrom) WHERE flag) AS referencedFrom,
        any(flag IN collect(merged) WHERE flag) AS merged
      RETURN sourceId, q{.id, .number} AS q,
        reduce(all = [], list IN actorLists | all + list) AS actors,
        reduce(all = [], list IN instrumentLists | all + list) AS instruments,
        referencesTo, referencedFrom, merged",
          "parameters": {
            "ids": [
              "gp:3",
            ],
          },
        },
        {
          "cypher": "MATCH (a:Node {id: $from}), (b:Node {id: $to})
      MATCH p = allShortestPaths((a)-[*..3]-(b))
      WITH p LIMIT 200
      RETURN [x IN nodes(p) | x{.id, __labels: labels(x), __perLabel: CASE [label IN labels(x) WHERE label <> 'Node'][0] WHEN 'Document' THEN [x.title] WHEN 'Section' THEN [x.number, x.title] WHEN 'Area' THEN [x.code, x.title] WHEN 'GoodPractice' THEN [x.number, x.title] WHEN 'KeyAction' THEN [x.number] WHEN 'Step' THEN [x.number] WHEN 'Actor' THEN [x.name] WHEN 'Instrument' THEN [x.shortName, x.title] WHEN 'Example' THEN [x.name] WHEN 'Organization' THEN [x.name] WHEN 'Country' THEN [x.name] WHEN 'Footnote' THEN [x.number] WHEN 'NexusFamily' THEN [x.name] WHEN 'Manifestation' THEN [x.name] WHEN 'Notion' THEN [x.name] WHEN 'RegionalContext' THEN [x.name] WHEN 'WatchPoint' THEN [x.factor] WHEN 'RegionalMeeting' THEN [x.place, x.date] ELSE [] END, __perLabelKinds: "display"}] AS nodes,
        [r IN relationships(p) | r{.id, __type: type(r), __start: startNode(r).id, __end: endNode(r).id}] AS rels",
          "parameters": {
            "from": "gp:2",
            "to": "actor:zqactor",
          },
        },
        {
          "cypher": "MATCH (centre:Node {id: $id})
      MATCH (centre)-[:CITES|HAS_STEP*0..2]-(x:Node)
      WITH collect(DISTINCT x) AS found
      CALL (found) {
        UNWIND found AS a
        MATCH (a)-[r:CITES|HAS_STEP]->(b:Node)
        WHERE b IN found
        RETURN collect(r{.id, __type: type(r), __start: a.id, __end: b.id}) AS rels
      }
      RETURN [x IN found | x{.id, __labels: labels(x), __perLabel: CASE [label IN labels(x) WHERE label <> 'Node'][0] WHEN 'Document' THEN [x.title] WHEN 'Section' THEN [x.number, x.title] WHEN 'Area' THEN [x.code, x.title] WHEN 'GoodPractice' THEN [x.number, x.title] WHEN 'KeyAction' THEN [x.number] WHEN 'Step' THEN [x.number] WHEN 'Actor' THEN [x.name] WHEN 'Instrument' THEN [x.shortName, x.title] WHEN 'Example' THEN [x.name] WHEN 'Organization' THEN [x.name] WHEN 'Country' THEN [x.name] WHEN 'Footnote' THEN [x.number] WHEN 'NexusFamily' THEN [x.name] WHEN 'Manifestation' THEN [x.name] WHEN 'Notion' THEN [x.name] WHEN 'RegionalContext' THEN [x.name] WHEN 'WatchPoint' THEN [x.factor] WHEN 'RegionalMeeting' THEN [x.place, x.date] ELSE [] END, __perLabelKinds: "display"}] AS nodes, rels",
          "parameters": {
            "id": "gp:3",
          },
        },
        {
          "cypher": "MATCH (d:Dataset {key: $key})
      RETURN d.version AS version, d.sourceSha256 AS sourceSha256, d.sourcePath AS sourcePath,
        CASE WHEN d.loadedAt IS NULL THEN null ELSE toString(d.loadedAt) END AS loadedAt,
        d.nodeCount AS nodeCount, d.relationshipCount AS relationshipCount, d.analyticsComputedAt AS analyticsComputedAt",
          "parameters": {
            "key": "toolkit",
          },
        },
      ]
    `);
  });

  it('analytics: every figure read with its arguments as parameters, joined to the current dataset', async () => {
    // The runs read answers one stored run, so the fields below it run too.
    const run = { key: 'pageRank@v1', analysis: 'pageRank', description: '', algorithm: 'gds.pageRank.stream', parameters: '{}', projection: '{}', datasetVersion: 'v1', gdsVersion: '2.13.9', computedAt: '2026-01-01T00:00:00Z', statistics: '{}' };
    const reader = new RecordingGraphReader(undefined, ({ cypher }) =>
      cypher.includes('AnalyticsRun') ? [{ get: (key: string) => (key === 'runs' ? [run] : 'v1') } as never] : [],
    );
    const response = await server.executeOperation(
      {
        query: `query ($instrument: ID, $actor: ID) { analytics { centrality(type: ACTOR, first: 3) { rank } communities { number }
          coCitation(instrument: $instrument, first: 2) { weight } coOccurrence(actor: $actor) { weight } similarity(practice: 4) { score }
          areaActorCategories { category } } goodPractice(number: 1) { analytics { pageRank { score } } } }`,
        variables: { instrument: 'instrument:zqinstrument', actor: 'actor:zqactor' },
      },
      { contextValue: contextFor(reader) },
    );
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    expect(response.body.singleResult.errors).toBeUndefined();
    const statements = reader.statements.map(({ cypher, parameters }) => ({ cypher, parameters: JSON.parse(JSON.stringify(parameters, plain)) as Record<string, unknown> }));
    expectNoSplicedValues(statements, ['zqinstrument', 'zqactor']);
    expect(statements.every(({ cypher }) => !cypher.includes('AnalyticsScore') && !cypher.includes('AnalyticsPair') || cypher.includes('d.version'))).toBe(true);
    expect(statements).toMatchInlineSnapshot(`
      [
        {
          "cypher": "MATCH (d:Dataset {key: $key})
      OPTIONAL MATCH (r:AnalyticsRun) WHERE r.datasetVersion = d.version
      WITH d, r ORDER BY r.key
      RETURN d.version AS datasetVersion, collect(r {.*}) AS runs",
          "parameters": {
            "key": "toolkit",
          },
        },
        {
          "cypher": "MATCH (d:Dataset {key: $key})
      MATCH (s:AnalyticsScore {analysis: $analysis})
      WHERE s.datasetVersion = d.version AND ($label IS NULL OR s.label = $label)
      RETURN s.nodeId AS nodeId, s.value AS score, s.rank AS rank
      ORDER BY s.rank
      LIMIT $first",
          "parameters": {
            "analysis": "pageRank",
            "first": 3,
            "key": "toolkit",
            "label": "Actor",
          },
        },
        {
          "cypher": "MATCH (d:Dataset {key: $key})
      MATCH (s:AnalyticsScore {analysis: 'louvain'})
      WHERE s.datasetVersion = d.version
      MATCH (n:Node {id: s.nodeId})
      WITH s, n ORDER BY s.community, s.label, n.number, n.name, n.title, n.id
      RETURN s.community AS number, collect({id: s.nodeId, label: s.label}) AS members
      ORDER BY number",
          "parameters": {
            "key": "toolkit",
          },
        },
        {
          "cypher": "MATCH (d:Dataset {key: $key})
      MATCH (p:AnalyticsPair {analysis: $analysis})
      WHERE p.datasetVersion = d.version AND ($node IS NULL OR p.a = $node OR p.b = $node)
      RETURN p.a AS a, p.b AS b, p.weight AS weight, coalesce(p.practiceIds, []) AS practiceIds
      ORDER BY p.weight DESC, p.a, p.b
      LIMIT $first",
          "parameters": {
            "analysis": "instrumentCoCitation",
            "first": 2,
            "key": "toolkit",
            "node": "instrument:zqinstrument",
          },
        },
        {
          "cypher": "MATCH (d:Dataset {key: $key})
      MATCH (p:AnalyticsPair {analysis: $analysis})
      WHERE p.datasetVersion = d.version AND ($node IS NULL OR p.a = $node OR p.b = $node)
      RETURN p.a AS a, p.b AS b, p.weight AS weight, coalesce(p.practiceIds, []) AS practiceIds
      ORDER BY p.weight DESC, p.a, p.b
      LIMIT $first",
          "parameters": {
            "analysis": "actorCoOccurrence",
            "first": 50,
            "key": "toolkit",
            "node": "actor:zqactor",
          },
        },
        {
          "cypher": "MATCH (d:Dataset {key: $key})
      MATCH (p:AnalyticsPair {analysis: $analysis})
      WHERE p.datasetVersion = d.version AND ($node IS NULL OR p.a = $node OR p.b = $node)
      RETURN p.a AS a, p.b AS b, p.weight AS weight, coalesce(p.practiceIds, []) AS practiceIds
      ORDER BY p.weight DESC, p.a, p.b
      LIMIT $first",
          "parameters": {
            "analysis": "nodeSimilarity",
            "first": 50,
            "key": "toolkit",
            "node": "gp:4",
          },
        },
        {
          "cypher": "MATCH (area:Area)-[:HAS_PRACTICE]->(p:GoodPractice)-[:MENTIONS_ACTOR]->(actor:Actor)
      WITH area, actor.category AS category, p, actor ORDER BY p.number, actor.name
      WITH area, category, collect(DISTINCT p.id) AS practiceIds, collect(DISTINCT actor.id) AS actorIds
      RETURN area.id AS areaId, area.code AS areaCode, category, practiceIds, actorIds
      ORDER BY area.order, area.code, category",
          "parameters": {},
        },
        {
          "cypher": "UNWIND $numbers AS number
      MATCH (x:GoodPractice {number: number})
      RETURN x{.id, .number} AS x",
          "parameters": {
            "numbers": [
              1,
            ],
          },
        },
      ]
    `);
  });
});
