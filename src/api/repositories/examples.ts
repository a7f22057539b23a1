// Examples of initiatives: the filtered, paginated list behind `examples`.
import type { NodePlan, ReadSink } from '../../graph/plan.js';
import type { CypherParameters, GraphReader } from '../../graph/reader.js';
import type { ConnectionRecord } from '../model.js';
import type { PageRequest } from '../pagination.js';
import { optionalFilterText, wordsOf } from '../text-match.js';
import { readConnection, type ConnectionQuery } from './connection.js';

export interface ExampleFilter {
  text?: string | null | undefined;
  country?: string | null | undefined;
  organization?: string | null | undefined;
  practice?: number | null | undefined;
}

export function exampleQuery(filter: ExampleFilter = {}): ConnectionQuery {
  const conditions: string[] = [];
  const parameters: CypherParameters = {};
  const text = optionalFilterText(filter.text, 'filter.text');
  if (text !== null) {
    parameters['words'] = wordsOf(text);
    conditions.push("all(word IN $words WHERE toLower(n.name + ' ' + coalesce(n.description, '')) CONTAINS word)");
  }
  const country = optionalFilterText(filter.country, 'filter.country');
  if (country !== null) {
    parameters['country'] = country;
    conditions.push('EXISTS { MATCH (n)-[:LOCATED_IN]->(c:Country) WHERE toLower(c.name) = $country OR c.id = $country }');
  }
  const organization = optionalFilterText(filter.organization, 'filter.organization');
  if (organization !== null) {
    parameters['organization'] = organization;
    conditions.push(`EXISTS { MATCH (n)-[:RUN_BY]->(o:Organization)
    WHERE toLower(o.name) = $organization OR o.id = $organization
      OR any(alias IN coalesce(o.aliases, []) WHERE toLower(alias) = $organization) }`);
  }
  if (filter.practice !== null && filter.practice !== undefined) {
    parameters['practice'] = filter.practice;
    conditions.push('EXISTS { MATCH (:GoodPractice {number: $practice})-[:HAS_EXAMPLE]->(n) }');
  }
  return { label: 'Example', conditions, parameters, orderBy: 'toLower(n.name), n.id' };
}

export function readExamples(reader: GraphReader, filter: ExampleFilter | null | undefined, page: PageRequest,
  plan: NodePlan,
  sink: ReadSink,
): Promise<ConnectionRecord> {
  return readConnection(reader, exampleQuery(filter ?? {}), page, plan, sink);
}
