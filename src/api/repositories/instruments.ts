// International instruments: the filtered, paginated list behind `instruments`.
import type { NodePlan, ReadSink } from '../../graph/plan.js';
import type { CypherParameters, GraphReader } from '../../graph/reader.js';
import type { ConnectionRecord } from '../model.js';
import type { PageRequest } from '../pagination.js';
import { optionalFilterText, wordsOf } from '../text-match.js';
import { readConnection, type ConnectionQuery } from './connection.js';
import { instrumentMatches } from './practices.js';

export interface InstrumentFilter {
  text?: string | null | undefined;
  issuer?: string | null | undefined;
  kind?: string | null | undefined;
  year?: number | null | undefined;
  practice?: number | null | undefined;
}

export function instrumentQuery(filter: InstrumentFilter = {}): ConnectionQuery {
  const conditions: string[] = [];
  const parameters: CypherParameters = {};
  const text = optionalFilterText(filter.text, 'filter.text');
  if (text !== null) {
    parameters['instrument'] = text;
    parameters['instrumentWords'] = wordsOf(text);
    conditions.push(instrumentMatches('n'));
  }
  const issuer = optionalFilterText(filter.issuer, 'filter.issuer');
  if (issuer !== null) {
    parameters['issuer'] = issuer;
    conditions.push('toLower(n.issuer) CONTAINS $issuer');
  }
  const kind = optionalFilterText(filter.kind, 'filter.kind');
  if (kind !== null) {
    parameters['kind'] = kind;
    conditions.push('toLower(n.kind) = $kind');
  }
  if (filter.year !== null && filter.year !== undefined) {
    parameters['year'] = filter.year;
    conditions.push('n.year = $year');
  }
  if (filter.practice !== null && filter.practice !== undefined) {
    parameters['practice'] = filter.practice;
    conditions.push('EXISTS { MATCH (:GoodPractice {number: $practice})-[:CITES]->(n) }');
  }
  return { label: 'Instrument', conditions, parameters, orderBy: 'toLower(n.title), n.id' };
}

export function readInstruments(reader: GraphReader, filter: InstrumentFilter | null | undefined, page: PageRequest,
  plan: NodePlan,
  sink: ReadSink,
): Promise<ConnectionRecord> {
  return readConnection(reader, instrumentQuery(filter ?? {}), page, plan, sink);
}
