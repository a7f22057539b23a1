// Good practices: the filtered, paginated list behind `goodPractices`.
import { badUserInput } from '../errors.js';
import type { NodePlan, ReadSink } from '../../graph/plan.js';
import type { CypherParameters, GraphReader } from '../../graph/reader.js';
import { toLuceneQuery } from '../lucene.js';
import type { ConnectionRecord } from '../model.js';
import type { PageRequest } from '../pagination.js';
import { optionalFilterText, wordsOf } from '../text-match.js';
import { readConnection, type ConnectionQuery } from './connection.js';

export interface PracticeFilter {
  area?: string | null | undefined;
  actor?: string | null | undefined;
  instrument?: string | null | undefined;
  country?: string | null | undefined;
  organization?: string | null | undefined;
  text?: string | null | undefined;
  referencesPractice?: number | null | undefined;
  referencedByPractice?: number | null | undefined;
}

/** Actor named by canonical name, alias or the wording of the mention. */
export const ACTOR_MATCHES = `toLower(a.name) CONTAINS $actor
    OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) CONTAINS $actor)
    OR toLower(coalesce(m.text, '')) CONTAINS $actor`;

/** Instrument named by short name, UN symbol, alias or title words. */
export function instrumentMatches(i: string): string {
  return `toLower(coalesce(${i}.shortName, '')) CONTAINS $instrument
    OR toLower(coalesce(${i}.symbol, '')) CONTAINS $instrument
    OR any(alias IN coalesce(${i}.aliases, []) WHERE toLower(alias) CONTAINS $instrument)
    OR all(word IN $instrumentWords WHERE toLower(${i}.title) CONTAINS word)`;
}

/** The full-text hits of `$text` (title, lead, key actions, steps, examples) as practice ids. */
const TEXT_PRELUDE = `CALL {
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
WITH collect(practiceId) AS textMatches`;

function practiceNumber(value: number | null | undefined, argument: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1) throw badUserInput(`${argument} must be a practice number (1 or more), got ${value}`, { argumentName: argument });
  return value;
}

/** The Cypher of a practice filter: every given field adds one condition (AND). */
export function practiceQuery(filter: PracticeFilter = {}): ConnectionQuery {
  const conditions: string[] = [];
  const parameters: CypherParameters = {};
  const prelude: string[] = [];

  const area = optionalFilterText(filter.area, 'filter.area');
  if (area !== null) {
    parameters['area'] = area;
    conditions.push(
      /^[a-d]$/.test(area)
        ? 'n.areaCode = toUpper($area)'
        : 'EXISTS { MATCH (area:Area)-[:HAS_PRACTICE]->(n) WHERE toLower(area.title) CONTAINS $area }',
    );
  }
  const actor = optionalFilterText(filter.actor, 'filter.actor');
  if (actor !== null) {
    parameters['actor'] = actor;
    conditions.push(`EXISTS { MATCH (n)-[m:MENTIONS_ACTOR]->(a:Actor) WHERE ${ACTOR_MATCHES} }`);
  }
  const instrument = optionalFilterText(filter.instrument, 'filter.instrument');
  if (instrument !== null) {
    parameters['instrument'] = instrument;
    parameters['instrumentWords'] = wordsOf(instrument);
    conditions.push(`EXISTS { MATCH (n)-[:CITES]->(i:Instrument) WHERE ${instrumentMatches('i')} }`);
  }
  const country = optionalFilterText(filter.country, 'filter.country');
  if (country !== null) {
    parameters['country'] = country;
    conditions.push(
      'EXISTS { MATCH (n)-[:HAS_EXAMPLE]->(:Example)-[:LOCATED_IN]->(c:Country) WHERE toLower(c.name) = $country OR c.id = $country }',
    );
  }
  const organization = optionalFilterText(filter.organization, 'filter.organization');
  if (organization !== null) {
    parameters['organization'] = organization;
    conditions.push(`EXISTS { MATCH (n)-[:HAS_EXAMPLE]->(:Example)-[:RUN_BY]->(o:Organization)
    WHERE toLower(o.name) = $organization OR o.id = $organization
      OR any(alias IN coalesce(o.aliases, []) WHERE toLower(alias) = $organization) }`);
  }
  if (filter.text !== null && filter.text !== undefined) {
    const text = toLuceneQuery(filter.text, 'all');
    if (text === null) throw badUserInput('filter.text must contain at least one word', { argumentName: 'filter.text' });
    parameters['text'] = text;
    prelude.push(TEXT_PRELUDE);
    conditions.push('n.id IN textMatches');
  }
  const references = practiceNumber(filter.referencesPractice, 'filter.referencesPractice');
  if (references !== null) {
    parameters['referencesPractice'] = references;
    conditions.push('EXISTS { MATCH (n)-[:REFERENCES]->(:GoodPractice {number: $referencesPractice}) }');
  }
  const referencedBy = practiceNumber(filter.referencedByPractice, 'filter.referencedByPractice');
  if (referencedBy !== null) {
    parameters['referencedByPractice'] = referencedBy;
    conditions.push('EXISTS { MATCH (:GoodPractice {number: $referencedByPractice})-[:REFERENCES]->(n) }');
  }
  return { label: 'GoodPractice', prelude, conditions, parameters, orderBy: 'n.number' };
}

export function readPractices(reader: GraphReader, filter: PracticeFilter | null | undefined, page: PageRequest,
  plan: NodePlan,
  sink: ReadSink,
): Promise<ConnectionRecord> {
  return readConnection(reader, practiceQuery(filter ?? {}), page, plan, sink);
}
