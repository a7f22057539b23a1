// Actors: the filtered, paginated list behind `actors`.
import type { NodePlan, ReadSink } from '../../graph/plan.js';
import type { CypherParameters, GraphReader } from '../../graph/reader.js';
import type { ConnectionRecord } from '../model.js';
import type { PageRequest } from '../pagination.js';
import { optionalFilterText } from '../text-match.js';
import { readConnection, type ConnectionQuery } from './connection.js';

export interface ActorFilter {
  name?: string | null | undefined;
  category?: string | null | undefined;
  practice?: number | null | undefined;
}

export function actorQuery(filter: ActorFilter = {}): ConnectionQuery {
  const conditions: string[] = [];
  const parameters: CypherParameters = {};
  const name = optionalFilterText(filter.name, 'filter.name');
  if (name !== null) {
    parameters['name'] = name;
    conditions.push(`toLower(n.name) CONTAINS $name
    OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $name)
    OR EXISTS { MATCH (:GoodPractice)-[m:MENTIONS_ACTOR]->(n) WHERE toLower(m.text) CONTAINS $name }`);
  }
  const category = optionalFilterText(filter.category, 'filter.category');
  if (category !== null) {
    parameters['category'] = category;
    conditions.push('toLower(n.category) = $category');
  }
  if (filter.practice !== null && filter.practice !== undefined) {
    parameters['practice'] = filter.practice;
    conditions.push('EXISTS { MATCH (:GoodPractice {number: $practice})-[:MENTIONS_ACTOR]->(n) }');
  }
  return { label: 'Actor', conditions, parameters, orderBy: 'toLower(n.name), n.id' };
}

export function readActors(reader: GraphReader, filter: ActorFilter | null | undefined, page: PageRequest,
  plan: NodePlan,
  sink: ReadSink,
): Promise<ConnectionRecord> {
  return readConnection(reader, actorQuery(filter ?? {}), page, plan, sink);
}
